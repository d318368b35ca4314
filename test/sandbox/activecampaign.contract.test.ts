import { startActiveCampaignSandbox } from './activecampaign';
import { ISO_WITH_OFFSET, SandboxClient, useSandbox } from './activecampaign/testkit';

/** Contract of the v3 API as the reference documents it; each test names its section. */

interface Contact {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	phone: string;
	cdate: string;
	udate: string;
	links: Record<string, string>;
	fieldValues?: string[];
	contactLists?: string[];
	contactAutomations?: string[];
}
interface FieldValue {
	id: string;
	contact: string;
	field: string;
	value: string;
}
interface Meta {
	total: string;
}
interface ErrorList {
	errors: Array<Record<string, unknown>>;
}

const env = useSandbox({ rateLimit: false });

const createContact = async (contact: Record<string, unknown>) =>
	(await env.ac.api<{ contact: Contact }>('POST', '/contacts', { contact })).body.contact;

describe('§1 authentication', () => {
	test('§1 a missing or wrong Api-Token answers 403 {"message":"Forbidden"}', async () => {
		const none = await fetch(`${env.sandbox.url}/api/3/contacts`);
		expect(none.status).toBe(403);
		expect(await none.json()).toEqual({ message: 'Forbidden' });
		const wrong = await new SandboxClient(env.sandbox.url, 'nope').api('GET', '/contacts');
		expect(wrong.status).toBe(403);
		expect(wrong.body).toEqual({ message: 'Forbidden' });
	});

	test('§1 GET /users/me answers the user envelope', async () => {
		const res = await env.ac.api<{ user: Record<string, unknown> }>('GET', '/users/me');
		expect(res.status).toBe(200);
		expect(Object.keys(res.body.user)).toEqual(
			expect.arrayContaining(['username', 'firstName', 'lastName', 'email', 'phone', 'signature', 'links', 'id']),
		);
		expect(res.body.user.id).toBe('1');
	});
});

describe('§4.1 contacts', () => {
	test('§4.1 POST /contacts creates (201) with string ids, ISO dates with offset and inline fieldValues', async () => {
		await env.ac.admin('POST', '/seed', { fields: [{ title: 'Company Size', type: 'number' }] });
		const res = await env.ac.api<{ contact: Contact; fieldValues: FieldValue[] }>('POST', '/contacts', {
			contact: { email: 'new@example.com', firstName: 'New', lastName: 'Person', phone: '555', fieldValues: [{ field: 1, value: '50' }] },
		});
		expect(res.status).toBe(201);
		expect(res.body.contact).toMatchObject({ email: 'new@example.com', firstName: 'New', lastName: 'Person', id: '1' });
		expect(res.body.contact.cdate).toMatch(ISO_WITH_OFFSET);
		expect(res.body.contact.links.contactTags).toBe(`${env.sandbox.url}/api/3/contacts/1/contactTags`);
		expect(res.body.fieldValues).toEqual([expect.objectContaining({ contact: '1', field: '1', value: '50' })]);
	});

	test('§4.1 duplicate email (case-insensitive) answers the documented 422 body', async () => {
		await createContact({ email: 'dup@example.com' });
		const res = await env.ac.api('POST', '/contacts', { contact: { email: 'DUP@Example.com' } });
		expect(res.status).toBe(422);
		expect(res.body).toEqual({
			errors: [
				{ title: 'Email address already exists in the system', detail: '', code: 'duplicate', source: { pointer: '/data/attributes/email' } },
			],
		});
	});

	test('§4.1 an invalid email answers the documented 422 email_invalid body', async () => {
		const res = await env.ac.api('POST', '/contacts', { contact: { email: 'not-an-email' } });
		expect(res.status).toBe(422);
		expect(res.body).toEqual({
			errors: [
				{
					title: 'Contact Email Address is not valid.',
					detail: '',
					code: 'email_invalid',
					error: 'must_be_valid_email_address',
					source: { pointer: '/data/attributes/email' },
				},
			],
		});
	});

	test('§4.1 POST /contact/sync creates (201), then updates by email (200) and upserts inline fieldValues', async () => {
		await env.ac.admin('POST', '/seed', { fields: [{ title: 'Session' }] });
		const created = await env.ac.api<{ contact: Contact }>('POST', '/contact/sync', {
			contact: { email: 'sync@example.com', firstName: 'A', fieldValues: [{ field: '1', value: 'Morning' }] },
		});
		expect(created.status).toBe(201);
		const updated = await env.ac.api<{ contact: Contact; fieldValues: FieldValue[] }>('POST', '/contact/sync', {
			contact: { email: 'SYNC@example.com', lastName: 'B', fieldValues: [{ field: '1', value: 'Evening' }] },
		});
		expect(updated.status).toBe(200);
		expect(updated.body.contact).toMatchObject({ id: created.body.contact.id, firstName: 'A', lastName: 'B' });
		expect(updated.body.fieldValues).toEqual([expect.objectContaining({ field: '1', value: 'Evening' })]);
		expect(updated.body.contact.fieldValues).toHaveLength(1);
		const bad = await env.ac.api<ErrorList>('POST', '/contact/sync', { contact: { email: 'x' } });
		expect(bad.status).toBe(422);
		expect(bad.body.errors[0].code).toBe('email_invalid');
	});

	test('§4.1 GET /contacts/{id} side-loads related records and lists their ids on the contact', async () => {
		await env.ac.admin('POST', '/seed', {
			lists: ['Newsletter'],
			fields: [{ title: 'Session' }],
			automations: ['Onboarding'],
			contacts: [{ email: 'a@example.com', lists: ['Newsletter'], fieldValues: { SESSION: 'x' }, automations: ['Onboarding'] }],
		});
		type Detail = { contact: Contact; contactLists: unknown[]; fieldValues: unknown[]; contactAutomations: unknown[]; deals: unknown[] };
		const res = await env.ac.api<Detail>('GET', '/contacts/1');
		expect(res.status).toBe(200);
		expect(res.body.contactLists).toHaveLength(1);
		expect(res.body.fieldValues).toHaveLength(1);
		expect(res.body.contactAutomations).toHaveLength(1);
		expect(res.body.deals).toEqual([]);
		expect(res.body.contact).toMatchObject({ contactLists: ['1'], fieldValues: ['1'], contactAutomations: ['1'] });
		const missing = await env.ac.api('GET', '/contacts/99');
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({ message: 'No Result found for Subscriber with id 99' });
	});

	test('§4.1 PUT keeps omitted fields; DELETE answers {} and then the lower-case 404', async () => {
		const contact = await createContact({ email: 'p@example.com', firstName: 'Keep', phone: '1' });
		const put = await env.ac.api<{ contact: Contact }>('PUT', `/contacts/${contact.id}`, { contact: { lastName: 'Changed' } });
		expect(put.status).toBe(200);
		expect(put.body.contact).toMatchObject({ firstName: 'Keep', lastName: 'Changed', phone: '1' });
		const del = await env.ac.api('DELETE', `/contacts/${contact.id}`);
		expect(del.status).toBe(200);
		expect(del.body).toEqual({});
		const again = await env.ac.api('DELETE', `/contacts/${contact.id}`);
		expect(again.status).toBe(404);
		expect(again.body).toEqual({ message: `No result found for contact with id ${contact.id}` });
	});

	test('§3 §4.1 GET /contacts: email (exact, empty when absent), search, listid/status, tagid', async () => {
		await env.ac.admin('POST', '/seed', {
			lists: ['News'],
			contacts: [
				{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', lists: ['News'], tags: ['vip'] },
				{ email: 'alan@example.com', firstName: 'Alan', lastName: 'Turing', lists: [{ list: 'News', status: 2 }] },
				{ email: 'grace@example.com', firstName: 'Grace', lastName: 'Hopper' },
			],
		});
		const emails = async (query: string) =>
			(await env.ac.api<{ contacts: Contact[] }>('GET', `/contacts?${query}`)).body.contacts.map((c) => c.email);
		expect(await emails('email=ADA@example.com')).toEqual(['ada@example.com']);
		expect(await emails('email=nobody@example.com')).toEqual([]);
		expect(await emails('search=turing')).toEqual(['alan@example.com']);
		expect(await emails('listid=1&status=1')).toEqual(['ada@example.com']);
		expect(await emails('listid=1&status=2')).toEqual(['alan@example.com']);
		expect(await emails('tagid=1')).toEqual(['ada@example.com']);
		expect(await emails('email_like=a')).toHaveLength(3);
	});

	test('§3 paging: limit defaults to 20 and is capped at 100, offset is zero-based, meta.total is a string', async () => {
		const contacts = Array.from({ length: 120 }, (_, i) => ({ email: `c${i}@example.com` }));
		await env.ac.admin('POST', '/seed', { contacts });
		const first = await env.ac.api<{ contacts: Contact[]; meta: Meta }>('GET', '/contacts');
		expect(first.body.contacts).toHaveLength(20);
		expect(first.body.meta.total).toBe('120');
		const capped = await env.ac.api<{ contacts: Contact[] }>('GET', '/contacts?limit=500');
		expect(capped.body.contacts).toHaveLength(100);
		const last = await env.ac.api<{ contacts: Contact[] }>('GET', '/contacts?limit=100&offset=100');
		expect(last.body.contacts.map((c) => c.email)).toEqual(contacts.slice(100).map((c) => c.email));
	});

	test('§3 keyset paging with orders[id]=ASC and id_greater; orders[email]=DESC; date filters', async () => {
		await env.ac.admin('POST', '/seed', { contacts: ['b', 'c', 'a', 'd'].map((n) => ({ email: `${n}@example.com` })) });
		const page = await env.ac.api<{ contacts: Contact[] }>('GET', '/contacts?orders[id]=ASC&id_greater=2&limit=1');
		expect(page.body.contacts.map((c) => c.id)).toEqual(['3']);
		const desc = await env.ac.api<{ contacts: Contact[] }>('GET', '/contacts?orders[email]=desc');
		expect(desc.body.contacts.map((c) => c.email[0])).toEqual(['d', 'c', 'b', 'a']);
		const future = await env.ac.api<{ contacts: Contact[] }>('GET', '/contacts?filters[created_after]=2999-01-01');
		expect(future.body.contacts).toEqual([]);
		const past = await env.ac.api<{ contacts: Contact[] }>('GET', '/contacts?filters[created_after]=2000-01-01T00:00:00-05:00');
		expect(past.body.contacts).toHaveLength(4);
	});

	test('§3 GET /contacts meta carries page_input', async () => {
		const res = await env.ac.api<{ meta: { page_input: Record<string, unknown> }; scoreValues: unknown[] }>('GET', '/contacts?limit=5&search=x');
		expect(res.body.scoreValues).toEqual([]);
		expect(res.body.meta.page_input).toMatchObject({ limit: 5, offset: 0, search: 'x', status: -1 });
	});
});

describe('§4.2 tags and contactTags', () => {
	test('§4.2 tags CRUD: 201 create, get with subscriber_count, update, delete, documented 404', async () => {
		const created = await env.ac.api<{ tag: { id: string; tag: string; tagType: string } }>('POST', '/tags', {
			tag: { tag: 'hot-lead', tagType: 'contact', description: 'Hot' },
		});
		expect(created.status).toBe(201);
		expect(created.body.tag).toMatchObject({ tag: 'hot-lead', tagType: 'contact', id: '1' });
		const got = await env.ac.api<{ tag: { subscriber_count: string } }>('GET', '/tags/1');
		expect(got.body.tag.subscriber_count).toBe('0');
		const put = await env.ac.api<{ tag: { tag: string } }>('PUT', '/tags/1', { tag: { tag: 'very-hot-lead' } });
		expect(put.body.tag.tag).toBe('very-hot-lead');
		expect((await env.ac.api('DELETE', '/tags/1')).body).toEqual({});
		const missing = await env.ac.api('GET', '/tags/1');
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({ message: 'No Result found for Tag with id 1' });
	});

	test('§4.2 GET /tags: search is a contains match, filters[search][eq] is exact, meta.total a string', async () => {
		await env.ac.admin('POST', '/seed', { tags: ['lead', 'hot-lead', 'warm-lead', 'promoter'] });
		const names = async (query: string) =>
			(await env.ac.api<{ tags: Array<{ tag: string }>; meta: Meta }>('GET', `/tags?${query}`)).body.tags.map((t) => t.tag);
		expect(await names('search=lead')).toEqual(['lead', 'hot-lead', 'warm-lead']);
		expect(await names('filters[search][eq]=LEAD')).toEqual(['lead']);
		expect(await names('filters[search][starts_with]=hot')).toEqual(['hot-lead']);
		expect(await names('search=lead&orders[search]=weight')).toEqual(['lead', 'hot-lead', 'warm-lead']);
		expect((await env.ac.api<{ meta: Meta }>('GET', '/tags')).body.meta.total).toBe('4');
	});

	test('§4.2 POST /contactTags answers 201 with its own id; re-adding returns the same association', async () => {
		await env.ac.admin('POST', '/seed', { tags: ['a', 'b'], contacts: [{ email: 'x@example.com' }] });
		const first = await env.ac.api<{ contactTag: { id: string; contact: string; tag: string } }>('POST', '/contactTags', {
			contactTag: { contact: '1', tag: 2 },
		});
		expect(first.status).toBe(201);
		expect(first.body.contactTag).toMatchObject({ id: '1', contact: '1', tag: '2' });
		const again = await env.ac.api<{ contactTag: { id: string } }>('POST', '/contactTags', { contactTag: { contact: 1, tag: 2 } });
		expect(again.status).toBe(201);
		expect(again.body.contactTag.id).toBe('1');
		const list = await env.ac.api<{ contactTags: unknown[] }>('GET', '/contacts/1/contactTags');
		expect(list.body.contactTags).toHaveLength(1);
	});

	test('§4.2 POST /contactTags errors: missing contact 404 and missing attribute 422 bodies', async () => {
		await env.ac.admin('POST', '/seed', { tags: ['a'] });
		const noContact = await env.ac.api('POST', '/contactTags', { contactTag: { contact: 9, tag: 1 } });
		expect(noContact.status).toBe(404);
		expect(noContact.body).toEqual({ errors: [{ status: 404, title: 'Not Found', detail: 'Contact not found' }] });
		const noAttr = await env.ac.api('POST', '/contactTags', { contactTag: { tag: 1 } });
		expect(noAttr.status).toBe(422);
		expect(noAttr.body).toEqual({ errors: [{ status: 422, title: 'Missing attribute', source: { pointer: '/data/attributes/contact' } }] });
	});

	test('§4.2 find the association by filters[subscriberid]+filters[tagid], delete it by association id', async () => {
		await env.ac.admin('POST', '/seed', { contacts: [{ email: 'x@example.com', tags: ['a', 'b'] }, { email: 'y@example.com', tags: ['b'] }] });
		const found = await env.ac.api<{ contactTags: Array<{ id: string; tag: string }>; meta: Meta }>(
			'GET',
			'/contactTags?filters[subscriberid]=1&filters[tagid]=2',
		);
		expect(found.body.contactTags).toEqual([expect.objectContaining({ id: '2', tag: '2' })]);
		expect(found.body.meta.total).toBe('1');
		const ignored = await env.ac.api<{ contactTags: unknown[] }>('GET', '/contactTags?filters[contact]=1');
		expect(ignored.body.contactTags).toHaveLength(3);
		expect((await env.ac.api('DELETE', '/contactTags/2')).body).toEqual({});
		const missing = await env.ac.api('DELETE', '/contactTags/2');
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({ message: 'No Result found for SubscriberTag with id 2' });
		const state = await env.ac.admin<{ contacts: Array<{ tags: string[] }> }>('GET', '/state');
		expect(state.body.contacts[0].tags).toEqual(['a']);
	});
});

describe('§4.3 lists and contactLists', () => {
	const listBody = { name: 'Newsletter', stringid: 'newsletter', sender_url: 'https://example.com', sender_reminder: 'You subscribed.' };

	test('§4.3 POST /lists validates the four required fields (422), else answers 200 with the list', async () => {
		const bad = await env.ac.api<ErrorList>('POST', '/lists', { list: { name: 'Only a name' } });
		expect(bad.status).toBe(422);
		expect(bad.body.errors.map((e) => (e.source as { pointer: string }).pointer)).toEqual([
			'/data/attributes/stringid',
			'/data/attributes/sender_url',
			'/data/attributes/sender_reminder',
		]);
		const ok = await env.ac.api<{ list: Record<string, string> }>('POST', '/lists', { list: listBody });
		expect(ok.status).toBe(200);
		expect(ok.body.list).toMatchObject({ name: 'Newsletter', stringid: 'newsletter', id: '1', sender_url: 'https://example.com' });
	});

	test('§4.3 GET /lists filters[name]; 404 on get; the documented 403 on deleting a missing list', async () => {
		await env.ac.admin('POST', '/seed', { lists: ['Newsletter', 'Events'] });
		const found = await env.ac.api<{ lists: Array<{ name: string }>; meta: Meta }>('GET', '/lists?filters[name]=Events');
		expect(found.body.lists.map((l) => l.name)).toEqual(['Events']);
		expect(found.body.meta.total).toBe('1');
		const missing = await env.ac.api('GET', '/lists/7');
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({ message: 'No Result found for _List with id 7' });
		const del = await env.ac.api('DELETE', '/lists/3');
		expect(del.status).toBe(403);
		expect(del.body).toEqual({ message: 'No Result found for _List with id 3' });
	});

	test('§4.3 POST /contactLists subscribes (1) and unsubscribes (2) one association per (contact, list)', async () => {
		await env.ac.admin('POST', '/seed', { lists: ['Newsletter'], contacts: [{ email: 'x@example.com' }] });
		const sub = await env.ac.api<{ contacts: Contact[]; contactList: Record<string, string> }>('POST', '/contactLists', {
			contactList: { list: 1, contact: 1, status: 1 },
		});
		expect(sub.status).toBe(200);
		expect(sub.body.contacts[0].email).toBe('x@example.com');
		expect(sub.body.contactList).toMatchObject({ contact: '1', list: '1', status: '1', id: '1' });
		const unsub = await env.ac.api<{ contactList: Record<string, string> }>('POST', '/contactLists', {
			contactList: { list: '1', contact: '1', status: 2 },
		});
		expect(unsub.body.contactList).toMatchObject({ id: '1', status: '2' });
		const resub = await env.ac.api<{ contactList: Record<string, string> }>('POST', '/contactLists', {
			contactList: { list: 1, contact: 1, status: 1, sourceid: 4 },
		});
		expect(resub.body.contactList).toMatchObject({ id: '1', status: '1', sourceid: '4' });
		const mine = await env.ac.api<{ contactLists: unknown[] }>('GET', '/contacts/1/contactLists');
		expect(mine.body.contactLists).toHaveLength(1);
	});
});

describe('§4.4 custom fields', () => {
	test('§4.4 POST /fields answers 201 {field} with a perstag derived from the title; duplicate title 422', async () => {
		const res = await env.ac.api<{ field: Record<string, unknown> }>('POST', '/fields', { field: { type: 'text', title: 'Caspio Record ID' } });
		expect(res.status).toBe(201);
		expect(res.body.field).toMatchObject({ title: 'Caspio Record ID', type: 'text', perstag: 'CASPIO_RECORD_ID', id: '1' });
		const dup = await env.ac.api('POST', '/fields', { field: { type: 'text', title: 'caspio record id' } });
		expect(dup.status).toBe(422);
		expect(dup.body).toEqual({
			errors: [
				{
					title: 'There is already a field with this title',
					detail: "There is already a field named 'caspio record id' -- choose another name",
					code: 'duplicate',
				},
			],
		});
		const noType = await env.ac.api<ErrorList>('POST', '/fields', { field: { title: 'X' } });
		expect(noType.status).toBe(422);
	});

	test('§4.4 GET /fields defaults to 100 a page, filters by perstag and side-loads options and relations', async () => {
		const fields = Array.from({ length: 105 }, (_, i) => ({ title: `Field ${i}` }));
		await env.ac.admin('POST', '/seed', { fields: [{ title: 'Interest', type: 'listbox', options: ['A', 'B'] }, ...fields] });
		const all = await env.ac.api<{ fields: unknown[]; meta: Meta }>('GET', '/fields');
		expect(all.body.fields).toHaveLength(100);
		expect(all.body.meta.total).toBe('106');
		const one = await env.ac.api<{ fields: Array<{ options: string[]; relations: string[] }>; fieldOptions: unknown[]; fieldRels: unknown[] }>(
			'GET',
			'/fields?filters[perstag]=INTEREST',
		);
		expect(one.body.fields).toHaveLength(1);
		expect(one.body.fields[0].options).toEqual(['1', '2']);
		expect(one.body.fieldOptions).toHaveLength(2);
		expect(one.body.fieldRels).toHaveLength(1);
	});

	test('§4.4 POST /fieldRels (201) and POST /fieldOption/bulk (201; 422 with a string error)', async () => {
		await env.ac.admin('POST', '/seed', { lists: ['News'], fields: [{ title: 'Interest', type: 'dropdown' }] });
		const rel = await env.ac.api<{ fieldRel: Record<string, string> }>('POST', '/fieldRels', { fieldRel: { field: 1, relid: 1 } });
		expect(rel.status).toBe(201);
		expect(rel.body.fieldRel).toMatchObject({ field: '1', relid: '1' });
		const opts = await env.ac.api<{ fieldOptions: Array<Record<string, string>> }>('POST', '/fieldOption/bulk', {
			fieldOptions: [
				{ orderid: 1, value: 'X', label: 'Option X', isdefault: false, field: '1' },
				{ orderid: 2, value: 'Y', label: 'Option Y', isdefault: true, field: '1' },
			],
		});
		expect(opts.status).toBe(201);
		expect(opts.body.fieldOptions.map((o) => [o.value, o.isdefault])).toEqual([
			['X', '0'],
			['Y', '1'],
		]);
		const bad = await env.ac.api('POST', '/fieldOption/bulk', { fieldOptions: {} });
		expect(bad.status).toBe(422);
		expect(bad.body).toEqual({ errors: 'Bulk operation failed. Request must contain an array of fieldOption objects.' });
	});

	test('§4.4 POST /fieldValues answers 200 {contacts, fieldValue}, upserts per (contact, field), stores multi-select as ||a||b||', async () => {
		await env.ac.admin('POST', '/seed', { fields: [{ title: 'Interest', type: 'listbox', options: ['a', 'b'] }], contacts: [{ email: 'x@example.com' }] });
		const first = await env.ac.api<{ contacts: Contact[]; fieldValue: FieldValue }>('POST', '/fieldValues', {
			fieldValue: { contact: 1, field: 1, value: ['a', 'b'] },
			useDefaults: true,
		});
		expect(first.status).toBe(200);
		expect(first.body.contacts[0].id).toBe('1');
		expect(first.body.fieldValue).toMatchObject({ contact: '1', field: '1', value: '||a||b||' });
		const second = await env.ac.api<{ fieldValue: FieldValue }>('POST', '/fieldValues', { fieldValue: { contact: 1, field: 1, value: '||b||' } });
		expect(second.body.fieldValue.id).toBe(first.body.fieldValue.id);
		const put = await env.ac.api<{ fieldValue: FieldValue }>('PUT', `/fieldValues/${first.body.fieldValue.id}`, {
			fieldValue: { contact: 1, field: 1, value: '||a||' },
		});
		expect(put.body.fieldValue.value).toBe('||a||');
		const mine = await env.ac.api<{ fieldValues: FieldValue[] }>('GET', '/contacts/1/fieldValues');
		expect(mine.body.fieldValues).toEqual([expect.objectContaining({ value: '||a||' })]);
		const missing = await env.ac.api('GET', '/contacts/9/fieldValues');
		expect(missing.status).toBe(404);
	});
});

describe('§4.5 automations', () => {
	test('§4.5 GET /automations lists the seeded fixtures with the documented meta', async () => {
		await env.ac.admin('POST', '/seed', { automations: ['Onboarding', { name: 'Paused', status: 2 }] });
		const res = await env.ac.api<{ automations: Array<Record<string, string>>; meta: Record<string, unknown> }>('GET', '/automations');
		expect(res.body.automations.map((a) => [a.name, a.status])).toEqual([
			['Onboarding', '1'],
			['Paused', '2'],
		]);
		expect(res.body.meta).toEqual({ total: '2', starts: [], filtered: false, smsLogs: [] });
	});

	test('§4.5 contactAutomations: create 201, list per contact, delete 200, documented 403s', async () => {
		await env.ac.admin('POST', '/seed', { automations: ['Onboarding'], contacts: [{ email: 'x@example.com' }] });
		const created = await env.ac.api<{ contacts: Contact[]; contactAutomation: Record<string, string> }>('POST', '/contactAutomations', {
			contactAutomation: { contact: '1', automation: '1' },
		});
		expect(created.status).toBe(201);
		expect(created.body.contactAutomation).toMatchObject({ contact: '1', automation: '1', seriesid: '1', id: '1' });
		const mine = await env.ac.api<{ contactAutomations: unknown[] }>('GET', '/contacts/1/contactAutomations');
		expect(mine.body.contactAutomations).toHaveLength(1);
		const refused = await env.ac.api('POST', '/contactAutomations', { contactAutomation: { contact: '9', automation: '1' } });
		expect(refused.status).toBe(403);
		expect(refused.body).toEqual({ message: 'Could not create SubscriberSeries' });
		expect((await env.ac.api('DELETE', '/contactAutomations/1')).body).toEqual({});
		const missing = await env.ac.api('DELETE', '/contactAutomations/3');
		expect(missing.status).toBe(403);
		expect(missing.body).toEqual({ message: 'No Result found for SubscriberSeries with id 3' });
	});
});

describe('§4.7 notes and deals', () => {
	test('§4.7 POST /notes on a contact answers 201 and shows under /contacts/{id}/notes', async () => {
		await env.ac.admin('POST', '/seed', { contacts: [{ email: 'x@example.com' }] });
		const note = await env.ac.api<{ note: Record<string, string> }>('POST', '/notes', { note: { note: 'Called', reltype: 'Subscriber', relid: 1 } });
		expect(note.status).toBe(201);
		expect(note.body.note).toMatchObject({ note: 'Called', reltype: 'Subscriber', relid: '1' });
		const mine = await env.ac.api<{ notes: unknown[] }>('GET', '/contacts/1/notes');
		expect(mine.body.notes).toHaveLength(1);
		const bad = await env.ac.api('POST', '/notes', { note: { note: 'x', reltype: 'Nope', relid: 1 } });
		expect(bad.status).toBe(422);
	});

	test('§4.7 deals: create 201 {contacts, deal} in the default pipeline, validate, list, update, delete', async () => {
		await env.ac.admin('POST', '/seed', { contacts: [{ email: 'x@example.com' }] });
		const groups = await env.ac.api<{ dealGroups: Array<{ id: string }> }>('GET', '/dealGroups');
		expect(groups.body.dealGroups).toHaveLength(1);
		const created = await env.ac.api<{ contacts: Contact[]; deal: Record<string, string> }>('POST', '/deals', {
			deal: { title: 'Big one', contact: '1', value: 45000, currency: 'usd', group: '1' },
		});
		expect(created.status).toBe(201);
		expect(created.body.contacts).toHaveLength(1);
		expect(created.body.deal).toMatchObject({ title: 'Big one', value: '45000', currency: 'usd', group: '1', stage: '1', status: '0' });
		const invalid = await env.ac.api<ErrorList>('POST', '/deals', { deal: { title: 'x', value: -1, currency: 'USD', group: 1 } });
		expect(invalid.status).toBe(422);
		expect(invalid.body.errors.map((e) => e.code)).toEqual(['field_invalid', 'field_invalid']);
		const put = await env.ac.api<{ deal: Record<string, string> }>('PUT', '/deals/1', { deal: { stage: 3, status: 1 } });
		expect(put.body.deal).toMatchObject({ stage: '3', status: '1' });
		const list = await env.ac.api<{ deals: unknown[]; meta: { total: number } }>('GET', '/deals?filters[search]=big');
		expect(list.body.meta.total).toBe(1);
		expect((await env.ac.api('DELETE', '/deals/1')).body).toBeUndefined();
		expect((await env.ac.api('GET', '/deals/1')).status).toBe(404);
	});
});

describe('§5 admin seed and state', () => {
	test('§5 POST /__sandbox/seed takes fields, lists, tags, automations and contacts; state shows names and statuses', async () => {
		const seeded = await env.ac.admin<{ ids: { contacts: Record<string, string> } }>('POST', '/seed', {
			fields: [{ title: 'Interest', type: 'listbox', options: ['A', 'B'] }],
			lists: ['Newsletter', 'Events'],
			tags: ['vip'],
			automations: ['Onboarding'],
			contacts: [
				{
					email: 'x@example.com',
					firstName: 'X',
					tags: ['vip', 'new-tag'],
					lists: ['Newsletter', { list: 'Events', status: 2 }],
					fieldValues: [{ field: 'INTEREST', value: ['A', 'B'] }],
					automations: ['Onboarding'],
				},
			],
		});
		expect(seeded.status).toBe(200);
		expect(seeded.body.ids.contacts['x@example.com']).toBe('1');
		const state = await env.ac.admin<{ contacts: Array<Record<string, unknown>>; tags: unknown[] }>('GET', '/state');
		expect(state.body.tags).toHaveLength(2);
		expect(state.body.contacts[0]).toMatchObject({
			email: 'x@example.com',
			tags: ['vip', 'new-tag'],
			lists: [
				{ id: '1', name: 'Newsletter', status: 1 },
				{ id: '2', name: 'Events', status: 2 },
			],
			fieldValues: { INTEREST: '||A||B||' },
			automations: [{ id: '1', name: 'Onboarding', contactAutomation: '1' }],
			events: [],
		});
		const bad = await env.ac.admin('POST', '/seed', { contacts: [{ email: 'y@example.com', lists: ['Nope'] }] });
		expect(bad.status).toBe(400);
	});

	test('§5 seedDemo loads the demo account, and reset returns to it', async () => {
		const demo = await startActiveCampaignSandbox({ seedDemo: true, rateLimit: false });
		try {
			const client = new SandboxClient(demo.url);
			await client.api('POST', '/tags', { tag: { tag: 'extra' } });
			await client.admin('POST', '/reset');
			const state = await client.admin<{ lists: Array<{ name: string }>; tags: Array<{ tag: string }>; eventTracking: { enabled: boolean } }>(
				'GET',
				'/state',
			);
			expect(state.body.lists.map((l) => l.name)).toEqual(expect.arrayContaining(['Newsletter', 'Product Updates', 'Events', 'Webinar 2026']));
			expect(state.body.tags.map((t) => t.tag)).not.toContain('extra');
			expect(state.body.eventTracking.enabled).toBe(true);
		} finally {
			await demo.close();
		}
	});
});
