import { acSandbox, counts } from '../support';

const ac = acSandbox();

const accounts = async () => (await ac.state()).accounts;

const FIELDS = [
	{ fieldLabel: 'Tier', fieldType: 'dropdown', fieldOptions: ['Gold', 'Silver'] },
	{ fieldLabel: 'Employees', fieldType: 'number' },
	{ fieldLabel: 'Budget', fieldType: 'currency', fieldDefaultCurrency: 'EUR' },
	{ fieldLabel: 'Regions', fieldType: 'multiselect', fieldOptions: ['EMEA', 'APAC', 'AMER'] },
];

describe('Account', () => {
	let ids: Record<string, Record<string, string>>;
	beforeEach(async () => {
		ids = await ac.seed({ accountFields: FIELDS, accounts: [{ name: 'Acme', accountUrl: 'https://acme.example', fields: { Tier: 'Gold' } }] });
	});

	it('creates an account with its URL and custom fields by label: options as spelled, currency in cents', async () => {
		const { outputs, error } = await ac.run({
			resource: 'account',
			operation: 'create',
			name: 'Globex',
			additionalFields: { accountUrl: 'https://globex.example' },
			customFields: {
				field: [
					{ name: 'tier', value: 'silver' },
					{ name: 'Employees', value: '250' },
					{ name: 'Budget', value: '1499.99' },
					{ name: ids.accountFields.Regions, value: 'emea, AMER' },
				],
			},
		});

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toMatchObject({ name: 'Globex', accountUrl: 'https://globex.example', id: expect.any(String) });
		expect((await accounts()).find((a) => a.name === 'Globex')).toMatchObject({
			accountUrl: 'https://globex.example',
			fields: { Tier: 'Silver', Employees: '250', Budget: '149999 EUR', Regions: '||EMEA||AMER||' },
		});
	});

	it('bad input is an error naming the item and field, before anything is written; a taken name is ActiveCampaign\'s 422', async () => {
		const create = (name: string, field: { name: string; value: string }) =>
			ac.run({ resource: 'account', operation: 'create', name, customFields: { field: [field] } });
		const empty = await create('  ', { name: 'Tier', value: 'Gold' });
		const unknownField = await create('Globex', { name: 'Revenue', value: '1' });
		const badOption = await create('Globex', { name: 'Tier', value: 'Platinum' });
		const badAmount = await create('Globex', { name: 'Budget', value: '12,50' });
		const sent = counts(await ac.stats())['POST /api/3/accounts'];
		const taken = await create('ACME', { name: 'Tier', value: 'Gold' });

		expect(empty.error?.message).toBe('Name is empty [item 0]');
		expect(unknownField.error?.message).toBe('Custom Fields: no account field labelled or with ID "Revenue" exists in ActiveCampaign [item 0]');
		expect(unknownField.error?.description).toBe('Use an account field\'s label or ID. Known account fields: Tier, Employees, Budget, Regions.');
		expect(badOption.error?.message).toBe('Custom field "Tier" (dropdown): "Platinum" is not one of its options [item 0]');
		expect(badAmount.error?.message).toBe('Custom field "Budget" "12,50" is not an amount [item 0]');
		expect(taken.error?.message).toBe(
			'ActiveCampaign answered HTTP 422 while creating account "ACME": An account with this name already exists. Use Account → Find or Create to reuse it, or choose another name.',
		);
		expect(taken.error?.description).toBe('ActiveCampaign said: An account named "ACME" already exists. Please choose a new name.');
		expect(sent).toBeUndefined();
		expect((await accounts()).map((a) => a.name)).toEqual(['Acme']);
	});

	it('find or create returns the existing account (any case), or creates it once with its fields', async () => {
		const { outputs } = await ac.run(
			{ resource: 'account', operation: 'findOrCreate', name: '={{ $json.name }}', customFields: { field: [{ name: 'Tier', value: 'Silver' }] } },
			[{ name: 'ACME ' }, { name: 'Initech' }, { name: 'initech' }],
		);

		expect(outputs[0].map((o) => [o.json.name, o.json.created])).toEqual([
			['Acme', false],
			['Initech', true],
			['Initech', false],
		]);
		expect(counts(await ac.stats())['POST /api/3/accounts']).toBe(1);
		expect((await accounts()).map((a) => [a.name, a.fields.Tier])).toEqual([
			['Acme', 'Gold'],
			['Initech', 'Silver'],
		]);
	});

	it('gets an account by name or id, with its custom field values when asked; each name is looked up once per run', async () => {
		const { outputs } = await ac.run({ resource: 'account', operation: 'get', account: '={{ $json.account }}', includeFieldValues: true }, [
			{ account: 'acme' },
			{ account: 'Acme' },
			{ account: ids.accounts.Acme },
		]);
		const plain = await ac.run({ resource: 'account', operation: 'get', account: 'Acme' });

		expect(outputs[0].map((o) => o.json)).toEqual(
			Array(3).fill(expect.objectContaining({ id: ids.accounts.Acme, name: 'Acme', fields: { Tier: { field: ids.accountFields.Tier, value: 'Gold' } } })),
		);
		expect(counts(await ac.stats())['GET /api/3/accounts']).toBe(1);
		expect(plain.outputs[0][0].json).not.toHaveProperty('fields');
	});

	it('an unknown account name is an error naming the item and field; an unknown id is ActiveCampaign\'s 404', async () => {
		const name = await ac.run({ resource: 'account', operation: 'get', account: 'Umbrella' });
		const id = await ac.run({ resource: 'account', operation: 'get', account: '999' });

		expect(name.error?.message).toBe('Account: no account named "Umbrella" exists in ActiveCampaign [item 0]');
		expect(id.error?.message).toMatch(/^ActiveCampaign answered HTTP 404 while reading account 999/);
	});

	it('gets many accounts: search, limit, all pages, and counts when asked', async () => {
		await ac.seed({ accounts: Array.from({ length: 120 }, (_, i) => ({ name: `Shop ${String(i + 1).padStart(3, '0')}` })) });
		await ac.seed({ contacts: [{ email: 'ada@example.com' }], accounts: [{ name: 'Acme', contacts: ['ada@example.com'] }] });

		const all = await ac.run({ resource: 'account', operation: 'getMany', returnAll: true, search: 'shop' });
		const some = await ac.run({ resource: 'account', operation: 'getMany', returnAll: false, limit: 3, search: '' });
		const counted = await ac.run({ resource: 'account', operation: 'getMany', returnAll: true, search: 'acme', options: { countDeals: true } });

		expect(all.outputs[0]).toHaveLength(120);
		expect(some.outputs[0].map((o) => o.json.name)).toEqual(['Acme', 'Shop 001', 'Shop 002']);
		expect(counted.outputs[0].map((o) => [o.json.name, o.json.contactCount])).toEqual([['Acme', '1']]);
	});

	it('updates an account by name (rename, URL, a custom field); the next run finds it by its new name only', async () => {
		// The first run keeps "Acme" for the next executions: the rename must not leave it behind.
		await ac.run({ resource: 'account', operation: 'get', account: 'Acme' });
		const { outputs, error } = await ac.run({
			resource: 'account',
			operation: 'update',
			account: 'Acme',
			updateFields: { name: 'Acme Corp', accountUrl: 'https://acme.example/corp' },
			customFields: { field: [{ name: 'Employees', value: '40' }] },
		});
		const byNew = await ac.run({ resource: 'account', operation: 'get', account: 'Acme Corp' });
		const byOld = await ac.run({ resource: 'account', operation: 'get', account: 'Acme' });
		const none = await ac.run({ resource: 'account', operation: 'update', account: 'Acme Corp', updateFields: {} });

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toMatchObject({ id: ids.accounts.Acme, name: 'Acme Corp' });
		expect(await accounts()).toEqual([
			expect.objectContaining({ name: 'Acme Corp', accountUrl: 'https://acme.example/corp', fields: { Tier: 'Gold', Employees: '40' } }),
		]);
		expect(byNew.outputs[0][0].json.id).toBe(ids.accounts.Acme);
		expect(byOld.error?.message).toBe('Account: no account named "Acme" exists in ActiveCampaign [item 0]');
		expect(none.error?.message).toBe('Update Fields and Custom Fields are empty [item 0]');
	});

	it('deletes an account by name or id; the name is free for a new account right after', async () => {
		await ac.seed({ accounts: [{ name: 'Globex' }] });
		const byName = await ac.run({ resource: 'account', operation: 'delete', account: 'Acme' });
		const byId = await ac.run({ resource: 'account', operation: 'delete', account: ids.accounts.Acme === '1' ? '2' : '1' });
		const again = await ac.run({ resource: 'account', operation: 'findOrCreate', name: 'Acme' });

		expect(byName.outputs[0][0].json).toEqual({ id: ids.accounts.Acme, name: 'Acme', deleted: true });
		expect(byId.outputs[0][0].json).toMatchObject({ deleted: true });
		expect(again.outputs[0][0].json).toMatchObject({ name: 'Acme', created: true });
		expect((await accounts()).map((a) => a.name)).toEqual(['Acme']);
	});
});
