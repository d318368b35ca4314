import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as del from './delete.operation';
import * as findOrCreate from './findOrCreate.operation';
import * as get from './get.operation';
import * as getForContact from './getForContact.operation';
import * as getMany from './getMany.operation';
import * as remove from './remove.operation';
import * as update from './update.operation';

export { add, del as delete, findOrCreate, get, getForContact, getMany, remove, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{ name: 'Add to Contact', value: 'add', description: 'Add tags to a contact by name or ID', action: 'Add tags to a contact' },
			{ name: 'Delete', value: 'delete', description: 'Delete a tag by name or ID', action: 'Delete a tag' },
			{ name: 'Find or Create', value: 'findOrCreate', description: 'Get a tag by name, creating it when missing', action: 'Find or create a tag' },
			{ name: 'Get', value: 'get', description: 'Get a tag by name or ID', action: 'Get a tag' },
			{ name: 'Get for Contact', value: 'getForContact', description: "List a contact's tags", action: 'Get the tags of a contact' },
			{ name: 'Get Many', value: 'getMany', description: 'List tags', action: 'Get many tags' },
			{ name: 'Remove From Contact', value: 'remove', description: 'Remove tags from a contact by name or ID', action: 'Remove tags from a contact' },
			{ name: 'Update', value: 'update', description: 'Rename a tag or change its description', action: 'Update a tag' },
		],
		default: 'add',
	},
	...add.description,
	...remove.description,
	...getForContact.description,
	...findOrCreate.description,
	...get.description,
	...getMany.description,
	...update.description,
	...del.description,
];
