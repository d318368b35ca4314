import type { IDataObject } from 'n8n-workflow';

import { pickFields } from '../../shared/simplify';

/**
 * What Simplify keeps of a contact: who it is, how to reach them, when it changed, and its custom field values
 * (present on Get by ID). https://developers.activecampaign.com/reference/get-contact
 */
export const CONTACT_FIELDS = ['id', 'email', 'firstName', 'lastName', 'phone', 'orgname', 'cdate', 'udate', 'fieldValues'];

/** What Simplify keeps of a deal: what it is worth, where it stands, whose it is. https://developers.activecampaign.com/reference/retrieve-a-deal */
export const DEAL_FIELDS = ['id', 'title', 'value', 'currency', 'status', 'stage', 'group', 'contact', 'cdate', 'mdate'];

export const simplifyContact = (contact: IDataObject): IDataObject => pickFields(contact, CONTACT_FIELDS);

export const simplifyDeal = (deal: IDataObject): IDataObject => pickFields(deal, DEAL_FIELDS);

/** What Simplify keeps of a Deep Data connection. https://developers.activecampaign.com/reference/connections */
export const CONNECTION_FIELDS = ['id', 'name', 'service', 'externalid', 'status', 'syncStatus', 'isInternal', 'listId', 'linkUrl', 'udate'];

/** What Simplify keeps of an e-commerce customer: who, where, and the order aggregates (cents). */
export const ECOM_CUSTOMER_FIELDS = ['id', 'email', 'externalid', 'connectionid', 'acceptsMarketing', 'totalRevenue', 'totalOrders', 'totalProducts', 'avgRevenuePerOrder', 'tstamp'];

/** What Simplify keeps of an order or abandoned cart (state 2 = abandoned, 3 = recovered; money in cents). */
export const ECOM_ORDER_FIELDS = ['id', 'externalid', 'externalcheckoutid', 'email', 'customerid', 'connectionid', 'state', 'totalPrice', 'currency', 'externalCreatedDate'];

/** What Simplify keeps of an order product (price in cents). */
export const ECOM_ORDER_PRODUCT_FIELDS = ['id', 'orderid', 'externalid', 'sku', 'name', 'category', 'price', 'quantity', 'imageUrl', 'productUrl'];

/** The Simplify option's hint: the fields kept, as the output names them. */
export const keepsHint = (fields: readonly string[]): string => `Keeps ${fields.slice(0, -1).join(', ')} and ${fields.at(-1)}`;
