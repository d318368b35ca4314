/**
 * What the editor shows about our nodes and credentials, checked without a browser (runs in `npm test`):
 * parameter descriptions, light and dark icons, `usableAsTool`, and the codex files (categories, aliases,
 * documentation links that land on README headings).
 */
import * as fs from 'fs';
import * as path from 'path';
import type { ICredentialType, INodeProperties, INodePropertyCollection, INodePropertyOptions, INodeType } from 'n8n-workflow';

import packageJson from '../../package.json';
import { PACKAGE, credentialTypes, nodeClasses } from '../support/n8n';

const ROOT = path.resolve(__dirname, '../..');
const README = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');

/** The TypeScript source folder and file stem of each declared node, by node name. */
const nodeSources: Record<string, { dir: string; stem: string }> = Object.fromEntries(
	packageJson.n8n.nodes.map((distPath) => {
		const rel = distPath.replace(/^dist\//, '').replace(/\.node\.js$/, '');
		const name = Object.values(nodeClasses).find((n) => sourceOf(n) === rel)?.description.name;
		return [name ?? rel, { dir: path.join(ROOT, path.dirname(rel)), stem: path.basename(rel) }];
	}),
);

/** Which declared file a node instance came from (its class name is the file stem). */
function sourceOf(node: INodeType): string | undefined {
	const stem = node.constructor.name;
	return packageJson.n8n.nodes.map((p) => p.replace(/^dist\//, '').replace(/\.node\.js$/, '')).find((p) => path.basename(p) === stem);
}

const credentialSources: Record<string, string> = Object.fromEntries(
	packageJson.n8n.credentials.map((distPath) => {
		const file = path.join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		const name = Object.values(credentialTypes).find((c) => path.basename(file).startsWith(c.constructor.name))?.name;
		return [name ?? file, path.dirname(file)];
	}),
);

// ---------------------------------------------------------------------------------------------------------------
// Descriptions
// ---------------------------------------------------------------------------------------------------------------

const isCollectionGroup = (o: unknown): o is INodePropertyCollection =>
	typeof o === 'object' && o !== null && 'values' in o && Array.isArray((o as INodePropertyCollection).values);
const isProperty = (o: unknown): o is INodeProperties => typeof o === 'object' && o !== null && 'type' in o && 'name' in o;
const hasText = (s: unknown) => typeof s === 'string' && s.trim().length > 0;

/** Where a parameter shows, for the report: `operation [resource=table]`. */
function label(p: INodeProperties, prefix: string): string {
	const show = p.displayOptions?.show ?? {};
	const when = Object.entries(show)
		.filter(([k]) => ['resource', 'operation', 'mode', 'event'].includes(k))
		.map(([k, v]) => `${k}=${(v ?? []).join('|')}`)
		.join(', ');
	return `${prefix}${p.name}${when ? ` [${when}]` : ''}`;
}

/**
 * Visible parameters without a description. Exempt: hidden parameters, notices, and resource/operation selectors
 * whose every option has a description (they explain themselves through their options).
 */
function missingDescriptions(properties: INodeProperties[], prefix = ''): string[] {
	const missing: string[] = [];
	for (const p of properties) {
		if (p.type === 'hidden') continue;
		const selector = (p.name === 'resource' || p.name === 'operation') && p.type === 'options';
		if (selector) {
			const bare = ((p.options ?? []) as INodePropertyOptions[]).filter((o) => !hasText(o.description)).map((o) => o.name);
			if (!hasText(p.description) && bare.length) missing.push(`${label(p, prefix)} (options without a description: ${bare.join(', ')})`);
		} else if (!['notice', 'collection', 'fixedCollection'].includes(p.type) && !hasText(p.description)) {
			// Containers (Options, Additional Fields, Filters) are named for what they hold; their fields need words.
			missing.push(label(p, prefix));
		}
		if (p.type === 'collection' || p.type === 'fixedCollection') {
			for (const child of p.options ?? []) {
				if (isCollectionGroup(child)) missing.push(...missingDescriptions(child.values, `${prefix}${p.name}.${child.name}.`));
				else if (isProperty(child)) missing.push(...missingDescriptions([child], `${prefix}${p.name}.`));
			}
		}
	}
	// A parameter reused under several operations is reported once per place it shows.
	return [...new Set(missing)];
}

// ---------------------------------------------------------------------------------------------------------------
// README anchors (GitHub's slugger: lower case, drop punctuation, spaces to dashes, -1/-2 for repeats)
// ---------------------------------------------------------------------------------------------------------------

function readmeAnchors(markdown: string): Set<string> {
	const seen = new Map<string, number>();
	const anchors = new Set<string>();
	let fenced = false;
	for (const line of markdown.split('\n')) {
		if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
		const m = !fenced && /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
		if (!m) continue;
		const text = m[1]
			.replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
			.replace(/`([^`]*)`/g, '$1')
			.replace(/<[^>]+>/g, '');
		const base = text
			.toLowerCase()
			.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
			.replace(/ /g, '-');
		const n = seen.get(base) ?? 0;
		seen.set(base, n + 1);
		anchors.add(n === 0 ? base : `${base}-${n}`);
	}
	return anchors;
}

const ANCHORS = readmeAnchors(README);

/** A documentation URL must end in `#<anchor>` of a README heading (npm and GitHub render the README). */
function badDocUrl(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `${url}: not a URL`;
	}
	if (parsed.protocol !== 'https:') return `${url}: not https`;
	const anchor = decodeURIComponent(parsed.hash.replace(/^#/, ''));
	if (!anchor) return `${url}: no #anchor into the README`;
	if (!ANCHORS.has(anchor)) return `${url}: README has no heading with anchor #${anchor} (anchors: ${[...ANCHORS].join(', ')})`;
	return undefined;
}

// ---------------------------------------------------------------------------------------------------------------

interface Codex {
	node?: string;
	categories?: string[];
	alias?: string[];
	resources?: Record<string, Array<{ url: string }>>;
}

function readCodex(nodeName: string): Codex | undefined {
	const src = nodeSources[nodeName];
	const file = path.join(src.dir, `${src.stem}.node.json`);
	return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Codex) : undefined;
}

/** The category each node belongs in, by app. */
function expectedCategory(nodeName: string): string {
	if (/^caspio/i.test(nodeName)) return 'Data & Storage';
	if (/^activeCampaign/i.test(nodeName)) return 'Marketing';
	throw new Error(`no expected codex category for ${nodeName}: add one to this test`);
}

const isTrigger = (node: INodeType) => node.description.group.includes('trigger');

/** `file:` icons of a node or credential, resolved against the folder of its source file. */
function iconFiles(icon: unknown, dir: string): { light?: string; dark?: string; problem?: string } {
	if (!icon || typeof icon !== 'object') return { problem: `icon is ${JSON.stringify(icon)}, expected { light: 'file:…', dark: 'file:…' }` };
	const { light, dark } = icon as { light?: string; dark?: string };
	if (!light?.startsWith('file:') || !dark?.startsWith('file:')) return { problem: `icon ${JSON.stringify(icon)} is not two file: icons` };
	return { light: path.resolve(dir, light.slice(5)), dark: path.resolve(dir, dark.slice(5)) };
}

function checkIconPair(icon: unknown, dir: string): string[] {
	const files = iconFiles(icon, dir);
	if (files.problem) return [files.problem];
	const problems: string[] = [];
	for (const f of [files.light!, files.dark!]) {
		if (!fs.existsSync(f)) problems.push(`${path.relative(ROOT, f)} does not exist`);
		else if (!/<svg[\s>]/.test(fs.readFileSync(f, 'utf8')) && f.endsWith('.svg')) problems.push(`${path.relative(ROOT, f)} is not an SVG`);
	}
	if (!problems.length && fs.readFileSync(files.light!).equals(fs.readFileSync(files.dark!))) {
		problems.push(`${path.relative(ROOT, files.light!)} and ${path.relative(ROOT, files.dark!)} are identical (the dark icon must differ)`);
	}
	return problems;
}

// ---------------------------------------------------------------------------------------------------------------

const nodes = Object.entries(nodeClasses);
const credentials = Object.entries(credentialTypes);

test('the package declares the expected nodes and credentials', () => {
	expect(Object.keys(nodeClasses).sort()).toEqual(['activeCampaignPlus', 'activeCampaignPlusTrigger', 'caspio', 'caspioTrigger']);
	expect(Object.keys(credentialTypes).sort()).toEqual(['activeCampaignPlusApi', 'caspioApi']);
	expect(Object.keys(nodeSources).sort()).toEqual(Object.keys(nodeClasses).sort());
	expect(Object.keys(credentialSources).sort()).toEqual(Object.keys(credentialTypes).sort());
});

describe.each(nodes)('node %s', (name, node) => {
	test('every visible parameter has a description (notices and described resource/operation selectors excepted)', () => {
		expect(missingDescriptions(node.description.properties)).toEqual([]);
	});

	test('has light and dark icon files that exist and differ', () => {
		expect(checkIconPair(node.description.icon, nodeSources[name].dir)).toEqual([]);
	});

	test('is usable as an AI tool (action nodes; n8n offers no tool variant of a trigger)', () => {
		if (isTrigger(node)) {
			expect(node.description.usableAsTool).not.toBe(true);
			return;
		}
		expect(node.description.usableAsTool).toBe(true);
	});

	test('has a codex file with its category and documentation links into the README', () => {
		const codex = readCodex(name);
		expect(codex).toBeDefined();
		expect(codex!.node).toBe(`${PACKAGE}.${name}`);
		expect(codex!.categories).toContain(expectedCategory(name));
		const urls = Object.values(codex!.resources ?? {}).flatMap((list) => list.map((r) => r.url));
		expect(codex!.resources?.primaryDocumentation?.length ?? 0).toBeGreaterThan(0);
		if (node.description.credentials?.length) expect(codex!.resources?.credentialDocumentation?.length ?? 0).toBeGreaterThan(0);
		expect(urls.map(badDocUrl).filter(Boolean)).toEqual([]);
	});
});

describe.each(credentials)('credential %s', (name, credential: ICredentialType) => {
	test('every visible property has a description (notices excepted)', () => {
		expect(missingDescriptions(credential.properties)).toEqual([]);
	});

	test('has light and dark icon files that exist and differ', () => {
		expect(checkIconPair(credential.icon, credentialSources[name])).toEqual([]);
	});

	test('its documentation URL lands on a README heading', () => {
		expect(typeof credential.documentationUrl).toBe('string');
		expect(badDocUrl(String(credential.documentationUrl))).toBeUndefined();
	});
});

test('the codex aliases across the package cover CRM, email marketing, form and database', () => {
	const aliases = new Set(
		Object.keys(nodeClasses)
			.flatMap((name) => readCodex(name)?.alias ?? [])
			.map((a) => a.toLowerCase()),
	);
	expect(['CRM', 'email marketing', 'form', 'database'].filter((a) => !aliases.has(a.toLowerCase()))).toEqual([]);
});

test('the README anchor helper follows GitHub (self-check)', () => {
	expect([...readmeAnchors('# A B\n## Caspio node\n## Caspio node\n### ActiveCampaign Plus — node (v1)\n```\n# not a heading\n```\n')]).toEqual([
		'a-b',
		'caspio-node',
		'caspio-node-1',
		'activecampaign-plus--node-v1',
	]);
});
