import type { IDataObject } from 'n8n-workflow';

import { ecomState, SHOP } from '../ecommerceSupport';
import { acSandbox, counts } from '../support';

const ac = acSandbox();

const create = (extra: IDataObject = {}): IDataObject => ({
	resource: 'ecommerceOrder',
	operation: 'create',
	connection: 'Toy Store',
	orderType: 'order',
	externalid: 'o-1001',
	email: 'ada@example.com',
	totalPrice: '91.11',
	currency: 'usd',
	orderDate: '2026-11-20T10:00:00Z',
	products: {
		product: [
			{ externalid: 'P-1', name: 'Pogo Stick', price: '49', quantity: 1, category: 'Toys', sku: 'POGO-12' },
			{ externalid: 'P-2', name: 'Kite', price: '18.5', quantity: 2 },
		],
	},
	...extra,
});

const cart = (extra: IDataObject = {}): IDataObject =>
	create({ orderType: 'abandonedCart', externalid: '', externalcheckoutid: 'cart-7', abandonedDate: '2026-11-27T09:30:00Z', ...extra });

describe('E-commerce Order', () => {
	beforeEach(() => ac.seed(SHOP));

	it('creates an order with its products inline; amounts in cents, the customer found by the order email', async () => {
		const { outputs, error } = await ac.run(
			create({
				discounts: { discount: [{ name: 'SUMMER10', type: 'order', amount: '1' }] },
				additionalFields: { shippingAmount: '2', taxAmount: '5.00', discountAmount: '1', orderNumber: 'myorder-123' },
			}),
		);

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toMatchObject({ id: '1', externalid: 'o-1001', state: 1, connectionName: 'Toy Store', orderProducts: ['1', '2'] });
		expect((outputs[0][0].json.products as IDataObject[]).map((p) => p.name)).toEqual(['Pogo Stick', 'Kite']);
		expect((await ecomState(ac)).ecomOrders).toEqual([
			expect.objectContaining({
				connectionid: '1',
				customerid: '1',
				externalid: 'o-1001',
				source: 1,
				state: 1,
				email: 'ada@example.com',
				totalPrice: 9111,
				shippingAmount: 200,
				taxAmount: 500,
				discountAmount: 100,
				currency: 'USD',
				orderNumber: 'myorder-123',
				externalCreatedDate: '2026-11-20T10:00:00Z',
				products: [
					{ id: '1', externalid: 'P-1', name: 'Pogo Stick', price: 4900, quantity: 1, category: 'Toys', sku: 'POGO-12' },
					{ id: '2', externalid: 'P-2', name: 'Kite', price: 1850, quantity: 2, category: '', sku: '' },
				],
				discounts: [{ name: 'SUMMER10', type: 'order', discountAmount: 100 }],
			}),
		]);
	});

	it('historical orders and a customer by ID or by another email; connection and customer looked up once per run', async () => {
		await ac.seed({ ecomCustomers: [{ connection: 'Toy Store', externalid: 'c-2', email: 'grace@example.com' }] });
		const { outputs } = await ac.run(create({ externalid: '={{ $json.id }}', source: '0', customer: '={{ $json.customer }}', products: {} }), [
			{ id: 'h-1', customer: 'grace@example.com' },
			{ id: 'h-2', customer: 'grace@example.com' },
			{ id: 'h-3', customer: '1' },
		]);

		expect(outputs[0]).toHaveLength(3);
		const sent = counts(await ac.stats());
		expect([sent['GET /api/3/connections'], sent['GET /api/3/ecomCustomers'], sent['POST /api/3/ecomOrders']]).toEqual([1, 1, 3]);
		expect((await ecomState(ac)).ecomOrders.map((o) => [o.externalid, o.customerid, o.source, o.products.length])).toEqual([
			['h-1', '2', 0, 0],
			['h-2', '2', 0, 0],
			['h-3', '1', 0, 0],
		]);
	});

	it('an abandoned cart is created, found among abandoned orders, and recovered by giving it an order ID', async () => {
		const created = await ac.run(cart());
		expect(created.outputs[0][0].json).toMatchObject({ externalcheckoutid: 'cart-7', externalid: null, state: 2, abandonedDate: '2026-11-27T09:30:00Z' });

		const abandoned = await ac.run({ resource: 'ecommerceOrder', operation: 'getMany', returnAll: true, filters: { state: '2', connection: 'Toy Store' } });
		expect(abandoned.outputs[0].map((o) => o.json)).toEqual([expect.objectContaining({ id: '1', externalcheckoutid: 'cart-7', state: '2', totalPrice: '9111' })]);

		const recovered = await ac.run({ resource: 'ecommerceOrder', operation: 'update', orderId: '1', updateFields: { externalid: 'o-2002' } });
		expect(recovered.outputs[0][0].json).toMatchObject({ externalid: 'o-2002', state: 3 });
		expect((await ecomState(ac)).ecomOrders).toEqual([expect.objectContaining({ externalid: 'o-2002', externalcheckoutid: 'cart-7', state: 3 })]);
	});

	it('update replaces the products and changes amounts; get reads it (simplified); delete removes it with its products', async () => {
		await ac.run(create());
		const updated = await ac.run({
			resource: 'ecommerceOrder',
			operation: 'update',
			orderId: '1',
			updateFields: { totalPrice: '30', shippingMethod: 'UPS Ground', customer: 'ada@example.com' },
			products: { product: [{ externalid: 'P-9', name: 'Yo-yo', price: '15', quantity: 2 }] },
		});
		expect(updated.error).toBeUndefined();
		expect((await ecomState(ac)).ecomOrders[0]).toMatchObject({ totalPrice: 3000, products: [expect.objectContaining({ externalid: 'P-9', price: 1500, quantity: 2 })] });

		const got = await ac.run({ resource: 'ecommerceOrder', operation: 'get', orderId: '1' });
		expect(got.outputs[0][0].json).toEqual({
			id: '1',
			externalid: 'o-1001',
			externalcheckoutid: null,
			email: 'ada@example.com',
			customerid: '1',
			connectionid: '1',
			state: '1',
			totalPrice: '3000',
			currency: 'usd',
			externalCreatedDate: '2026-11-20T10:00:00Z',
		});
		const deleted = await ac.run({ resource: 'ecommerceOrder', operation: 'delete', orderId: '1' });
		expect(deleted.outputs[0][0].json).toEqual({ id: '1', deleted: true });
		expect((await ecomState(ac)).ecomOrders).toEqual([]);
		const products = await ac.run({ resource: 'ecommerceOrderProduct', operation: 'getMany', orderId: '', returnAll: true });
		expect(products.outputs.flat()).toEqual([]);
	});

	it('bad input names the item and the field and says how to fix it, before anything is written', async () => {
		const runs = {
			money: await ac.run(create({ totalPrice: '91,11' })),
			product: await ac.run(create({ products: { product: [{ externalid: 'P-1', name: 'A', price: '1' }, { externalid: 'P-2', name: 'B', price: 'abc' }] } })),
			productName: await ac.run(create({ products: { product: [{ externalid: 'P-1', name: '', price: '1' }] } })),
			quantity: await ac.run(create({ products: { product: [{ externalid: 'P-1', name: 'A', price: '1', quantity: 0 }] } })),
			email: await ac.run(create({ email: ' ' })),
			currency: await ac.run(create({ currency: 'dollars' })),
			date: await ac.run(create({ orderDate: 'yesterday' })),
			checkout: await ac.run(cart({ externalcheckoutid: ' ' })),
			connection: await ac.run(create({ connection: 'Garden Store' })),
			customer: await ac.run(create({ email: 'who@example.com' })),
			missing: await ac.run({ resource: 'ecommerceOrder', operation: 'get', orderId: '42' }),
		};
		const said = Object.fromEntries(Object.entries(runs).map(([k, r]) => [k, [r.error?.message, r.error?.description]]));

		expect(said).toEqual({
			money: ['Total Price "91,11" is not an amount [item 0]', expect.stringContaining("Enter the amount in the order's currency")],
			product: ['Products → product 2 → Price "abc" is not an amount [item 0]', expect.any(String)],
			productName: ['Products → product 1 → Name is empty [item 0]', 'Fill in "Name" of product 1, as your store knows it.'],
			quantity: ['Products → product 1 → Quantity "0" is not a whole number of 1 or more [item 0]', expect.any(String)],
			email: ['Email is empty [item 0]', expect.stringContaining('jane@example.com')],
			currency: ['Currency "dollars" is not a 3-letter currency code [item 0]', expect.any(String)],
			date: ['Order Date "yesterday" is not a date [item 0]', expect.any(String)],
			checkout: ['External Checkout ID is empty [item 0]', 'Fill in "External Checkout ID".'],
			connection: ['Connection: no connection named or with ID "Garden Store" exists in ActiveCampaign [item 0]', 'Use one of: Toy Store (ID 1).'],
			customer: [
				'Customer: no e-commerce customer with email who@example.com exists on connection "Toy Store" [item 0]',
				'Create it first with E-commerce Customer → Create (same connection and email), or enter the customer ID.',
			],
			missing: ['Order ID: no order with ID 42 exists in ActiveCampaign [item 0]', expect.any(String)],
		});
		expect(counts(await ac.stats())['POST /api/3/ecomOrders']).toBeUndefined();
		expect((await ecomState(ac)).ecomOrders).toEqual([]);
	});

	it("a missing order reads the same whether ActiveCampaign answers 404 or the declared 400 {}", async () => {
		await ac.env.ac.admin('POST', '/options', { parityErrors: 'declared400' });
		const get = await ac.run({ resource: 'ecommerceOrder', operation: 'get', orderId: '42' });
		const del = await ac.run({ resource: 'ecommerceOrder', operation: 'delete', orderId: '42' });
		expect([get.error?.message, del.error?.message]).toEqual([
			'Order ID: no order with ID 42 exists in ActiveCampaign [item 0]',
			'Order ID: no order with ID 42 exists in ActiveCampaign [item 0]',
		]);
	});

	it('with Continue On Fail a bad item goes to the error output; a duplicate order ID is refused with a hint', async () => {
		const { outputs } = await ac.run(create({ externalid: '={{ $json.id }}', totalPrice: '={{ $json.total }}' }), [
			{ id: 'a', total: '10' },
			{ id: 'b', total: 'ten' },
			{ id: 'a', total: '12' },
			{ id: 'c', total: '12.5' },
		], 'continueErrorOutput');

		expect(outputs[0].map((o) => [o.json.externalid, o.pairedItem])).toEqual([
			['a', { item: 0 }],
			['c', { item: 3 }],
		]);
		expect(outputs[1].map((o) => [o.json.error, o.pairedItem])).toEqual([
			['Total Price "ten" is not an amount [item 1]', { item: 1 }],
			[expect.stringContaining('This external ID is taken'), { item: 2 }],
		]);
		expect((await ecomState(ac)).ecomOrders.map((o) => [o.externalid, o.totalPrice])).toEqual([
			['a', 1000],
			['c', 1250],
		]);
	});
});
