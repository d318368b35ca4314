import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { collectionRows, toIsoDate, toOrderCents, toOrderCurrency, toOrderDiscounts, toOrderProducts } from '../../helpers/ecommerce';
import { requireEmail, requireText } from '../../helpers/input';
import { resolveConnection, resolveCustomerId, type ConnectionInfo } from '../../lookups/ecommerce';
import { activeCampaignRequest } from '../../transport';
import { connectionField } from '../ecommerce.descriptions';
import {
	abandonedDate,
	currency,
	customer,
	discounts,
	externalcheckoutid,
	externalid,
	optionalOrderFields,
	orderDate,
	products,
	source,
	totalPrice,
} from './ecommerceOrder.descriptions';

const forOrders = { displayOptions: { show: { orderType: ['order'] } } };
const forCarts = { displayOptions: { show: { orderType: ['abandonedCart'] } } };

const properties: INodeProperties[] = [
	connectionField(),
	{
		displayName: 'Type',
		name: 'orderType',
		type: 'options',
		options: [
			{ name: 'Order', value: 'order', description: 'A completed purchase, identified by its order ID' },
			{ name: 'Abandoned Cart', value: 'abandonedCart', description: 'A cart left at checkout, identified by its checkout ID; update it with an order ID once bought' },
		],
		default: 'order',
		description: 'Whether this is an order or an abandoned cart',
	},
	{ ...externalid, required: true, ...forOrders },
	{ ...externalcheckoutid, required: true, ...forCarts },
	{ ...abandonedDate, ...forCarts },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: "The buyer's email" },
	{ ...totalPrice, required: true },
	{ ...currency, required: true },
	source,
	orderDate,
	customer,
	products('The products of the order or cart'),
	discounts('Discount codes applied to the order'),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...optionalOrderFields,
			{
				...externalcheckoutid,
				description: 'The ID of the cart this order completes, when the store sent it as an abandoned cart before',
				// Inside a collection, a leading slash points at the node's own parameters.
				displayOptions: { show: { '/orderType': ['order'] } },
			},
		].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];

export const description = updateDisplayOptions({ show: { resource: ['ecommerceOrder'], operation: ['create'] } }, properties);

/** The optional amounts, texts and dates of an order (Additional Fields on Create, Update Fields on Update). */
export function readOptionalOrderFields(this: IExecuteFunctions, itemIndex: number, values: IDataObject): IDataObject {
	const node = this.getNode();
	const order: IDataObject = {};
	for (const { name, displayName, type } of optionalOrderFields) {
		const value = values[name];
		if (value === undefined) continue;
		if (type === 'dateTime') {
			const date = toIsoDate(node, itemIndex, value, displayName);
			if (date) order[name] = date;
		} else if (name.endsWith('Amount')) {
			order[name] = toOrderCents(node, itemIndex, value, displayName);
		} else {
			order[name] = String(value).trim();
		}
	}
	return order;
}

/** The order's Products and Discounts rows; an empty list is left out (on Update: the order keeps what it has). */
export function readOrderLines(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const lines: IDataObject = {};
	const productRows = toOrderProducts(this.getNode(), itemIndex, collectionRows(this.getNodeParameter('products', itemIndex, {}), 'product'));
	if (productRows.length > 0) lines.orderProducts = productRows;
	const discountRows = toOrderDiscounts(this.getNode(), itemIndex, collectionRows(this.getNodeParameter('discounts', itemIndex, {}), 'discount'));
	if (discountRows.length > 0) lines.orderDiscounts = discountRows;
	return lines;
}

/** The customer id from a Customer value (id or email; empty = the order's email) on `connection`. */
export async function orderCustomerId(
	this: IExecuteFunctions,
	cache: ExecutionCache,
	value: unknown,
	orderEmail: string,
	connection: ConnectionInfo,
	itemIndex: number,
): Promise<string> {
	const ref = String(value ?? '').trim();
	if (/^\d+$/.test(ref)) return ref;
	const email = ref === '' ? orderEmail : requireEmail(this, itemIndex, ref, 'Customer');
	return await resolveCustomerId(cache, email, connection, itemIndex);
}

/** What an order write answers: the order, its connection's name and the order products just written. */
export const orderOutput = (response: IDataObject, connectionName?: string): IDataObject => ({
	...(response.ecomOrder as IDataObject),
	...(connectionName ? { connectionName } : {}),
	products: (response.ecomOrderProducts as IDataObject[] | undefined) ?? [],
});

/**
 * Creates an order, or an abandoned cart (checkout ID and abandoned date, no order ID), with its products inline;
 * the connection by name or id and the customer by id or email. Amounts go in cents.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const node = this.getNode();
	const param = (name: string, fallback?: unknown) => this.getNodeParameter(name, itemIndex, fallback);
	const email = requireEmail(this, itemIndex, param('email'), 'Email');
	const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
	const ecomOrder: IDataObject = {
		email,
		totalPrice: toOrderCents(node, itemIndex, param('totalPrice'), 'Total Price'),
		currency: toOrderCurrency(node, itemIndex, param('currency')),
		source: Number(param('source', '1')),
		externalCreatedDate: toIsoDate(node, itemIndex, param('orderDate', ''), 'Order Date') ?? now,
	};
	const extra = param('additionalFields', {}) as IDataObject;
	if (param('orderType', 'order') === 'order') {
		ecomOrder.externalid = requireText(this, itemIndex, param('externalid'), 'External Order ID');
		if (extra.externalcheckoutid) ecomOrder.externalcheckoutid = String(extra.externalcheckoutid).trim();
	} else {
		ecomOrder.externalcheckoutid = requireText(this, itemIndex, param('externalcheckoutid'), 'External Checkout ID');
		// UNCERTAIN: the cart guide spells it abandoned_date; the API schema (and n8n's node) abandonedDate, sent here.
		ecomOrder.abandonedDate = toIsoDate(node, itemIndex, param('abandonedDate', ''), 'Abandoned At') ?? now;
	}
	delete extra.externalcheckoutid;
	Object.assign(ecomOrder, readOptionalOrderFields.call(this, itemIndex, extra), readOrderLines.call(this, itemIndex));

	const connection = await resolveConnection(cache, String(param('connection')), itemIndex);
	ecomOrder.connectionid = connection.id;
	ecomOrder.customerid = await orderCustomerId.call(this, cache, param('customer', ''), email, connection, itemIndex);
	const what = ecomOrder.externalid ? `creating order ${String(ecomOrder.externalid)}` : `creating cart ${String(ecomOrder.externalcheckoutid)}`;
	const response = await activeCampaignRequest.call(this, { method: 'POST', path: '/ecomOrders', body: { ecomOrder }, what });
	return orderOutput(response, connection.name);
}
