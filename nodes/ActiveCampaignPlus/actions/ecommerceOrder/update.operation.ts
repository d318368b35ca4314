import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import { toIsoDate, toOrderCents, toOrderCurrency, toRecordId } from '../../helpers/ecommerce';
import { requireEmail, requireText } from '../../helpers/input';
import { recordRequest, resolveConnection, type ConnectionInfo } from '../../lookups/ecommerce';
import { connectionField } from '../ecommerce.descriptions';
import { orderCustomerId, orderOutput, readOptionalOrderFields, readOrderLines } from './create.operation';
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
import { orderId } from './get.operation';

/** Every field of an order Update may change, in the alphabetical order n8n lists them. */
const updateFields: INodeProperties[] = [
	abandonedDate,
	connectionField({ required: false, description: 'Move the order to this connection. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' }),
	currency,
	{ ...customer, description: "The e-commerce customer: its ID, or its email on the order's connection" },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: "The buyer's email" },
	externalcheckoutid,
	{ ...externalid, description: "The order's ID in your store. Setting it on an abandoned cart marks the cart recovered." },
	orderDate,
	source,
	totalPrice,
	...optionalOrderFields,
];
updateFields.sort((a, b) => a.displayName.localeCompare(b.displayName));

const properties: INodeProperties[] = [
	orderId,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: updateFields,
	},
	products('When given, these replace all products of the order'),
	discounts('When given, these replace all discounts of the order'),
];

export const description = updateDisplayOptions({ show: { resource: ['ecommerceOrder'], operation: ['update'] } }, properties);

async function orderConnectionId(this: IExecuteFunctions, id: string, itemIndex: number): Promise<string> {
	const current = await recordRequest.call(this, { method: 'GET', path: `/ecomOrders/${id}`, what: `reading order ${id}` }, itemIndex, {
		field: 'Order ID',
		kind: 'order',
		id,
	});
	return String((current.ecomOrder as IDataObject).connectionid);
}

/**
 * Changes an order or cart by id. Products or discounts given replace the order's (UNCERTAIN: the API reference's
 * example shows replace, nothing states it; the sandbox's `orderProductsOnUpdate` switches); an order ID given to an
 * abandoned cart recovers it. https://developers.activecampaign.com/reference/e-commerce-abandoned-carts
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const node = this.getNode();
	const id = toRecordId(node, itemIndex, this.getNodeParameter('orderId', itemIndex), 'Order ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const ecomOrder: IDataObject = readOptionalOrderFields.call(this, itemIndex, fields);
	if (fields.email !== undefined) ecomOrder.email = requireEmail(this, itemIndex, fields.email, 'Email');
	if (fields.totalPrice !== undefined) ecomOrder.totalPrice = toOrderCents(node, itemIndex, fields.totalPrice, 'Total Price');
	if (fields.currency !== undefined) ecomOrder.currency = toOrderCurrency(node, itemIndex, fields.currency);
	if (fields.source !== undefined) ecomOrder.source = Number(fields.source);
	if (fields.externalid !== undefined) ecomOrder.externalid = requireText(this, itemIndex, fields.externalid, 'External Order ID');
	if (fields.externalcheckoutid !== undefined) ecomOrder.externalcheckoutid = requireText(this, itemIndex, fields.externalcheckoutid, 'External Checkout ID');
	for (const [name, label, key] of [
		['orderDate', 'Order Date', 'externalCreatedDate'],
		['abandonedDate', 'Abandoned At', 'abandonedDate'],
	]) {
		const date = toIsoDate(node, itemIndex, fields[name], label);
		if (date) ecomOrder[key] = date;
	}
	Object.assign(ecomOrder, readOrderLines.call(this, itemIndex));

	let connection: ConnectionInfo | undefined;
	if (fields.connection) {
		connection = await resolveConnection(cache, String(fields.connection), itemIndex);
		ecomOrder.connectionid = connection.id;
	}
	const customerRef = String(fields.customer ?? '').trim();
	if (/^\d+$/.test(customerRef)) ecomOrder.customerid = customerRef;
	else if (customerRef !== '') {
		// A customer by email is looked up on the order's connection, which only the order knows.
		connection ??= await resolveConnection(cache, await orderConnectionId.call(this, id, itemIndex), itemIndex);
		ecomOrder.customerid = await orderCustomerId.call(this, cache, customerRef, '', connection, itemIndex);
	}
	if (Object.keys(ecomOrder).length === 0) {
		throw inputError(node, itemIndex, 'Update Fields is empty', 'Add a field, a product or a discount to change; nothing was sent to ActiveCampaign for this item.');
	}
	const response = await recordRequest.call(this, { method: 'PUT', path: `/ecomOrders/${id}`, body: { ecomOrder }, what: `updating order ${id}` }, itemIndex, {
		field: 'Order ID',
		kind: 'order',
		id,
	});
	return orderOutput(response, connection?.name);
}
