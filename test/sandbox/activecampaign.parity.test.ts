import { ISO_WITH_OFFSET, useSandbox } from './activecampaign/testkit';

/**
 * Contract of the parity endpoints the ActiveCampaign Plus node uses for accounts, account contacts, deals and tags,
 * as the reference documents them (§9.0–9.3, §9.8–9.12); each test names its section.
 */

interface Account {
	id: string;
	name: string;
	accountUrl: string | null;
	createdTimestamp: string;
	updatedTimestamp: string;
	contactCount?: string;
	dealCount?: string;
	links: unknown;
	fields?: Array<Record<string, unknown>>;
}
interface AccountContact {
	id: string;
	account: string | number;
	contact: string | number;
	jobTitle: string;
}
interface Deal {
	id: string;
	title: string;
	status: string;
	account: string | null;
}
interface State {
	accounts: Array<{ id: string; name: string; fields: Record<string, string>; contacts: Array<{ email: string; jobTitle: string }> }>;
	accountContacts: Array<{ id: string; account: string; contact: string; jobTitle: string }>;
	deals: Array<{ id: string; title: string; account: string | null; owner: string; pipeline: string }>;
	users: Array<{ id: string; username: string }>;
	pipelines: Array<{ id: string; title: string; stages: Array<{ id: string; title: string }> }>;
	notes: Array<{ note: string; reltype: string; relid: string }>;
}

const env = useSandbox({ rateLimit: false });

const seed = async (body: Record<string, unknown>) => {
	const reply = await env.ac.admin<{ ids: Record<string, Record<string, string>> }>('POST', '/seed', body);
	if (reply.status !== 200) throw new Error(JSON.stringify(reply.body));
	return reply.body.ids;
};
const state = async () => (await env.ac.admin<State>('GET', '/state')).body;
const createAccount = (account: Record<string, unknown>) => env.ac.api<{ account: Account }>('POST', '/accounts', { account });

describe('§9.1 accounts', () => {
	test('§9.1 POST /accounts answers 201 with the account and its inline fields; they are stored as account field data', async () => {
		const ids = await seed({ accountFields: [{ fieldLabel: 'Size', fieldType: 'dropdown', fieldOptions: ['1-10', '11-50'] }, { fieldLabel: 'Budget', fieldType: 'currency' }] });
		const res = await createAccount({
			name: 'Example Account',
			accountUrl: 'https://www.example.com',
			owner: 1,
			fields: [
				{ customFieldId: Number(ids.accountFields.Size), fieldValue: '11-50' },
				{ customFieldId: Number(ids.accountFields.Budget), fieldValue: 1234, fieldCurrency: 'gbp' },
			],
		});
		expect(res.status).toBe(201);
		expect(res.body.account).toEqual({
			name: 'Example Account',
			accountUrl: 'https://www.example.com',
			createdTimestamp: expect.stringMatching(ISO_WITH_OFFSET),
			updatedTimestamp: expect.stringMatching(ISO_WITH_OFFSET),
			links: [],
			fields: [
				{ customFieldId: 1, fieldValue: '11-50', accountId: '1' },
				{ customFieldId: 2, fieldValue: '1234', fieldCurrency: 'GBP', accountId: '1' },
			],
			id: '1',
		});
		const data = await env.ac.api<{ accountCustomFieldData: Array<Record<string, unknown>>; meta: { total: string } }>(
			'GET',
			'/accountCustomFieldData?filters[customerAccountId]=1',
		);
		expect(data.body.accountCustomFieldData.map((d) => [d.accountId, d.customFieldId, d.fieldValue])).toEqual([
			[1, 1, '11-50'],
			[1, 2, '1234'],
		]);
		expect(data.body.meta.total).toBe('2');
		expect((await state()).accounts).toEqual([
			expect.objectContaining({ name: 'Example Account', fields: { Size: '11-50', Budget: '1234 GBP' }, contacts: [] }),
		]);
	});

	test('§9.1 create errors: the exact 422 bodies for a missing name and a taken one (ignoring case and spaces)', async () => {
		await createAccount({ name: 'Example Account' });
		const missing = await createAccount({ accountUrl: 'https://x.example' });
		const taken = await createAccount({ name: '  example ACCOUNT ' });
		expect(missing.status).toBe(422);
		expect(missing.body).toEqual({
			errors: [{ title: 'The account name was not provided.', detail: '', code: 'field_missing', source: { pointer: '/data/attributes/name' } }],
		});
		expect(taken.status).toBe(422);
		expect(taken.body).toEqual({
			errors: [
				{
					title: 'An account named "example ACCOUNT" already exists. Please choose a new name.',
					detail: '',
					code: 'duplicate',
					source: { pointer: '/data/attributes/name' },
				},
			],
		});
		// §9.1 UNCERTAIN: case-sensitive names are one switch away.
		await env.ac.admin('POST', '/options', { accountNamesIgnoreCase: false });
		expect((await createAccount({ name: 'EXAMPLE ACCOUNT' })).status).toBe(201);
		expect((await createAccount({ name: ' Example Account' })).status).toBe(422);
	});

	test('§9.1 GET one account; a missing id answers 404 in the message shape, or the declared 400 {} (§9.0 switch)', async () => {
		await createAccount({ name: 'Acme', accountUrl: 'https://acme.example' });
		const got = await env.ac.api<{ account: Account }>('GET', '/accounts/1');
		expect(got.body.account).toEqual({
			name: 'Acme',
			accountUrl: 'https://acme.example',
			createdTimestamp: expect.stringMatching(ISO_WITH_OFFSET),
			updatedTimestamp: expect.stringMatching(ISO_WITH_OFFSET),
			links: [],
			id: '1',
		});
		const missing = await env.ac.api('GET', '/accounts/9');
		expect([missing.status, missing.body]).toEqual([404, { message: 'No Result found for CustomerAccount with id 9' }]);
		await env.ac.admin('POST', '/options', { parityErrors: 'declared400' });
		for (const [method, path, body] of [
			['GET', '/accounts/9', undefined],
			['PUT', '/accounts/9', { account: { name: 'x' } }],
			['DELETE', '/accounts/9', undefined],
			['POST', '/accounts', { account: {} }],
		] as const) {
			const res = await env.ac.api(method, path, body);
			expect([method, path, res.status, res.body]).toEqual([method, path, 400, {}]);
		}
	});

	test('§9.1 PUT is partial (fields left out are kept), refuses another account\'s name, and answers 200 with fields', async () => {
		const ids = await seed({ accountFields: [{ fieldLabel: 'Tier' }] });
		await createAccount({ name: 'Acme', accountUrl: 'https://acme.example', fields: [{ customFieldId: ids.accountFields.Tier, fieldValue: 'Gold' }] });
		await createAccount({ name: 'Globex' });
		const put = await env.ac.api<{ account: Account }>('PUT', '/accounts/1', { account: { name: 'Acme Corp' } });
		expect(put.status).toBe(200);
		expect(put.body.account).toMatchObject({ name: 'Acme Corp', accountUrl: 'https://acme.example', fields: [{ customFieldId: 1, fieldValue: 'Gold', accountId: '1' }] });
		const clash = await env.ac.api<{ errors: Array<{ code: string; title: string }> }>('PUT', '/accounts/1', { account: { name: 'GLOBEX' } });
		expect(clash.status).toBe(422);
		expect(clash.body.errors[0]).toMatchObject({ code: 'duplicate', title: 'An account named "GLOBEX" already exists. Please choose a new name.' });
		const unknownField = await env.ac.api('PUT', '/accounts/1', { account: { fields: [{ customFieldId: 9, fieldValue: 'x' }] } });
		expect(unknownField.status).toBe(422);
		expect((await state()).accounts.map((a) => [a.name, a.fields])).toEqual([
			['Acme Corp', { Tier: 'Gold' }],
			['Globex', {}],
		]);
	});

	test('§9.1 GET /accounts: search is a contains match on the name, meta.total a string, counts only with count_deals=true', async () => {
		await seed({
			contacts: [{ email: 'ada@example.com' }, { email: 'bo@example.com' }],
			accounts: [{ name: 'First Example Account', contacts: ['ada@example.com', 'bo@example.com'] }, { name: 'Second Example' }, { name: 'Other' }],
			deals: [{ title: 'Big', account: 'First Example Account', value: 100 }],
		});
		const list = async (query: string) => (await env.ac.api<{ accounts: Account[]; meta: { total: string } }>('GET', `/accounts?${query}`)).body;
		const found = await list('search=EXAMPLE');
		expect(found.accounts.map((a) => a.name)).toEqual(['First Example Account', 'Second Example']);
		expect(found.meta.total).toBe('2');
		expect(found.accounts[0]).toMatchObject({ contactCount: '0', dealCount: '0' });
		expect(Object.keys(found.accounts[0].links as object)).toEqual(['notes', 'accountCustomFieldData', 'accountContacts']);
		const counted = await list('search=first&count_deals=true');
		expect(counted.accounts[0]).toMatchObject({ contactCount: '2', dealCount: '1' });
		const paged = await list('limit=1&offset=2');
		expect([paged.accounts.map((a) => a.name), paged.meta.total]).toEqual([['Other'], '3']);
	});

	test('§9.1 DELETE answers 200 {}; the account\'s contacts and values go with it and its deals lose it (§9.12 #8)', async () => {
		await seed({
			accountFields: [{ fieldLabel: 'Tier' }],
			contacts: [{ email: 'ada@example.com' }],
			accounts: [{ name: 'Acme', fields: { Tier: 'Gold' }, contacts: [{ email: 'ada@example.com', jobTitle: 'CTO' }] }],
			deals: [{ title: 'Big', account: 'Acme', contact: 'ada@example.com' }],
		});
		const deleted = await env.ac.api('DELETE', '/accounts/1');
		expect([deleted.status, deleted.body]).toEqual([200, {}]);
		expect((await env.ac.api('GET', '/accounts/1')).status).toBe(404);
		const after = await state();
		expect([after.accounts, after.accountContacts, after.deals.map((d) => d.account)]).toEqual([[], [], [null]]);
		const data = await env.ac.api<{ accountCustomFieldData: unknown[] }>('GET', '/accountCustomFieldData');
		expect(data.body.accountCustomFieldData).toEqual([]);
	});

	test('§9.1 bulk delete takes ids[] and the spec\'s []ids, and answers {"meta":{"success":true}}', async () => {
		await seed({ accounts: [{ name: 'A' }, { name: 'B' }, { name: 'C' }] });
		const res = await env.ac.api('DELETE', '/accounts/bulk_delete?ids[]=1&[]ids=3');
		expect([res.status, res.body]).toEqual([200, { meta: { success: true } }]);
		expect((await state()).accounts.map((a) => a.name)).toEqual(['B']);
	});

	test('§9.1 account notes: POST 201 with the account side-loaded and reltype CustomerAccount; PUT changes the text', async () => {
		await seed({ accounts: [{ name: 'Acme' }] });
		const created = await env.ac.api<{ accounts: Account[]; note: Record<string, unknown> }>('POST', '/accounts/1/notes', { note: { note: 'Note for the account' } });
		expect(created.status).toBe(201);
		expect(created.body.accounts.map((a) => a.name)).toEqual(['Acme']);
		expect(created.body.note).toMatchObject({ note: 'Note for the account', owner: { id: '1', type: 'account' }, relid: '1', reltype: 'CustomerAccount' });
		const id = String(created.body.note.id);
		const put = await env.ac.api<{ note: { note: string } }>('PUT', `/accounts/1/notes/${id}`, { note: { note: 'Updated' } });
		expect(put.body.note.note).toBe('Updated');
		expect((await state()).notes).toEqual([{ id, note: 'Updated', reltype: 'CustomerAccount', relid: '1' }]);
	});
});

describe('§9.2 account custom fields', () => {
	test('§9.2 POST /accountCustomFieldMeta answers 200 with the singular accountCustomFieldMetum and space-separated timestamps', async () => {
		const res = await env.ac.api<{ accountCustomFieldMetum: Record<string, unknown> }>('POST', '/accountCustomFieldMeta', {
			accountCustomFieldMetum: { fieldLabel: 'Tier', fieldType: 'dropdown', fieldOptions: ['Gold', 'Silver'], isFormVisible: 1, displayOrder: 1 },
		});
		expect(res.status).toBe(200);
		expect(res.body.accountCustomFieldMetum).toMatchObject({
			id: '1',
			fieldLabel: 'Tier',
			fieldType: 'dropdown',
			fieldOptions: ['Gold', 'Silver'],
			fieldDefault: '',
			isFormVisible: 1,
			isRequired: 0,
			displayOrder: 1,
			createdTimestamp: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
		});
		const noType = await env.ac.api('POST', '/accountCustomFieldMeta', { accountCustomFieldMetum: { fieldLabel: 'x' } });
		expect(noType.status).toBe(422);
		expect(noType.body).toEqual({
			errors: [{ title: 'The field type field is required.', detail: '', code: 'field_missing', source: { pointer: '/data/attributes/fieldType' } }],
		});
	});

	test('§9.2 field GET/PUT/DELETE, with the documented 404 and delete bodies; GET lists up to 100 by default', async () => {
		await seed({ accountFields: Array.from({ length: 30 }, (_, i) => ({ fieldLabel: `F${i + 1}` })) });
		const list = await env.ac.api<{ accountCustomFieldMeta: unknown[] }>('GET', '/accountCustomFieldMeta');
		expect(list.body.accountCustomFieldMeta).toHaveLength(30);
		const put = await env.ac.api<{ accountCustomFieldMetum: { fieldLabel: string } }>('PUT', '/accountCustomFieldMeta/2', {
			accountCustomFieldMetum: { fieldLabel: 'Second' },
		});
		expect(put.body.accountCustomFieldMetum.fieldLabel).toBe('Second');
		const deleted = await env.ac.api('DELETE', '/accountCustomFieldMeta/2');
		expect(deleted.body).toEqual({ message: 'AccountCustomFieldMeta deleted.' });
		const missing = await env.ac.api('GET', '/accountCustomFieldMeta/2');
		expect([missing.status, missing.body]).toEqual([404, { errors: [{ status: 404, title: 'Not Found' }] }]);
	});

	test('§9.2 POST /accountCustomFieldData stores one value by customerAccountId (or accountId) and answers 200', async () => {
		await seed({ accounts: [{ name: 'Acme' }], accountFields: [{ fieldLabel: 'title' }] });
		const res = await env.ac.api<{ accountCustomFieldDatum: Record<string, unknown> }>('POST', '/accountCustomFieldData', {
			accountCustomFieldDatum: { customerAccountId: '1', customFieldId: '1', fieldValue: 'test title' },
		});
		expect(res.status).toBe(200);
		expect(res.body.accountCustomFieldDatum).toMatchObject({ id: '1', accountCustomFieldMetumId: 1, accountId: 1, customFieldId: 1, fieldValue: 'test title' });
		await env.ac.api('POST', '/accountCustomFieldData', { accountCustomFieldDatum: { accountId: 1, customFieldId: 1, fieldValue: 'again' } });
		expect((await state()).accounts[0].fields).toEqual({ title: 'again' });
	});
});

describe('§9.3 account contacts', () => {
	beforeEach(async () => {
		await seed({ contacts: [{ email: 'ada@example.com' }, { email: 'bo@example.com' }], accounts: [{ name: 'Acme' }, { name: 'Globex' }] });
	});

	test('§9.3 POST answers 201 with account and contact as numbers; the contact and list views show strings', async () => {
		const res = await env.ac.api<{ accountContact: AccountContact & Record<string, unknown> }>('POST', '/accountContacts', {
			accountContact: { contact: 1, account: '2', jobTitle: 'Product Manager' },
		});
		expect(res.status).toBe(201);
		expect(res.body.accountContact).toEqual({
			account: 2,
			contact: 1,
			jobTitle: 'Product Manager',
			createdTimestamp: expect.stringMatching(ISO_WITH_OFFSET),
			updatedTimestamp: expect.stringMatching(ISO_WITH_OFFSET),
			links: { account: `${env.sandbox.url}/api/3/accountContacts/1/account`, contact: `${env.sandbox.url}/api/3/accountContacts/1/contact` },
			id: '1',
		});
		const mine = await env.ac.api<{ accountContacts: AccountContact[] }>('GET', '/contacts/1/accountContacts');
		expect(mine.body.accountContacts.map((ac) => [ac.account, ac.contact, ac.jobTitle])).toEqual([['2', '1', 'Product Manager']]);
		const contact = await env.ac.api<{ contact: { accountContacts: string[] } }>('GET', '/contacts/1');
		expect(contact.body.contact.accountContacts).toEqual(['1']);
		const none = await env.ac.api('GET', '/contacts/9/accountContacts');
		expect([none.status, none.body]).toEqual([404, { message: 'No Result found for Subscriber with id 9' }]);
	});

	test('§9.3 create errors: the exact field_missing and "already associated" bodies; a contact is on one account at most', async () => {
		const noAccount = await env.ac.api('POST', '/accountContacts', { accountContact: { contact: 1 } });
		expect([noAccount.status, noAccount.body]).toEqual([
			422,
			{ errors: [{ title: 'The account attribute was not provided', detail: '', code: 'field_missing', source: { pointer: '/data/attributes/account' } }] },
		]);
		await env.ac.api('POST', '/accountContacts', { accountContact: { contact: 1, account: 1 } });
		const again = await env.ac.api('POST', '/accountContacts', { accountContact: { contact: 1, account: 2 } });
		expect([again.status, again.body]).toEqual([
			422,
			{
				errors: [
					{
						title: 'This contact is already associated with an account. We currently do not support contacts on multiple accounts.',
						detail: '',
						code: 'field_invalid',
						source: { pointer: '/data/attributes/account,contact' },
					},
				],
			},
		]);
		const unknown = await env.ac.api('POST', '/accountContacts', { accountContact: { contact: 1, account: 9 } });
		expect(unknown.status).toBe(404);
	});

	test('§9.3 list by filters[contact] and filters[account], partial PUT, DELETE, and the CustomerAccountSubscriber 404', async () => {
		await env.ac.api('POST', '/accountContacts', { accountContact: { contact: 1, account: 1, jobTitle: 'CTO' } });
		await env.ac.api('POST', '/accountContacts', { accountContact: { contact: 2, account: 1 } });
		const list = async (query: string) =>
			(await env.ac.api<{ accountContacts: AccountContact[]; meta: { total: string } }>('GET', `/accountContacts?${query}`)).body;
		expect((await list('filters[account]=1')).meta.total).toBe('2');
		expect((await list('filters[contact]=2')).accountContacts.map((ac) => ac.id)).toEqual(['2']);
		expect((await list('filters[account]=2')).accountContacts).toEqual([]);
		const put = await env.ac.api<{ accountContact: AccountContact }>('PUT', '/accountContacts/1', { accountContact: { jobTitle: 'CEO' } });
		expect(put.body.accountContact).toMatchObject({ account: '1', contact: '1', jobTitle: 'CEO' });
		expect((await env.ac.api('DELETE', '/accountContacts/2')).body).toEqual({});
		for (const method of ['GET', 'DELETE'] as const) {
			const missing = await env.ac.api(method, '/accountContacts/100');
			expect([missing.status, missing.body]).toEqual([404, { message: 'No Result found for CustomerAccountSubscriber with id 100' }]);
		}
		expect((await state()).accounts[0].contacts).toEqual([{ email: 'ada@example.com', jobTitle: 'CEO' }]);
	});
});

describe('§9.8 deals', () => {
	beforeEach(async () => {
		await seed({
			users: [{ username: 'sam', firstName: 'Sam', lastName: 'Seller' }],
			tags: ['vip'],
			contacts: [
				{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace', tags: ['vip'] },
				{ email: 'bo@example.com', firstName: 'Bo', lastName: 'Diddley' },
			],
			accounts: [{ name: 'Analytical Engines' }],
			pipelines: [{ title: 'Partners', stages: ['Intro', 'Signed'] }],
			deals: [
				{ title: 'Able Hyena', contact: 'ada@example.com', account: 'Analytical Engines', value: 150000, stage: 'In Contact' },
				{ title: 'Brave Lion', contact: 'bo@example.com', value: 20000, status: 1, owner: 'sam', currency: 'eur' },
				{ title: 'Calm Otter', contact: 'ada@example.com', pipeline: 'Partners', stage: 'Signed', value: 5000, status: 2, owner: 'sam' },
			],
		});
	});
	const titles = async (query: string) => (await env.ac.api<{ deals: Deal[] }>('GET', `/deals?${query}`)).body.deals.map((d) => d.title);

	test('§9.8 filters[search] with each filters[search_field]; all when absent', async () => {
		expect(await titles('filters[search]=hyena')).toEqual(['Able Hyena']);
		expect(await titles('filters[search]=ada&filters[search_field]=contact')).toEqual(['Able Hyena', 'Calm Otter']);
		expect(await titles('filters[search]=bo%20didd&filters[search_field]=contact')).toEqual(['Brave Lion']);
		expect(await titles('filters[search]=ada%20diddley&filters[search_field]=contact')).toEqual([]);
		expect(await titles('filters[search]=analytical&filters[search_field]=org')).toEqual(['Able Hyena']);
		expect(await titles('filters[search]=analytical&filters[search_field]=title')).toEqual([]);
		expect(await titles('filters[search]=lovelace')).toEqual(['Able Hyena', 'Calm Otter']);
	});

	test('§9.8 exact filters (status, stage, group, owner, organization, tag, value in dollars) are ANDed', async () => {
		const s = await state();
		const partners = s.pipelines.find((p) => p.title === 'Partners')!;
		const sam = s.users.find((u) => u.username === 'sam')!.id;
		expect(await titles('filters[status]=0')).toEqual(['Able Hyena']);
		expect(await titles('filters[status]=2')).toEqual(['Calm Otter']);
		expect(await titles(`filters[group]=${partners.id}`)).toEqual(['Calm Otter']);
		expect(await titles(`filters[stage]=${partners.stages[1].id}`)).toEqual(['Calm Otter']);
		expect(await titles(`filters[owner]=${sam}`)).toEqual(['Brave Lion', 'Calm Otter']);
		expect(await titles(`filters[owner]=${sam}&filters[status]=1`)).toEqual(['Brave Lion']);
		expect(await titles('filters[organization]=1')).toEqual(['Able Hyena']);
		expect(await titles('filters[tag]=1')).toEqual(['Able Hyena', 'Calm Otter']);
		expect(await titles('filters[tag]=-2')).toEqual(['Brave Lion']);
		expect(await titles('filters[minimum_value]=100&filters[maximum_value]=1500')).toEqual(['Able Hyena', 'Brave Lion']);
		expect(await titles('filters[title]=brave lion')).toEqual(['Brave Lion']);
		expect(await titles('orders[value]=ASC')).toEqual(['Calm Otter', 'Brave Lion', 'Able Hyena']);
	});

	test('§9.0 GET /deals: meta.total is a number, with meta.currencies summing the filtered deals', async () => {
		const res = await env.ac.api<{ deals: Deal[]; meta: unknown }>('GET', '/deals?filters[status]=0&limit=1');
		expect(res.body.meta).toEqual({ currencies: { USD: { currency: 'USD', total: '1', value: '150000' } }, total: 1 });
		expect(res.body.deals[0]).toMatchObject({ account: '1', isDisabled: false });
		const all = await env.ac.api<{ meta: { total: number; currencies: Record<string, { total: string }> } }>('GET', '/deals?limit=1');
		expect([all.body.meta.total, Object.keys(all.body.meta.currencies)]).toEqual([3, ['USD', 'EUR']]);
	});

	test('§9.8 DELETE /deals/{id} answers 200 with an empty body; the deal and its notes are gone', async () => {
		await env.ac.api('POST', '/deals/1/notes', { note: { note: 'x' } });
		const res = await fetch(`${env.sandbox.url}/api/3/deals/1`, { method: 'DELETE', headers: { 'Api-Token': 'sandbox-key' } });
		expect([res.status, await res.text()]).toEqual([200, '']);
		expect((await env.ac.api('GET', '/deals/1')).status).toBe(404);
		expect((await state()).notes).toEqual([]);
	});

	test('§9.8 deal notes: POST 201 and PUT 200, both with the deal side-loaded as deals', async () => {
		const created = await env.ac.api<{ deals: Deal[]; note: Record<string, unknown> }>('POST', '/deals/1/notes', { note: { note: 'Note for the deal' } });
		expect(created.status).toBe(201);
		expect(created.body.deals.map((d) => d.id)).toEqual(['1']);
		expect(created.body.note).toMatchObject({ note: 'Note for the deal', owner: { id: '1', type: 'deal' }, relid: '1', reltype: 'Deal' });
		const noteId = String(created.body.note.id);
		const put = await env.ac.api<{ deals: Deal[]; note: { note: string } }>('PUT', `/deals/1/notes/${noteId}`, { note: { note: 'Update with more info' } });
		expect([put.status, put.body.deals.length, put.body.note.note]).toEqual([200, 1, 'Update with more info']);
		const wrongDeal = await env.ac.api('PUT', `/deals/2/notes/${noteId}`, { note: { note: 'x' } });
		expect([wrongDeal.status, wrongDeal.body]).toEqual([404, { message: `No Result found for Note with id ${noteId}` }]);
		const missingDeal = await env.ac.api('POST', '/deals/99/notes', { note: { note: 'x' } });
		expect([missingDeal.status, missingDeal.body]).toEqual([404, { message: 'No Result found for Deal with id 99' }]);
	});

	test('§9.8 POST /dealGroups answers 200 with the three default stages; POST /dealStages 200; GET /users lists owners', async () => {
		const group = await env.ac.api<{ dealGroup: { id: string; stages: string[] }; dealGroupUsers: unknown[]; dealStages: Array<{ title: string }> }>(
			'POST',
			'/dealGroups',
			{ dealGroup: { title: 'Renewals', currency: 'usd', allgroups: 1, allusers: 1, autoassign: 0, users: [1], groups: [3] } },
		);
		expect(group.status).toBe(200);
		expect(group.body.dealStages.map((s) => s.title)).toEqual(['To Contact', 'In Contact', 'Follow Up']);
		expect(group.body.dealGroup.stages).toHaveLength(3);
		expect(group.body.dealGroupUsers).toHaveLength(1);
		const stage = await env.ac.api<{ dealStage: { title: string; group: string } }>('POST', '/dealStages', { dealStage: { title: 'Won', group: group.body.dealGroup.id } });
		expect([stage.status, stage.body.dealStage.title, stage.body.dealStage.group]).toEqual([200, 'Won', group.body.dealGroup.id]);
		const users = await env.ac.api<{ users: Array<{ username: string; id: string }> }>('GET', '/users');
		expect(users.body.users.map((u) => [u.id, u.username])).toEqual([
			['1', 'admin'],
			['2', 'sam'],
		]);
	});
});

describe('§9.9 tags', () => {
	test('§9.9 PUT returns the tag with its changes; DELETE answers {} and hides its contact associations; 404 bodies', async () => {
		await seed({ contacts: [{ email: 'ada@example.com', tags: ['lead', 'vip'] }] });
		const put = await env.ac.api<{ tag: Record<string, unknown> }>('PUT', '/tags/1', { tag: { tag: 'My Tag', tagType: 'contact', description: 'Description' } });
		expect(put.status).toBe(200);
		expect(put.body.tag).toEqual({
			tagType: 'contact',
			tag: 'My Tag',
			description: 'Description',
			cdate: expect.stringMatching(ISO_WITH_OFFSET),
			links: { contactGoalTags: `${env.sandbox.url}/api/3/tags/1/contactGoalTags` },
			id: '1',
		});
		const deleted = await env.ac.api('DELETE', '/tags/1');
		expect([deleted.status, deleted.body]).toEqual([200, {}]);
		const links = await env.ac.api<{ contactTags: Array<{ tag: string }> }>('GET', '/contacts/1/contactTags');
		expect(links.body.contactTags.map((ct) => ct.tag)).toEqual(['2']);
		for (const method of ['PUT', 'DELETE', 'GET'] as const) {
			const missing = await env.ac.api(method, '/tags/1', method === 'PUT' ? { tag: { tag: 'x' } } : undefined);
			expect([missing.status, missing.body]).toEqual([404, { message: 'No Result found for Tag with id 1' }]);
		}
	});
});

describe('§4.5 automation status as ActiveCampaign writes it', () => {
	test('an automation seeded with status "1" (a string) is active: contacts can be added, and it lists as "1"', async () => {
		await seed({ automations: [{ name: 'Onboarding', status: '1' }, { name: 'Paused', status: '2' }], contacts: [{ email: 'ada@example.com' }] });
		const added = await env.ac.api('POST', '/contactAutomations', { contactAutomation: { contact: 1, automation: 1 } });
		const paused = await env.ac.api('POST', '/contactAutomations', { contactAutomation: { contact: 1, automation: 2 } });
		expect([added.status, paused.status]).toEqual([201, 403]);
		const list = await env.ac.api<{ automations: Array<{ status: string }> }>('GET', '/automations');
		expect(list.body.automations.map((a) => a.status)).toEqual(['1', '2']);
	});
});

describe('§9.11 seed and state', () => {
	test('seed takes users, account fields, accounts with values and contacts, pipelines and deals by name; state shows them', async () => {
		const ids = await seed({
			users: [{ username: 'sam' }],
			accountFields: [{ fieldLabel: 'Tier' }],
			contacts: [{ email: 'ada@example.com' }],
			accounts: [{ name: 'Acme', fields: { Tier: 'Gold' }, contacts: [{ email: 'ada@example.com', jobTitle: 'CTO' }] }],
			pipelines: ['Renewals'],
			deals: [{ title: 'Big', contact: 'ada@example.com', account: 'Acme', pipeline: 'Renewals', owner: 'sam' }],
		});
		expect(ids).toMatchObject({ users: { sam: '2' }, accountFields: { Tier: '1' }, accounts: { Acme: '1' }, pipelines: { Renewals: '2' }, deals: { Big: '1' } });
		const s = await state();
		expect(s.accounts).toEqual([{ id: '1', name: 'Acme', accountUrl: null, owner: '1', fields: { Tier: 'Gold' }, contacts: [{ email: 'ada@example.com', jobTitle: 'CTO' }] }]);
		expect(s.accountContacts).toEqual([{ id: '1', account: '1', contact: '1', jobTitle: 'CTO' }]);
		expect(s.deals).toEqual([expect.objectContaining({ title: 'Big', account: '1', owner: '2', pipeline: '2' })]);
		expect(s.pipelines.map((p) => [p.title, p.stages.map((st) => st.title)])).toEqual([
			['Sales Pipeline', ['To Contact', 'In Contact', 'Follow Up']],
			['Renewals', ['To Contact', 'In Contact', 'Follow Up']],
		]);
		const bad = await env.ac.admin<{ message: string }>('POST', '/seed', { accounts: [{ name: 'X', contacts: ['who@example.com'] }] });
		expect([bad.status, bad.body.message]).toEqual([400, "Unknown contact 'who@example.com'"]);
	});
});
