/**
 * Smoke run of the benchmarks (small N, real n8n, sandbox limits on), so they cannot rot unnoticed: each one must run
 * and produce its figures, and meet its deterministic targets — request counts and failures. Speed is never asserted.
 *
 *   npx jest -c test/bench/jest.config.js            (N8N_E2E_NO_BUILD=1 to pack the current dist/)
 */
import { runSuite, type SuiteOutcome } from './lib/suite';
import { SMOKE, type BenchId } from './lib/types';

// P6 (queue mode: its own PostgreSQL, Redis and four n8n processes) is left to `npm run bench`: too slow to start here.
const IDS: BenchId[] = ['P1', 'P2', 'P3', 'P4', 'P5', 'P7'];

describe('benchmarks, smoke (small N)', () => {
	let outcome: SuiteOutcome;

	beforeAll(async () => {
		outcome = await runSuite(SMOKE, {
			only: IDS,
			build: !process.env.N8N_E2E_NO_BUILD,
			log: (m) => process.stderr.write(`[bench smoke] ${m}\n`),
		});
	}, 30 * 60 * 1000);

	test.each(IDS)('%s runs and produces its figures', (id) => {
		const failure = outcome.failures.find((f) => f.startsWith(`${id}:`));
		expect(failure).toBeUndefined();
		const result = outcome.results.find((r) => r.id === id);
		expect(result).toBeDefined();
		for (const [name, value] of Object.entries(result!.figures)) {
			expect([name, Number.isFinite(value)]).toEqual([name, true]);
		}
		for (const cell of [result!.measure, result!.ours, result!.bound, result!.share]) expect(cell).not.toBe('');
	});

	test.each(IDS)('%s meets its request-count and failure targets', (id) => {
		const result = outcome.results.find((r) => r.id === id);
		expect(result).toBeDefined();
		const missed = result!.targets.filter((t) => t.deterministic && !t.met).map((t) => `${t.target} — measured ${t.actual}`);
		expect(missed).toEqual([]);
	});
});
