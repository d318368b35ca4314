import { ISO_WITH_OFFSET, startReceiver, useSandbox } from './activecampaign/testkit';

/** Webhook registrations, form-encoded deliveries and the admin contact-events (§4.9, §5). */

const env = useSandbox({ rateLimit: false });
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let replyStatus = 200;

beforeAll(async () => {
	receiver = await startReceiver(() => replyStatus);
});
afterAll(() => receiver.close());
beforeEach(async () => {
	receiver.received.length = 0;
	replyStatus = 200;
	await env.ac.admin('POST', '/seed', {
		lists: ['Newsletter', 'Events'],
		fields: [{ title: 'Company Size', type: 'number' }],
		tags: ['vip'],
		contacts: [
			{
				email: 'ada@example.com',
				firstName: 'Ada',
				lastName: 'Lovelace',
				lists: ['Newsletter'],
				tags: ['vip'],
				fieldValues: { COMPANY_SIZE: '50' },
			},
		],
	});
});

const ALL_SOURCES = ['public', 'admin', 'api', 'system'];
const hook = (webhook: Record<string, unknown>) =>
	env.ac.api('POST', '/webhooks', { webhook: { name: 'test', url: receiver.url, sources: ALL_SOURCES, ...webhook } });
const delivered = async () => {
	await env.ac.admin('POST', '/idle');
	return receiver.received.map((r) => r.fields);
};

describe('§4.9 webhooks API', () => {
	test('§4.9 GET /webhook/events lists the 25 event names with a numeric total', async () => {
		const res = await env.ac.api<{ webhookEvents: string[]; meta: { total: number } }>('GET', '/webhook/events');
		expect(res.body.webhookEvents).toHaveLength(25);
		expect(res.body.webhookEvents).toEqual(expect.arrayContaining(['subscribe', 'unsubscribe', 'update', 'contact_tag_added', 'sms_unsub']));
		expect(res.body.meta).toEqual({ total: 25 });
	});

	test('§4.9 POST /webhooks answers 201 with listid "0"; GET, filters, PUT and DELETE work', async () => {
		const created = await env.ac.api<{ webhook: Record<string, unknown> }>('POST', '/webhooks', {
			webhook: { name: 'My Hook', url: receiver.url, events: ['subscribe', 'unsubscribe', 'sent'], sources: ['public', 'system'] },
		});
		expect(created.status).toBe(201);
		expect(created.body.webhook).toMatchObject({
			listid: '0',
			name: 'My Hook',
			url: receiver.url,
			events: ['subscribe', 'unsubscribe', 'sent'],
			sources: ['public', 'system'],
			links: [],
			id: '1',
		});
		expect(created.body.webhook.cdate).toMatch(ISO_WITH_OFFSET);
		const found = await env.ac.api<{ webhooks: unknown[]; meta: { total: string } }>('GET', '/webhooks?filters[name]=My%20Hook');
		expect(found.body.meta.total).toBe('1');
		const put = await env.ac.api<{ webhook: { listid: string; name: string } }>('PUT', '/webhooks/1', { webhook: { listid: 2 } });
		expect(put.body.webhook).toMatchObject({ listid: '2', name: 'My Hook' });
		expect((await env.ac.api('DELETE', '/webhooks/1')).body).toEqual({});
		const missing = await env.ac.api('GET', '/webhooks/1');
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({ message: 'No Result found for Webhook with id 1' });
	});

	test('§4.9 name, url, events and sources are required; unknown events and sources are refused (422)', async () => {
		const empty = await env.ac.api<{ errors: Array<{ code: string; source: { pointer: string } }> }>('POST', '/webhooks', { webhook: {} });
		expect(empty.status).toBe(422);
		expect(empty.body.errors.map((e) => e.source.pointer)).toEqual(
			['name', 'url', 'events', 'sources'].map((k) => `/data/attributes/${k}`),
		);
		const unknown = await env.ac.api<{ errors: Array<{ code: string }> }>('POST', '/webhooks', {
			webhook: { name: 'x', url: receiver.url, events: ['nope'], sources: ['robot'] },
		});
		expect(unknown.body.errors.map((e) => e.code)).toEqual(['field_invalid', 'field_invalid']);
		const extra = await env.ac.api('POST', '/webhooks', { webhook: { name: 'x', url: receiver.url, events: ['account_add'], sources: ['api'] } });
		expect(extra.status).toBe(201);
	});
});

describe('§4.9 deliveries', () => {
	test('§4.9 an API tag write is delivered form-encoded with bracket keys and the documented envelope', async () => {
		await hook({ events: ['contact_tag_added'] });
		await env.ac.api('POST', '/tags', { tag: { tag: 'hot-lead' } });
		await env.ac.api('POST', '/contactTags', { contactTag: { contact: 1, tag: 2 } });
		await env.ac.admin('POST', '/idle');
		expect(receiver.received).toHaveLength(1);
		const [delivery] = receiver.received;
		expect(delivery.contentType).toBe('application/x-www-form-urlencoded');
		expect(delivery.raw).toContain('contact%5Bemail%5D=ada%40example.com');
		expect(delivery.fields).toMatchObject({
			type: 'contact_tag_added',
			initiated_from: 'api',
			initiated_by: 'api',
			list: '0',
			'contact[id]': '1',
			'contact[email]': 'ada@example.com',
			'contact[first_name]': 'Ada',
			'contact[last_name]': 'Lovelace',
			'contact[tags]': 'vip, hot-lead',
			'contact[fields][1]': '50',
			tag: 'hot-lead',
		});
		expect(delivery.fields.date_time).toMatch(ISO_WITH_OFFSET);
	});

	test('§4.9 subscribe, unsubscribe and update from the API carry the list and per-event keys', async () => {
		await hook({ events: ['subscribe', 'unsubscribe', 'update'] });
		await env.ac.api('POST', '/contactLists', { contactList: { contact: 1, list: 2, status: 1 } });
		await env.ac.api('POST', '/contactLists', { contactList: { contact: 1, list: 2, status: 2 } });
		await env.ac.api('PUT', '/contacts/1', { contact: { firstName: 'Augusta' } });
		const [sub, unsub, update] = await delivered();
		expect(sub).toMatchObject({ type: 'subscribe', list: '2', 'form[id]': '0', initiated_from: 'api' });
		expect(unsub).toMatchObject({ type: 'unsubscribe', list: '2', 'list[0][id]': '2', 'unsubscribe[reason]': '' });
		expect(update).toMatchObject({ type: 'update', list: '0', 'contact[first_name]': 'Augusta' });
	});

	test('§4.9 deliveries are filtered by events and sources', async () => {
		await hook({ events: ['update'], sources: ['public'] });
		await env.ac.api('PUT', '/contacts/1', { contact: { firstName: 'ByApi' } });
		await env.ac.api('POST', '/contactTags', { contactTag: { contact: 1, tag: 1 } });
		expect(await delivered()).toEqual([]);
		await env.ac.admin('POST', '/contact-events', { email: 'ada@example.com', type: 'update', fields: { COMPANY_SIZE: '60' }, source: 'public' });
		expect(await delivered()).toEqual([expect.objectContaining({ type: 'update', initiated_from: 'public', 'contact[fields][1]': '60' })]);
	});

	test('§4.9 listid narrows list-scoped events but not tag events', async () => {
		await hook({ events: ['subscribe', 'contact_tag_added', 'update'], listid: 2 });
		await env.ac.api('POST', '/contacts', { contact: { email: 'new@example.com' } });
		await env.ac.api('POST', '/contactLists', { contactList: { contact: 1, list: 1, status: 1 } });
		await env.ac.api('PUT', '/contacts/1', { contact: { phone: '1' } });
		expect(await delivered()).toEqual([]);
		await env.ac.api('POST', '/contactLists', { contactList: { contact: 1, list: 2, status: 1 } });
		await env.ac.api('PUT', '/contacts/1', { contact: { phone: '2' } });
		await env.ac.api('POST', '/tags', { tag: { tag: 'x' } });
		await env.ac.api('POST', '/contactTags', { contactTag: { contact: 2, tag: 2 } });
		expect((await delivered()).map((f) => [f.type, f.list])).toEqual([
			['subscribe', '2'],
			['update', '0'],
			['contact_tag_added', '0'],
		]);
	});

	test('§4.9 a 410 reply deactivates the hook; other failures are not retried', async () => {
		await hook({ events: ['update'] });
		replyStatus = 500;
		await env.ac.api('PUT', '/contacts/1', { contact: { phone: '1' } });
		expect(await delivered()).toHaveLength(1);
		replyStatus = 410;
		await env.ac.api('PUT', '/contacts/1', { contact: { phone: '2' } });
		await env.ac.api('PUT', '/contacts/1', { contact: { phone: '3' } });
		replyStatus = 200;
		await env.ac.api('PUT', '/contacts/1', { contact: { phone: '4' } });
		const fields = await delivered();
		expect(fields.map((f) => f['contact[phone]'])).toEqual(['1', '2']);
		const state = await env.ac.admin<{ webhooks: Array<{ active: boolean }>; webhookDeliveries: Array<{ status: number }> }>('GET', '/state');
		expect(state.body.webhooks[0].active).toBe(false);
		expect(state.body.webhookDeliveries.map((d) => d.status)).toEqual([500, 410]);
	});

	test('§4.9 deliveries to one hook arrive in the order the changes happened', async () => {
		await hook({ events: ['update'] });
		await Promise.all(Array.from({ length: 5 }, (_, i) => env.ac.api('POST', '/fieldValues', { fieldValue: { contact: 1, field: 1, value: String(i) } })));
		const values = (await delivered()).map((f) => f['contact[fields][1]']);
		expect(values).toHaveLength(5);
		const state = await env.ac.admin<{ contacts: Array<{ fieldValues: Record<string, string> }> }>('GET', '/state');
		expect(values[4]).toBe(state.body.contacts[0].fieldValues.COMPANY_SIZE);
	});
});

describe('§5 admin contact-events', () => {
	test('§5 a public unsubscribe changes the list status and fires unsubscribe with source public', async () => {
		await hook({ events: ['unsubscribe'] });
		const res = await env.ac.admin('POST', '/contact-events', { email: 'ada@example.com', type: 'unsubscribe', list: 'Newsletter', reason: 'Too many emails' });
		expect(res.status).toBe(200);
		expect(await delivered()).toEqual([
			expect.objectContaining({ type: 'unsubscribe', initiated_from: 'public', list: '1', 'unsubscribe[reason]': 'Too many emails' }),
		]);
		const state = await env.ac.admin<{ contacts: Array<{ lists: Array<{ status: number }> }> }>('GET', '/state');
		expect(state.body.contacts[0].lists).toEqual([expect.objectContaining({ status: 2 })]);
	});

	test('§5 a public subscribe creates the contact; admin tag add and remove fire with source admin', async () => {
		await hook({ events: ['subscribe', 'contact_tag_added', 'contact_tag_removed'], sources: ['public', 'admin'] });
		await env.ac.admin('POST', '/contact-events', { email: 'new@example.com', type: 'subscribe', list: 'Events', firstName: 'New' });
		await env.ac.admin('POST', '/contact-events', { email: 'new@example.com', type: 'contact_tag_added', tag: 'promoter' });
		await env.ac.admin('POST', '/contact-events', { email: 'new@example.com', type: 'contact_tag_removed', tag: 'promoter', source: 'admin' });
		expect((await delivered()).map((f) => [f.type, f.initiated_from, f.tag, f['contact[tags]']])).toEqual([
			['subscribe', 'public', undefined, ''],
			['contact_tag_added', 'admin', 'promoter', 'promoter'],
			['contact_tag_removed', 'admin', 'promoter', ''],
		]);
	});

	test('§5 a system note fires subscriber_note; bad requests answer 400/404', async () => {
		await hook({ events: ['subscriber_note'] });
		await env.ac.admin('POST', '/contact-events', { email: 'ada@example.com', type: 'subscriber_note', note: 'Called back', source: 'system' });
		expect(await delivered()).toEqual([expect.objectContaining({ type: 'subscriber_note', initiated_from: 'system', note: 'Called back' })]);
		expect((await env.ac.admin('POST', '/contact-events', { email: 'nobody@example.com', type: 'update' })).status).toBe(404);
		expect((await env.ac.admin('POST', '/contact-events', { email: 'ada@example.com', type: 'explode' })).status).toBe(400);
		expect((await env.ac.admin('POST', '/contact-events', { email: 'ada@example.com', type: 'update', source: 'robot' })).status).toBe(400);
	});
});
