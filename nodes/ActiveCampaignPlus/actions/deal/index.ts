import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as get from './get.operation';
import * as update from './update.operation';

export { create, get, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deal'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a deal for a contact', action: 'Create a deal' },
			{ name: 'Get', value: 'get', description: 'Get a deal by ID', action: 'Get a deal' },
			{ name: 'Update', value: 'update', description: 'Update a deal by ID', action: 'Update a deal' },
		],
		default: 'create',
	},
	...create.description,
	...update.description,
	...get.description,
];
