import type { INodeProperties } from 'n8n-workflow';

import * as getFields from './getFields.operation';
import * as getMany from './getMany.operation';

export { getFields, getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['table'] } },
		options: [
			{ name: 'Get Fields', value: 'getFields', description: "List a table's fields and their types", action: 'Get the fields of a table' },
			{ name: 'Get Many', value: 'getMany', description: 'List the tables of the account', action: 'Get many tables' },
		],
		default: 'getMany',
	},
	...getMany.description,
	...getFields.description,
];
