/**
 * The Caspio nodes inside a real n8n 2.41.1 (community package install) against the Caspio sandbox: record
 * writes through a workflow, and an Instant trigger's webhook lifecycle driven by publish/unpublish.
 */
import { randomUUID } from 'crypto';

import { getHarness, sleep, toApiWorkflow, type HarnessClient, type WorkflowNode } from './harness';

const TABLE = 'E2eCaspioLeads';
const FIELDS = [
	{ Name: 'Name', Type: 'STRING' },
	{ Name: 'Email', Type: 'STRING', Unique: true },
	{ Name: 'Score', Type: 'NUMBER' },
];

interface SandboxState {
	tables: Array<{ name: string; records: Array<Record<string, unknown>> }>;
	webhooks: Array<{ Id: string; Name: string; OutgoingUrls: string[]; events: Array<{ EventType: string; ObjectName: string; EventSources: string[] }> }>;
}

let h: HarnessClient;
const state = async () => await h.caspio!.state<SandboxState>();
const records = async () => (await state()).tables.find((t) => t.name === TABLE)?.records ?? [];
const locator = { __rl: true, mode: 'name', value: TABLE };

/** The sandbox webhooks pointing at this node's URL, once there are `count` with their events (n8n registers triggers after answering publish). */
async function webhooksFor(webhookId: string, count: number): Promise<SandboxState['webhooks']> {
	for (let i = 0; ; i++) {
		const mine = (await state()).webhooks.filter((w) => w.OutgoingUrls.some((u) => u.includes(webhookId)));
		const settled = mine.length === count && mine.every((w) => w.events.length > 0);
		if (settled || i >= 50) return mine;
		await sleep(200);
	}
}

beforeAll(() => {
	h = getHarness();
});

beforeEach(async () => {
	await h.caspio!.seed({
		tables: [{ name: TABLE, fields: FIELDS, records: [{ Name: 'Ada', Email: 'ada@example.com', Score: 1 }, { Name: 'Bob', Email: 'bob@example.com', Score: 2 }] }],
	});
});

describe('Caspio node in real n8n', () => {
	it('Create → Update → Get Many change exactly the intended rows', async () => {
		const type = `${h.info.packageName}.caspio`;
		const credentials = { caspioApi: { id: h.credentials.caspioApi!, name: 'sandbox' } };
		const node = (name: string, parameters: Record<string, unknown>, x: number): WorkflowNode => ({ name, type, typeVersion: 1, position: [x, 0], parameters, credentials });
		const run = await h.runWorkflow({
			nodes: [
				node('Create', {
					resource: 'record',
					operation: 'create',
					table: locator,
					columns: { mappingMode: 'defineBelow', value: { Name: 'Cy', Email: 'cy@example.com', Score: 3 }, matchingColumns: [], schema: [] },
				}, 0),
				node('Update', {
					resource: 'record',
					operation: 'update',
					table: locator,
					filters: { conditions: [{ field: 'PK_ID', operator: 'equals', value: '={{ $json.PK_ID }}' }] },
					columns: { mappingMode: 'defineBelow', value: { Score: 30 }, matchingColumns: [], schema: [] },
				}, 250),
				node('Get Many', {
					resource: 'record',
					operation: 'getMany',
					table: locator,
					returnAll: true,
					filters: { conditions: [{ field: 'Score', operator: 'greaterOrEqual', value: '2' }] },
					options: { sort: { rules: [{ field: 'Score', direction: 'DESC' }] } },
				}, 500),
			],
			connections: {
				Create: { main: [[{ node: 'Update', type: 'main', index: 0 }]] },
				Update: { main: [[{ node: 'Get Many', type: 'main', index: 0 }]] },
			},
		});

		if (run.status !== 'success') throw new Error(`execution ${run.executionId} ${run.status}: ${run.error}`);
		expect(run.output('Create')).toEqual([expect.objectContaining({ PK_ID: 3, Name: 'Cy', Score: 3 })]);
		expect(run.output('Update')).toEqual([{ recordsAffected: 1, records: [expect.objectContaining({ PK_ID: 3, Score: 30 })] }]);
		expect(run.output('Get Many').map((r) => (r as { Name: string }).Name)).toEqual(['Cy', 'Bob']);
		expect((await records()).map((r) => [r.PK_ID, r.Name, r.Score])).toEqual([
			[1, 'Ada', 1],
			[2, 'Bob', 2],
			[3, 'Cy', 30],
		]);
	});
});

describe('Caspio node in real n8n: Get, Create or Update, Delete', () => {
	it('upserts by Email (one update, one create), gets by PK_ID, deletes only the filtered row', async () => {
		const type = `${h.info.packageName}.caspio`;
		const credentials = { caspioApi: { id: h.credentials.caspioApi!, name: 'sandbox' } };
		const node = (name: string, parameters: Record<string, unknown>, x: number): WorkflowNode => ({ name, type, typeVersion: 1, position: [x, 0], parameters, credentials });
		const run = await h.runWorkflow({
			nodes: [
				node('Upsert', {
					resource: 'record',
					operation: 'upsert',
					table: locator,
					columns: {
						mappingMode: 'defineBelow',
						value: { Email: '={{ $json.body.email }}', Name: '={{ $json.body.name }}', Score: '={{ $json.body.score }}' },
						matchingColumns: ['Email'],
						schema: [],
					},
				}, 0),
				node('Get', { resource: 'record', operation: 'get', table: locator, recordId: '={{ $json.record.PK_ID }}', options: {} }, 250),
				node('Delete', {
					resource: 'record',
					operation: 'delete',
					table: locator,
					filters: { conditions: [{ field: 'Email', operator: 'equals', value: "bob@example.com' OR '1'='1" }] },
					options: {},
				}, 500),
			],
			connections: {
				Upsert: { main: [[{ node: 'Get', type: 'main', index: 0 }]] },
				Get: { main: [[{ node: 'Delete', type: 'main', index: 0 }]] },
			},
		}, {
			body: { email: 'ada@example.com', name: 'Ada Lovelace', score: 10 },
		});

		if (run.status !== 'success') throw new Error(`execution ${run.executionId} ${run.status}: ${run.error}`);
		expect(run.output('Upsert')).toEqual([expect.objectContaining({ operation: 'updated' })]);
		expect(run.output('Get')).toEqual([expect.objectContaining({ PK_ID: 1, Name: 'Ada Lovelace', Score: 10 })]);
		// The quote in the filter value stays literal: no row has that email, so nothing is deleted.
		expect(run.output('Delete')).toEqual([expect.objectContaining({ recordsAffected: 0 })]);
		expect((await records()).map((r) => [r.PK_ID, r.Name, r.Score])).toEqual([
			[1, 'Ada Lovelace', 10],
			[2, 'Bob', 2],
		]);

		const second = await h.runWorkflow({
			nodes: [
				node('Upsert', {
					resource: 'record',
					operation: 'upsert',
					table: locator,
					columns: { mappingMode: 'defineBelow', value: { Email: 'cy@example.com', Name: 'Cy', Score: 3 }, matchingColumns: ['Email'], schema: [] },
				}, 0),
				node('Delete', {
					resource: 'record',
					operation: 'delete',
					table: locator,
					filters: { conditions: [{ field: 'Email', operator: 'equals', value: 'bob@example.com' }] },
					options: {},
				}, 250),
			],
			connections: { Upsert: { main: [[{ node: 'Delete', type: 'main', index: 0 }]] } },
		});

		if (second.status !== 'success') throw new Error(`execution ${second.executionId} ${second.status}: ${second.error}`);
		expect(second.output('Upsert')).toEqual([expect.objectContaining({ operation: 'created' })]);
		expect(second.output('Delete')).toEqual([expect.objectContaining({ recordsAffected: 1 })]);
		expect((await records()).map((r) => [r.PK_ID, r.Name])).toEqual([
			[1, 'Ada Lovelace'],
			[3, 'Cy'],
		]);
	});
});

describe('Caspio Trigger in real n8n (Instant)', () => {
	it('publish creates one webhook, a DataPages insert starts one execution, unpublish removes the webhook', async () => {
		const webhookId = randomUUID();
		const trigger: WorkflowNode = {
			name: 'Caspio Trigger',
			type: `${h.info.packageName}.caspioTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters: { mode: 'instant', table: locator, event: 'created', options: {} },
			credentials: { caspioApi: { id: h.credentials.caspioApi!, name: 'sandbox' } },
		};
		const created = await h.api<{ id: string }>('POST', '/workflows', toApiWorkflow({ nodes: [trigger], connections: {} }, `e2e caspio trigger ${webhookId}`));
		try {
			await h.api('POST', `/workflows/${created.id}/publish`, {});
			const mine = await webhooksFor(webhookId, 1);
			expect(mine).toHaveLength(1);
			expect(mine[0].events).toEqual([expect.objectContaining({ EventType: 'table.recordInsert', ObjectName: TABLE })]);
			expect(mine[0].events[0].EventSources).not.toContain('RESTAPIs');

			await h.caspio!.admin('POST', '/__sandbox/records', { table: TABLE, op: 'insert', values: { Name: 'Dee', Email: 'dee@example.com' }, source: 'DataPages' });
			const execution = await h.waitForExecution(created.id, { timeoutMs: 60_000 });
			expect(execution.status).toBe('success');
			const items = execution.data?.resultData?.runData?.['Caspio Trigger']?.[0]?.data?.main?.[0] ?? [];
			expect(items.map((i) => i.json)).toEqual([
				expect.objectContaining({ event: 'created', table: TABLE, via: 'webhook', record: expect.objectContaining({ PK_ID: 3, Name: 'Dee' }) }),
			]);
			expect(JSON.stringify(items)).not.toContain('secret');
			await sleep(1000);
			const executions = await h.api<{ data: unknown[] }>('GET', `/executions?workflowId=${created.id}&limit=10`);
			expect(executions.data).toHaveLength(1);

			await h.api('POST', `/workflows/${created.id}/unpublish`, {});
			expect(await webhooksFor(webhookId, 0)).toEqual([]);
		} finally {
			await h.apiRaw('POST', `/workflows/${created.id}/unpublish`, {});
			await h.apiRaw('DELETE', `/workflows/${created.id}`);
		}
	});
});
