import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, del as delete, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['ecommerceOrder'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an order or an abandoned cart with its products', action: 'Create an ecommerce order' },
			{ name: 'Delete', value: 'delete', description: 'Delete an order or cart by ID', action: 'Delete an ecommerce order' },
			{ name: 'Get', value: 'get', description: 'Get an order or cart by ID', action: 'Get an ecommerce order' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many orders and carts', action: 'Get many ecommerce orders' },
			{ name: 'Update', value: 'update', description: 'Update an order or cart by ID, e.g. to recover a cart', action: 'Update an ecommerce order' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...del.description,
];
