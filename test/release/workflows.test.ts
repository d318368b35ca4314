import * as fs from 'fs';
import * as path from 'path';
import { parse } from 'yaml';

/** The GitHub Actions workflows parsed as GitHub reads them (YAML 1.2, so `on` stays a key). */
interface Step {
	uses?: string;
	run?: string;
	with?: Record<string, unknown>;
}
interface Job {
	uses?: string;
	needs?: string | string[];
	permissions?: Record<string, string>;
	steps?: Step[];
}
interface Workflow {
	on: Record<string, { tags?: string[]; branches?: string[] } | null>;
	permissions?: Record<string, string>;
	jobs: Record<string, Job>;
}

const load = (name: string): Workflow => parse(fs.readFileSync(path.resolve(__dirname, '../../.github/workflows', name), 'utf8'), { strict: true });
const runs = (job: Job, pattern: RegExp) => (job.steps ?? []).findIndex((step) => pattern.test(step.run ?? ''));

describe('.github/workflows/publish.yml', () => {
	const workflow = load('publish.yml');
	const [name, publisher] = Object.entries(workflow.jobs).find(([, job]) => runs(job, /^npm publish --provenance --access public$/) >= 0) ?? [];

	it('runs on a version tag only', () => {
		expect(workflow.on).toEqual({ push: { tags: ['v*'] } });
	});

	it('publishes with provenance only after ci.yml, which runs .ci/run, has passed', () => {
		expect(name).toBeDefined();
		const needs = [publisher?.needs ?? []].flat();
		expect(needs.map((job) => workflow.jobs[job]?.uses)).toContain('./.github/workflows/ci.yml');
		const order = [/^npm ci$/, /^npm run build$/, /^npm publish /].map((step) => runs(publisher!, step));
		expect(order[0]).toBeGreaterThanOrEqual(0);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
	});

	it('gives the OIDC token for trusted publishing to the publishing job alone, and no npm token to anyone', () => {
		expect(publisher?.permissions).toEqual({ 'id-token': 'write', contents: 'read' });
		expect(workflow.permissions).toEqual({ contents: 'read' });
		expect(Object.entries(workflow.jobs).filter(([, job]) => job.permissions?.['id-token']).map(([job]) => job)).toEqual([name]);
		expect(JSON.stringify(workflow)).not.toMatch(/NPM_TOKEN|NODE_AUTH_TOKEN|secrets\./);
	});

	it('points npm at the public registry', () => {
		const setupNode = publisher?.steps?.find((step) => step.uses?.startsWith('actions/setup-node@'));
		expect(setupNode?.with).toMatchObject({ 'node-version': 24, 'registry-url': 'https://registry.npmjs.org' });
	});
});

describe('.github/workflows/ci.yml', () => {
	const workflow = load('ci.yml');

	it('runs .ci/run on pull requests, on pushes to main and when publish.yml calls it', () => {
		expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push', 'workflow_call']);
		expect(workflow.on.push?.branches).toEqual(['main']);
		expect(Object.values(workflow.jobs).some((job) => runs(job, /^bash \.ci\/run$/) >= 0)).toBe(true);
	});
});
