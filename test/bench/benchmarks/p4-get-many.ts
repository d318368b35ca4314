/**
 * P4 get many: N Caspio rows through Caspio → Record → Get Many (Return All). Requests as the Caspio sandbox counted
 * them, wall time as n8n recorded the execution, peak RSS of the n8n main process over the run.
 */
import { seedLeadTable } from '../lib/data';
import { countRequests, describeCounts, executionMs, peakRss, total } from '../lib/measure';
import { runToEnd } from '../lib/n8n';
import { fmt, type BenchContext, type BenchResult } from '../lib/types';
import { caspioWarmUp, p4GetMany } from '../lib/workflows';

export const BIG_TABLE = 'BenchBig';
export const BIG_DOMAIN = 'big.bench.test';
/** Caspio's largest page (q.pageSize ≤ 1000). */
export const CASPIO_PAGE = 1000;

export async function p4GetManyBench({ env, config, log }: BenchContext): Promise<BenchResult> {
	const rows = config.p4.rows;
	const caspio = env.client.caspio!;
	log(`P4: seeding ${fmt.int(rows)} rows into Caspio table ${BIG_TABLE}…`);
	const seedMs = await seedLeadTable(caspio, BIG_TABLE, rows, BIG_DOMAIN);
	log(`P4: seeded in ${fmt.sec(seedMs)}; warming the Caspio token up`);
	const warm = await runToEnd(env, caspioWarmUp(BIG_TABLE), 120_000);
	if (warm.status !== 'success') throw new Error(`P4 warm-up failed: ${warm.error}`);

	log('P4: Get Many (Return All)…');
	const { result, peakKb, startKb, method } = await peakRss(env.n8nPid, () =>
		countRequests(env.caspio.core, () => runToEnd(env, p4GetMany(BIG_TABLE), 20 * 60_000)),
	);
	const run = result.result;
	if (run.status !== 'success') throw new Error(`P4 run failed: ${run.error}`);
	const counted = Number((run.output('Count')[0] as Record<string, unknown> | undefined)?.count_PK_ID ?? Number.NaN);
	const requests = total(result.counts);
	const wallMs = executionMs(run.execution);
	const bound = Math.ceil(rows / CASPIO_PAGE);
	const target = bound; // the "≤ 100 requests" for 100,000 rows, scaled to N
	return {
		id: 'P4',
		title: 'P4 get many',
		measure: `${fmt.int(rows)} Caspio rows, Get Many (Return All): requests · wall · peak RSS`,
		ours: `${fmt.int(requests)} req · ${fmt.sec(wallMs)} · ${fmt.mb(peakKb)}`,
		baseline: '—',
		ratio: '—',
		bound: `${fmt.int(bound)} req (1,000 rows/page)`,
		share: fmt.pct(bound / requests),
		details: [
			`P4 requests: ${describeCounts(result.counts)}; rows returned ${fmt.int(counted)}; Caspio token fetched before (warm-up run); time per node: ${run.nodeTimes()}`,
			`P4 peak RSS of the n8n main process (pid ${env.n8nPid}): ${fmt.mb(peakKb)} by ${method}; ${fmt.mb(startKb)} just before the run`,
			`P4 seeding ${fmt.int(rows)} rows through /__sandbox/seed took ${fmt.sec(seedMs)} (one body; a seed replaces the table, so it cannot be chunked)`,
		],
		figures: { rows, requests, wallMs, peakRssKb: peakKb, startRssKb: startKb, rowsReturned: counted, bound },
		targets: [
			{ bench: 'P4', target: `≤ ${fmt.int(target)} requests`, actual: `${fmt.int(requests)}`, met: requests <= target, deterministic: true },
			{ bench: 'P4', target: `all ${fmt.int(rows)} rows returned`, actual: fmt.int(counted), met: counted === rows, deterministic: true },
		],
	};
}
