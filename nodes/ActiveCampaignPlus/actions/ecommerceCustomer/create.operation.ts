import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { requireEmail, requireText } from '../../helpers/input';
import { resolveConnection } from '../../lookups/ecommerce';
import { activeCampaignRequest } from '../../transport';
import { connectionField } from '../ecommerce.descriptions';

export const customerExternalId: INodeProperties = {
	displayName: 'Customer ID in Store',
	name: 'externalid',
	type: 'string',
	default: '',
	placeholder: '56789',
	description: "The customer's ID in your store (external ID)",
};

export const acceptsMarketing: INodeProperties = {
	displayName: 'Accepts Marketing',
	name: 'acceptsMarketing',
	type: 'boolean',
	default: false,
	description: 'Whether the customer opted in to marketing in the store (used by the "Has opted in to marketing" segment)',
};

const properties: INodeProperties[] = [
	connectionField(),
	{ ...customerExternalId, required: true },
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', required: true, default: '', description: "The customer's email; it ties the customer to the contact" },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: [acceptsMarketing] },
];

export const description = updateDisplayOptions({ show: { resource: ['ecommerceCustomer'], operation: ['create'] } }, properties);

/** Creates an e-commerce customer on a connection chosen by name or id. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const externalid = requireText(this, itemIndex, this.getNodeParameter('externalid', itemIndex), 'Customer ID in Store');
	const email = requireEmail(this, itemIndex, this.getNodeParameter('email', itemIndex), 'Email');
	const connection = await resolveConnection(cache, String(this.getNodeParameter('connection', itemIndex)), itemIndex);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const ecomCustomer: IDataObject = { connectionid: connection.id, externalid, email };
	if (extra.acceptsMarketing !== undefined) ecomCustomer.acceptsMarketing = extra.acceptsMarketing ? '1' : '0';
	const response = await activeCampaignRequest.call(this, {
		method: 'POST',
		path: '/ecomCustomers',
		body: { ecomCustomer },
		what: `creating e-commerce customer ${email}`,
	});
	return { ...(response.ecomCustomer as IDataObject), connectionName: connection.name };
}
