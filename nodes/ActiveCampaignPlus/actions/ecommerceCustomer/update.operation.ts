import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import { toRecordId } from '../../helpers/ecommerce';
import { requireEmail, requireText } from '../../helpers/input';
import { recordRequest, resolveConnection } from '../../lookups/ecommerce';
import { connectionField } from '../ecommerce.descriptions';
import { acceptsMarketing, customerExternalId } from './create.operation';
import { customerId } from './get.operation';

const properties: INodeProperties[] = [
	customerId,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			acceptsMarketing,
			connectionField({ required: false, description: 'Move the customer to this connection. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' }),
			customerExternalId,
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: "The customer's new email" },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['ecommerceCustomer'], operation: ['update'] } }, properties);

/** Changes an e-commerce customer by id: email, store ID, connection (by name or id), marketing opt-in. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const id = toRecordId(this.getNode(), itemIndex, this.getNodeParameter('customerId', itemIndex), 'Customer ID');
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const ecomCustomer: IDataObject = {};
	if (fields.email !== undefined) ecomCustomer.email = requireEmail(this, itemIndex, fields.email, 'Email');
	if (fields.externalid !== undefined) ecomCustomer.externalid = requireText(this, itemIndex, fields.externalid, 'Customer ID in Store');
	if (fields.acceptsMarketing !== undefined) ecomCustomer.acceptsMarketing = fields.acceptsMarketing ? '1' : '0';
	if (fields.connection) ecomCustomer.connectionid = (await resolveConnection(cache, String(fields.connection), itemIndex)).id;
	if (Object.keys(ecomCustomer).length === 0) {
		throw inputError(this.getNode(), itemIndex, 'Update Fields is empty', 'Add at least one field to change; nothing was sent to ActiveCampaign for this item.');
	}
	const response = await recordRequest.call(
		this,
		{ method: 'PUT', path: `/ecomCustomers/${id}`, body: { ecomCustomer }, what: `updating e-commerce customer ${id}` },
		itemIndex,
		{ field: 'Customer ID', kind: 'e-commerce customer', id },
	);
	return response.ecomCustomer as IDataObject;
}
