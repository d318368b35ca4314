import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { toRecordId } from '../../helpers/ecommerce';
import { recordRequest } from '../../lookups/ecommerce';
import { customerId } from './get.operation';

export const description = updateDisplayOptions({ show: { resource: ['ecommerceCustomer'], operation: ['delete'] } }, [customerId]);

/** Deletes an e-commerce customer by id. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = toRecordId(this.getNode(), itemIndex, this.getNodeParameter('customerId', itemIndex), 'Customer ID');
	await recordRequest.call(this, { method: 'DELETE', path: `/ecomCustomers/${id}`, what: `deleting e-commerce customer ${id}` }, itemIndex, {
		field: 'Customer ID',
		kind: 'e-commerce customer',
		id,
	});
	return { id, deleted: true };
}
