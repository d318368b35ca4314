/** Runs the benchmarks in one environment, in an order that reuses data: P4 seeds the big table P3 polls. */
import type { Logger } from '../../../scripts/harness';
import { p1BackfillBench } from '../benchmarks/p1-backfill';
import { p2RealtimeBench } from '../benchmarks/p2-realtime';
import { p3PollingBench } from '../benchmarks/p3-polling';
import { p4GetManyBench } from '../benchmarks/p4-get-many';
import { p5BulkCreateBench } from '../benchmarks/p5-bulk-create';
import { p6QueueModeBench } from '../benchmarks/p6-queue-mode';
import { p7ColdStartBench } from '../benchmarks/p7-cold-start';
import { startBenchEnv } from './env';
import { waitNoRunningExecutions } from './n8n';
import type { BenchConfig, BenchContext, BenchId, BenchResult } from './types';

const ORDER: Array<[BenchId, (ctx: BenchContext) => Promise<BenchResult>]> = [
	['P4', p4GetManyBench],
	['P5', p5BulkCreateBench],
	['P3', p3PollingBench],
	// P7 is the first to touch ActiveCampaign (cold caches); P1 empties the account between its runs, so it comes after
	// P2; P6 runs a queue-mode n8n of its own.
	['P7', p7ColdStartBench],
	['P2', p2RealtimeBench],
	['P1', p1BackfillBench],
	['P6', p6QueueModeBench],
];

export interface SuiteOutcome {
	results: BenchResult[];
	/** "P2: <error>" for every benchmark that threw. */
	failures: string[];
	started: Date;
	finished: Date;
}

export async function runSuite(config: BenchConfig, options: { only?: BenchId[]; build: boolean; log: Logger }): Promise<SuiteOutcome> {
	const started = new Date();
	const env = await startBenchEnv({ build: options.build, log: options.log });
	const results: BenchResult[] = [];
	const failures: string[] = [];
	try {
		for (const [id, bench] of ORDER) {
			if (options.only && !options.only.includes(id)) continue;
			const t0 = Date.now();
			try {
				const left = await waitNoRunningExecutions(env.client, 10 * 60_000);
				if (left > 0) throw new Error(`${left} execution(s) of an earlier benchmark are still running`);
				results.push(await bench({ env, config, log: options.log }));
				options.log(`${id} done in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
			} catch (error) {
				const cause = (error as { cause?: Error }).cause;
				const why = `${(error as Error).message}${cause ? ` (${cause.message ?? String(cause)})` : ''}`;
				failures.push(`${id}: ${why}`);
				options.log(`${id} FAILED after ${((Date.now() - t0) / 1000).toFixed(0)} s: ${why}\n${(error as Error).stack}${cause?.stack ? `\ncaused by ${cause.stack}` : ''}`);
			}
		}
	} finally {
		await env.stop();
	}
	return { results: results.sort((a, b) => a.id.localeCompare(b.id)), failures, started, finished: new Date() };
}
