import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { pickFields } from '../../../shared/simplify';
import type { ExecutionCache } from '../../cache';
import { ORDER_STATES, toRecordId } from '../../helpers/ecommerce';
import { ECOM_ORDER_FIELDS, keepsHint } from '../../helpers/simplify';
import { resolveConnection } from '../../lookups/ecommerce';
import { activeCampaignGetAll } from '../../transport';
import { limit, returnAll } from '../common.descriptions';
import { connectionField } from '../ecommerce.descriptions';

const properties: INodeProperties[] = [
	returnAll,
	limit,
	simplifyProperty(keepsHint(ECOM_ORDER_FIELDS)),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			connectionField({ required: false, description: 'Only orders of this connection. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' }),
			{ displayName: 'Customer ID', name: 'customerid', type: 'string', default: '', description: 'Only orders of this e-commerce customer' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: "Only orders with this buyer's email" },
			{ displayName: 'External Checkout ID', name: 'externalcheckoutid', type: 'string', default: '', description: 'Only the cart with this checkout ID in your store' },
			{ displayName: 'External Order ID', name: 'externalid', type: 'string', default: '', description: 'Only the order with this ID in your store' },
			{ displayName: 'State', name: 'state', type: 'options', options: ORDER_STATES, default: '2', description: 'Only orders in this state, e.g. Abandoned for carts not bought yet' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['ecommerceOrder'], operation: ['getMany'] } }, properties);

/** Orders and carts, filtered by connection (name or id), customer, email, store IDs or state; every page for Return All. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject[]> {
	const max = this.getNodeParameter('returnAll', itemIndex) ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.connection) qs['filters[connectionid]'] = (await resolveConnection(cache, String(filters.connection), itemIndex, 'Filters → Connection')).id;
	if (filters.customerid) qs['filters[customerid]'] = toRecordId(this.getNode(), itemIndex, filters.customerid, 'Filters → Customer ID');
	for (const key of ['email', 'externalid', 'externalcheckoutid']) if (filters[key]) qs[`filters[${key}]`] = String(filters[key]).trim();
	if (filters.state !== undefined && filters.state !== '') qs['filters[state]'] = filters.state;
	const orders = await activeCampaignGetAll.call(this, '/ecomOrders', 'ecomOrders', qs, max);
	return this.getNodeParameter('simple', itemIndex) ? orders.map((o) => pickFields(o, ECOM_ORDER_FIELDS)) : orders;
}
