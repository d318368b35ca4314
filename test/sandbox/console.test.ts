import http from 'node:http';
import type { AddressInfo } from 'node:net';
import vm from 'node:vm';

import { startActiveCampaignSandbox, type ActiveCampaignSandbox } from './activecampaign';
import { startCaspioSandbox, type Delivery, type RunningCaspioSandbox } from './caspio';

/**
 * The sandbox console's JSON as its page reads it: Caspio tables and the form's write (served by the Caspio
 * sandbox), ActiveCampaign contacts (served by the ActiveCampaign sandbox, readable from the console's origin).
 */

let caspio: RunningCaspioSandbox;
let ac: ActiveCampaignSandbox;
let receiver: http.Server;
let receiverUrl: string;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let received: { path: string; body: any }[] = [];

beforeAll(async () => {
	ac = await startActiveCampaignSandbox({ seedDemo: true });
	caspio = await startCaspioSandbox({ seedDemo: true, activeCampaignUrl: ac.url });
	receiver = http.createServer((req, res) => {
		let text = '';
		req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
		req.on('end', () => {
			received.push({ path: req.url ?? '', body: JSON.parse(text) });
			res.writeHead(200).end();
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await Promise.all([caspio.close(), ac.close(), new Promise((resolve) => receiver.close(resolve))]);
});
beforeEach(async () => {
	await Promise.all([fetch(`${caspio.url}/__sandbox/reset`, { method: 'POST' }), fetch(`${ac.url}/__sandbox/reset`, { method: 'POST' })]);
	received = [];
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any
async function call(method: string, url: string, body?: unknown): Promise<{ status: number; headers: Headers; body: any }> {
	const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	const text = await res.text();
	return { status: res.status, headers: res.headers, body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

const submit = (body: unknown) => call('POST', `${caspio.consoleUrl}/records`, body);

/** Two webhooks on Leads inserts and updates: one a DataPage fires, one only a REST API write fires. */
async function seedHooks() {
	const events = (sources: string[]) =>
		['table.recordInsert', 'table.recordUpdate'].map((EventType) => ({ EventType, ObjectName: 'Leads', EventSources: sources }));
	const seeded = await call('POST', `${caspio.url}/__sandbox/seed`, {
		webhooks: [
			{ Id: 'pages1', Name: 'datapages', OutgoingUrls: [`${receiverUrl}/datapages`], events: events(['DataPages']) },
			{ Id: 'rest01', Name: 'rest-only', OutgoingUrls: [`${receiverUrl}/rest`], events: events(['RESTAPIs']) },
		],
	});
	expect(seeded.status).toBe(200);
}

const deliveries = async (): Promise<Delivery[]> => (await call('GET', `${caspio.url}/__sandbox/deliveries`)).body.deliveries;

describe('the page', () => {
	test('one HTML page with inline CSS and script, nothing from elsewhere, linked to the ActiveCampaign sandbox', async () => {
		const page = await call('GET', caspio.consoleUrl);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
		const html = page.body as string;
		expect(html).toContain(`<meta name="sandbox-activecampaign" content="${ac.url}">`);
		expect(html).not.toMatch(/<(script|link|img|iframe)[^>]+(src|href)="(?!data:)/i);
		expect(html).not.toMatch(/https?:\/\/(?!127\.0\.0\.1)/);
		const script = /<script>([\s\S]*)<\/script>/.exec(html)?.[1] ?? '';
		expect(() => new vm.Script(script)).not.toThrow();
		expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
	});

	test('without an ActiveCampaign sandbox the page still serves, with an empty link', async () => {
		const alone = await startCaspioSandbox({ seedDemo: true });
		try {
			expect((await call('GET', alone.consoleUrl)).body).toContain('<meta name="sandbox-activecampaign" content="">');
		} finally {
			await alone.close();
		}
	});
});

describe('GET /__sandbox/console/tables (Caspio)', () => {
	test('every table with its fields (editable or set by Caspio) and its records as the REST API reads them', async () => {
		const { status, body } = await call('GET', `${caspio.consoleUrl}/tables`);
		expect(status).toBe(200);
		expect(body.tables.map((t: { name: string }) => t.name)).toEqual(expect.arrayContaining(['Leads', 'Registrations', 'Preferences']));
		const leads = body.tables.find((t: { name: string }) => t.name === 'Leads');
		expect(leads.fields).toContainEqual({ name: 'Company_Size', label: 'Company Size', type: 'NUMBER', editable: true, required: false });
		expect(leads.fields).toContainEqual(expect.objectContaining({ name: 'Created', type: 'TIMESTAMP', editable: false }));
		expect(leads.records).toHaveLength(6);
		expect(Object.keys(leads.records[0])[0]).toBe('PK_ID');
		expect(leads.records[0]).toMatchObject({ PK_ID: 1, Email: 'ada@example.com', Consent: true });
	});
});

describe('POST /__sandbox/console/records (the form, as a DataPage)', () => {
	test('a new record fires the webhooks subscribed to DataPages, not those of REST API writes', async () => {
		await seedHooks();
		const added = await submit({
			table: 'Leads',
			values: { First_Name: 'Eve', Email: 'eve@example.com', Company_Size: '30', Readiness: 'Ready to buy', Consent: true, Phone: '', Synced_At: '' },
		});
		expect(added.status).toBe(201);
		// Blank inputs leave the field out, so it keeps Caspio's default; text from number inputs is typed by the field.
		expect(added.body.record).toMatchObject({ PK_ID: 7, First_Name: 'Eve', Company_Size: 30, Consent: true, Phone: null, Synced_At: null });

		const sent = await deliveries();
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({ webhookId: 'pages1', url: `${receiverUrl}/datapages`, statuses: [200] });
		expect(received).toEqual([
			{ path: '/datapages', body: expect.objectContaining({ eventType: 'table.recordInsert', objectName: 'Leads', data: [added.body.record] }) },
		]);
	});

	test('a changed record (by PK_ID) fires the DataPages update webhook; a blank input clears the field', async () => {
		await seedHooks();
		const changed = await submit({ table: 'Leads', pk: 2, values: { Readiness: 'Ready to buy', Company: '' } });
		expect(changed.status).toBe(200);
		expect(changed.body.record).toMatchObject({ PK_ID: 2, Email: 'grace@example.com', Readiness: 'Ready to buy', Company: null });
		const sent = await deliveries();
		expect(sent.map((d) => d.webhookId)).toEqual(['pages1']);
		expect(received[0].body).toMatchObject({ eventType: 'table.recordUpdate', data: [expect.objectContaining({ PK_ID: 2, Readiness: 'Ready to buy' })] });
	});

	test.each([
		['an unknown table', { table: 'Nope', values: {} }, 404, "Table 'Nope' does not exist."],
		['an unknown field', { table: 'Leads', values: { Colour: 'red' } }, 404, 'The following field(s) do not exist: Colour'],
		['a value of the wrong type', { table: 'Leads', values: { Company_Size: 'many' } }, 500, "doesn't match the data type"],
		['a PK_ID that is no record', { table: 'Leads', pk: 99, values: { Company: 'x' } }, 404, 'no record with PK_ID 99'],
		['a pk that is not a PK_ID', { table: 'Leads', pk: '1 OR 1=1', values: { Company: 'x' } }, 400, 'pk must be a record PK_ID.'],
		['no values', { table: 'Leads' }, 400, 'values must be an object'],
	])('%s is refused with the Caspio envelope the page shows', async (_what, body, status, message) => {
		const refused = await submit(body);
		expect(refused.status).toBe(status);
		expect(refused.body).toMatchObject({ Code: expect.any(String), Message: expect.stringContaining(message) });
	});
});

describe('GET /__sandbox/console/contacts (ActiveCampaign)', () => {
	test('contacts with tags, lists (with status), field values, automations and events, readable from any origin', async () => {
		await call('POST', `${ac.url}/__sandbox/contact-events`, { email: 'alan@example.com', type: 'contact_tag_added', tag: 'customer' });
		const { status, headers, body } = await call('GET', `${ac.url}/__sandbox/console/contacts`);
		expect(status).toBe(200);
		expect(headers.get('access-control-allow-origin')).toBe('*');
		expect(body.fieldTitles).toMatchObject({ COMPANY_SIZE: 'Company Size', CASPIO_RECORD_ID: 'Caspio Record ID' });
		const alan = body.contacts.find((c: { email: string }) => c.email === 'alan@example.com');
		expect(alan).toMatchObject({
			firstName: 'Alan',
			tags: ['warm-lead', 'passive', 'customer'],
			lists: [expect.objectContaining({ name: 'Newsletter', status: 2 }), expect.objectContaining({ name: 'Product Updates', status: 1 })],
			fieldValues: { COMPANY_SIZE: '15', INTEREST: '||Integrations||', NPS_SCORE: '7' },
			automations: [],
			events: [],
		});
		const ada = body.contacts.find((c: { email: string }) => c.email === 'ada@example.com');
		expect(ada.automations).toEqual([expect.objectContaining({ name: 'Onboarding' })]);
	});
});
