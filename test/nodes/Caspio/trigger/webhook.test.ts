import { CaspioTrigger } from '../../../../nodes/Caspio/CaspioTrigger.node';
import { deliveryEndpoint, triggerHarness, type TriggerHarness } from '../support/fakes';
import { caspioTestbed, table, type CaspioTestbed } from '../support/testbed';

const FIELDS = [
	{ Name: 'Name', Type: 'STRING' },
	{ Name: 'Score', Type: 'NUMBER' },
	{ Name: 'Secret', Type: 'PASSWORD' },
];
const trigger = new CaspioTrigger();
const hooks = trigger.webhookMethods.default;

interface SandboxHook {
	Id: string;
	Name: string;
	OutgoingUrls: string[];
	events: Array<{ EventType: string; ObjectName: string; EventSources: string[]; ObjectFields: string[] }>;
}

describe('Caspio Trigger: instant mode', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset([{ name: 'Leads', fields: FIELDS, records: [{ Name: 'old' }] }]));

	const webhooks = async () => ((await (await fetch(`${bed.sandbox.url}/__sandbox/state`)).json()) as { webhooks: SandboxHook[] }).webhooks;
	const insert = async (values: Record<string, unknown>, source = 'DataPages') => {
		const res = await fetch(`${bed.sandbox.url}/__sandbox/records`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ table: 'Leads', op: 'insert', values, source }),
		});
		expect(res.status).toBe(200);
		await bed.sandbox.idle();
	};

	describe('activation and deactivation', () => {
		let h: TriggerHarness;
		beforeEach(() => (h = triggerHarness(bed, { mode: 'instant', table: table('Leads'), event: 'created', options: {} })));

		it('creates exactly one webhook with one event, leaving the REST API out of its sources', async () => {
			expect(await hooks.checkExists.call(h.hook())).toBe(false);
			expect(await hooks.create.call(h.hook())).toBe(true);

			const [hook, ...others] = await webhooks();
			expect(others).toHaveLength(0);
			expect(hook).toMatchObject({ Name: 'n8n-hook-uuid-1', OutgoingUrls: ['http://127.0.0.1:1/webhook'] });
			expect(hook.events).toEqual([
				expect.objectContaining({
					EventType: 'table.recordInsert',
					ObjectName: 'Leads',
					EventSources: ['Datasheet', 'DataPages', 'DataParts', 'Extensions', 'TriggeredActions', 'Tasks'],
				}),
			]);
			expect(h.staticData.node).toMatchObject({ webhookId: hook.Id });
			expect(JSON.stringify(h.staticData)).not.toContain((await (await fetch(`${bed.sandbox.url}/__sandbox/state`)).json() as { webhooks: Array<{ Secret: string }> }).webhooks[0].Secret);
			expect(await hooks.checkExists.call(h.hook())).toBe(true);
		});

		it('includes REST API changes and watches chosen fields when asked', async () => {
			Object.assign(h.parameters, { event: 'updated', watchFields: ['Score'], options: { includeRestApi: true } });
			await hooks.create.call(h.hook());

			const [hook] = await webhooks();
			expect(hook.events[0]).toMatchObject({ EventType: 'table.recordUpdate', ObjectFields: ['Score'] });
			expect(hook.events[0].EventSources).toContain('RESTAPIs');
		});

		it('deactivation removes the webhook; a webhook already gone counts as removed', async () => {
			await hooks.create.call(h.hook());
			expect(await hooks.delete.call(h.hook())).toBe(true);
			expect(await webhooks()).toEqual([]);
			expect(h.staticData.node).toEqual({});

			h.staticData.node.webhookId = 'gone42';
			expect(await hooks.delete.call(h.hook())).toBe(true);
			expect(await hooks.checkExists.call(h.hook())).toBe(false);
		});

		it('replaces a leftover webhook of the same name whose secret it no longer knows', async () => {
			await hooks.create.call(h.hook());
			const fresh = triggerHarness(bed, h.parameters);

			expect(await hooks.checkExists.call(fresh.hook())).toBe(false);
			expect(await webhooks()).toEqual([]);
			await hooks.create.call(fresh.hook());
			expect(await webhooks()).toHaveLength(1);
		});

		it('removes the webhook again when its event cannot be created', async () => {
			h.parameters.table = table('NoSuchTable');

			await expect(hooks.create.call(h.hook())).rejects.toThrow(/creating the created event for table "NoSuchTable"/);
			expect(await webhooks()).toEqual([]);
		});
	});

	describe('deliveries', () => {
		let h: TriggerHarness;
		let endpoint: Awaited<ReturnType<typeof deliveryEndpoint>>;
		const responses: Array<{ status?: number }> = [];

		beforeEach(async () => {
			responses.length = 0;
			endpoint = await deliveryEndpoint(async (body) => {
				const { context, response } = h.webhook(body);
				const result = await trigger.webhook.call(context);
				responses.push(response);
				return { result, status: response.status };
			});
			h = triggerHarness(bed, { mode: 'instant', table: table('Leads'), event: 'created', options: {} }, endpoint.url);
			await hooks.create.call(h.hook());
		});
		afterEach(async () => await endpoint.close());

		it('emits one item per created record, with event and table, and never the secret', async () => {
			await insert({ Name: 'Ada', Score: 3, Secret: 'pw' });
			await insert({ Name: 'Bob' });

			expect(endpoint.emitted).toEqual([
				expect.objectContaining({ event: 'created', table: 'Leads', via: 'webhook', record: expect.objectContaining({ PK_ID: 2, Name: 'Ada', Score: 3 }) }),
				expect.objectContaining({ event: 'created', table: 'Leads', record: expect.objectContaining({ PK_ID: 3, Name: 'Bob' }) }),
			]);
			expect(endpoint.emitted[0].messageId).toMatch(/^[0-9a-f-]{36}$/);
			const state = (await (await fetch(`${bed.sandbox.url}/__sandbox/state`)).json()) as { webhooks: Array<{ Secret: string }> };
			expect(JSON.stringify(endpoint.emitted)).not.toContain(state.webhooks[0].Secret);
			expect(JSON.stringify(endpoint.emitted)).not.toContain('secret');
		});

		it("does not fire for the workflow's own REST API writes", async () => {
			await bed.run({
				resource: 'record',
				operation: 'create',
				table: table('Leads'),
				columns: { mappingMode: 'defineBelow', value: { Name: 'from n8n' }, matchingColumns: [], schema: [] },
			});
			await bed.sandbox.idle();
			await insert({ Name: 'from a DataPage' });

			expect(endpoint.emitted.map((i) => (i.record as { Name: string }).Name)).toEqual(['from a DataPage']);
		});

		it('answers a wrong or missing secret with 401 and emits nothing', async () => {
			await insert({ Name: 'Ada' });
			const genuine = (await (await fetch(`${bed.sandbox.url}/__sandbox/deliveries`)).json()) as { deliveries: Array<{ body: Record<string, unknown> }> };
			const body = genuine.deliveries[0].body;

			for (const forged of [{ ...body, secret: 'guess', messageId: 'm1' }, { ...body, secret: undefined, messageId: 'm2' }, { ...body, webhookId: 'other', messageId: 'm3' }]) {
				const { context, response } = h.webhook(forged);
				const result = await trigger.webhook.call(context);
				expect(response.status).toBe(401);
				expect(result).toEqual({ noWebhookResponse: true });
			}
			expect(endpoint.emitted).toHaveLength(1);
		});

		it('drops a repeated delivery of the same messageId', async () => {
			await insert({ Name: 'Ada' });
			const { deliveries } = (await (await fetch(`${bed.sandbox.url}/__sandbox/deliveries`)).json()) as { deliveries: Array<{ body: unknown }> };

			const { context } = h.webhook(deliveries[0].body);
			const again = await trigger.webhook.call(context);

			expect(again.workflowData).toBeUndefined();
			expect(endpoint.emitted).toHaveLength(1);
		});
	});

	describe("hybrid mode: records the backstop poll hands to the trigger's webhook", () => {
		let h: TriggerHarness;
		beforeEach(async () => {
			h = triggerHarness(bed, { mode: 'hybrid', table: table('Leads'), event: 'created', options: {} });
			await hooks.create.call(h.hook());
		});
		const relayToken = () => (h.staticData.global['caspioRelay:trigger-node-1'] as { token: string }).token;
		const handed = (token: unknown, name: string) => ({
			relayToken: token,
			eventType: 'table.recordInsert',
			objectName: 'Leads',
			data: [{ PK_ID: 9, Name: name }],
		});

		it("accepts them only with the activation's token, which never reaches the output", async () => {
			for (const token of ['guess', '', undefined, relayToken().slice(0, -1)]) {
				const { context, response } = h.webhook(handed(token, 'Forged'));
				expect(await trigger.webhook.call(context)).toEqual({ noWebhookResponse: true });
				expect(response.status).toBe(401);
			}

			const { context } = h.webhook(handed(relayToken(), 'Ada'));
			const result = await trigger.webhook.call(context);

			const items = result.workflowData![0].map((i) => i.json);
			expect(items).toEqual([expect.objectContaining({ event: 'created', via: 'poll', record: expect.objectContaining({ PK_ID: 9, Name: 'Ada' }) })]);
			expect(JSON.stringify(items)).not.toContain(relayToken());
		});

		it('a record handed over twice (two overlapping polls) is emitted once', async () => {
			const first = h.webhook(handed(relayToken(), 'Ada'));
			expect((await trigger.webhook.call(first.context)).workflowData).toBeDefined();

			const again = h.webhook(handed(relayToken(), 'Ada'));
			expect((await trigger.webhook.call(again.context)).workflowData).toBeUndefined();
		});

		it('deactivation forgets the token', async () => {
			const token = relayToken();
			await hooks.delete.call(h.hook());

			const { context, response } = h.webhook(handed(token, 'Late'));
			await trigger.webhook.call(context);
			expect(response.status).toBe(401);
		});
	});
});
