import type { Quirks } from './activecampaign';
import { ISO_WITH_OFFSET, useSandbox } from './activecampaign/testkit';

/**
 * Deep Data connections, e-commerce customers, orders with inline products, abandoned carts and order products
 * (reference §9.0, §9.4–9.7, §9.11): the documented answers, the validation errors, and each UNCERTAIN switch.
 */

const env = useSandbox({ rateLimit: false });

type Body = Record<string, unknown>;
const use = async (quirks: Partial<Quirks>) => expect((await env.ac.admin('POST', '/options', quirks)).status).toBe(200);
const state = async () => (await env.ac.admin<Body>('GET', '/state')).body;

const CONNECTION = { service: 'fooCommerce', externalid: 'toystore123', name: 'Toystore, Inc.', logoUrl: 'http://example.com/i/foo.png', linkUrl: 'http://example.com/foo/' };
const product = (externalid: string, price: number, quantity = 1) => ({ externalid, name: `Product ${externalid}`, price, quantity, category: 'Toys' });

/** A connection (1) with alice as customer (1), the base of every order test. */
async function shop(): Promise<void> {
	const seeded = await env.ac.admin('POST', '/seed', {
		connections: [{ name: 'Toystore, Inc.', service: 'fooCommerce', externalid: 'toystore123' }],
		ecomCustomers: [{ connection: 'Toystore, Inc.', externalid: '56789', email: 'alice@example.com' }],
	});
	expect(seeded.body).toMatchObject({ ids: { connections: { 'Toystore, Inc.': '1' }, ecomCustomers: { '56789': '1' } } });
}

const order = (extra: Body = {}) => ({
	ecomOrder: {
		externalid: '3246315233',
		source: '1',
		email: 'alice@example.com',
		orderProducts: [product('PROD12345', 4900), product('PROD2', 1000, 2)],
		orderDiscounts: [{ name: '1OFF', type: 'order', discountAmount: 100 }],
		externalCreatedDate: '2016-09-13T17:41:39-04:00',
		totalPrice: 9111,
		shippingAmount: 200,
		taxAmount: 500,
		discountAmount: 100,
		currency: 'USD',
		connectionid: '1',
		customerid: '1',
		...extra,
	},
});

describe('§9.4 connections', () => {
	it('create answers 200 with isInternal 0 (a number); list has isInternal "0", filters by service and externalid', async () => {
		const created = await env.ac.api<{ connection: Body }>('POST', '/connections', { connection: { ...CONNECTION, listId: '1' } });
		expect(created.status).toBe(200);
		expect(created.body.connection).toMatchObject({ ...CONNECTION, listId: '1', isInternal: 0, id: '1', links: { customers: expect.stringContaining('/connections/1/customers') } });
		expect(created.body.connection.cdate).toMatch(ISO_WITH_OFFSET);
		await env.ac.api('POST', '/connections', { connection: { ...CONNECTION, service: 'barShop', name: 'Bar' } });

		const list = await env.ac.api<{ connections: Body[]; meta: Body }>('GET', '/connections?filters[service]=barShop');
		expect(list.body).toEqual({ connections: [expect.objectContaining({ name: 'Bar', isInternal: '0', status: '1', syncStatus: '0' })], meta: { total: '1' } });
		expect((await env.ac.api<{ meta: Body }>('GET', '/connections?filters[externalid]=toystore123')).body.meta).toEqual({ total: '2' });
	});

	it('a missing required field is 422 field_missing; a second service + externalid is 422 duplicate', async () => {
		const missing = await env.ac.api('POST', '/connections', { connection: { ...CONNECTION, logoUrl: '' } });
		expect(missing.status).toBe(422);
		expect(missing.body).toEqual({ errors: [expect.objectContaining({ code: 'field_missing', source: { pointer: '/data/attributes/logoUrl' } })] });
		await env.ac.api('POST', '/connections', { connection: CONNECTION });
		const duplicate = await env.ac.api('POST', '/connections', { connection: { ...CONNECTION, name: 'Again' } });
		expect(duplicate.status).toBe(422);
		expect(duplicate.body).toEqual({ errors: [expect.objectContaining({ code: 'duplicate' })] });
	});

	it('get, update (status, syncStatus) and delete; a missing id is 404 with the message', async () => {
		await env.ac.api('POST', '/connections', { connection: CONNECTION });
		expect((await env.ac.api<{ connection: Body }>('GET', '/connections/1')).body.connection).toMatchObject({ name: 'Toystore, Inc.', isInternal: 0 });
		const updated = await env.ac.api<{ connection: Body }>('PUT', '/connections/1', { connection: { name: 'Toys', syncStatus: 1 } });
		expect(updated.body.connection).toMatchObject({ name: 'Toys', syncStatus: '1', isInternal: '0', service: 'fooCommerce' });
		expect((await env.ac.api('PUT', '/connections/1', { connection: { status: 7 } })).status).toBe(422);
		expect(await env.ac.api('DELETE', '/connections/1')).toMatchObject({ status: 200, body: {} });
		expect(await env.ac.api('GET', '/connections/1')).toMatchObject({ status: 404, body: { message: 'No Result found for Connection with id 1' } });
		expect((await state()).connections).toEqual([]);
	});

	it("an ActiveCampaign integration's connection can be read but not changed", async () => {
		await env.ac.admin('POST', '/seed', { connections: [{ name: 'Shopify', isInternal: true }] });
		expect((await env.ac.api<{ connection: Body }>('GET', '/connections/1')).body.connection).toMatchObject({ isInternal: 1 });
		expect((await env.ac.api('PUT', '/connections/1', { connection: { name: 'Mine' } })).status).toBe(403);
		expect((await env.ac.api('DELETE', '/connections/1')).status).toBe(403);
	});
});

describe('§9.5 e-commerce customers', () => {
	beforeEach(() => env.ac.api('POST', '/connections', { connection: CONNECTION }));

	it('create answers 201 with the written keys; get adds acceptsMarketing and aggregates; filters work', async () => {
		const created = await env.ac.api<{ ecomCustomer: Body }>('POST', '/ecomCustomers', {
			ecomCustomer: { connectionid: '1', externalid: '56789', email: 'alice@example.com', acceptsMarketing: '1' },
		});
		expect(created.status).toBe(201);
		expect(Object.keys(created.body.ecomCustomer).sort()).toEqual(['connection', 'connectionid', 'email', 'externalid', 'id', 'links']);
		const got = await env.ac.api<{ ecomCustomer: Body }>('GET', '/ecomCustomers/1');
		expect(got.body.ecomCustomer).toMatchObject({ acceptsMarketing: '1', totalRevenue: '0', totalOrders: '0', connection: '1' });
		await env.ac.api('POST', '/ecomCustomers', { ecomCustomer: { connectionid: 1, externalid: 'x2', email: 'bob@example.com' } });
		const byEmail = await env.ac.api<{ ecomCustomers: Body[]; meta: Body }>('GET', '/ecomCustomers?filters[email]=BOB@example.com&filters[connectionid]=1');
		expect(byEmail.body.ecomCustomers.map((c) => c.externalid)).toEqual(['x2']);
		expect(byEmail.body.meta).toEqual({ total: '1' });
	});

	it('validation: missing fields, unknown connection, bad email, bad acceptsMarketing, duplicate externalid', async () => {
		const codes = async (ecomCustomer: Body) => {
			const res = await env.ac.api<{ errors: Array<{ code: string; source: { pointer: string } }> }>('POST', '/ecomCustomers', { ecomCustomer });
			expect(res.status).toBe(422);
			return res.body.errors.map((e) => `${e.code} ${e.source.pointer.split('/').pop()}`);
		};
		expect(await codes({})).toEqual(['field_missing connectionid', 'field_missing externalid', 'field_missing email']);
		expect(await codes({ connectionid: 9, externalid: 'a', email: 'a@example.com' })).toEqual(['related_missing connectionid']);
		expect(await codes({ connectionid: 1, externalid: 'a', email: 'nope', acceptsMarketing: 'yes' })).toEqual(['field_invalid email', 'field_invalid acceptsMarketing']);
		await env.ac.api('POST', '/ecomCustomers', { ecomCustomer: { connectionid: 1, externalid: 'a', email: 'a@example.com' } });
		expect(await codes({ connectionid: 1, externalid: 'a', email: 'b@example.com' })).toEqual(['duplicate externalid']);
	});

	it('update and delete; a missing customer is 404 EcomCustomer', async () => {
		await env.ac.api('POST', '/ecomCustomers', { ecomCustomer: { connectionid: 1, externalid: 'a', email: 'a@example.com' } });
		const updated = await env.ac.api<{ ecomCustomer: Body }>('PUT', '/ecomCustomers/1', { ecomCustomer: { email: 'new@example.com', acceptsMarketing: '1' } });
		expect(updated.body.ecomCustomer).toMatchObject({ email: 'new@example.com', acceptsMarketing: '1', externalid: 'a' });
		expect((await state()).ecomCustomers).toEqual([{ id: '1', connectionid: '1', externalid: 'a', email: 'new@example.com', acceptsMarketing: '1' }]);
		expect((await env.ac.api('DELETE', '/ecomCustomers/1')).status).toBe(200);
		expect(await env.ac.api('GET', '/ecomCustomers/1')).toMatchObject({ status: 404, body: { message: 'No Result found for EcomCustomer with id 1' } });
	});
});

describe('§9.6 e-commerce orders and abandoned carts', () => {
	beforeEach(shop);

	it('create answers 201 with the side-loads; inline products become order products whose ids the order lists', async () => {
		const created = await env.ac.api<Body>('POST', '/ecomOrders', order());
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({
			connections: [expect.objectContaining({ id: '1' })],
			ecomOrderProducts: [expect.objectContaining({ externalid: 'PROD12345', price: '4900' }), expect.objectContaining({ externalid: 'PROD2', quantity: '2' })],
			ecomOrderDiscounts: [expect.objectContaining({ name: '1OFF', discountAmount: '100' })],
			ecomOrder: expect.objectContaining({ state: 1, totalPrice: 9111, orderProducts: ['1', '2'], orderDiscounts: ['1'], customer: '1', id: '1' }),
		});
		// A read gives numbers as strings and the currency lower-cased.
		const got = await env.ac.api<{ ecomOrder: Body }>('GET', '/ecomOrders/1');
		expect(got.body.ecomOrder).toMatchObject({ totalPrice: '9111', state: '1', currency: 'usd', abandonedDate: null, externalcheckoutid: null });
		expect((await state()).ecomOrders).toEqual([
			expect.objectContaining({ externalid: '3246315233', state: 1, source: 1, totalPrice: 9111, products: [expect.objectContaining({ price: 4900 }), expect.objectContaining({ quantity: 2 })] }),
		]);
		// The customer's aggregates follow its completed orders.
		expect((await env.ac.api<{ ecomCustomer: Body }>('GET', '/ecomCustomers/1')).body.ecomCustomer).toMatchObject({ totalRevenue: '9111', totalOrders: '1', totalProducts: '3' });
	});

	it('validation names each field: required ones, money in whole cents, products, source, currency, related records', async () => {
		const pointers = async (body: Body) => {
			const res = await env.ac.api<{ errors: Array<{ code: string; source: { pointer: string } }> }>('POST', '/ecomOrders', body);
			expect(res.status).toBe(422);
			return res.body.errors.map((e) => `${e.code} ${e.source.pointer.replace('/data/attributes/', '')}`);
		};
		expect(await pointers({ ecomOrder: {} })).toEqual([
			'field_missing email',
			'field_missing totalPrice',
			'field_missing currency',
			'field_missing connectionid',
			'field_missing customerid',
			'field_missing externalCreatedDate',
			'field_missing source',
			'field_missing externalid',
		]);
		expect(
			await pointers(order({ totalPrice: 12.5, currency: 'dollars', source: 3, customerid: 9, orderProducts: [{ externalid: 'P', name: 'X', price: '1.5', quantity: 0 }] })),
		).toEqual([
			'related_missing customerid',
			'field_invalid totalPrice',
			'field_invalid currency',
			'field_invalid source',
			'field_invalid orderProducts[0].price',
			'field_invalid orderProducts[0].quantity',
		]);
	});

	it('a second order with the same externalid on the connection is 422 duplicate', async () => {
		await env.ac.api('POST', '/ecomOrders', order());
		const again = await env.ac.api('POST', '/ecomOrders', order());
		expect(again.status).toBe(422);
		expect(again.body).toEqual({ errors: [expect.objectContaining({ code: 'duplicate', source: { pointer: '/data/attributes/externalid' } })] });
	});

	it('an update with orderProducts replaces them; other fields stay; DELETE removes the order and its products', async () => {
		await env.ac.api('POST', '/ecomOrders', order());
		const updated = await env.ac.api<{ ecomOrder: Body; ecomOrderProducts: Body[] }>('PUT', '/ecomOrders/1', { ecomOrder: { orderProducts: [product('NEW', 700, 3)], shippingMethod: 'UPS' } });
		expect(updated.status).toBe(200);
		expect(updated.body.ecomOrder).toMatchObject({ orderProducts: ['3'], shippingMethod: 'UPS', totalPrice: 9111 });
		expect(updated.body.ecomOrderProducts).toEqual([expect.objectContaining({ id: '3', orderid: '1', connectionid: '1', price: '700', quantity: '3' })]);
		expect((await env.ac.api('GET', '/ecomOrderProducts/1')).status).toBe(404);
		expect((await env.ac.api('DELETE', '/ecomOrders/1')).status).toBe(200);
		expect(await env.ac.api('GET', '/ecomOrderProducts/3')).toMatchObject({ status: 404, body: { message: 'No Result found for EcomOrderProduct with id 3' } });
		expect(await env.ac.api('GET', '/ecomOrders/1')).toMatchObject({ status: 404, body: { message: 'No Result found for EcomOrder with id 1' } });
	});

	it('an abandoned cart (checkout id, abandoned_date or abandonedDate) is state 2 and recovers (3) when it gets an externalid', async () => {
		const cart = order({ externalid: undefined, externalcheckoutid: 'cart-1', abandoned_date: '2026-11-27T10:00:00-05:00' });
		const created = await env.ac.api<{ ecomOrder: Body }>('POST', '/ecomOrders', cart);
		expect(created.body.ecomOrder).toMatchObject({ state: 2, externalid: null, externalcheckoutid: 'cart-1', abandonedDate: '2026-11-27T10:00:00-05:00' });
		const withoutDate = await env.ac.api('POST', '/ecomOrders', order({ externalid: undefined, externalcheckoutid: 'cart-2' }));
		expect(withoutDate.body).toEqual({ errors: [expect.objectContaining({ code: 'field_missing', source: { pointer: '/data/attributes/abandonedDate' } })] });

		const carts = await env.ac.api<{ ecomOrders: Body[] }>('GET', '/ecomOrders?filters[state]=2&filters[externalcheckoutid]=cart-1');
		expect(carts.body.ecomOrders.map((o) => o.id)).toEqual(['1']);
		const recovered = await env.ac.api<{ ecomOrder: Body }>('PUT', '/ecomOrders/1', { ecomOrder: { externalid: 'order-1' } });
		expect(recovered.body.ecomOrder).toMatchObject({ state: 3, externalid: 'order-1', externalcheckoutid: 'cart-1' });
	});

	it('list filters (connectionid > 0, email, customerid, state) and orders[] sorting', async () => {
		await env.ac.api('POST', '/ecomOrders', order({ externalid: 'b', email: 'zed@example.com' }));
		await env.ac.api('POST', '/ecomOrders', order({ externalid: 'a' }));
		const list = await env.ac.api<{ ecomOrders: Body[]; meta: Body }>('GET', '/ecomOrders?filters[connectionid]=1&orders[externalid]=ASC');
		expect(list.body.ecomOrders.map((o) => o.externalid)).toEqual(['a', 'b']);
		expect(list.body.meta).toEqual({ total: '2' });
		const zed = await env.ac.api<{ ecomOrders: Body[] }>('GET', '/ecomOrders?filters[email]=zed@example.com&filters[customerid]=1&filters[state]=1');
		expect(zed.body.ecomOrders.map((o) => o.externalid)).toEqual(['b']);
		expect((await env.ac.api('GET', '/ecomOrders?filters[connectionid]=0')).status).toBe(422);
	});
});

describe('§9.7 order products (read-only)', () => {
	beforeEach(shop);

	it("an order's products (no meta), every order product (with meta), one by id", async () => {
		await env.ac.api('POST', '/ecomOrders', order());
		const ofOrder = await env.ac.api<Body>('GET', '/ecomOrders/1/orderProducts');
		expect(ofOrder.body).toEqual({ ecomOrderProducts: [expect.objectContaining({ id: '1', ecomOrder: '1' }), expect.objectContaining({ id: '2' })] });
		expect((await env.ac.api<{ meta: Body }>('GET', '/ecomOrderProducts')).body.meta).toEqual({ total: '2' });
		const one = await env.ac.api<{ ecomOrderProduct: Body }>('GET', '/ecomOrderProducts/2');
		expect(one.body.ecomOrderProduct).toMatchObject({ name: 'Product PROD2', price: '1000', quantity: '2', orderid: '1' });
		expect((await env.ac.api('POST', '/ecomOrderProducts', { ecomOrderProduct: {} })).status).toBe(405);
	});
});

describe('§9.12 UNCERTAIN switches', () => {
	beforeEach(shop);

	it('connection create answers 201 when switched', async () => {
		await use({ connectionCreateStatus: 201 });
		expect((await env.ac.api('POST', '/connections', { connection: { ...CONNECTION, externalid: 'other' } })).status).toBe(201);
	});

	it('missing ids and fields answer the declared 400 {} when switched (shared with accounts and deals)', async () => {
		await use({ parityErrors: 'declared400' });
		expect(await env.ac.api('GET', '/ecomOrders/99')).toMatchObject({ status: 400, body: {} });
		expect(await env.ac.api('DELETE', '/connections/99')).toMatchObject({ status: 400, body: {} });
		expect(await env.ac.api('POST', '/ecomCustomers', { ecomCustomer: {} })).toMatchObject({ status: 400, body: {} });
	});

	it('duplicates are stored twice when switched', async () => {
		await use({ ecomDuplicates: 'accept' });
		expect((await env.ac.api('POST', '/ecomOrders', order())).status).toBe(201);
		expect((await env.ac.api('POST', '/ecomOrders', order())).status).toBe(201);
		expect((await env.ac.api('POST', '/ecomCustomers', { ecomCustomer: { connectionid: 1, externalid: '56789', email: 'x@example.com' } })).status).toBe(201);
		expect((await state()).ecomOrders).toHaveLength(2);
	});

	it('a new cart is Pending (0) when switched', async () => {
		await use({ cartInitialState: 0 });
		const created = await env.ac.api<{ ecomOrder: Body }>('POST', '/ecomOrders', order({ externalid: null, externalcheckoutid: 'c', abandonedDate: '2026-11-27T10:00:00Z' }));
		expect(created.body.ecomOrder.state).toBe(0);
	});

	it('products on update are added to the old ones when switched', async () => {
		await use({ orderProductsOnUpdate: 'merge' });
		await env.ac.api('POST', '/ecomOrders', order());
		const updated = await env.ac.api<{ ecomOrder: Body }>('PUT', '/ecomOrders/1', { ecomOrder: { orderProducts: [product('NEW', 700)] } });
		expect(updated.body.ecomOrder.orderProducts).toEqual(['1', '2', '3']);
	});

	it("deleting a connection keeps its customers and orders by default, removes them when switched", async () => {
		await env.ac.api('POST', '/ecomOrders', order());
		await env.ac.api('DELETE', '/connections/1');
		expect(((await state()).ecomOrders as unknown[]).length).toBe(1);
		await env.ac.admin('POST', '/seed', { connections: [{ name: 'Second' }], ecomCustomers: [{ connection: 'Second', externalid: 'z', email: 'z@example.com' }] });
		await env.ac.api('POST', '/ecomOrders', order({ connectionid: '2', customerid: '2' }));
		await use({ connectionDeleteCascade: true });
		await env.ac.api('DELETE', '/connections/2');
		const after = await state();
		expect((after.ecomOrders as Body[]).map((o) => o.connectionid)).toEqual(['1']);
		expect((after.ecomCustomers as Body[]).map((c) => c.connectionid)).toEqual(['1']);
	});
});

it('seed refuses an order whose customer is not on the connection', async () => {
	const res = await env.ac.admin('POST', '/seed', {
		connections: [{ name: 'Shop' }],
		ecomOrders: [{ connection: 'Shop', customer: 'ghost@example.com', externalid: '1', totalPrice: 100 }],
	});
	expect(res).toMatchObject({ status: 400, body: { message: "Unknown customer 'ghost@example.com' on connection 'Shop'" } });
});
