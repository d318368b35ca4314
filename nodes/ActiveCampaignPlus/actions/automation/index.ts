import type { INodeProperties } from 'n8n-workflow';

import * as addContact from './addContact.operation';
import * as getMany from './getMany.operation';
import * as removeContact from './removeContact.operation';

export { addContact, getMany, removeContact };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['automation'] } },
		options: [
			{ name: 'Add Contact', value: 'addContact', description: 'Add a contact to an automation', action: 'Add a contact to an automation' },
			{ name: 'Get Many', value: 'getMany', description: 'List automations', action: 'Get many automations' },
			{
				name: 'Remove Contact',
				value: 'removeContact',
				description: 'Remove a contact from an automation',
				action: 'Remove a contact from an automation',
			},
		],
		default: 'addContact',
	},
	...addContact.description,
	...removeContact.description,
	...getMany.description,
];
