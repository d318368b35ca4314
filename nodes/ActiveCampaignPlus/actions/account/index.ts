import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as findOrCreate from './findOrCreate.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, del as delete, findOrCreate, get, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create an account', action: 'Create an account' },
			{ name: 'Delete', value: 'delete', description: 'Delete an account by name or ID', action: 'Delete an account' },
			{
				name: 'Find or Create',
				value: 'findOrCreate',
				description: 'Get an account by name, creating it when missing',
				action: 'Find or create an account',
			},
			{ name: 'Get', value: 'get', description: 'Get an account by name or ID', action: 'Get an account' },
			{ name: 'Get Many', value: 'getMany', description: 'List or search accounts', action: 'Get many accounts' },
			{ name: 'Update', value: 'update', description: 'Update an account by name or ID', action: 'Update an account' },
		],
		default: 'create',
	},
	...create.description,
	...findOrCreate.description,
	...get.description,
	...getMany.description,
	...update.description,
	...del.description,
];
