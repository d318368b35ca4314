/**
 * P4 get many: N Caspio rows through Caspio → Record → Get Many (Return All), two ways in the same run:
 *
 * - ours: PK_ID ranges read side by side (READ_CONCURRENCY at once), each page by keyset; one bounds request first;
 * - sequential: the same node with a Sort on PK_ID ascending, which reads page numbers one after another (how every
 *   Return All read before, and how Caspio's official node reads: page after page until a short one).
 *
 * Both return the same rows in the same order. Requests as the Caspio sandbox counted them, wall time as n8n recorded
 * the execution, peak RSS of the n8n main process over our run. The pair runs twice: with the sandbox answering at
 * once, and with 100 ms added to every answer, as over a network (what concurrency hides). The sandbox's cost of a
 * page-number read grows with the page's offset, as SQL Server's OFFSET does; a keyset page costs its window only.
 */
import { PAGE_ROWS, READ_CONCURRENCY } from '../../../nodes/Caspio/helpers/keyset';
import { seedLeadTable } from '../lib/data';
import { countRequests, describeCounts, executionMs, peakRss, total } from '../lib/measure';
import { runToEnd, type BenchRun } from '../lib/n8n';
import { fmt, type BenchContext, type BenchResult } from '../lib/types';
import { caspioWarmUp, p4GetMany } from '../lib/workflows';

export const BIG_TABLE = 'BenchBig';
export const BIG_DOMAIN = 'big.bench.test';
/** Caspio's largest page (q.pageSize ≤ 1000). */
export const CASPIO_PAGE = PAGE_ROWS;
/** The round trip added in the second pair of runs. */
const NETWORK_MS = 100;

/** The same read with a Sort on PK_ID ascending: page numbers, one after another, in the same order. */
function sequentialGetMany(table: string) {
	const wf = p4GetMany(table);
	wf.name = 'P4 get many (Return All, pages one after another)';
	const reader = wf.nodes.find((n) => n.name === 'All Records')!;
	reader.parameters = { ...reader.parameters, options: { sort: { rules: [{ field: 'PK_ID', direction: 'ASC' }] } } };
	return wf;
}

const rowsCounted = (run: BenchRun) => Number((run.output('Count')[0] as Record<string, unknown> | undefined)?.count_PK_ID ?? Number.NaN);

export async function p4GetManyBench({ env, config, log }: BenchContext): Promise<BenchResult> {
	const rows = config.p4.rows;
	const caspio = env.client.caspio!;
	log(`P4: seeding ${fmt.int(rows)} rows into Caspio table ${BIG_TABLE}…`);
	const seedMs = await seedLeadTable(caspio, BIG_TABLE, rows, BIG_DOMAIN);
	log(`P4: seeded in ${fmt.sec(seedMs)}; warming the Caspio token up`);
	const warm = await runToEnd(env, caspioWarmUp(BIG_TABLE), 120_000);
	if (warm.status !== 'success') throw new Error(`P4 warm-up failed: ${warm.error}`);

	const read = async (label: string, wf: ReturnType<typeof p4GetMany>) => {
		log(`P4: Get Many (Return All), ${label}…`);
		const counted = await countRequests(env.caspio.core, () => runToEnd(env, wf, 20 * 60_000));
		if (counted.result.status !== 'success') throw new Error(`P4 run (${label}) failed: ${counted.result.error}`);
		return { run: counted.result, counts: counted.counts, requests: total(counted.counts), wallMs: executionMs(counted.result.execution), rows: rowsCounted(counted.result) };
	};

	const { result: ours, peakKb, startKb, method } = await peakRss(env.n8nPid, () => read('PK_ID ranges side by side', p4GetMany(BIG_TABLE)));
	const sequential = await read('pages one after another (Sort on PK_ID)', sequentialGetMany(BIG_TABLE));
	env.caspio.core.setFaults({ latencyMs: NETWORK_MS, latencyRate: 1 });
	const [oursNet, sequentialNet] = await (async () => {
		try {
			return [await read(`ranges, ${NETWORK_MS} ms per answer`, p4GetMany(BIG_TABLE)), await read(`one after another, ${NETWORK_MS} ms per answer`, sequentialGetMany(BIG_TABLE))];
		} finally {
			env.caspio.core.setFaults({ latencyMs: 0 });
		}
	})();

	const bound = Math.ceil(rows / CASPIO_PAGE);
	// Without a total the end shows only as a short (or empty) page: every full page and one more.
	const floorWithoutTotal = Math.floor(rows / CASPIO_PAGE) + 1;
	const allowed = floorWithoutTotal + READ_CONCURRENCY - 1;
	const ratio = ours.wallMs / sequential.wallMs;
	const ratioNet = oursNet.wallMs / sequentialNet.wallMs;
	return {
		id: 'P4',
		title: 'P4 get many',
		measure: `${fmt.int(rows)} Caspio rows, Get Many (Return All): requests · wall · peak RSS; vs pages one after another`,
		ours: `${fmt.int(ours.requests)} req · ${fmt.sec(ours.wallMs)} · ${fmt.mb(peakKb)} (${READ_CONCURRENCY} ranges side by side)`,
		baseline: `${fmt.int(sequential.requests)} req · ${fmt.sec(sequential.wallMs)} (pages one after another)`,
		ratio: `${fmt.num(ratio, 2)}× (${fmt.num(ratioNet, 2)}× at ${NETWORK_MS} ms/answer)`,
		bound: `${fmt.int(floorWithoutTotal)} req without a total (${fmt.int(bound)} pages)`,
		share: fmt.pct(floorWithoutTotal / ours.requests),
		details: [
			`P4 ours: ${describeCounts(ours.counts)}; rows returned ${fmt.int(ours.rows)}; time per node: ${ours.run.nodeTimes()}`,
			`P4 sequential (a Sort on PK_ID: page numbers one after another, as every read did before and Caspio's official node does): ${describeCounts(sequential.counts)}; rows returned ${fmt.int(sequential.rows)}; ${fmt.sec(sequential.wallMs)}`,
			`P4 wall ours / sequential: ${fmt.num(ratio, 2)}× with the sandbox answering at once; ${fmt.num(ratioNet, 2)}× (${fmt.sec(oursNet.wallMs)} vs ${fmt.sec(sequentialNet.wallMs)}) with ${NETWORK_MS} ms added to every answer`,
			`P4 requests: ${fmt.int(ours.requests)} = 1 bounds request + keyset pages; the fewest any reader needs without a total is ${fmt.int(floorWithoutTotal)}, and ranges may add up to ${READ_CONCURRENCY - 1}`,
			`P4 peak RSS of the n8n main process (pid ${env.n8nPid}): ${fmt.mb(peakKb)} by ${method}; ${fmt.mb(startKb)} just before the run`,
			`P4 seeding ${fmt.int(rows)} rows through /__sandbox/seed took ${fmt.sec(seedMs)} (one body; a seed replaces the table, so it cannot be chunked)`,
		],
		figures: {
			rows,
			requests: ours.requests,
			requestsSequential: sequential.requests,
			wallMs: ours.wallMs,
			wallSequentialMs: sequential.wallMs,
			ratio,
			wallNetworkMs: oursNet.wallMs,
			wallSequentialNetworkMs: sequentialNet.wallMs,
			ratioNetwork: ratioNet,
			peakRssKb: peakKb,
			startRssKb: startKb,
			rowsReturned: ours.rows,
			rowsReturnedSequential: sequential.rows,
			bound,
			floorWithoutTotal,
		},
		targets: [
			{
				bench: 'P4',
				target: `≤ ${fmt.int(allowed)} requests (floor ${fmt.int(floorWithoutTotal)} + concurrency ${READ_CONCURRENCY} − 1)`,
				actual: fmt.int(ours.requests),
				met: ours.requests <= allowed,
				deterministic: true,
			},
			{ bench: 'P4', target: `all ${fmt.int(rows)} rows returned`, actual: fmt.int(ours.rows), met: ours.rows === rows, deterministic: true },
			{
				bench: 'P4',
				target: `all ${fmt.int(rows)} rows returned by the sequential read too`,
				actual: fmt.int(sequential.rows),
				met: sequential.rows === rows,
				deterministic: true,
			},
			{ bench: 'P4', target: 'wall ≤ 0.6× the sequential read', actual: `${fmt.num(ratio, 2)}×`, met: ratio <= 0.6, deterministic: false },
		],
	};
}
