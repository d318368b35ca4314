import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { toRecordId } from '../../helpers/ecommerce';
import { recordRequest } from '../../lookups/ecommerce';
import { orderId } from './get.operation';

export const description = updateDisplayOptions({ show: { resource: ['ecommerceOrder'], operation: ['delete'] } }, [orderId]);

/** Deletes an order or cart by id (its order products go with it). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = toRecordId(this.getNode(), itemIndex, this.getNodeParameter('orderId', itemIndex), 'Order ID');
	await recordRequest.call(this, { method: 'DELETE', path: `/ecomOrders/${id}`, what: `deleting order ${id}` }, itemIndex, { field: 'Order ID', kind: 'order', id });
	return { id, deleted: true };
}
