/**
 * `npm run bench`: the P1–P7 benchmarks against a real n8n 2.41.1 (harness) with the sandboxes' limits on. Prints one
 * table row per benchmark and the targets, and writes test/bench/results.md.
 *
 *   npm run bench                       full sizes (about 45–60 min; most of it is P6's 10 minutes in queue mode,
 *                                       P2's paced deliveries, P1's scale curve and P3's one-minute polls)
 *   npm run bench -- --smoke            small N (a few minutes), results to $TMPDIR/n8n-bench-results.smoke.md
 *   npm run bench -- --only=P1,P4       some of them
 *   N8N_E2E_NO_BUILD=1 npm run bench    pack the current dist/ instead of `npm run build`
 *
 * Exit code: 0 when every benchmark ran (targets met or not: they are reported), 1 when one could not run.
 */
import * as os from 'os';
import * as path from 'path';

import { render, table, targetLines, writeResults } from './lib/report';
import { runSuite } from './lib/suite';
import { FULL, SMOKE, type BenchId } from './lib/types';

async function main(): Promise<void> {
	const smoke = process.argv.includes('--smoke');
	const only = process.argv
		.find((a) => a.startsWith('--only='))
		?.slice('--only='.length)
		.split(',')
		.map((s) => s.trim().toUpperCase() as BenchId);
	const log = (m: string) => process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${m}\n`);
	const outcome = await runSuite(smoke ? SMOKE : FULL, { only, build: !process.env.N8N_E2E_NO_BUILD, log });
	const text = render(outcome.results, { started: outcome.started, finished: outcome.finished, smoke, failures: outcome.failures });
	const file = smoke ? path.join(os.tmpdir(), 'n8n-bench-results.smoke.md') : path.join(__dirname, 'results.md');
	writeResults(file, text);
	process.stdout.write(`\n${table(outcome.results)}\n\n${targetLines(outcome.results).join('\n')}\n`);
	if (outcome.failures.length) process.stdout.write(`\nDid not finish:\n${outcome.failures.map((f) => `- ${f}`).join('\n')}\n`);
	process.stdout.write(`\nWritten to ${file}\n`);
	process.exit(outcome.failures.length ? 1 : 0);
}

main().catch((error: Error) => {
	process.stderr.write(`${error.stack ?? error.message}\n`);
	process.exit(1);
});
