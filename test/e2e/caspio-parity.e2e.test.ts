/**
 * What a user moving from Caspio's own n8n node needs, inside a real n8n 2.41.1 against the Caspio sandbox: running a
 * data import/export task and waiting for it, and the trigger's Event Sources, chosen fields, attachment URLs and
 * notes, from publish to delivery.
 */
import { randomUUID } from 'crypto';

import { getHarness, sleep, toApiWorkflow, type HarnessClient, type WorkflowNode } from './harness';

const TABLE = 'E2eParityDocuments';
const TASK = 'e2e0c1d2-4a5b-4c6d-8e7f-8091a2b3c4d5';
const BUSY_TASK = 'e2e0c1d2-4a5b-4c6d-8e7f-busybusybusy';

interface SandboxState {
	tables: Array<{ name: string; records: Array<Record<string, unknown>> }>;
	webhooks: Array<{ Id: string; Description: string; OutgoingUrls: string[]; events: Array<{ EventSources: string[]; CustomPayloadTemplate: string | null }> }>;
	dataImportExportTasks: Array<{ ExternalKey: string; runs: number; Status: string }>;
}

let h: HarnessClient;
const state = async () => await h.caspio!.state<SandboxState>();
const credentials = () => ({ caspioApi: { id: h.credentials.caspioApi!, name: 'sandbox' } });
const taskOf = async (key: string) => (await state()).dataImportExportTasks.find((t) => t.ExternalKey === key);

beforeAll(() => {
	h = getHarness();
});

describe('Caspio Data Import/Export Task in real n8n', () => {
	it('Run with Wait for Completion returns once the run has ended; a task already running is refused by name', async () => {
		await h.caspio!.seed({
			dataImportExportTasks: [
				{ Name: 'E2E_Export', ExternalKey: TASK, durationMs: 3000 },
				{ Name: 'E2E_Busy', ExternalKey: BUSY_TASK, durationMs: 600_000, Status: 'Processing' },
			],
		});
		const node = (name: string, key: string, x: number): WorkflowNode => ({
			name,
			type: `${h.info.packageName}.caspio`,
			typeVersion: 1,
			position: [x, 0],
			parameters: { resource: 'task', operation: 'run', task: { __rl: true, mode: 'id', value: key }, waitForCompletion: true, timeout: 60 },
			credentials: credentials(),
			onError: 'continueErrorOutput',
		});
		const run = await h.runWorkflow({
			nodes: [node('Run Export', TASK, 0), node('Run Busy', BUSY_TASK, 250)],
			connections: { 'Run Export': { main: [[{ node: 'Run Busy', type: 'main', index: 0 }]] } },
		});

		if (run.status !== 'success') throw new Error(`execution ${run.executionId} ${run.status}: ${run.error}`);
		expect(run.output('Run Export')).toEqual([expect.objectContaining({ Name: 'E2E_Export', Status: 'Ready', outcome: 'completed' })]);
		expect(run.output('Run Busy', 1)).toEqual([
			expect.objectContaining({ error: 'Task "E2E_Busy" is already running (status "Processing"), so it was not started again [item 0]' }),
		]);
		expect(await taskOf(TASK)).toMatchObject({ runs: 1, Status: 'Ready' });
		expect((await taskOf(BUSY_TASK))?.runs).toBe(0);
	});
});

describe('Caspio Trigger options in real n8n (Instant)', () => {
	const trigger = (webhookId: string, typeVersion: number, parameters: Record<string, unknown>): WorkflowNode => ({
		name: 'Caspio Trigger',
		type: `${h.info.packageName}.caspioTrigger`,
		typeVersion,
		position: [0, 0],
		webhookId,
		parameters: { mode: 'instant', table: { __rl: true, mode: 'name', value: TABLE }, ...parameters },
		credentials: credentials(),
	});
	/** Publishes the workflow and waits for its webhook (n8n registers triggers after answering publish). */
	async function publish(node: WorkflowNode, webhookId: string) {
		const created = await h.api<{ id: string }>('POST', '/workflows', toApiWorkflow({ nodes: [node], connections: {} }, `e2e caspio parity ${webhookId}`));
		await h.api('POST', `/workflows/${created.id}/publish`, {});
		for (let i = 0; i < 50; i++) {
			const mine = (await state()).webhooks.find((w) => w.OutgoingUrls.some((u) => u.includes(webhookId)));
			if (mine?.events.length) return { id: created.id, hook: mine };
			await sleep(200);
		}
		throw new Error('the trigger registered no webhook');
	}
	const remove = async (id: string) => {
		await h.apiRaw('POST', `/workflows/${id}/unpublish`, {});
		await h.apiRaw('DELETE', `/workflows/${id}`);
	};
	const executions = async (id: string) => (await h.api<{ data: Array<{ id: string }> }>('GET', `/executions?workflowId=${id}&limit=10`)).data;

	beforeEach(async () => {
		await h.caspio!.seed({
			tables: [{ name: TABLE, fields: [{ Name: 'Title', Type: 'STRING' }, { Name: 'Pages', Type: 'NUMBER' }, { Name: 'Scan', Type: 'ATTACHMENT' }], records: [{ Title: 'Contract', Pages: 3 }] }],
		});
	});

	it('delivers a change through a listed source with the chosen fields and an attachment URL; an unlisted source starts nothing; notes reach Caspio', async () => {
		// The record's attachment, uploaded through the API as a user's DataPage would leave it.
		const token = (await (await fetch(`${h.caspio!.url}/oauth/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret',
		})).json()) as { access_token: string };
		const form = new FormData();
		form.append('File', new Blob([Buffer.from('%PDF-e2e')], { type: 'application/pdf' }), 'contract.pdf');
		const upload = await fetch(`${h.caspio!.url}/integrations/rest/v3/tables/${TABLE}/attachments/Scan/1`, { method: 'PUT', headers: { authorization: `Bearer ${token.access_token}` }, body: form });
		expect(upload.status).toBeLessThan(300);

		const webhookId = randomUUID();
		const options = { eventSources: ['Datasheet'], payloadFields: ['Title', 'Scan'], returnAttachmentUrls: true, notes: 'Owned by the e2e suite' };
		const { id, hook } = await publish(trigger(webhookId, 1.1, { event: 'updated', options }), webhookId);
		try {
			expect(hook.Description).toMatch(/Notes: Owned by the e2e suite$/);
			expect(hook.events[0].EventSources).toEqual(['Datasheet']);

			await h.caspio!.admin('POST', '/__sandbox/records', { table: TABLE, op: 'update', where: 'PK_ID = 1', values: { Pages: 4 }, source: 'DataPages' });
			await h.caspio!.admin('POST', '/__sandbox/records', { table: TABLE, op: 'update', where: 'PK_ID = 1', values: { Pages: 5 }, source: 'Datasheet' });
			const execution = await h.waitForExecution(id, { timeoutMs: 30_000 });
			expect(execution.status).toBe('success');
			const items = (execution.data?.resultData?.runData?.['Caspio Trigger']?.[0]?.data?.main?.[0] ?? []).map((i) => i.json as { record: Record<string, unknown> });
			expect(items).toEqual([expect.objectContaining({ event: 'updated', via: 'webhook', record: { PK_ID: 1, Title: 'Contract', Scan: 'contract.pdf', _Scan: expect.any(String) } })]);
			const download = await fetch(String(items[0].record._Scan));
			expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('%PDF-e2e');
			await sleep(1000);
			expect(await executions(id)).toHaveLength(1);
		} finally {
			await remove(id);
		}
	});

	it('a version 1 workflow saved with "Include Changes Made Through the REST API" keeps the REST API among its sources', async () => {
		const webhookId = randomUUID();
		const { id, hook } = await publish(trigger(webhookId, 1, { event: 'created', options: { includeRestApi: true } }), webhookId);
		try {
			expect(hook.events[0].EventSources).toEqual(['Datasheet', 'DataPages', 'DataParts', 'Extensions', 'TriggeredActions', 'Tasks', 'RESTAPIs']);
		} finally {
			await remove(id);
		}
	});
});
