import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { CaspioTestClient, qs, V3 } from './caspio/test-client';

/** §7 outgoing webhooks: management API over HTTP, and deliveries to a real local receiver. */

interface Received {
	path: string;
	contentType: string | undefined;
	text: string;
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

let caspio: CaspioTestClient;
let receiver: http.Server;
let receiverUrl: string;
let received: Received[] = [];
let receiverStatus = 200;
/** While set, the receiver holds every request open until it resolves. */
let hold: Promise<void> | undefined;

beforeAll(async () => {
	caspio = await CaspioTestClient.start({ seedDemo: true });
	receiver = http.createServer((req, res) => {
		let text = '';
		req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
		req.on('end', async () => {
			await hold;
			let body: unknown = text;
			try {
				body = JSON.parse(text);
			} catch {
				// a raw template need not be JSON
			}
			received.push({ path: req.url ?? '', contentType: req.headers['content-type'], text, body });
			res.writeHead(receiverStatus).end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await caspio.close();
	await new Promise((resolve) => receiver.close(resolve));
});
beforeEach(async () => {
	await caspio.admin('POST', 'reset');
	await caspio.authenticate();
	received = [];
	receiverStatus = 200;
	hold = undefined;
});

/** Waits for every delivery in flight (the admin call returns once they are done). */
const settle = async () => (await caspio.admin('GET', 'deliveries')).body.deliveries;

async function webhookWithEvent(event: Record<string, unknown>, hook: Record<string, unknown> = {}) {
	const created = await caspio.api('POST', `${V3}/outgoingWebhooks`, { Name: 'test-hook', OutgoingUrls: [`${receiverUrl}/hook`], ...hook });
	expect(created.status).toBe(201);
	const ev = await caspio.api('POST', `${V3}/outgoingWebhooks/${created.body.Id}/events`, { ObjectName: 'Leads', ...event });
	expect(ev.status).toBe(201);
	return { hook: created.body, event: ev.body };
}

const updateLeads = (where: string, values: unknown) => caspio.api('PUT', `${V3}/tables/Leads/records${qs({ where })}`, values);

describe('§7.2 webhook management API', () => {
	test('create returns the bare object with a short Id and a Secret; list wraps in Result and includes Secret', async () => {
		const created = await caspio.api('POST', `${V3}/outgoingWebhooks`, { Name: 'n8n-abc', Description: 'd', OutgoingUrls: [`${receiverUrl}/a`] });
		expect(created.status).toBe(201);
		expect(created.body).toEqual({
			Id: expect.stringMatching(/^[a-z0-9]{6}$/),
			Name: 'n8n-abc',
			Description: 'd',
			OutgoingUrls: [`${receiverUrl}/a`],
			Secret: expect.any(String),
			CallThrottling: 0,
			Enabled: true,
		});
		const list = await caspio.api('GET', `${V3}/outgoingWebhooks`);
		expect(list.body).toEqual({ Result: [created.body] });
		expect((await caspio.api('GET', `${V3}/outgoingWebhooks/${created.body.Id}`)).body).toEqual({ Result: created.body });
	});

	test('update changes fields (e.g. Enabled) and keeps Id and Secret', async () => {
		const { body: hook } = await caspio.api('POST', `${V3}/outgoingWebhooks`, { Name: 'h', OutgoingUrls: [`${receiverUrl}/a`] });
		const updated = await caspio.api('PUT', `${V3}/outgoingWebhooks/${hook.Id}`, { Enabled: false, Id: 'zzzzzz', Secret: 'mine' });
		expect(updated.status).toBe(200);
		expect(updated.body).toMatchObject({ Id: hook.Id, Secret: hook.Secret, Enabled: false });
	});

	test('Name and OutgoingUrls are required; duplicate names and URLs → 400 (URLs allowed when switched)', async () => {
		expect((await caspio.api('POST', `${V3}/outgoingWebhooks`, { OutgoingUrls: [`${receiverUrl}/a`] })).status).toBe(400);
		expect((await caspio.api('POST', `${V3}/outgoingWebhooks`, { Name: 'x', OutgoingUrls: [] })).status).toBe(400);
		expect((await caspio.api('POST', `${V3}/outgoingWebhooks`, { Name: 'x', OutgoingUrls: ['not a url'] })).status).toBe(400);
		await caspio.api('POST', `${V3}/outgoingWebhooks`, { Name: 'first', OutgoingUrls: [`${receiverUrl}/a`] });
		const sameName = await caspio.api('POST', `${V3}/outgoingWebhooks`, { Name: 'FIRST', OutgoingUrls: [`${receiverUrl}/b`] });
		expect(sameName.status).toBe(400);
		expect(sameName.body.Code).toBe('IncorrectBodyParameter');
		const sameUrl = await caspio.api('POST', `${V3}/outgoingWebhooks`, { Name: 'second', OutgoingUrls: [`${receiverUrl}/a`] });
		expect(sameUrl.status).toBe(400);
		expect(sameUrl.body.Message).toMatch(/URL already exists/);
		await caspio.admin('POST', 'options', { duplicateWebhookUrl: 'allow' });
		expect((await caspio.api('POST', `${V3}/outgoingWebhooks`, { Name: 'second', OutgoingUrls: [`${receiverUrl}/a`] })).status).toBe(201);
	});

	test('delete removes the webhook and its events; a second delete is 404', async () => {
		const { hook, event } = await webhookWithEvent({ EventType: 'table.recordInsert' });
		expect((await caspio.api('DELETE', `${V3}/outgoingWebhooks/${hook.Id}`)).status).toBe(200);
		expect((await caspio.api('GET', `${V3}/outgoingWebhooks/${hook.Id}`)).status).toBe(404);
		expect((await caspio.api('GET', `${V3}/outgoingWebhooks/${hook.Id}/events/${event.Id}`)).status).toBe(404);
		const again = await caspio.api('DELETE', `${V3}/outgoingWebhooks/${hook.Id}`);
		expect(again.status).toBe(404);
		expect(again.body.Code).toBe('ObjectNotFound');
	});

	test('events: create, list, get (with counters), update, delete', async () => {
		const { hook, event } = await webhookWithEvent({ EventType: 'table.recordUpdate', ObjectFields: ['email'], EventSources: ['datapages'] });
		expect(event).toEqual({
			Id: expect.stringMatching(/^[a-z0-9]{6}$/),
			EventType: 'table.recordUpdate',
			ObjectName: 'Leads',
			ObjectFields: ['Email'],
			EventSources: ['DataPages'],
			CustomPayloadFields: [],
			CustomPayloadTemplate: null,
			Enabled: true,
		});
		const base = `${V3}/outgoingWebhooks/${hook.Id}/events`;
		expect((await caspio.api('GET', base)).body).toEqual({ Result: [event] });
		expect((await caspio.api('GET', `${base}/${event.Id}`)).body.Result).toEqual({ ...event, Messages: 0, Calls: 0, Errors: 0 });
		const updated = await caspio.api('PUT', `${base}/${event.Id}`, { Enabled: false, ObjectFields: [] });
		expect(updated.body).toMatchObject({ Id: event.Id, Enabled: false, ObjectFields: [] });
		expect((await caspio.api('DELETE', `${base}/${event.Id}`)).status).toBe(200);
		expect((await caspio.api('GET', base)).body).toEqual({ Result: [] });
	});

	test('§7.1 event rules: valid type, table, fields and sources; no identical or overlapping events', async () => {
		const { hook } = await webhookWithEvent({ EventType: 'table.recordInsert' });
		const add = (event: Record<string, unknown>) => caspio.api('POST', `${V3}/outgoingWebhooks/${hook.Id}/events`, { ObjectName: 'Leads', ...event });
		expect((await add({ EventType: 'table.recordChanged' })).status).toBe(400);
		expect((await add({ EventType: 'table.recordDelete', ObjectName: 'Ghost' })).status).toBe(400);
		expect((await add({ EventType: 'table.recordInsert' })).status).toBe(400);
		expect((await add({ EventType: 'table.recordDelete', ObjectFields: ['Email'] })).status).toBe(400);
		expect((await add({ EventType: 'table.recordUpdate', ObjectFields: ['Nope'] })).status).toBe(400);
		expect((await add({ EventType: 'table.recordUpdate', EventSources: ['Email'] })).status).toBe(400);
		expect((await add({ EventType: 'table.recordUpdate', ObjectFields: ['Email'] })).status).toBe(201);
		expect((await add({ EventType: 'table.recordUpdate', ObjectFields: ['Company'] })).status).toBe(201);
		expect((await add({ EventType: 'table.recordUpdate', ObjectFields: ['Email'] })).status).toBe(400);
		expect((await add({ EventType: 'table.recordUpdate' })).status).toBe(400);
		expect((await add({ EventType: 'table.recordDelete', ObjectName: 'Preferences' })).status).toBe(201);
	});
});

describe('§7.3 deliveries', () => {
	test('a REST insert posts the default payload to every OutgoingUrl', async () => {
		const { hook, event } = await webhookWithEvent(
			{ EventType: 'table.recordInsert', EventSources: ['RESTAPIs'] },
			{ OutgoingUrls: [`${receiverUrl}/one`, `${receiverUrl}/two`] },
		);
		const insert = await caspio.api('POST', `${V3}/tables/Leads/records`, { First_Name: 'Zed', Email: 'zed@example.com', Consent: true });
		expect(insert.status).toBe(201);
		await settle();
		expect(received.map((r) => r.path).sort()).toEqual(['/one', '/two']);
		const [message] = received;
		expect(message.contentType).toMatch(/^application\/json/);
		expect(Object.keys(message.body)).toEqual(['eventId', 'messageId', 'webhookId', 'accountId', 'secret', 'eventDate', 'eventType', 'objectName', 'data']);
		expect(message.body).toMatchObject({
			eventId: event.Id,
			webhookId: hook.Id,
			accountId: 'sandbox-account',
			secret: hook.Secret,
			eventType: 'table.recordInsert',
			objectName: 'Leads',
		});
		expect(message.body.messageId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		expect(message.body.eventDate).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
		expect(Math.abs(Date.parse(`${message.body.eventDate}Z`) - Date.now())).toBeLessThan(60_000);
		expect(message.body.data).toHaveLength(1);
		expect(message.body.data[0]).toMatchObject({ PK_ID: 7, First_Name: 'Zed', Email: 'zed@example.com', Consent: true });
		// both URLs get the same message
		expect(received[1].body.messageId).toBe(message.body.messageId);
		const stats = (await caspio.admin('GET', 'stats')).body;
		expect(stats.webhooksSent).toBe(2);
		expect((await caspio.api('GET', `${V3}/outgoingWebhooks/${hook.Id}/events/${event.Id}`)).body.Result).toMatchObject({ Messages: 1, Calls: 2, Errors: 0 });
	});

	test('a slow receiver does not hold up the REST response; the delivery lands afterwards', async () => {
		await webhookWithEvent({ EventType: 'table.recordInsert' });
		let release = () => {};
		hold = new Promise<void>((resolve) => (release = resolve));
		const insert = await caspio.api('POST', `${V3}/tables/Leads/records`, { Email: 'slow@example.com' });
		expect(insert.status).toBe(201);
		expect(received).toHaveLength(0);
		release();
		await settle();
		expect(received).toHaveLength(1);
	});

	test('an update with no changed value sends nothing; a real change sends the current values', async () => {
		await webhookWithEvent({ EventType: 'table.recordUpdate' });
		const same = await updateLeads('PK_ID = 1', { Company: 'Analytical Engines Ltd', Consent: true });
		expect(same.body.RecordsAffected).toBe(1);
		await settle();
		expect(received).toHaveLength(0);
		await updateLeads('PK_ID = 1', { Company: 'Engines Ltd' });
		await settle();
		expect(received).toHaveLength(1);
		expect(received[0].body).toMatchObject({ eventType: 'table.recordUpdate', data: [{ PK_ID: 1, Company: 'Engines Ltd' }] });
	});

	test('an update event with ObjectFields fires only when one of those fields changes', async () => {
		await webhookWithEvent({ EventType: 'table.recordUpdate', ObjectFields: ['Email'] });
		await updateLeads('PK_ID = 2', { Company: 'Elsewhere' });
		await settle();
		expect(received).toHaveLength(0);
		await updateLeads('PK_ID = 2', { Email: 'grace.hopper@example.com' });
		await settle();
		expect(received).toHaveLength(1);
	});

	test('a REST-sourced change does not fire when only the DataPages source is enabled; a DataPage change does', async () => {
		await webhookWithEvent({ EventType: 'table.recordInsert', EventSources: ['DataPages'] });
		await caspio.api('POST', `${V3}/tables/Leads/records`, { Email: 'rest@example.com' });
		await settle();
		expect(received).toHaveLength(0);
		const form = await caspio.admin('POST', 'records', { table: 'Leads', op: 'insert', values: { Email: 'form@example.com' }, source: 'DataPages' });
		expect(form.status).toBe(200);
		expect(form.body.Result[0].Email).toBe('form@example.com');
		const sheet = await caspio.admin('POST', 'records', { table: 'Leads', op: 'insert', values: { Email: 'sheet@example.com' }, source: 'Datasheet' });
		expect(sheet.status).toBe(200);
		await settle();
		expect(received.map((r) => r.body.data[0].Email)).toEqual(['form@example.com']);
	});

	test('an event with no EventSources fires for every source, REST included', async () => {
		await webhookWithEvent({ EventType: 'table.recordDelete' });
		await caspio.api('DELETE', `${V3}/tables/Leads/records${qs({ where: 'PK_ID = 3' })}`);
		await caspio.admin('POST', 'records', { table: 'Leads', op: 'delete', where: 'PK_ID = 4', source: 'Tasks' });
		await settle();
		expect(received.map((r) => [r.body.eventType, r.body.data[0].PK_ID, r.body.data[0].Last_Name])).toEqual([
			['table.recordDelete', 3, 'Turing'],
			['table.recordDelete', 4, 'Johnson'],
		]);
	});

	test('admin record changes validate source and op, and return Caspio errors as envelopes', async () => {
		expect((await caspio.admin('POST', 'records', { table: 'Leads', op: 'insert', values: {}, source: 'Import' })).status).toBe(400);
		expect((await caspio.admin('POST', 'records', { table: 'Leads', op: 'upsert', values: {} })).status).toBe(400);
		const dup = await caspio.admin('POST', 'records', { table: 'Leads', op: 'insert', values: { Email: 'ada@example.com' } });
		expect(dup.body.Code).toBe('SqlServerError');
		const update = await caspio.admin('POST', 'records', { table: 'Leads', op: 'update', where: "Readiness = 'Evaluating'", values: { Sync_Status: 'Done' } });
		expect(update.body.RecordsAffected).toBe(2);
	});

	test('a disabled webhook or event sends nothing', async () => {
		const { hook, event } = await webhookWithEvent({ EventType: 'table.recordInsert' });
		await caspio.api('PUT', `${V3}/outgoingWebhooks/${hook.Id}/events/${event.Id}`, { Enabled: false });
		await caspio.api('POST', `${V3}/tables/Leads/records`, { Email: 'a1@example.com' });
		await caspio.api('PUT', `${V3}/outgoingWebhooks/${hook.Id}/events/${event.Id}`, { Enabled: true });
		await caspio.api('PUT', `${V3}/outgoingWebhooks/${hook.Id}`, { Enabled: false });
		await caspio.api('POST', `${V3}/tables/Leads/records`, { Email: 'a2@example.com' });
		await settle();
		expect(received).toHaveLength(0);
	});

	test('§7.3 a bulk PUT sends one message per row, or one message with every row when webhookMessages is "batched"', async () => {
		await webhookWithEvent({ EventType: 'table.recordUpdate' });
		await updateLeads("Readiness = 'Evaluating'", { Sync_Status: 'Queued' });
		await settle();
		expect(received.map((r) => r.body.data.map((d: { PK_ID: number }) => d.PK_ID))).toEqual([[2], [5]]);
		expect(received[0].body.messageId).not.toBe(received[1].body.messageId);
		received = [];
		await caspio.admin('POST', 'options', { webhookMessages: 'batched' });
		await updateLeads("Readiness = 'Evaluating'", { Sync_Status: 'Sent' });
		await settle();
		expect(received.map((r) => r.body.data.map((d: { PK_ID: number }) => d.PK_ID))).toEqual([[2, 5]]);
	});

	test('§7.3 a custom template becomes JSON with quoted placeholders as strings (or is sent verbatim in raw mode)', async () => {
		const template =
			"{'secret': '[@out-hook:secret]', 'webhookId': '[@out-hook:webhookId]', 'messageId': '[@out-hook:messageId]', 'eventId': '[@out-hook:eventId]', " +
			"'eventType': '[@out-hook:eventType]', 'data': [{'PK_ID': '[@field:PK_ID]', 'Email': '[@field:email]', 'Size': [@field:Company_Size], 'Missing': '[@field:Nope]'}]}";
		const { hook, event } = await webhookWithEvent({ EventType: 'table.recordInsert', CustomPayloadTemplate: template });
		await caspio.api('POST', `${V3}/tables/Leads/records`, { Email: "o'hara@example.com", Company_Size: 12 });
		await settle();
		expect(received[0].body).toEqual({
			secret: hook.Secret,
			webhookId: hook.Id,
			messageId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			eventId: event.Id,
			eventType: 'table.recordInsert',
			data: [{ PK_ID: '7', Email: "o'hara@example.com", Size: 12, Missing: '' }],
		});
		received = [];
		await caspio.admin('POST', 'options', { templateOutput: 'raw' });
		await caspio.api('POST', `${V3}/tables/Leads/records`, { Email: 'raw@example.com', Company_Size: 3 });
		await settle();
		expect(received[0].text).toContain("'Email': 'raw@example.com'");
		expect(received[0].text).toContain("'Size': 3");
	});

	test('the delivery log records each attempt; non-2xx answers count as errors', async () => {
		const { event, hook } = await webhookWithEvent({ EventType: 'table.recordInsert' });
		receiverStatus = 500;
		await caspio.api('POST', `${V3}/tables/Leads/records`, { Email: 'err@example.com' });
		const deliveries = await settle();
		expect(deliveries).toEqual([
			expect.objectContaining({ webhookId: hook.Id, eventId: event.Id, url: `${receiverUrl}/hook`, statuses: [500], contentType: 'application/json' }),
		]);
		expect((await caspio.api('GET', `${V3}/outgoingWebhooks/${hook.Id}/events/${event.Id}`)).body.Result).toMatchObject({ Messages: 1, Calls: 1, Errors: 1 });
	});

	test('webhook faults: webhookDropRate 1 drops every message; webhookRepeatRate 1 sends each twice with the same messageId', async () => {
		await webhookWithEvent({ EventType: 'table.recordInsert' });
		await caspio.admin('POST', 'faults', { webhookDropRate: 1 });
		await caspio.api('POST', `${V3}/tables/Leads/records`, { Email: 'drop@example.com' });
		await settle();
		expect(received).toHaveLength(0);
		expect((await caspio.admin('GET', 'stats')).body.webhooksDropped).toBe(1);
		await caspio.admin('POST', 'faults', { webhookDropRate: 0, webhookRepeatRate: 1 });
		await caspio.api('POST', `${V3}/tables/Leads/records`, { Email: 'twice@example.com' });
		await settle();
		expect(received).toHaveLength(2);
		expect(received[0].body.messageId).toBe(received[1].body.messageId);
	});

	test('webhooks can be seeded with fixed Id and Secret, and show up in state with their events', async () => {
		const seeded = await caspio.admin('POST', 'seed', {
			webhooks: [{ Id: 'seed01', Secret: 's3cret', Name: 'seeded', OutgoingUrls: [`${receiverUrl}/s`], events: [{ EventType: 'table.recordInsert', ObjectName: 'Preferences' }] }],
		});
		expect(seeded.status).toBe(200);
		const state = (await caspio.admin('GET', 'state')).body;
		expect(state.webhooks).toEqual([expect.objectContaining({ Id: 'seed01', Secret: 's3cret', events: [expect.objectContaining({ ObjectName: 'Preferences' })] })]);
		await caspio.api('POST', `${V3}/tables/Preferences/records`, { Email: 'new@example.com', Newsletter: true });
		await settle();
		expect(received[0].body).toMatchObject({ webhookId: 'seed01', secret: 's3cret', data: [{ Email: 'new@example.com', Newsletter: true }] });
	});
});
