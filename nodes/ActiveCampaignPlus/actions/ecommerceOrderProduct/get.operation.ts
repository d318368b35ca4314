import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { pickFields } from '../../../shared/simplify';
import { toRecordId } from '../../helpers/ecommerce';
import { ECOM_ORDER_PRODUCT_FIELDS, keepsHint } from '../../helpers/simplify';
import { recordRequest } from '../../lookups/ecommerce';
import { recordIdField } from '../ecommerce.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['ecommerceOrderProduct'], operation: ['get'] } }, [
	recordIdField('productId', 'Order Product ID', 'order product (not the product ID in your store)'),
	simplifyProperty(keepsHint(ECOM_ORDER_PRODUCT_FIELDS)),
]);

/** Reads one order product by its ActiveCampaign id (price in cents). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = toRecordId(this.getNode(), itemIndex, this.getNodeParameter('productId', itemIndex), 'Order Product ID');
	const response = await recordRequest.call(this, { method: 'GET', path: `/ecomOrderProducts/${id}`, what: `reading order product ${id}` }, itemIndex, {
		field: 'Order Product ID',
		kind: 'order product',
		id,
	});
	const product = response.ecomOrderProduct as IDataObject;
	return this.getNodeParameter('simple', itemIndex) ? pickFields(product, ECOM_ORDER_PRODUCT_FIELDS) : product;
}
