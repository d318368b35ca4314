import type { acSandbox } from './support';

/** The Deep Data part of the sandbox state (`GET /__sandbox/state`), as the e-commerce tests read it. */
export interface EcomState {
	connections: Array<{ id: string; service: string; externalid: string; name: string; logoUrl: string; linkUrl: string; listId: string; status: number; syncStatus: number }>;
	ecomCustomers: Array<{ id: string; connectionid: string; externalid: string; email: string; acceptsMarketing: string }>;
	ecomOrders: Array<{
		id: string;
		connectionid: string;
		customerid: string;
		externalid: string | null;
		externalcheckoutid: string | null;
		source: number;
		state: number;
		email: string;
		totalPrice: number;
		shippingAmount: number;
		taxAmount: number;
		discountAmount: number;
		currency: string;
		orderNumber: string;
		externalCreatedDate: string;
		abandonedDate: string | null;
		products: Array<{ id: string; externalid: string; name: string; price: number; quantity: number; category: string; sku: string }>;
		discounts: Array<{ name: string; type: string; discountAmount: number }>;
	}>;
}

export async function ecomState(ac: ReturnType<typeof acSandbox>): Promise<EcomState> {
	return (await ac.env.ac.admin<EcomState>('GET', '/state')).body;
}

/** A store connection "Toy Store" (id 1) with ada as its customer (id 1, store ID c-1). */
export const SHOP = {
	connections: [{ name: 'Toy Store', service: 'toyShop', externalid: 'toys-1' }],
	ecomCustomers: [{ connection: 'Toy Store', externalid: 'c-1', email: 'ada@example.com' }],
};
