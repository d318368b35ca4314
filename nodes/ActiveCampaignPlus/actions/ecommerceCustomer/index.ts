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
		displayOptions: { show: { resource: ['ecommerceCustomer'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a customer of a store connection', action: 'Create an ecommerce customer' },
			{ name: 'Delete', value: 'delete', description: 'Delete an e-commerce customer by ID', action: 'Delete an ecommerce customer' },
			{ name: 'Get', value: 'get', description: 'Get an e-commerce customer by ID', action: 'Get an ecommerce customer' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many e-commerce customers', action: 'Get many ecommerce customers' },
			{ name: 'Update', value: 'update', description: 'Update an e-commerce customer by ID', action: 'Update an ecommerce customer' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...del.description,
];
