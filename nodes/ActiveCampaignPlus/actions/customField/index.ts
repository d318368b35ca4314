import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as setValues from './setValues.operation';

export { create, getMany, setValues };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['customField'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a custom contact field', action: 'Create a custom field' },
			{ name: 'Get Many', value: 'getMany', description: 'List custom contact fields', action: 'Get many custom fields' },
			{
				name: 'Set Values',
				value: 'setValues',
				description: "Set a contact's custom field values by field name",
				action: 'Set custom field values of a contact',
			},
		],
		default: 'setValues',
	},
	...setValues.description,
	...create.description,
	...getMany.description,
];
