import type { SandboxRequest, SandboxResponse } from '../../server';
import type { Ctx } from '../context';
import {
	connectionView,
	customerView,
	deleteConnection,
	deleteOrder,
	type EcomOrder,
	type EcomOrderDiscount,
	type EcomOrderProduct,
	orderDiscountView,
	orderProductView,
	orderView,
	productsOf,
} from '../ecommerce';
import { type Api, envelope, missingRecord, notFound, ok, order, page, refused, textFilter, type ValidationError } from '../http';
import { idOf, isObject, type Json, parseDate, sameText, text, validEmail } from '../util';

/** Deep Data connections, e-commerce customers, orders with inline products, abandoned carts, order products (§9.4–9.7). */

/** A whole number of cents (or a count), 0 or more, from a number or a digit string. */
function whole(value: unknown): number | undefined {
	const s = text(value)?.trim();
	return s !== undefined && /^\d+$/.test(s) ? Number(s) : undefined;
}

const present = (value: unknown): boolean => value !== undefined && value !== null && String(value).trim() !== '';

export function ecommerceRoutes(api: Api, ctx: Ctx): void {
	const store = () => ctx.store;

	/** §9.0: 404 / 422 in the §4.10 shapes, or the spec's 400 `{}` (switch `parityErrors`, shared with accounts and deals). */
	const missing = (model: string, id: string): SandboxResponse => missingRecord(ctx, model, id);
	const rejected = (errors: ValidationError[]): SandboxResponse => refused(ctx, errors);
	const required = (input: Json, names: string[], errors: ValidationError[]) => {
		for (const name of names) {
			if (!present(input[name])) errors.push({ title: `The ${name} field is required.`, code: 'field_missing', pointer: name });
		}
	};
	const duplicate = (what: string, pointer: string): ValidationError => ({
		title: `A ${what} with this ${pointer} already exists for this connection.`,
		code: 'duplicate',
		pointer,
	});
	const rejectDuplicates = () => ctx.quirks.ecomDuplicates === 'reject';

	// --- connections (§9.4) -------------------------------------------------------------------------------------

	const CONNECTION_TEXT = ['service', 'externalid', 'name', 'logoUrl', 'linkUrl'] as const;

	api.post('/connections', (req) => {
		const input = envelope(req, 'connection');
		const errors: ValidationError[] = [];
		required(input, [...CONNECTION_TEXT], errors);
		const [service, externalid] = [text(input.service) ?? '', text(input.externalid) ?? ''];
		if (
			errors.length === 0 &&
			rejectDuplicates() &&
			store().connections.find((c) => sameText(c.service, service) && sameText(c.externalid, externalid))
		) {
			errors.push({ title: 'A connection for this service and externalid already exists.', code: 'duplicate', pointer: 'externalid' });
		}
		if (errors.length > 0) return rejected(errors);
		const now = Date.now();
		const connection = store().connections.insert({
			service,
			externalid,
			name: text(input.name) ?? '',
			logoUrl: text(input.logoUrl) ?? '',
			linkUrl: text(input.linkUrl) ?? '',
			listId: text(input.listId) ?? '0',
			isInternal: false,
			status: 1,
			syncStatus: 0,
			cdate: now,
			udate: now,
		});
		return ok({ connection: connectionView(ctx, connection, false) }, ctx.quirks.connectionCreateStatus);
	});

	api.get('/connections', (req) => {
		const [service, externalid] = [textFilter(req, 'service', 'eq'), textFilter(req, 'externalid', 'eq')];
		const { items, total } = page(req, store().connections.where((c) => service(c.service) && externalid(c.externalid)));
		return ok({ connections: items.map((c) => connectionView(ctx, c, true)), meta: { total } });
	});

	api.get('/connections/:id', (req) => {
		const connection = store().connections.get(req.params.id);
		return connection ? ok({ connection: connectionView(ctx, connection, false) }) : missing('Connection', req.params.id);
	});

	// UNCERTAIN (§9.4): how a write to an internal connection is refused is not documented; 403 like other permission errors.
	const internal = () => ok({ errors: [{ status: 403, title: 'Forbidden', detail: 'Connections of ActiveCampaign integrations cannot be modified.' }] }, 403);

	api.put('/connections/:id', (req) => {
		const connection = store().connections.get(req.params.id);
		if (!connection) return missing('Connection', req.params.id);
		if (connection.isInternal) return internal();
		const input = envelope(req, 'connection');
		const errors: ValidationError[] = [];
		for (const name of CONNECTION_TEXT) {
			if (input[name] !== undefined && !present(input[name])) errors.push({ title: `The ${name} field cannot be empty.`, code: 'field_invalid', pointer: name });
		}
		for (const name of ['status', 'syncStatus'] as const) {
			if (input[name] !== undefined && ![0, 1].includes(whole(input[name]) ?? -1)) {
				errors.push({ title: `The ${name} must be 0 or 1.`, code: 'field_invalid', pointer: name });
			}
		}
		if (errors.length > 0) return rejected(errors);
		for (const name of CONNECTION_TEXT) if (input[name] !== undefined) connection[name] = text(input[name]) ?? connection[name];
		if (input.listId !== undefined) connection.listId = text(input.listId) ?? connection.listId;
		if (input.status !== undefined) connection.status = whole(input.status) ?? connection.status;
		if (input.syncStatus !== undefined) connection.syncStatus = whole(input.syncStatus) ?? connection.syncStatus;
		connection.udate = Date.now();
		return ok({ connection: connectionView(ctx, connection, true) });
	});

	api.delete('/connections/:id', (req) => {
		const connection = store().connections.get(req.params.id);
		if (!connection) return missing('Connection', req.params.id);
		if (connection.isInternal) return internal();
		deleteConnection(ctx, connection.id);
		return ok({});
	});

	// --- e-commerce customers (§9.5) -----------------------------------------------------------------------------

	/** `acceptsMarketing` as "0"/"1" (numbers and booleans too), undefined when absent, null when invalid. */
	const marketing = (value: unknown): string | undefined | null => {
		if (value === undefined) return undefined;
		if (value === true || value === 1 || value === '1') return '1';
		if (value === false || value === 0 || value === '0') return '0';
		return null;
	};

	api.post('/ecomCustomers', (req) => {
		const input = envelope(req, 'ecomCustomer');
		const errors: ValidationError[] = [];
		required(input, ['connectionid', 'externalid', 'email'], errors);
		const connection = present(input.connectionid) ? store().connections.get(input.connectionid) : undefined;
		if (present(input.connectionid) && !connection) {
			errors.push({ title: 'The connection does not exist.', code: 'related_missing', pointer: 'connectionid' });
		}
		const email = text(input.email) ?? '';
		if (present(input.email) && !validEmail(email)) errors.push({ title: 'The email is not valid.', code: 'field_invalid', pointer: 'email' });
		const accepts = marketing(input.acceptsMarketing);
		if (accepts === null) errors.push({ title: 'acceptsMarketing must be 0 or 1.', code: 'field_invalid', pointer: 'acceptsMarketing' });
		const externalid = text(input.externalid) ?? '';
		if (connection && rejectDuplicates() && store().ecomCustomers.find((c) => c.connectionid === connection.id && c.externalid === externalid)) {
			errors.push(duplicate('customer', 'externalid'));
		}
		if (errors.length > 0 || !connection) return rejected(errors);
		const now = Date.now();
		const customer = store().ecomCustomers.insert({
			connectionid: connection.id,
			externalid,
			email,
			acceptsMarketing: accepts ?? '0',
			cdate: now,
			udate: now,
		});
		return ok({ ecomCustomer: customerView(ctx, customer, false) }, 201);
	});

	api.get('/ecomCustomers', (req) => {
		const [email, externalid] = [textFilter(req, 'email', 'eq'), textFilter(req, 'externalid', 'eq')];
		const connection = req.query.get('filters[connectionid]');
		const rows = store().ecomCustomers.where(
			(c) => email(c.email) && externalid(c.externalid) && (connection === null || String(c.connectionid) === connection.trim()),
		);
		const { items, total } = page(req, rows);
		return ok({ ecomCustomers: items.map((c) => customerView(ctx, c, true)), meta: { total } });
	});

	api.get('/ecomCustomers/:id', (req) => {
		const customer = store().ecomCustomers.get(req.params.id);
		return customer ? ok({ ecomCustomer: customerView(ctx, customer, true) }) : missing('EcomCustomer', req.params.id);
	});

	api.put('/ecomCustomers/:id', (req) => {
		const customer = store().ecomCustomers.get(req.params.id);
		if (!customer) return missing('EcomCustomer', req.params.id);
		const input = envelope(req, 'ecomCustomer');
		const errors: ValidationError[] = [];
		const connection = input.connectionid === undefined ? undefined : store().connections.get(input.connectionid);
		if (input.connectionid !== undefined && !connection) {
			errors.push({ title: 'The connection does not exist.', code: 'related_missing', pointer: 'connectionid' });
		}
		if (input.email !== undefined && !validEmail(text(input.email) ?? '')) {
			errors.push({ title: 'The email is not valid.', code: 'field_invalid', pointer: 'email' });
		}
		if (input.externalid !== undefined && !present(input.externalid)) {
			errors.push({ title: 'The externalid field cannot be empty.', code: 'field_invalid', pointer: 'externalid' });
		}
		const accepts = marketing(input.acceptsMarketing);
		if (accepts === null) errors.push({ title: 'acceptsMarketing must be 0 or 1.', code: 'field_invalid', pointer: 'acceptsMarketing' });
		if (errors.length > 0) return rejected(errors);
		if (connection) customer.connectionid = connection.id;
		if (input.externalid !== undefined) customer.externalid = text(input.externalid) ?? customer.externalid;
		if (input.email !== undefined) customer.email = text(input.email) ?? customer.email;
		if (accepts) customer.acceptsMarketing = accepts;
		customer.udate = Date.now();
		return ok({ ecomCustomer: customerView(ctx, customer, true) });
	});

	api.delete('/ecomCustomers/:id', (req) => {
		const customer = store().ecomCustomers.get(req.params.id);
		if (!customer) return missing('EcomCustomer', req.params.id);
		store().ecomCustomers.delete(customer.id);
		return ok({});
	});

	// --- e-commerce orders and abandoned carts (§9.6) ------------------------------------------------------------

	/** An order line as read from a request, before it belongs to an order. */
	type ProductInput = Omit<EcomOrderProduct, 'id' | 'orderid' | 'connectionid' | 'cdate'>;
	type DiscountInput = Omit<EcomOrderDiscount, 'id' | 'orderid' | 'cdate'>;

	/** The spec draws `orderProducts` as an object but every example sends an array: both are read. */
	const entries = (value: unknown): unknown[] => (Array.isArray(value) ? value : isObject(value) ? Object.values(value) : []);

	const readProducts = (value: unknown, errors: ValidationError[]): ProductInput[] =>
		entries(value).map((raw, i) => {
			const p = isObject(raw) ? raw : {};
			const at = (name: string) => `orderProducts[${i}].${name}`;
			for (const name of ['externalid', 'name']) {
				if (!present(p[name])) errors.push({ title: `Order product ${i + 1}: ${name} is required.`, code: 'field_missing', pointer: at(name) });
			}
			const price = whole(p.price);
			if (price === undefined) errors.push({ title: `Order product ${i + 1}: price must be whole cents, 0 or more.`, code: 'field_invalid', pointer: at('price') });
			const quantity = whole(p.quantity);
			if (quantity === undefined || quantity < 1) {
				errors.push({ title: `Order product ${i + 1}: quantity must be a whole number, 1 or more.`, code: 'field_invalid', pointer: at('quantity') });
			}
			const t = (name: string) => text(p[name]) ?? '';
			return {
				externalid: t('externalid'),
				name: t('name'),
				price: price ?? 0,
				quantity: quantity ?? 1,
				category: t('category'),
				sku: t('sku'),
				description: t('description'),
				imageUrl: t('imageUrl'),
				productUrl: t('productUrl'),
			};
		});

	const readDiscounts = (value: unknown, errors: ValidationError[]): DiscountInput[] =>
		entries(value).map((raw, i) => {
			const d = isObject(raw) ? raw : {};
			const amount = whole(d.discountAmount);
			const type = text(d.type) ?? '';
			if (!present(d.name)) errors.push({ title: `Order discount ${i + 1}: name is required.`, code: 'field_missing', pointer: `orderDiscounts[${i}].name` });
			if (type !== 'order' && type !== 'shipping') {
				errors.push({ title: `Order discount ${i + 1}: type must be order or shipping.`, code: 'field_invalid', pointer: `orderDiscounts[${i}].type` });
			}
			if (amount === undefined) {
				errors.push({ title: `Order discount ${i + 1}: discountAmount must be whole cents.`, code: 'field_invalid', pointer: `orderDiscounts[${i}].discountAmount` });
			}
			return { name: text(d.name) ?? '', type, discountAmount: amount ?? 0 };
		});

	const MONEY = ['totalPrice', 'shippingAmount', 'taxAmount', 'discountAmount'] as const;

	/** The order after applying `input` to `current` (or a new order), its products and discounts, or the errors. */
	function readOrder(input: Json, current?: EcomOrder) {
		const errors: ValidationError[] = [];
		if (!current) required(input, ['email', 'totalPrice', 'currency', 'connectionid', 'customerid', 'externalCreatedDate', 'source'], errors);
		const pick = <T>(name: string, read: (v: unknown) => T | undefined, fallback: T): T => (input[name] === undefined ? fallback : (read(input[name]) ?? fallback));
		const connectionid = pick('connectionid', idOf, current?.connectionid ?? 0);
		if (present(input.connectionid) && !store().connections.get(connectionid)) {
			errors.push({ title: 'The connection does not exist.', code: 'related_missing', pointer: 'connectionid' });
		}
		const customerid = pick('customerid', idOf, current?.customerid ?? 0);
		if (present(input.customerid) && !store().ecomCustomers.get(customerid)) {
			errors.push({ title: 'The customer does not exist.', code: 'related_missing', pointer: 'customerid' });
		}
		const email = pick('email', text, current?.email ?? '');
		if (present(input.email) && !validEmail(email)) errors.push({ title: 'The email is not valid.', code: 'field_invalid', pointer: 'email' });
		const money = Object.fromEntries(
			MONEY.map((name) => {
				const value = whole(input[name]);
				if (present(input[name]) && value === undefined) {
					errors.push({ title: `The ${name} must be whole cents, 0 or more.`, code: 'field_invalid', pointer: name });
				}
				return [name, value ?? current?.[name] ?? 0];
			}),
		) as Record<(typeof MONEY)[number], number>;
		const currency = pick('currency', text, current?.currency ?? '');
		if (present(input.currency) && !/^[A-Za-z]{3}$/.test(currency)) {
			errors.push({ title: 'The currency must be a 3-letter ISO code.', code: 'field_invalid', pointer: 'currency' });
		}
		const source = input.source === undefined ? (current?.source ?? 0) : whole(input.source);
		if (present(input.source) && source !== 0 && source !== 1) {
			errors.push({ title: 'The source must be 0 (historical) or 1 (real-time).', code: 'field_invalid', pointer: 'source' });
		}
		for (const name of ['externalCreatedDate', 'externalUpdatedDate']) {
			if (present(input[name]) && parseDate(text(input[name]) ?? '') === undefined) {
				errors.push({ title: `The ${name} is not a date.`, code: 'field_invalid', pointer: name });
			}
		}
		const externalid = input.externalid === undefined ? (current?.externalid ?? null) : present(input.externalid) ? (text(input.externalid) ?? null) : null;
		const externalcheckoutid =
			input.externalcheckoutid === undefined
				? (current?.externalcheckoutid ?? null)
				: present(input.externalcheckoutid)
					? (text(input.externalcheckoutid) ?? null)
					: null;
		if (externalid === null && externalcheckoutid === null) {
			errors.push({ title: 'Either externalid or externalcheckoutid is required.', code: 'field_missing', pointer: 'externalid' });
		}
		// UNCERTAIN (§9.6): the schema says abandonedDate, the cart guide abandoned_date; both are read.
		const abandonedRaw = input.abandonedDate ?? input.abandoned_date;
		const abandonedDate = present(abandonedRaw) ? (text(abandonedRaw) ?? null) : (current?.abandonedDate ?? null);
		if (present(abandonedRaw) && parseDate(abandonedDate ?? '') === undefined) {
			errors.push({ title: 'The abandonedDate is not a date.', code: 'field_invalid', pointer: 'abandonedDate' });
		}
		if (externalid === null && externalcheckoutid !== null && abandonedDate === null) {
			errors.push({ title: 'An abandoned cart needs an abandonedDate.', code: 'field_missing', pointer: 'abandonedDate' });
		}
		if (
			externalid !== null &&
			externalid !== current?.externalid &&
			rejectDuplicates() &&
			store().ecomOrders.find((o) => o.id !== current?.id && o.connectionid === connectionid && o.externalid === externalid)
		) {
			errors.push(duplicate('order', 'externalid'));
		}
		const products = input.orderProducts === undefined ? undefined : readProducts(input.orderProducts, errors);
		const discounts = input.orderDiscounts === undefined ? undefined : readDiscounts(input.orderDiscounts, errors);
		// A cart is 2 (or 0, switch `cartInitialState`) until it gets an externalid, which recovers it (3).
		const state =
			externalid === null ? (current?.state ?? ctx.quirks.cartInitialState) : !current ? 1 : current.externalid === null ? 3 : current.state;
		const order = {
			connectionid,
			customerid,
			externalid,
			externalcheckoutid,
			source: source ?? 0,
			state,
			email,
			...money,
			currency,
			orderUrl: pick('orderUrl', text, current?.orderUrl ?? ''),
			orderNumber: pick('orderNumber', text, current?.orderNumber ?? ''),
			shippingMethod: pick('shippingMethod', text, current?.shippingMethod ?? ''),
			externalCreatedDate: pick('externalCreatedDate', text, current?.externalCreatedDate ?? ''),
			externalUpdatedDate: pick('externalUpdatedDate', text, current?.externalUpdatedDate ?? '') || null,
			abandonedDate,
		};
		return { errors, order, products, discounts };
	}

	const writeChildren = (order: EcomOrder, products: ProductInput[] | undefined, discounts: DiscountInput[] | undefined, replace: boolean) => {
		const now = Date.now();
		if (products) {
			if (replace) store().ecomOrderProducts.deleteWhere((p) => p.orderid === order.id);
			for (const p of products) store().ecomOrderProducts.insert({ ...p, orderid: order.id, connectionid: order.connectionid, cdate: now });
		}
		if (discounts) {
			store().ecomOrderDiscounts.deleteWhere((d) => d.orderid === order.id);
			for (const d of discounts) store().ecomOrderDiscounts.insert({ ...d, orderid: order.id, cdate: now });
		}
	};
	const sideLoads = (order: EcomOrder) => ({
		ecomOrderProducts: productsOf(ctx, order.id).map((p) => orderProductView(ctx, p)),
		ecomOrderDiscounts: store()
			.ecomOrderDiscounts.where((d) => d.orderid === order.id)
			.map(orderDiscountView),
	});

	api.post('/ecomOrders', (req) => {
		const { errors, order: fields, products, discounts } = readOrder(envelope(req, 'ecomOrder'));
		if (errors.length > 0) return rejected(errors);
		const now = Date.now();
		const order = store().ecomOrders.insert({ ...fields, cdate: now, udate: now });
		writeChildren(order, products, discounts, true);
		const connection = store().connections.get(order.connectionid);
		return ok(
			{ connections: connection ? [connectionView(ctx, connection, true)] : [], ...sideLoads(order), ecomOrder: orderView(ctx, order, false) },
			201,
		);
	});

	api.put('/ecomOrders/:id', (req) => {
		const current = store().ecomOrders.get(req.params.id);
		if (!current) return missing('EcomOrder', req.params.id);
		const { errors, order: fields, products, discounts } = readOrder(envelope(req, 'ecomOrder'), current);
		if (errors.length > 0) return rejected(errors);
		Object.assign(current, fields, { udate: Date.now() });
		// UNCERTAIN (§9.6): the spec's example suggests products sent on update replace the order's products.
		writeChildren(current, products, discounts, ctx.quirks.orderProductsOnUpdate === 'replace');
		return ok({ ...sideLoads(current), ecomOrder: orderView(ctx, current, false) });
	});

	api.get('/ecomOrders', (req) => {
		const q = req.query;
		const filters = ['externalid', 'externalcheckoutid', 'email'].map((name) => textFilter(req, name, 'eq'));
		const number = (name: string) => (q.has(`filters[${name}]`) ? whole(q.get(`filters[${name}]`)) ?? -1 : undefined);
		const connection = number('connectionid');
		if (connection !== undefined && connection <= 0) {
			return rejected([{ title: 'The connectionid filter must be greater than 0.', code: 'field_invalid', pointer: 'connectionid' }]);
		}
		const [state, customer] = [number('state'), number('customerid')];
		const created = q.get('filters[external_created_date]');
		const rows = store().ecomOrders.where(
			(o) =>
				filters[0](o.externalid ?? '') &&
				filters[1](o.externalcheckoutid ?? '') &&
				filters[2](o.email) &&
				(connection === undefined || o.connectionid === connection) &&
				(state === undefined || o.state === state) &&
				(customer === undefined || o.customerid === customer) &&
				(created === null || o.externalCreatedDate.startsWith(created)),
		);
		const sorted = order(
			req,
			rows,
			{
				connectionid: (o) => o.connectionid,
				externalid: (o) => o.externalid ?? '',
				externalcheckoutid: (o) => o.externalcheckoutid ?? '',
				email: (o) => o.email,
				state: (o) => o.state,
				customerid: (o) => o.customerid,
				external_created_date: (o) => o.externalCreatedDate,
			},
			ctx.quirks.strictOrderDirection,
		);
		if (!Array.isArray(sorted)) return sorted;
		const { items, total } = page(req, sorted);
		return ok({ ecomOrders: items.map((o) => orderView(ctx, o, true)), meta: { total } });
	});

	api.get('/ecomOrders/:id', (req) => {
		const found = store().ecomOrders.get(req.params.id);
		return found ? ok({ ecomOrder: orderView(ctx, found, true) }) : missing('EcomOrder', req.params.id);
	});

	api.delete('/ecomOrders/:id', (req) => {
		const found = store().ecomOrders.get(req.params.id);
		if (!found) return missing('EcomOrder', req.params.id);
		deleteOrder(ctx, found.id);
		return ok({});
	});

	// --- order products, read-only (§9.7) ------------------------------------------------------------------------

	/** The order's products; the spec's example has no `meta`, so none is sent. */
	api.get('/ecomOrders/:id/orderProducts', (req) => {
		const found = store().ecomOrders.get(req.params.id);
		if (!found) return missing('EcomOrder', req.params.id);
		return ok({ ecomOrderProducts: page(req, productsOf(ctx, found.id)).items.map((p) => orderProductView(ctx, p)) });
	});

	api.get('/ecomOrderProducts', (req: SandboxRequest) => {
		const { items, total } = page(req, store().ecomOrderProducts.all());
		return ok({ ecomOrderProducts: items.map((p) => orderProductView(ctx, p)), meta: { total } });
	});

	api.get('/ecomOrderProducts/:id', (req) => {
		const product = store().ecomOrderProducts.get(req.params.id);
		// The one documented 404 of the family (§9.7), whatever `parityErrors` says.
		return product ? ok({ ecomOrderProduct: orderProductView(ctx, product) }) : notFound('EcomOrderProduct', req.params.id);
	});
}
