/**
 * Prints every figure the suites reported (one line per test), stops a restarted n8n R6 left behind, then the harness.
 */
import * as fs from 'fs';
import * as path from 'path';
import e2eTeardown from '../e2e/global-teardown';
import { formatFigures, type FigureLine } from './support/figures';

export default async function globalTeardown(): Promise<void> {
	const out = process.env.RELIABILITY_OUT_DIR;
	if (out) {
		const file = path.join(out, 'figures.jsonl');
		const lines = fs.existsSync(file)
			? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as FigureLine)
			: [];
		const started = Number(process.env.RELIABILITY_STARTED_AT ?? Date.now());
		process.stderr.write(`\n===== reliability figures (${lines.length} tests, ${((Date.now() - started) / 1000).toFixed(0)} s) =====\n`);
		for (const l of lines) process.stderr.write(`${formatFigures(l)}\n`);
		if (process.env.RELIABILITY_FIGURES_FILE) fs.copyFileSync(file, process.env.RELIABILITY_FIGURES_FILE);
		// R6 writes the pid of the n8n it started; stop its process group if the suite could not.
		const restarted = path.join(out, 'restarted-n8n.json');
		if (fs.existsSync(restarted)) {
			const { pid } = JSON.parse(fs.readFileSync(restarted, 'utf8')) as { pid: number };
			try {
				process.kill(-pid, 'SIGTERM');
			} catch {
				/* already gone */
			}
		}
	}
	await e2eTeardown();
	if (out && !process.env.RELIABILITY_KEEP) fs.rmSync(out, { recursive: true, force: true });
}
