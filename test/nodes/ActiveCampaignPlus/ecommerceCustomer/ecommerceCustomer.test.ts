import { ecomState, SHOP } from '../ecommerceSupport';
import { acSandbox, counts } from '../support';

const ac = acSandbox();

const create = (extra: Record<string, unknown> = {}) => ({
	resource: 'ecommerceCustomer',
	operation: 'create',
	connection: 'Toy Store',
	externalid: '={{ $json.id }}',
	email: '={{ $json.email }}',
	...extra,
});

describe('E-commerce Customer', () => {
	beforeEach(() => ac.seed({ connections: SHOP.connections }));

	it('creates customers on a connection chosen by name, looked up once for all items; marketing opt-in as "1"/"0"', async () => {
		const { outputs, error } = await ac.run(create({ additionalFields: { acceptsMarketing: '={{ $json.optIn }}' } }), [
			{ id: 'c-1', email: 'ada@example.com', optIn: true },
			{ id: 'c-2', email: 'grace@example.com', optIn: false },
		]);

		expect(error).toBeUndefined();
		expect(outputs[0].map((o) => [o.json.id, o.json.email, o.json.connectionName])).toEqual([
			['1', 'ada@example.com', 'Toy Store'],
			['2', 'grace@example.com', 'Toy Store'],
		]);
		expect(counts(await ac.stats())['GET /api/3/connections']).toBe(1);
		expect((await ecomState(ac)).ecomCustomers).toEqual([
			{ id: '1', connectionid: '1', externalid: 'c-1', email: 'ada@example.com', acceptsMarketing: '1' },
			{ id: '2', connectionid: '1', externalid: 'c-2', email: 'grace@example.com', acceptsMarketing: '0' },
		]);
	});

	it('gets one (simplified, with the order aggregates), lists by connection and email, updates and deletes by ID', async () => {
		await ac.seed({
			connections: [{ name: 'Book Shop', service: 'books' }],
			ecomCustomers: [SHOP.ecomCustomers[0], { connection: 'Book Shop', externalid: 'b-1', email: 'ada@example.com' }],
			ecomOrders: [{ connection: 'Toy Store', customer: 'c-1', externalid: 'o-1', totalPrice: 4900, products: [{ externalid: 'P', name: 'Kite', price: 4900 }] }],
		});

		const got = await ac.run({ resource: 'ecommerceCustomer', operation: 'get', customerId: '1' });
		expect(got.outputs[0][0].json).toEqual({
			id: '1',
			email: 'ada@example.com',
			externalid: 'c-1',
			connectionid: '1',
			acceptsMarketing: '0',
			totalRevenue: '4900',
			totalOrders: '1',
			totalProducts: '1',
			avgRevenuePerOrder: '4900',
			tstamp: expect.any(String),
		});
		const many = await ac.run({ resource: 'ecommerceCustomer', operation: 'getMany', returnAll: true, filters: { connection: 'book shop', email: 'ada@example.com' } });
		expect(many.outputs[0].map((o) => o.json.externalid)).toEqual(['b-1']);

		const updated = await ac.run({
			resource: 'ecommerceCustomer',
			operation: 'update',
			customerId: '2',
			updateFields: { email: 'ada.l@example.com', acceptsMarketing: true, connection: 'Toy Store' },
		});
		expect(updated.outputs[0][0].json).toMatchObject({ id: '2', email: 'ada.l@example.com', connectionid: '1' });
		const deleted = await ac.run({ resource: 'ecommerceCustomer', operation: 'delete', customerId: '1' });
		expect(deleted.outputs[0][0].json).toEqual({ id: '1', deleted: true });
		expect((await ecomState(ac)).ecomCustomers).toEqual([{ id: '2', connectionid: '1', externalid: 'b-1', email: 'ada.l@example.com', acceptsMarketing: '1' }]);
	});

	it('bad input names the item and the field; with Continue On Fail the good items are still created', async () => {
		const items = [
			{ id: 'c-1', email: 'ada@example.com' },
			{ id: 'c-2', email: 'not-an-email' },
			{ id: '', email: 'grace@example.com' },
			{ id: 'c-4', email: 'alan@example.com' },
		];
		const { outputs } = await ac.run(create(), items, 'continueErrorOutput');
		const unknown = await ac.run(create({ connection: 'Garden Store' }), [items[0]]);
		const missing = await ac.run({ resource: 'ecommerceCustomer', operation: 'get', customerId: '99' });
		const notId = await ac.run({ resource: 'ecommerceCustomer', operation: 'delete', customerId: 'ada@example.com' });

		expect(outputs[0].map((o) => [o.json.externalid, o.pairedItem])).toEqual([
			['c-1', { item: 0 }],
			['c-4', { item: 3 }],
		]);
		expect(outputs[1].map((o) => o.json.error)).toEqual([
			'Email "not-an-email" is not a valid email address [item 1]',
			'Customer ID in Store is empty [item 2]',
		]);
		expect(unknown.error?.message).toBe('Connection: no connection named or with ID "Garden Store" exists in ActiveCampaign [item 0]');
		expect(unknown.error?.description).toBe('Use one of: Toy Store (ID 1).');
		expect(missing.error?.message).toBe('Customer ID: no e-commerce customer with ID 99 exists in ActiveCampaign [item 0]');
		expect(notId.error?.message).toBe('Customer ID "ada@example.com" is not a number [item 0]');
		expect((await ecomState(ac)).ecomCustomers.map((c) => c.externalid)).toEqual(['c-1', 'c-4']);
	});
});
