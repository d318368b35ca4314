import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as del from './delete.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export { create, del as delete, getMany, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['accountContact'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Put a contact on an account with a job title', action: 'Add a contact to an account' },
			{ name: 'Delete', value: 'delete', description: 'Take a contact off an account', action: 'Remove a contact from an account' },
			{ name: 'Get Many', value: 'getMany', description: 'List the contacts of an account, or the account of a contact', action: 'Get many account contacts' },
			{ name: 'Update', value: 'update', description: "Change a contact's job title on an account", action: 'Update the job title of a contact on an account' },
		],
		default: 'create',
	},
	...create.description,
	...getMany.description,
	...update.description,
	...del.description,
];
