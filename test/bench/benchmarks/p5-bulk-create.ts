/**
 * P5 bulk create: N leads through Caspio → Record → Create, two ways in the same run:
 *
 * - ours: REST v4 bulk inserts, up to 1,000 rows per request (the sandbox's default account has v4);
 * - one per row: the same node on an account without v4 (the sandbox's `v4: off`), one v3 POST per record.
 *
 * The leads come from a Get Many (Return All) of a source table, auto-mapped into the target. Requests as the
 * Caspio sandbox counted them, split into the writes and the lookups the Create node makes (the table's fields, the
 * v4 table list); time is the Create node's execution time as n8n recorded it. Each run must store every lead once.
 */
import { BULK_MAX_ROWS } from '../../../nodes/Caspio/helpers/bulk';
import { PACKAGE_NAME, type WorkflowDefinition } from '../../../scripts/harness';
import { LEAD_FIELDS, leads, seedCaspio } from '../lib/data';
import { countRequests, describeCounts, type RequestCounts } from '../lib/measure';
import { runToEnd, type BenchRun } from '../lib/n8n';
import { fmt, type BenchContext, type BenchResult } from '../lib/types';
import { caspioWarmUp } from '../lib/workflows';

const SOURCE = 'BenchBulkSource';
const TARGET = 'BenchBulk';
const DOMAIN = 'bulk.bench.test';
const BULK_WRITE = 'POST /integrations/rest/v4/tables/:tableId/records/bulk';
const ROW_WRITE = 'POST /integrations/rest/v3/tables/:table/records';
const LOOKUPS = ['GET /integrations/rest/v4/tables', 'GET /integrations/rest/v3/tables/:table/fields'];

function p5Create(): WorkflowDefinition {
	const caspio = `${PACKAGE_NAME}.caspio`;
	const credentials = { caspioApi: { id: '', name: 'Caspio account' } };
	const link = (node: string) => ({ node, type: 'main', index: 0 });
	return {
		name: 'P5 bulk create (Get Many → Create)',
		nodes: [
			{
				name: 'Leads',
				type: caspio,
				typeVersion: 1,
				position: [0, 0],
				parameters: { resource: 'record', operation: 'getMany', table: { __rl: true, mode: 'name', value: SOURCE }, returnAll: true, filters: {}, simple: false, options: {} },
				credentials,
			},
			{
				name: 'Create',
				type: caspio,
				typeVersion: 1,
				position: [240, 0],
				parameters: {
					resource: 'record',
					operation: 'create',
					table: { __rl: true, mode: 'name', value: TARGET },
					columns: { mappingMode: 'autoMapInputData', value: null, matchingColumns: [], schema: [] },
				},
				credentials,
			},
			{
				name: 'Count',
				type: 'n8n-nodes-base.summarize',
				typeVersion: 1.1,
				position: [480, 0],
				parameters: { fieldsToSummarize: { values: [{ aggregation: 'count', field: 'PK_ID' }] }, options: {} },
			},
		],
		connections: { Leads: { main: [[link('Create')]] }, Create: { main: [[link('Count')]] } },
		settings: { executionOrder: 'v1' },
	};
}

/** The Create node's execution time as n8n recorded it. */
function createMs(run: BenchRun): number {
	const runData = (run.execution as { data?: { resultData?: { runData?: Record<string, Array<{ executionTime?: number }>> } } }).data?.resultData?.runData;
	return (runData?.Create ?? []).reduce((sum, r) => sum + (r.executionTime ?? 0), 0);
}

const count = (counts: RequestCounts, key: string) => counts[key] ?? 0;

export async function p5BulkCreateBench({ env, config, log }: BenchContext): Promise<BenchResult> {
	const rows = config.p5.records;
	const caspio = env.client.caspio!;
	const emptyTarget = async () => await seedCaspio(caspio, { tables: [{ name: TARGET, note: 'benchmark target', fields: LEAD_FIELDS, records: [] }] });
	log(`P5: seeding ${fmt.int(rows)} leads into ${SOURCE} and an empty ${TARGET}…`);
	await seedCaspio(caspio, { tables: [{ name: SOURCE, note: 'benchmark source', fields: LEAD_FIELDS, records: leads(1, rows, DOMAIN) }] });
	await emptyTarget();
	const warm = await runToEnd(env, caspioWarmUp(SOURCE), 120_000);
	if (warm.status !== 'success') throw new Error(`P5 warm-up failed: ${warm.error}`);

	const create = async (label: string) => {
		log(`P5: Create of ${fmt.int(rows)} records, ${label}…`);
		const { result: run, counts } = await countRequests(env.caspio.core, () => runToEnd(env, p5Create(), 30 * 60_000));
		if (run.status !== 'success') throw new Error(`P5 run (${label}) failed: ${run.error}`);
		const stored = env.caspio.service.store.table(TARGET).rows;
		const distinct = new Set(stored.map((r) => String(r.Email))).size;
		const output = Number((run.output('Count')[0] as Record<string, unknown> | undefined)?.count_PK_ID ?? Number.NaN);
		return { run, counts, ms: createMs(run), stored: stored.length, distinct, output };
	};

	const ours = await create('REST v4 bulk');
	await emptyTarget();
	env.caspio.service.setBehaviour({ v4: 'off' });
	const perRow = await create('one request per record (account without v4)').finally(() => env.caspio.service.setBehaviour({ v4: 'on' }));

	const bulkWrites = count(ours.counts, BULK_WRITE);
	const lookups = LOOKUPS.reduce((sum, key) => sum + count(ours.counts, key), 0);
	const rowWrites = count(perRow.counts, ROW_WRITE);
	const perRowLookups = LOOKUPS.reduce((sum, key) => sum + count(perRow.counts, key), 0);
	const bound = Math.ceil(rows / BULK_MAX_ROWS);
	const ratio = ours.ms / perRow.ms;
	return {
		id: 'P5',
		title: 'P5 bulk create',
		measure: `${fmt.int(rows)} Caspio records, Record → Create: write requests (+ lookups) · Create node time`,
		ours: `${fmt.int(bulkWrites)} req (+${lookups}) · ${fmt.sec(ours.ms)} (v4 bulk)`,
		baseline: `${fmt.int(rowWrites)} req (+${perRowLookups}) · ${fmt.sec(perRow.ms)} (one per row, no v4)`,
		ratio: `${fmt.num(ratio, 2)}×`,
		bound: `${fmt.int(bound)} req (1,000 rows/request)`,
		share: fmt.pct(bound / Math.max(bulkWrites, 1)),
		details: [
			`P5 ours (whole run, Get Many of the source included): ${describeCounts(ours.counts)}; stored ${fmt.int(ours.stored)} (${fmt.int(ours.distinct)} distinct), ${fmt.int(ours.output)} items out; time per node: ${ours.run.nodeTimes()}`,
			`P5 one per row: ${describeCounts(perRow.counts)}; stored ${fmt.int(perRow.stored)} (${fmt.int(perRow.distinct)} distinct), ${fmt.int(perRow.output)} items out; time per node: ${perRow.run.nodeTimes()}`,
			`P5 lookups besides the writes: the target's fields (v3) and the v4 table list that gives its id, once per execution; without v4 the list answers 404 and the node says so once in its output hints`,
		],
		figures: { records: rows, bulkWrites, lookups, createMs: ours.ms, rowWrites, perRowLookups, perRowMs: perRow.ms, ratio, stored: ours.stored, storedPerRow: perRow.stored, bound },
		targets: [
			{ bench: 'P5', target: `≤ ${fmt.int(bound)} write requests for ${fmt.int(rows)} records`, actual: fmt.int(bulkWrites), met: bulkWrites <= bound, deterministic: true },
			{
				bench: 'P5',
				target: `every record stored once (${fmt.int(rows)})`,
				actual: `${fmt.int(ours.stored)} stored, ${fmt.int(ours.distinct)} distinct, ${fmt.int(ours.output)} out`,
				met: ours.stored === rows && ours.distinct === rows && ours.output === rows,
				deterministic: true,
			},
			{
				bench: 'P5',
				target: `one per row without v4 stores every record once too`,
				actual: `${fmt.int(perRow.stored)} stored, ${fmt.int(rowWrites)} writes`,
				met: perRow.stored === rows && perRow.distinct === rows && rowWrites === rows,
				deterministic: true,
			},
		],
	};
}
