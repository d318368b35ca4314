import { type Quirks, startActiveCampaignSandbox } from './activecampaign';
import { SandboxClient, sleep, startReceiver, useSandbox } from './activecampaign/testkit';

/** Every behaviour the reference marks UNCERTAIN: the default, then the alternative switched on. */

const env = useSandbox({ rateLimit: false });

const use = async (quirks: Partial<Quirks>) => expect((await env.ac.admin('POST', '/options', quirks)).status).toBe(200);
const seed = (body: Record<string, unknown>) => env.ac.admin('POST', '/seed', body);

test('§1 403 body: {"message":"Forbidden"} by default, the errors[] form when switched', async () => {
	const anonymous = new SandboxClient(env.sandbox.url, 'wrong');
	expect((await anonymous.api('GET', '/contacts')).body).toEqual({ message: 'Forbidden' });
	await use({ forbiddenBody: 'errors' });
	const res = await anonymous.api('GET', '/contacts');
	expect(res.status).toBe(403);
	expect(res.body).toEqual({ errors: [{ status: 403, title: 'Forbidden', detail: expect.any(String) }] });
});

test('§2 throttling answers 429 by default, 503 when switched, both with Retry-After', async () => {
	await env.ac.admin('POST', '/rate-limit', { enabled: true, perSecond: 1 });
	const [, throttled] = [await env.ac.api('GET', '/users/me'), await env.ac.api('GET', '/users/me')];
	expect(throttled.status).toBe(429);
	expect(throttled.headers.get('retry-after')).toBe('1');
	await use({ throttleStatus: 503 });
	const other = await env.ac.api('GET', '/users/me');
	expect(other.status).toBe(503);
	expect(other.headers.get('retry-after')).toBe('1');
});

test('§4.1 contact/sync on an existing email answers 200 by default, 201 when switched', async () => {
	await seed({ contacts: [{ email: 'x@example.com' }] });
	expect((await env.ac.api('POST', '/contact/sync', { contact: { email: 'x@example.com' } })).status).toBe(200);
	await use({ syncUpdateStatus: 201 });
	expect((await env.ac.api('POST', '/contact/sync', { contact: { email: 'x@example.com' } })).status).toBe(201);
});

test('§4.2 tag names are unique (422 duplicate) by default, duplicates allowed when switched', async () => {
	await seed({ tags: ['vip'] });
	const dup = await env.ac.api<{ errors: Array<{ code: string }> }>('POST', '/tags', { tag: { tag: 'VIP' } });
	expect(dup.status).toBe(422);
	expect(dup.body.errors[0].code).toBe('duplicate');
	await use({ uniqueTagNames: false });
	expect((await env.ac.api('POST', '/tags', { tag: { tag: 'VIP' } })).status).toBe(201);
});

test('§4.2 an unknown tag id on POST /contactTags answers 404 by default, 422 when switched', async () => {
	await seed({ contacts: [{ email: 'x@example.com' }] });
	const notFound = await env.ac.api('POST', '/contactTags', { contactTag: { contact: 1, tag: 9 } });
	expect(notFound.status).toBe(404);
	expect(notFound.body).toEqual({ errors: [{ status: 404, title: 'Not Found', detail: 'Tag not found' }] });
	await use({ unknownTagStatus: 422 });
	const invalid = await env.ac.api<{ errors: Array<{ status: number }> }>('POST', '/contactTags', { contactTag: { contact: 1, tag: 9 } });
	expect(invalid.status).toBe(422);
	expect(invalid.body.errors[0].status).toBe(422);
});

test('§4.2 re-adding a tag returns the existing association by default, 422 duplicate when switched', async () => {
	await seed({ contacts: [{ email: 'x@example.com', tags: ['vip'] }] });
	const again = await env.ac.api<{ contactTag: { id: string } }>('POST', '/contactTags', { contactTag: { contact: 1, tag: 1 } });
	expect(again.status).toBe(201);
	expect(again.body.contactTag.id).toBe('1');
	await use({ duplicateContactTag: 'error' });
	const dup = await env.ac.api<{ errors: Array<{ code: string }> }>('POST', '/contactTags', { contactTag: { contact: 1, tag: 1 } });
	expect(dup.status).toBe(422);
	expect(dup.body.errors[0].code).toBe('duplicate');
});

test('§3 filters[tagName] on GET /contacts is honoured by default, ignored when switched', async () => {
	await seed({ contacts: [{ email: 'a@example.com', tags: ['vip'] }, { email: 'b@example.com' }] });
	const count = async () => (await env.ac.api<{ contacts: unknown[] }>('GET', '/contacts?filters[tagName]=VIP')).body.contacts.length;
	expect(await count()).toBe(1);
	await use({ tagNameFilter: false });
	expect(await count()).toBe(2);
});

test('§4.4 POST /fields answers {"field":{…}} by default, the list-shaped {"fields":[…]} when switched', async () => {
	const single = await env.ac.api('POST', '/fields', { field: { title: 'One', type: 'text' } });
	expect(single.body).toEqual({ field: expect.objectContaining({ title: 'One' }) });
	await use({ fieldCreateEnvelope: 'fields' });
	const listed = await env.ac.api('POST', '/fields', { field: { title: 'Two', type: 'text' } });
	expect(listed.status).toBe(201);
	expect(listed.body).toMatchObject({ fields: [expect.objectContaining({ title: 'Two' })], meta: { total: '1' } });
});

test('§4.4 perstag: every non-alphanumeric becomes _ by default; runs squeezed and trimmed when switched', async () => {
	const perstag = async (title: string) =>
		(await env.ac.api<{ field: { perstag: string } }>('POST', '/fields', { field: { title, type: 'text' } })).body.field.perstag;
	expect(await perstag('NPS Score (0-10)')).toBe('NPS_SCORE__0_10_');
	expect(await perstag('another test title')).toBe('ANOTHER_TEST_TITLE');
	await use({ perstagRule: 'collapse' });
	expect(await perstag('Lead  Score (0-10)')).toBe('LEAD_SCORE_0_10');
});

test('§4.4 POST /fieldValues on an existing pair updates it by default, 422 duplicate when switched', async () => {
	await seed({ fields: [{ title: 'Session' }], contacts: [{ email: 'x@example.com', fieldValues: { SESSION: 'a' } }] });
	const updated = await env.ac.api<{ fieldValue: { id: string; value: string } }>('POST', '/fieldValues', { fieldValue: { contact: 1, field: 1, value: 'b' } });
	expect(updated.body.fieldValue).toMatchObject({ id: '1', value: 'b' });
	await use({ fieldValueDuplicate: 'error' });
	const dup = await env.ac.api<{ errors: Array<{ code: string }> }>('POST', '/fieldValues', { fieldValue: { contact: 1, field: 1, value: 'c' } });
	expect(dup.status).toBe(422);
	expect(dup.body.errors[0].code).toBe('duplicate');
});

test('§4.4 values need no fieldRel by default; with requireFieldRel the field must be on one of the contact lists', async () => {
	await seed({ lists: ['Events', 'Other'], fields: [{ title: 'Dietary', lists: ['Events'] }], contacts: [{ email: 'x@example.com', lists: ['Other'] }] });
	expect((await env.ac.api('POST', '/fieldValues', { fieldValue: { contact: 1, field: 1, value: 'vegan' } })).status).toBe(200);
	await use({ requireFieldRel: true });
	const refused = await env.ac.api<{ errors: Array<{ code: string }> }>('POST', '/fieldValues', { fieldValue: { contact: 1, field: 1, value: 'none' } });
	expect(refused.status).toBe(422);
	expect(refused.body.errors[0].code).toBe('field_invalid');
	await env.ac.api('POST', '/contactLists', { contactList: { contact: 1, list: 1, status: 1 } });
	expect((await env.ac.api('POST', '/fieldValues', { fieldValue: { contact: 1, field: 1, value: 'none' } })).status).toBe(200);
});

test('§4.6 trackcmp failures are 200 {"success":0} by default, the documented 400 {} when switched', async () => {
	const bad = { actid: '1000', key: 'wrong', event: 'e', visit: '{"email":"a@example.com"}' };
	const soft = await env.ac.track(bad);
	expect(soft.status).toBe(200);
	expect(soft.body).toMatchObject({ success: 0 });
	await use({ trackFailure: 'http400' });
	const hard = await env.ac.track(bad);
	expect(hard.status).toBe(400);
	expect(hard.body).toEqual({});
});

test('§4.6 an event for an unknown email is spawned by default, refused when switched', async () => {
	await env.ac.api('PUT', '/eventTracking', { eventTracking: { enabled: true } });
	const event = { actid: '1000', key: 'sandbox-event-key', event: 'e', visit: '{"email":"ghost@example.com"}' };
	expect((await env.ac.track(event)).body).toEqual({ success: 1, message: 'Event spawned' });
	const state = await env.ac.admin<{ trackedEvents: Array<{ email: string; contact: string | null }> }>('GET', '/state');
	expect(state.body.trackedEvents).toEqual([expect.objectContaining({ email: 'ghost@example.com', contact: null })]);
	await use({ trackUnknownContact: 'reject' });
	expect((await env.ac.track(event)).body).toMatchObject({ success: 0 });
});

describe('§4.9 payload switches', () => {
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	beforeAll(async () => {
		receiver = await startReceiver();
	});
	afterAll(() => receiver.close());

	const fire = async () => {
		receiver.received.length = 0;
		await env.ac.admin('POST', '/contact-events', { email: 'x@example.com', type: 'update', fields: { COMPANY_SIZE: '10' } });
		await env.ac.admin('POST', '/idle');
		return receiver.received[0].fields;
	};

	beforeEach(async () => {
		await seed({ fields: [{ title: 'Company Size' }], contacts: [{ email: 'x@example.com' }] });
		await env.ac.api('POST', '/webhooks', { webhook: { name: 'h', url: receiver.url, events: ['update'], sources: ['admin'] } });
	});

	test('§4.9 contact[fields][…] keys are field ids by default, lower-case perstags when switched', async () => {
		expect(await fire()).toMatchObject({ 'contact[fields][1]': '10' });
		await use({ webhookFieldKeys: 'perstag' });
		expect(await fire()).toMatchObject({ 'contact[fields][company_size]': '10' });
	});

	test('§4.9 no url envelope field by default; the account url when switched', async () => {
		expect(await fire()).not.toHaveProperty('url');
		await use({ webhookEnvelopeUrl: true });
		expect(await fire()).toMatchObject({ url: env.sandbox.url });
	});
});

test('§6.2 POST /webhooks with sources [] answers 422 by default; accepted (and matching nothing) when switched', async () => {
	const hook = { webhook: { name: 'h', url: 'http://127.0.0.1:9/x', events: ['update'], sources: [] } };
	expect((await env.ac.api('POST', '/webhooks', hook)).status).toBe(422);
	await use({ emptyWebhookSources: 'accept' });
	expect((await env.ac.api('POST', '/webhooks', hook)).status).toBe(201);
	await seed({ contacts: [{ email: 'x@example.com' }] });
	await env.ac.api('PUT', '/contacts/1', { contact: { firstName: 'X' } });
	await env.ac.admin('POST', '/idle');
	const state = await env.ac.admin<{ webhookDeliveries: unknown[] }>('GET', '/state');
	expect(state.body.webhookDeliveries).toEqual([]);
});

test('§6.3 orders[x]=true is ignored by default, 422 "Invalid order direction" when switched', async () => {
	await seed({ contacts: [{ email: 'b@example.com' }, { email: 'a@example.com' }] });
	const loose = await env.ac.api<{ contacts: Array<{ email: string }> }>('GET', '/contacts?orders[email]=true');
	expect(loose.status).toBe(200);
	expect(loose.body.contacts.map((c) => c.email)).toEqual(['b@example.com', 'a@example.com']);
	await use({ strictOrderDirection: true });
	const strict = await env.ac.api<{ errors: Array<{ title: string }> }>('GET', '/contacts?orders[email]=true');
	expect(strict.status).toBe(422);
	expect(strict.body.errors[0].title).toMatch(/^Invalid order direction/);
});

test('§4.8 /import/info is completed at once by default; status false until importDelayMs has passed when switched', async () => {
	const run = async () =>
		(await env.ac.api<{ batchId: string }>('POST', '/import/bulk_import', { contacts: [{ email: 'a@example.com' }, { email: 'b@example.com' }] })).body.batchId;
	const info = async (id: string) => (await env.ac.api<{ status: string | false }>('GET', `/import/info?batchId=${id}`)).body.status;
	expect(await info(await run())).toBe('completed');
	await use({ importDelayMs: 150 });
	const later = await run();
	expect(await info(later)).toBe(false);
	await sleep(200);
	expect(await info(later)).toBe('completed');
});

test('§5 POST /__sandbox/options refuses unknown names and wrong types; start options set quirks too', async () => {
	expect((await env.ac.admin('POST', '/options', { nope: true })).status).toBe(400);
	expect((await env.ac.admin('POST', '/options', { throttleStatus: '503' })).status).toBe(400);
	const other = await startActiveCampaignSandbox({ rateLimit: false, quirks: { syncUpdateStatus: 201 }, apiKey: 'other-key' });
	try {
		const client = new SandboxClient(other.url, 'other-key');
		await client.api('POST', '/contact/sync', { contact: { email: 'x@example.com' } });
		expect((await client.api('POST', '/contact/sync', { contact: { email: 'x@example.com' } })).status).toBe(201);
		expect((await client.admin<Quirks>('GET', '/options')).body.syncUpdateStatus).toBe(201);
	} finally {
		await other.close();
	}
});
