import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { pickFields } from '../../../shared/simplify';
import { toRecordId } from '../../helpers/ecommerce';
import { ECOM_ORDER_FIELDS, keepsHint } from '../../helpers/simplify';
import { recordRequest } from '../../lookups/ecommerce';
import { recordIdField } from '../ecommerce.descriptions';

export const orderId = recordIdField('orderId', 'Order ID', 'order or cart');

export const description = updateDisplayOptions({ show: { resource: ['ecommerceOrder'], operation: ['get'] } }, [
	orderId,
	simplifyProperty(keepsHint(ECOM_ORDER_FIELDS)),
]);

/** Reads one order or cart by id (amounts in cents). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = toRecordId(this.getNode(), itemIndex, this.getNodeParameter('orderId', itemIndex), 'Order ID');
	const response = await recordRequest.call(this, { method: 'GET', path: `/ecomOrders/${id}`, what: `reading order ${id}` }, itemIndex, {
		field: 'Order ID',
		kind: 'order',
		id,
	});
	const order = response.ecomOrder as IDataObject;
	return this.getNodeParameter('simple', itemIndex) ? pickFields(order, ECOM_ORDER_FIELDS) : order;
}
