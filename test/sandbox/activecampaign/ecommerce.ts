import type { Ctx } from './context';
import { idOf, isObject, iso, sameText, text } from './util';

/**
 * Deep Data connections, e-commerce customers, orders (and abandoned carts) and their order products (§9.4–9.7):
 * records, the UNCERTAIN switches, views, seed and state. Routes are in routes/ecommerce.ts.
 */

export interface Connection {
	id: number;
	service: string;
	externalid: string;
	name: string;
	logoUrl: string;
	linkUrl: string;
	listId: string;
	/** ActiveCampaign's own integrations: readable, not modifiable (§9.4). */
	isInternal: boolean;
	/** 0 error, 1 connected. */
	status: number;
	/** 0 sync stopped, 1 sync running. */
	syncStatus: number;
	cdate: number;
	udate: number;
}

export interface EcomCustomer {
	id: number;
	connectionid: number;
	externalid: string;
	email: string;
	acceptsMarketing: string;
	cdate: number;
	udate: number;
}

/** state: 0 Pending, 1 Completed, 2 Abandoned, 3 Recovered, 4 Waiting; money in cents. */
export interface EcomOrder {
	id: number;
	connectionid: number;
	customerid: number;
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
	orderUrl: string;
	orderNumber: string;
	shippingMethod: string;
	externalCreatedDate: string;
	externalUpdatedDate: string | null;
	abandonedDate: string | null;
	cdate: number;
	udate: number;
}

export interface EcomOrderProduct {
	id: number;
	orderid: number;
	connectionid: number;
	externalid: string;
	name: string;
	price: number;
	quantity: number;
	category: string;
	sku: string;
	description: string;
	imageUrl: string;
	productUrl: string;
	cdate: number;
}

export interface EcomOrderDiscount {
	id: number;
	orderid: number;
	name: string;
	type: string;
	discountAmount: number;
	cdate: number;
}

/** The reference's UNCERTAIN points of §9 for these resources (§9.12); defaults are the likely behaviour. */
export interface EcomQuirks {
	/** §9.4: `POST /connections` answers 200 (the spec) or 201 (like most v3 creates). */
	connectionCreateStatus: 200 | 201;
	/** §9.12 #5: a second connection (service + externalid), customer or order (externalid) on a connection: 422 duplicate, or stored twice. */
	ecomDuplicates: 'reject' | 'accept';
	/** §9.6: state of a new abandoned cart: 2 (Abandoned) or 0 (Pending). */
	cartInitialState: 2 | 0;
	/** §9.6: `orderProducts` on an order update replaces the order's products, or adds to them. */
	orderProductsOnUpdate: 'replace' | 'merge';
	/** §9.4: whether deleting a connection also deletes its customers and orders. */
	connectionDeleteCascade: boolean;
}

export const defaultEcomQuirks = (): EcomQuirks => ({
	connectionCreateStatus: 200,
	ecomDuplicates: 'reject',
	cartInitialState: 2,
	orderProductsOnUpdate: 'replace',
	connectionDeleteCascade: false,
});

// --- views: how each record looks on the wire -------------------------------------------------------------------

const api = (ctx: Ctx, path: string) => `${ctx.url}/api/3/${path}`;

/** `isInternal` is a number on create and get, a string on list and update (§9.4). */
export function connectionView(ctx: Ctx, c: Connection, internalAsText: boolean) {
	return {
		isInternal: internalAsText ? (c.isInternal ? '1' : '0') : c.isInternal ? 1 : 0,
		service: c.service,
		externalid: c.externalid,
		name: c.name,
		status: String(c.status),
		syncStatus: String(c.syncStatus),
		lastSync: null,
		logoUrl: c.logoUrl,
		linkUrl: c.linkUrl,
		listId: c.listId,
		cdate: iso(c.cdate),
		udate: iso(c.udate),
		links: { customers: api(ctx, `connections/${c.id}/customers`) },
		id: String(c.id),
	};
}

/** The aggregates ActiveCampaign keeps on a customer, computed from its completed or recovered orders. */
function aggregates(ctx: Ctx, customer: EcomCustomer) {
	const orders = ctx.store.ecomOrders.where((o) => o.customerid === customer.id && (o.state === 1 || o.state === 3));
	const revenue = orders.reduce((sum, o) => sum + o.totalPrice, 0);
	const products = ctx.store.ecomOrderProducts.where((p) => orders.some((o) => o.id === p.orderid));
	return {
		totalRevenue: String(revenue),
		totalOrders: String(orders.length),
		totalProducts: String(products.reduce((sum, p) => sum + p.quantity, 0)),
		avgRevenuePerOrder: String(orders.length ? Math.round(revenue / orders.length) : 0),
		avgProductCategory: products[0]?.category ?? '',
	};
}

/** The create answer has only the written keys (§9.5); get and list add `acceptsMarketing` and the aggregates. */
export function customerView(ctx: Ctx, c: EcomCustomer, full: boolean) {
	return {
		connectionid: String(c.connectionid),
		externalid: c.externalid,
		email: c.email,
		...(full ? { acceptsMarketing: c.acceptsMarketing, ...aggregates(ctx, c), tstamp: iso(c.udate) } : {}),
		links: { connection: api(ctx, `ecomCustomers/${c.id}/connection`), orders: api(ctx, `ecomCustomers/${c.id}/orders`) },
		id: String(c.id),
		connection: c.connectionid === 0 ? null : String(c.connectionid),
	};
}

export const productsOf = (ctx: Ctx, order: number): EcomOrderProduct[] => ctx.store.ecomOrderProducts.where((p) => p.orderid === order);
const discountsOf = (ctx: Ctx, order: number): EcomOrderDiscount[] => ctx.store.ecomOrderDiscounts.where((d) => d.orderid === order);

/** Numbers echo as numbers on create and update, come back as strings on get and list (§9.6). */
export function orderView(ctx: Ctx, o: EcomOrder, numbersAsText: boolean) {
	const n = (value: number) => (numbersAsText ? String(value) : value);
	return {
		externalid: o.externalid,
		externalcheckoutid: o.externalcheckoutid,
		source: String(o.source),
		email: o.email,
		currency: numbersAsText ? o.currency.toLowerCase() : o.currency,
		connectionid: String(o.connectionid),
		customerid: String(o.customerid),
		orderUrl: o.orderUrl,
		shippingMethod: o.shippingMethod,
		orderNumber: o.orderNumber,
		totalPrice: n(o.totalPrice),
		shippingAmount: n(o.shippingAmount),
		taxAmount: n(o.taxAmount),
		discountAmount: n(o.discountAmount),
		externalCreatedDate: o.externalCreatedDate,
		externalUpdatedDate: o.externalUpdatedDate,
		abandonedDate: o.abandonedDate,
		totalProducts: n(productsOf(ctx, o.id).length),
		createdDate: iso(o.cdate),
		updatedDate: iso(o.udate),
		state: n(o.state),
		connection: String(o.connectionid),
		orderProducts: productsOf(ctx, o.id).map((p) => String(p.id)),
		orderDiscounts: discountsOf(ctx, o.id).map((d) => String(d.id)),
		customer: String(o.customerid),
		orderDate: o.externalCreatedDate,
		tstamp: iso(o.udate),
		links: Object.fromEntries(
			['connection', 'customer', 'orderProducts', 'orderDiscounts', 'orderActivities'].map((k) => [k, api(ctx, `ecomOrders/${o.id}/${k}`)]),
		),
		id: String(o.id),
	};
}

export function orderProductView(ctx: Ctx, p: EcomOrderProduct) {
	return {
		orderid: String(p.orderid),
		connectionid: String(p.connectionid),
		externalid: p.externalid,
		sku: p.sku,
		name: p.name,
		description: p.description,
		price: String(p.price),
		quantity: String(p.quantity),
		category: p.category,
		imageUrl: p.imageUrl,
		productUrl: p.productUrl,
		createdDate: iso(p.cdate),
		updatedDate: iso(p.cdate),
		tstamp: iso(p.cdate),
		links: { ecomOrder: api(ctx, `ecomOrderProducts/${p.id}/ecomOrder`) },
		id: String(p.id),
		ecomOrder: String(p.orderid),
	};
}

export function orderDiscountView(d: EcomOrderDiscount) {
	return { name: d.name, type: d.type, orderid: String(d.orderid), discountAmount: String(d.discountAmount), id: String(d.id), ecomOrder: String(d.orderid) };
}

// --- deletes with their cascades ---------------------------------------------------------------------------------

export function deleteOrder(ctx: Ctx, id: number): void {
	ctx.store.ecomOrders.delete(id);
	ctx.store.ecomOrderProducts.deleteWhere((p) => p.orderid === id);
	ctx.store.ecomOrderDiscounts.deleteWhere((d) => d.orderid === id);
}

export function deleteConnection(ctx: Ctx, id: number): void {
	ctx.store.connections.delete(id);
	if (!ctx.quirks.connectionDeleteCascade) return;
	for (const order of ctx.store.ecomOrders.where((o) => o.connectionid === id)) deleteOrder(ctx, order.id);
	ctx.store.ecomCustomers.deleteWhere((c) => c.connectionid === id);
}

// --- seed and state ----------------------------------------------------------------------------------------------

export interface SeedConnection {
	name: string;
	service?: string;
	externalid?: string;
	logoUrl?: string;
	linkUrl?: string;
	listId?: string;
	isInternal?: boolean;
}

export interface SeedEcomCustomer {
	/** Connection name or id. */
	connection: string | number;
	externalid: string;
	email: string;
	acceptsMarketing?: boolean;
}

export interface SeedEcomOrder {
	connection: string | number;
	/** The customer's externalid or email on that connection. */
	customer: string;
	externalid?: string;
	externalcheckoutid?: string;
	email?: string;
	/** Cents. */
	totalPrice: number;
	currency?: string;
	source?: 0 | 1;
	abandonedDate?: string;
	products?: Array<{ externalid: string; name: string; price: number; quantity?: number; category?: string; sku?: string }>;
}

export interface EcomSeedInput {
	connections?: SeedConnection[];
	ecomCustomers?: SeedEcomCustomer[];
	ecomOrders?: SeedEcomOrder[];
}

/** Ids of what was seeded: connections by name, customers by externalid, orders by externalid (or checkout id). */
export interface EcomSeedIds {
	connections?: Record<string, string>;
	ecomCustomers?: Record<string, string>;
	ecomOrders?: Record<string, string>;
}

export const findConnection = (ctx: Ctx, ref: unknown): Connection | undefined => {
	const id = idOf(ref);
	return ctx.store.connections.find((c) => c.id === id) ?? ctx.store.connections.find((c) => sameText(c.name, text(ref) ?? ''));
};

/** Seeds connections, customers and orders by name; `fail` reports a reference it cannot resolve. */
export function applyEcomSeed(ctx: Ctx, input: EcomSeedInput, now: number, fail: (message: string) => never): EcomSeedIds {
	const store = ctx.store;
	const ids: Required<EcomSeedIds> = { connections: {}, ecomCustomers: {}, ecomOrders: {} };
	for (const spec of input.connections ?? []) {
		if (!isObject(spec) || typeof spec.name !== 'string') fail("Every entry of 'connections' needs a name");
		const slug = spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
		const service = spec.service ?? 'sandboxShop';
		// Reused by name and service, so a seed can make two connections that share a name.
		const connection =
			store.connections.find((c) => sameText(c.name, spec.name) && c.service === service) ??
			store.connections.insert({
				service,
				externalid: spec.externalid ?? slug,
				name: spec.name,
				logoUrl: spec.logoUrl ?? `https://${slug}.example/logo.png`,
				linkUrl: spec.linkUrl ?? `https://${slug}.example/`,
				listId: spec.listId ?? '0',
				isInternal: spec.isInternal ?? false,
				status: 1,
				syncStatus: 0,
				cdate: now,
				udate: now,
			});
		ids.connections[connection.name] = String(connection.id);
	}
	const connectionOf = (ref: unknown) => findConnection(ctx, ref) ?? fail(`Unknown connection '${String(ref)}'`);
	for (const spec of input.ecomCustomers ?? []) {
		const connection = connectionOf(spec.connection);
		const customer = store.ecomCustomers.insert({
			connectionid: connection.id,
			externalid: spec.externalid,
			email: spec.email,
			acceptsMarketing: spec.acceptsMarketing ? '1' : '0',
			cdate: now,
			udate: now,
		});
		ids.ecomCustomers[spec.externalid] = String(customer.id);
	}
	for (const spec of input.ecomOrders ?? []) {
		const connection = connectionOf(spec.connection);
		const customer =
			store.ecomCustomers.find((c) => c.connectionid === connection.id && (c.externalid === spec.customer || sameText(c.email, spec.customer))) ??
			fail(`Unknown customer '${spec.customer}' on connection '${connection.name}'`);
		const cart = !spec.externalid;
		const order = store.ecomOrders.insert({
			connectionid: connection.id,
			customerid: customer.id,
			externalid: spec.externalid ?? null,
			externalcheckoutid: spec.externalcheckoutid ?? null,
			source: spec.source ?? 1,
			state: cart ? ctx.quirks.cartInitialState : 1,
			email: spec.email ?? customer.email,
			totalPrice: spec.totalPrice,
			shippingAmount: 0,
			taxAmount: 0,
			discountAmount: 0,
			currency: spec.currency ?? 'USD',
			orderUrl: '',
			orderNumber: '',
			shippingMethod: '',
			externalCreatedDate: iso(now),
			externalUpdatedDate: null,
			abandonedDate: cart ? (spec.abandonedDate ?? iso(now - 3_600_000)) : null,
			cdate: now,
			udate: now,
		});
		for (const p of spec.products ?? []) {
			store.ecomOrderProducts.insert({
				orderid: order.id,
				connectionid: connection.id,
				externalid: p.externalid,
				name: p.name,
				price: p.price,
				quantity: p.quantity ?? 1,
				category: p.category ?? '',
				sku: p.sku ?? '',
				description: '',
				imageUrl: '',
				productUrl: '',
				cdate: now,
			});
		}
		ids.ecomOrders[spec.externalid ?? spec.externalcheckoutid ?? String(order.id)] = String(order.id);
	}
	return ids;
}

/** What `GET /__sandbox/state` shows of these resources: orders with their products and discounts inline. */
export function ecommerceState(ctx: Ctx) {
	const store = ctx.store;
	return {
		connections: store.connections.all().map((c) => ({
			id: String(c.id),
			service: c.service,
			externalid: c.externalid,
			name: c.name,
			logoUrl: c.logoUrl,
			linkUrl: c.linkUrl,
			listId: c.listId,
			isInternal: c.isInternal,
			status: c.status,
			syncStatus: c.syncStatus,
		})),
		ecomCustomers: store.ecomCustomers.all().map((c) => ({
			id: String(c.id),
			connectionid: String(c.connectionid),
			externalid: c.externalid,
			email: c.email,
			acceptsMarketing: c.acceptsMarketing,
		})),
		ecomOrders: store.ecomOrders.all().map((o) => ({
			id: String(o.id),
			connectionid: String(o.connectionid),
			customerid: String(o.customerid),
			externalid: o.externalid,
			externalcheckoutid: o.externalcheckoutid,
			source: o.source,
			state: o.state,
			email: o.email,
			totalPrice: o.totalPrice,
			shippingAmount: o.shippingAmount,
			taxAmount: o.taxAmount,
			discountAmount: o.discountAmount,
			currency: o.currency,
			orderNumber: o.orderNumber,
			orderUrl: o.orderUrl,
			shippingMethod: o.shippingMethod,
			externalCreatedDate: o.externalCreatedDate,
			abandonedDate: o.abandonedDate,
			products: productsOf(ctx, o.id).map((p) => ({
				id: String(p.id),
				externalid: p.externalid,
				name: p.name,
				price: p.price,
				quantity: p.quantity,
				category: p.category,
				sku: p.sku,
			})),
			discounts: discountsOf(ctx, o.id).map((d) => ({ name: d.name, type: d.type, discountAmount: d.discountAmount })),
		})),
	};
}
