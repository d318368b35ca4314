import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { pickFields } from '../../../shared/simplify';
import { toRecordId } from '../../helpers/ecommerce';
import { ECOM_CUSTOMER_FIELDS, keepsHint } from '../../helpers/simplify';
import { recordRequest } from '../../lookups/ecommerce';
import { recordIdField } from '../ecommerce.descriptions';

export const customerId = recordIdField('customerId', 'Customer ID', 'e-commerce customer');

export const description = updateDisplayOptions({ show: { resource: ['ecommerceCustomer'], operation: ['get'] } }, [
	customerId,
	simplifyProperty(keepsHint(ECOM_CUSTOMER_FIELDS)),
]);

/** Reads one e-commerce customer by id, with the order aggregates ActiveCampaign keeps (in cents). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = toRecordId(this.getNode(), itemIndex, this.getNodeParameter('customerId', itemIndex), 'Customer ID');
	const response = await recordRequest.call(this, { method: 'GET', path: `/ecomCustomers/${id}`, what: `reading e-commerce customer ${id}` }, itemIndex, {
		field: 'Customer ID',
		kind: 'e-commerce customer',
		id,
	});
	const customer = response.ecomCustomer as IDataObject;
	return this.getNodeParameter('simple', itemIndex) ? pickFields(customer, ECOM_CUSTOMER_FIELDS) : customer;
}
