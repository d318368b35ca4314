import type { INodeProperties } from 'n8n-workflow';

import * as bulkImport from './bulkImport.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as upsert from './upsert.operation';

export { bulkImport, del as delete, get, getMany, update, upsert };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['contact'] } },
		options: [
			{
				name: 'Bulk Import',
				value: 'bulkImport',
				description: 'Import all input items in batches through the bulk importer',
				action: 'Bulk import contacts',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a contact',
			},
			{ name: 'Delete', value: 'delete', description: 'Delete a contact by email or ID', action: 'Delete a contact' },
			{ name: 'Get', value: 'get', description: 'Get a contact by email or ID', action: 'Get a contact' },
			{ name: 'Get Many', value: 'getMany', description: 'List contacts', action: 'Get many contacts' },
			{ name: 'Update', value: 'update', description: 'Change a contact found by email or ID, its email address included', action: 'Update a contact' },
		],
		default: 'upsert',
	},
	...upsert.description,
	...get.description,
	...getMany.description,
	...update.description,
	...del.description,
	...bulkImport.description,
];
