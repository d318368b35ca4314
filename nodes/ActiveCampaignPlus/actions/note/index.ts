import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getMany from './getMany.operation';

export { create, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Add a note to a contact', action: 'Add a note to a contact' },
			{ name: 'Get Many', value: 'getMany', description: "List a contact's notes", action: "Get many notes of a contact" },
		],
		default: 'create',
	},
	...create.description,
	...getMany.description,
];
