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
		displayOptions: { show: { resource: ['connection'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a Deep Data connection to a store or service', action: 'Create a connection' },
			{ name: 'Delete', value: 'delete', description: 'Delete a connection', action: 'Delete a connection' },
			{ name: 'Get', value: 'get', description: 'Get a connection by name or ID', action: 'Get a connection' },
			{ name: 'Get Many', value: 'getMany', description: 'Get many connections', action: 'Get many connections' },
			{ name: 'Update', value: 'update', description: 'Update a connection', action: 'Update a connection' },
		],
		default: 'create',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...del.description,
];
