/**
 * ActiveCampaign Plus in a real n8n 2.41 against the ActiveCampaign sandbox: every Connection, E-commerce Customer,
 * E-commerce Order and E-commerce Order Product operation runs as a step of two workflows (writes and reads, then
 * deletes), and the sandbox's stored state is checked after each.
 */
import { acChain, first } from './acChain';
import { getHarness, type HarnessClient } from './harness';

interface EcomState {
	connections: Array<{ id: string; name: string; service: string; syncStatus: number }>;
	ecomCustomers: Array<{ id: string; connectionid: string; externalid: string; email: string; acceptsMarketing: string }>;
	ecomOrders: Array<{
		id: string;
		connectionid: string;
		customerid: string;
		externalid: string | null;
		externalcheckoutid: string | null;
		state: number;
		totalPrice: number;
		shippingMethod: string;
		products: Array<{ externalid: string; price: number; quantity: number }>;
		discounts: Array<{ name: string; discountAmount: number }>;
	}>;
}

let h: HarnessClient;

beforeAll(() => {
	h = getHarness();
});

describe('ActiveCampaign Plus Deep Data and e-commerce in n8n', () => {
	const tag = `e2e${Date.now()}`;
	const shop = `E2E Shop ${tag}`;
	const email = `buyer.${tag}@example.com`;

	it('creates, updates and reads connections, customers, orders, carts and order products; the sandbox holds the result', async () => {
		const run = await h.runWorkflow(
			acChain(h, [
				['Create Connection', { resource: 'connection', operation: 'create', service: tag, externalid: 'store-1', name: shop, logoUrl: 'https://shop.example/logo.png', linkUrl: 'https://shop.example/' }],
				['Create Customer', { resource: 'ecommerceCustomer', operation: 'create', connection: shop, externalid: 'c-1', email, additionalFields: { acceptsMarketing: true } }],
				[
					'Create Order',
					{
						resource: 'ecommerceOrder',
						operation: 'create',
						connection: shop,
						orderType: 'order',
						externalid: `o-${tag}`,
						email,
						totalPrice: '91.11',
						currency: 'usd',
						source: '1',
						products: { product: [{ externalid: 'P-1', name: 'Pogo Stick', price: '49', quantity: 1 }, { externalid: 'P-2', name: 'Kite', price: '18.50', quantity: 2 }] },
						discounts: { discount: [{ name: 'SUMMER10', type: 'order', amount: '1' }] },
					},
				],
				['Create Cart', { resource: 'ecommerceOrder', operation: 'create', connection: shop, orderType: 'abandonedCart', externalcheckoutid: `cart-${tag}`, email, totalPrice: '49', currency: 'USD' }],
				['Recover Cart', { resource: 'ecommerceOrder', operation: 'update', orderId: first('Create Cart'), updateFields: { externalid: `o2-${tag}` } }],
				[
					'Update Order',
					{ resource: 'ecommerceOrder', operation: 'update', orderId: first('Create Order'), updateFields: { shippingMethod: 'UPS Ground' }, products: { product: [{ externalid: 'P-3', name: 'Yo-yo', price: '5', quantity: 3 }] } },
				],
				['Get Order', { resource: 'ecommerceOrder', operation: 'get', orderId: first('Create Order') }],
				['Get Many Orders', { resource: 'ecommerceOrder', operation: 'getMany', returnAll: true, filters: { connection: shop } }],
				['Order Products', { resource: 'ecommerceOrderProduct', operation: 'getMany', orderId: first('Create Order'), returnAll: true }],
				['Order Product', { resource: 'ecommerceOrderProduct', operation: 'get', productId: first('Order Products') }],
				['Get Customer', { resource: 'ecommerceCustomer', operation: 'get', customerId: first('Create Customer') }],
				['Get Many Customers', { resource: 'ecommerceCustomer', operation: 'getMany', returnAll: true, filters: { email } }],
				['Update Customer', { resource: 'ecommerceCustomer', operation: 'update', customerId: first('Create Customer'), updateFields: { acceptsMarketing: false } }],
				['Get Connection', { resource: 'connection', operation: 'get', connection: shop }],
				['Get Many Connections', { resource: 'connection', operation: 'getMany', returnAll: true, filters: { service: tag } }],
				['Update Connection', { resource: 'connection', operation: 'update', connection: shop, updateFields: { syncStatus: '1' } }],
			]),
		);

		if (run.status !== 'success') throw new Error(`execution ${run.executionId}: ${run.error}`);
		expect(run.output('Get Order')).toEqual([expect.objectContaining({ externalid: `o-${tag}`, state: '1', totalPrice: '9111' })]);
		expect(run.output('Get Many Orders')).toHaveLength(2);
		expect(run.output('Order Products')).toEqual([expect.objectContaining({ externalid: 'P-3', price: '500', quantity: '3' })]);
		expect(run.output('Order Product')).toEqual([expect.objectContaining({ externalid: 'P-3', name: 'Yo-yo' })]);
		expect(run.output('Get Customer')).toEqual([expect.objectContaining({ email, totalOrders: '2', totalRevenue: '14011' })]);
		expect(run.output('Get Many Customers')).toEqual([expect.objectContaining({ externalid: 'c-1' })]);
		expect(run.output('Get Connection')).toEqual([expect.objectContaining({ name: shop, service: tag })]);
		expect(run.output('Get Many Connections')).toEqual([expect.objectContaining({ name: shop })]);

		const state = await h.ac!.state<EcomState>();
		const connection = state.connections.find((c) => c.name === shop);
		expect(connection).toMatchObject({ service: tag, syncStatus: 1 });
		expect(state.ecomCustomers.filter((c) => c.connectionid === connection?.id)).toEqual([
			{ id: expect.any(String), connectionid: connection?.id, externalid: 'c-1', email, acceptsMarketing: '0' },
		]);
		const orders = state.ecomOrders.filter((o) => o.connectionid === connection?.id);
		expect(orders).toEqual([
			expect.objectContaining({
				externalid: `o-${tag}`,
				state: 1,
				totalPrice: 9111,
				shippingMethod: 'UPS Ground',
				products: [expect.objectContaining({ externalid: 'P-3', price: 500, quantity: 3 })],
				discounts: [expect.objectContaining({ name: 'SUMMER10', discountAmount: 100 })],
			}),
			expect.objectContaining({ externalid: `o2-${tag}`, externalcheckoutid: `cart-${tag}`, state: 3, totalPrice: 4900 }),
		]);
	});

	it('deletes an order, a customer and a connection; the sandbox no longer holds them', async () => {
		const before = await h.ac!.state<EcomState>();
		const connection = before.connections.find((c) => c.name === shop);
		const order = before.ecomOrders.find((o) => o.externalid === `o-${tag}`);
		const customer = before.ecomCustomers.find((c) => c.email === email);
		expect([connection, order, customer].every(Boolean)).toBe(true);

		const run = await h.runWorkflow(
			acChain(h, [
				['Delete Order', { resource: 'ecommerceOrder', operation: 'delete', orderId: order!.id }],
				['Delete Customer', { resource: 'ecommerceCustomer', operation: 'delete', customerId: customer!.id }],
				['Delete Connection', { resource: 'connection', operation: 'delete', connection: shop }],
			]),
		);

		if (run.status !== 'success') throw new Error(`execution ${run.executionId}: ${run.error}`);
		expect(run.output('Delete Connection')).toEqual([{ id: connection!.id, name: shop, deleted: true }]);
		const after = await h.ac!.state<EcomState>();
		expect(after.connections.find((c) => c.name === shop)).toBeUndefined();
		expect(after.ecomOrders.find((o) => o.id === order!.id)).toBeUndefined();
		expect(after.ecomCustomers.find((c) => c.id === customer!.id)).toBeUndefined();
	});
});
