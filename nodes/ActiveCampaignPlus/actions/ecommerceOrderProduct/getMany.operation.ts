import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { pickFields } from '../../../shared/simplify';
import { toRecordId } from '../../helpers/ecommerce';
import { ECOM_ORDER_PRODUCT_FIELDS, keepsHint } from '../../helpers/simplify';
import { aboutRecord } from '../../lookups/ecommerce';
import { activeCampaignGetAll } from '../../transport';
import { limit, returnAll } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		description: "The numeric ActiveCampaign ID of the order whose products to get; empty for every order's products",
	},
	returnAll,
	limit,
	simplifyProperty(keepsHint(ECOM_ORDER_PRODUCT_FIELDS)),
];

export const description = updateDisplayOptions({ show: { resource: ['ecommerceOrderProduct'], operation: ['getMany'] } }, properties);

/** The products of one order (one item each), or of every order; every page for Return All. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const max = this.getNodeParameter('returnAll', itemIndex) ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const order = String(this.getNodeParameter('orderId', itemIndex, '') ?? '').trim();
	const read = async (path: string) => await activeCampaignGetAll.call(this, path, 'ecomOrderProducts', {}, max);
	let products: IDataObject[];
	if (order === '') products = await read('/ecomOrderProducts');
	else {
		const id = toRecordId(this.getNode(), itemIndex, order, 'Order ID');
		products = await aboutRecord(this, 'GET', itemIndex, { field: 'Order ID', kind: 'order', id }, async () => await read(`/ecomOrders/${id}/orderProducts`));
	}
	return this.getNodeParameter('simple', itemIndex) ? products.map((p) => pickFields(p, ECOM_ORDER_PRODUCT_FIELDS)) : products;
}
