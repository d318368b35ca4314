import type { INodeProperties } from 'n8n-workflow';

import { tableLocator } from '../common.descriptions';
import * as create from './create.operation';
import * as deleteRecord from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { create, deleteRecord, get, getMany, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['record'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Insert a record', action: 'Create a record' },
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a record',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete the records matching filters', action: 'Delete records' },
			{ name: 'Get', value: 'get', description: 'Get a record by its PK_ID', action: 'Get a record' },
			{ name: 'Get Many', value: 'getMany', description: 'Get records, filtered and sorted', action: 'Get many records' },
			{ name: 'Update', value: 'update', description: 'Update the records matching filters', action: 'Update records' },
		],
		default: 'getMany',
	},
	{ ...tableLocator, displayOptions: { show: { resource: ['record'] } } },
	...create.description,
	...deleteRecord.description,
	...get.description,
	...getMany.description,
	...update.description,
	...upsert.description,
];
