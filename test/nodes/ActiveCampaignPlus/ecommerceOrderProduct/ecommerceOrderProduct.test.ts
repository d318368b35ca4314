import { SHOP } from '../ecommerceSupport';
import { acSandbox } from '../support';

const ac = acSandbox();

describe('E-commerce Order Product', () => {
	beforeEach(() =>
		ac.seed({
			...SHOP,
			ecomOrders: [
				{ connection: 'Toy Store', customer: 'c-1', externalid: 'o-1', totalPrice: 6750, products: [{ externalid: 'P-1', name: 'Pogo Stick', price: 4900, category: 'Toys' }, { externalid: 'P-2', name: 'Kite', price: 925, quantity: 2 }] },
				{ connection: 'Toy Store', customer: 'c-1', externalid: 'o-2', totalPrice: 100, products: [{ externalid: 'P-3', name: 'Marble', price: 100 }] },
			],
		}),
	);

	it("gets an order's products as one item each (simplified), or every order's", async () => {
		const ofOrder = await ac.run({ resource: 'ecommerceOrderProduct', operation: 'getMany', orderId: '1', returnAll: true });
		const all = await ac.run({ resource: 'ecommerceOrderProduct', operation: 'getMany', orderId: '', returnAll: false, limit: 2, simple: false });

		expect(ofOrder.outputs[0].map((o) => o.json)).toEqual([
			{ id: '1', orderid: '1', externalid: 'P-1', sku: '', name: 'Pogo Stick', category: 'Toys', price: '4900', quantity: '1', imageUrl: '', productUrl: '' },
			{ id: '2', orderid: '1', externalid: 'P-2', sku: '', name: 'Kite', category: '', price: '925', quantity: '2', imageUrl: '', productUrl: '' },
		]);
		expect(all.outputs[0].map((o) => [o.json.id, o.json.ecomOrder])).toEqual([
			['1', '1'],
			['2', '1'],
		]);
		expect(all.outputs[0][0].json).toHaveProperty('links');
	});

	it('gets one by ID; an unknown order or product names the field', async () => {
		const one = await ac.run({ resource: 'ecommerceOrderProduct', operation: 'get', productId: '3' });
		const noProduct = await ac.run({ resource: 'ecommerceOrderProduct', operation: 'get', productId: '30' });
		const noOrder = await ac.run({ resource: 'ecommerceOrderProduct', operation: 'getMany', orderId: '9', returnAll: true });

		expect(one.outputs[0][0].json).toMatchObject({ id: '3', orderid: '2', name: 'Marble', price: '100' });
		expect(noProduct.error?.message).toBe('Order Product ID: no order product with ID 30 exists in ActiveCampaign [item 0]');
		expect(noOrder.error?.message).toBe('Order ID: no order with ID 9 exists in ActiveCampaign [item 0]');
	});
});
