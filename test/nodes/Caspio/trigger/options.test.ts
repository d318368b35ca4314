import type { IDataObject } from 'n8n-workflow';

import { CaspioTrigger } from '../../../../nodes/Caspio/CaspioTrigger.node';
import { deliveryEndpoint, triggerHarness, type TriggerHarness } from '../support/fakes';
import { caspioTestbed, table, type CaspioTestbed } from '../support/testbed';

const FIELDS = [
	{ Name: 'Title', Type: 'STRING' },
	{ Name: 'Pages', Type: 'NUMBER' },
	{ Name: 'Signed', Type: 'YES/NO' },
	{ Name: 'Scan', Type: 'ATTACHMENT' },
	{ Name: 'Updated', Type: 'TIMESTAMP', OnUpdate: true },
	{ Name: 'Pin', Type: 'PASSWORD' },
];
const SIX = ['Datasheet', 'DataPages', 'DataParts', 'Extensions', 'TriggeredActions', 'Tasks'];
const trigger = new CaspioTrigger();
const hooks = trigger.webhookMethods.default;

interface SandboxEvent {
	EventType: string;
	EventSources: string[];
	CustomPayloadTemplate: string | null;
}
interface SandboxHook {
	Description: string;
	events: SandboxEvent[];
}

describe('Caspio Trigger options: event sources, fields, attachment URLs, notes', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => {
		await bed.reset([{ name: 'Documents', fields: FIELDS, records: [{ Title: 'Contract', Pages: 3, Signed: true, Pin: '1234' }] }]);
		// The record's attachment, as an upload through the API would leave it.
		const service = bed.sandbox.service;
		const documents = service.store.table('Documents');
		service.files.setAttachment(documents, 'Scan', 1, { name: 'File', fileName: 'contract.pdf', contentType: 'application/pdf', data: Buffer.from('%PDF-1') });
		documents.rows[0].Scan = 'contract.pdf';
	});

	const state = async () => (await (await fetch(`${bed.sandbox.url}/__sandbox/state`)).json()) as { webhooks: SandboxHook[] };
	const change = async (op: 'insert' | 'update', values: IDataObject, source: string) => {
		const res = await fetch(`${bed.sandbox.url}/__sandbox/records`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ table: 'Documents', op, values, source, ...(op === 'update' ? { where: 'PK_ID = 1' } : {}) }),
		});
		expect(res.status).toBe(200);
		await bed.sandbox.idle();
	};
	const activate = async (parameters: Record<string, unknown>, url?: string) => {
		const h = triggerHarness(bed, { mode: 'instant', table: table('Documents'), event: 'created', ...parameters }, url);
		await hooks.create.call(h.hook());
		return h;
	};
	const sourcesOf = async () => (await state()).webhooks[0].events[0].EventSources;

	describe('Event Sources', () => {
		it('a workflow saved before Event Sources keeps its meaning: no options → every source but the REST API; the old switch adds it', async () => {
			await activate({ options: {} });
			expect(await sourcesOf()).toEqual(SIX);

			await bed.reset([{ name: 'Documents', fields: FIELDS }]);
			await activate({ options: { includeRestApi: true } });
			expect(await sourcesOf()).toEqual([...SIX, 'RESTAPIs']);
		});

		it('sends exactly the chosen sources; REST API can be chosen; none chosen is refused before anything is created', async () => {
			await activate({ options: { eventSources: ['Datasheet', 'RESTAPIs'] } });
			expect(await sourcesOf()).toEqual(['Datasheet', 'RESTAPIs']);

			await bed.reset([{ name: 'Documents', fields: FIELDS }]);
			const h = triggerHarness(bed, { mode: 'instant', table: table('Documents'), event: 'created', options: { eventSources: [] } });
			await expect(hooks.create.call(h.hook())).rejects.toThrow('No event source is chosen');
			expect((await state()).webhooks).toEqual([]);
		});

		it('a change made through a chosen source starts the workflow; one through another source does not', async () => {
			let h: TriggerHarness | undefined;
			const endpoint = await deliveryEndpoint(async (body) => {
				const { context, response } = h!.webhook(body);
				return { result: await trigger.webhook.call(context), status: response.status };
			});
			try {
				h = await activate({ options: { eventSources: ['Datasheet'] } }, endpoint.url);
				await change('insert', { Title: 'from a DataPage' }, 'DataPages');
				await change('insert', { Title: 'from the datasheet' }, 'Datasheet');
				expect(endpoint.emitted.map((i) => (i.record as IDataObject).Title)).toEqual(['from the datasheet']);
			} finally {
				await endpoint.close();
			}
		});
	});

	describe('payload', () => {
		let h: TriggerHarness;
		let endpoint: Awaited<ReturnType<typeof deliveryEndpoint>>;
		beforeEach(async () => {
			endpoint = await deliveryEndpoint(async (body) => {
				const { context, response } = h.webhook(body);
				return { result: await trigger.webhook.call(context), status: response.status };
			});
		});
		afterEach(async () => await endpoint.close());

		it('chosen fields: the event carries a template of PK_ID and those fields; items have their types back, no password', async () => {
			h = await activate({ event: 'updated', options: { payloadFields: ['Title', 'Pages', 'Signed'] } }, endpoint.url);
			const template = (await state()).webhooks[0].events[0].CustomPayloadTemplate ?? '';
			expect(template).toContain("'data': [{'PK_ID': '[@field:PK_ID]', 'Title': '[@field:Title]', 'Pages': '[@field:Pages]', 'Signed': '[@field:Signed]'}]");
			expect(template).toContain("'secret': '[@out-hook:secret]'");

			await change('update', { Pages: 4 }, 'DataPages');

			expect(endpoint.emitted).toEqual([
				expect.objectContaining({ event: 'updated', table: 'Documents', via: 'webhook', record: { PK_ID: 1, Title: 'Contract', Pages: 4, Signed: true } }),
			]);
			expect(JSON.stringify(endpoint.emitted)).not.toMatch(/secret|1234|Pin/);
		});

		it('all fields with attachment URLs: every field but passwords, and a URL beside the attachment that downloads the file', async () => {
			h = await activate({ event: 'updated', options: { returnAttachmentUrls: true } }, endpoint.url);
			const template = (await state()).webhooks[0].events[0].CustomPayloadTemplate ?? '';
			expect(template).toContain("'Scan': '[@field:Scan]', '_Scan': '[@field:Scan/]'");
			expect(template).not.toContain('Pin');

			await change('update', { Title: 'Signed contract' }, 'Datasheet');

			const record = endpoint.emitted[0].record as IDataObject;
			expect(record).toMatchObject({ PK_ID: 1, Title: 'Signed contract', Pages: 3, Scan: 'contract.pdf', _Scan: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/attachments\/temporary\//) });
			expect(record).not.toHaveProperty('Pin');
			const download = await fetch(String(record._Scan));
			expect(Buffer.from(await download.arrayBuffer()).toString()).toBe('%PDF-1');
		});

		it('a field the table lacks, or a password field, is refused at activation naming it; nothing is left at Caspio', async () => {
			for (const [field, message] of [
				['Nope', 'Field "Nope" is not a field of this table, so the trigger cannot send it'],
				['pin', 'Field "Pin" is a password field, which Caspio never sends, so the trigger cannot send it'],
			]) {
				const hh = triggerHarness(bed, { mode: 'instant', table: table('Documents'), event: 'created', options: { payloadFields: [field] } });
				await expect(hooks.create.call(hh.hook())).rejects.toThrow(message);
			}
			expect((await state()).webhooks).toEqual([]);
		});

		it('a template sent as written (single quotes, not JSON) still becomes the same item', async () => {
			h = await activate({ options: { payloadFields: ['Title'] } });
			await fetch(`${bed.sandbox.url}/__sandbox/options`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ templateOutput: 'raw' }) });
			await change('insert', { Title: "O'Brien file" }, 'DataPages');
			const { deliveries } = (await (await fetch(`${bed.sandbox.url}/__sandbox/deliveries`)).json()) as { deliveries: Array<{ body: unknown }> };
			expect(typeof deliveries[0].body).toBe('string');

			const { context } = h.webhook(deliveries[0].body);
			const result = await trigger.webhook.call(context);

			expect(result.workflowData?.[0].map((i) => i.json.record)).toEqual([{ PK_ID: 2, Title: "O'Brien file" }]);
		});
	});

	it("notes are added to the webhook's description in Caspio", async () => {
		await activate({ options: { notes: '  Owned by sales  ' } });
		expect((await state()).webhooks[0].Description).toMatch(/^n8n workflow wf-[0-9a-f-]+: created records of Documents\. Notes: Owned by sales$/);
	});

	it('Polling honours chosen fields too: a polled record carries only PK_ID and those fields', async () => {
		const h = triggerHarness(bed, { mode: 'polling', table: table('Documents'), event: 'created', options: { emitExisting: true, payloadFields: ['Title'] } });
		const out = await trigger.poll.call(h.poller());
		expect(out?.[0].map((i) => i.json.record)).toEqual([{ PK_ID: 1, Title: 'Contract' }]);
	});

	it('Hybrid: deliveries carry the Updated-At field for the dedupe even when not chosen; the items do not', async () => {
		const h = await activate({ mode: 'hybrid', event: 'updated', stampField: 'Updated', options: { payloadFields: ['Title'] } });
		const template = (await state()).webhooks[0].events[0].CustomPayloadTemplate ?? '';
		expect(template).toContain("'Updated': '[@field:Updated]'");

		await change('update', { Title: 'v2' }, 'DataPages');
		const { deliveries } = (await (await fetch(`${bed.sandbox.url}/__sandbox/deliveries`)).json()) as { deliveries: Array<{ body: unknown }> };
		const first = await trigger.webhook.call(h.webhook(deliveries[0].body).context);
		expect(first.workflowData?.[0].map((i) => i.json.record)).toEqual([{ PK_ID: 1, Title: 'v2' }]);
		// The same change handed over by the backstop poll is recognised by its PK_ID and Updated-At, and dropped.
		const relay = (h.staticData.global['caspioRelay:trigger-node-1'] as { token: string }).token;
		const [row] = (await (await fetch(`${bed.sandbox.url}/__sandbox/state`)).json() as { tables: Array<{ records: IDataObject[] }> }).tables[0].records;
		const handed = await trigger.webhook.call(h.webhook({ relayToken: relay, eventType: 'table.recordUpdate', objectName: 'Documents', data: [row] }).context);
		expect(handed.workflowData).toBeUndefined();
	});
});
