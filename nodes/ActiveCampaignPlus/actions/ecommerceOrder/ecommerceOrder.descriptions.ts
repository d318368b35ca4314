import type { INodeProperties } from 'n8n-workflow';

import { moneyField } from '../ecommerce.descriptions';

/** Parameters Create and Update of an order share. */

export const SOURCE_OPTIONS = [
	{ name: 'Real-Time', value: '1', description: 'Bought just now: shows on the dashboard and starts "Makes a purchase" and abandoned-cart automations' },
	{ name: 'Historical', value: '0', description: 'A past purchase, e.g. from an import; starts no automation' },
];

export const source: INodeProperties = {
	displayName: 'Source',
	name: 'source',
	type: 'options',
	options: SOURCE_OPTIONS,
	default: '1',
	description: 'Whether the order happens now or is past history',
};

export const currency: INodeProperties = {
	displayName: 'Currency',
	name: 'currency',
	type: 'string',
	default: 'USD',
	description: 'Three-letter ISO currency code of every amount of the order, e.g. USD or EUR',
};

export const orderDate: INodeProperties = {
	displayName: 'Order Date',
	name: 'orderDate',
	type: 'dateTime',
	default: '',
	description: 'When the order or cart was made in the store; empty for now',
};

export const abandonedDate: INodeProperties = {
	displayName: 'Abandoned At',
	name: 'abandonedDate',
	type: 'dateTime',
	default: '',
	description: 'When the customer left the cart; empty for now',
};

export const externalid: INodeProperties = {
	displayName: 'External Order ID',
	name: 'externalid',
	type: 'string',
	default: '',
	placeholder: '3246315233',
	description: "The order's ID in your store",
};

export const externalcheckoutid: INodeProperties = {
	displayName: 'External Checkout ID',
	name: 'externalcheckoutid',
	type: 'string',
	default: '',
	placeholder: 'cart-8812',
	description: "The cart's (checkout's) ID in your store",
};

export const customer: INodeProperties = {
	displayName: 'Customer',
	name: 'customer',
	type: 'string',
	default: '',
	placeholder: '12 or jane@example.com',
	description: "The e-commerce customer: its ID, or its email on the order's connection; empty to use the order's email",
};

export const totalPrice = moneyField('totalPrice', 'Total Price', 'The total of the order including tax and shipping');

/** Amounts and texts that Create offers as Additional Fields and Update as Update Fields. */
export const optionalOrderFields: INodeProperties[] = [
	moneyField('discountAmount', 'Discount Amount', 'The discount on the order'),
	{ displayName: 'Order Number', name: 'orderNumber', type: 'string', default: '', description: "The order number customers see, when it differs from the store's order ID" },
	{ displayName: 'Order URL', name: 'orderUrl', type: 'string', default: '', placeholder: 'https://example.com/orders/3246315233', description: 'Address of the order in the store' },
	moneyField('shippingAmount', 'Shipping Amount', 'The shipping cost'),
	{ displayName: 'Shipping Method', name: 'shippingMethod', type: 'string', default: '', placeholder: 'UPS Ground', description: 'How the order is shipped' },
	moneyField('taxAmount', 'Tax Amount', 'The tax on the order'),
	{ displayName: 'Updated At', name: 'externalUpdatedDate', type: 'dateTime', default: '', description: 'When the order was last changed in the store' },
];

/** The order's products, written inline (ActiveCampaign has no other way to write them). */
export function products(description: string): INodeProperties {
	return {
		displayName: 'Products',
		name: 'products',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Product',
		default: {},
		description,
		options: [
			{
				displayName: 'Product',
				name: 'product',
				values: [
					{ displayName: 'Category', name: 'category', type: 'string', default: '', description: "The product's category, e.g. Toys" },
					{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Text about the product' },
					{ displayName: 'Image URL', name: 'imageUrl', type: 'string', default: '', description: "Address of the product's image" },
					{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Name of the product' },
					moneyField('price', 'Price', 'Price of one unit'),
					{ displayName: 'Product ID', name: 'externalid', type: 'string', default: '', description: "The product's ID in your store" },
					{ displayName: 'Product URL', name: 'productUrl', type: 'string', default: '', description: "Address of the product's page in the store" },
					{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1, description: 'How many units were ordered' },
					{ displayName: 'SKU', name: 'sku', type: 'string', default: '', description: "The product's stock-keeping unit" },
				],
			},
		],
	};
}

export function discounts(description: string): INodeProperties {
	return {
		displayName: 'Discounts',
		name: 'discounts',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Discount',
		default: {},
		description,
		options: [
			{
				displayName: 'Discount',
				name: 'discount',
				values: [
					{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'SUMMER10', description: 'The discount code or name' },
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Order', value: 'order' },
							{ name: 'Shipping', value: 'shipping' },
						],
						default: 'order',
						description: 'Whether the discount is on the order or on shipping',
					},
					moneyField('amount', 'Amount', 'The amount taken off'),
				],
			},
		],
	};
}
