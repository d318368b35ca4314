import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';

export { get, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ecommerceOrderProduct'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an order product by ID', action: 'Get an ecommerce order product' },
			{ name: 'Get Many', value: 'getMany', description: "Get the products of an order, or of every order", action: 'Get many ecommerce order products' },
		],
		default: 'getMany',
	},
	...getMany.description,
	...get.description,
];
