import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { pickFields } from '../../../shared/simplify';
import type { ExecutionCache } from '../../cache';
import { ECOM_CUSTOMER_FIELDS, keepsHint } from '../../helpers/simplify';
import { resolveConnection } from '../../lookups/ecommerce';
import { activeCampaignGetAll } from '../../transport';
import { limit, returnAll } from '../common.descriptions';
import { connectionField } from '../ecommerce.descriptions';

const properties: INodeProperties[] = [
	returnAll,
	limit,
	simplifyProperty(keepsHint(ECOM_CUSTOMER_FIELDS)),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			connectionField({ required: false, description: 'Only customers of this connection. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' }),
			{ displayName: 'Customer ID in Store', name: 'externalid', type: 'string', default: '', description: "Only the customer with this ID in your store" },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Only customers with this email (one per connection)' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['ecommerceCustomer'], operation: ['getMany'] } }, properties);

/** E-commerce customers, filtered by connection (name or id), email or store ID; every page for Return All. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject[]> {
	const max = this.getNodeParameter('returnAll', itemIndex) ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.connection) qs['filters[connectionid]'] = (await resolveConnection(cache, String(filters.connection), itemIndex, 'Filters → Connection')).id;
	for (const key of ['email', 'externalid']) if (filters[key]) qs[`filters[${key}]`] = String(filters[key]).trim();
	const customers = await activeCampaignGetAll.call(this, '/ecomCustomers', 'ecomCustomers', qs, max);
	return this.getNodeParameter('simple', itemIndex) ? customers.map((c) => pickFields(c, ECOM_CUSTOMER_FIELDS)) : customers;
}
