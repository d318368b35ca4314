import type { INodeProperties } from 'n8n-workflow';

import * as add from './add.operation';
import * as findOrCreate from './findOrCreate.operation';
import * as getForContact from './getForContact.operation';
import * as getMany from './getMany.operation';
import * as remove from './remove.operation';

export { add, findOrCreate, getForContact, getMany, remove };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['tag'] } },
		options: [
			{ name: 'Add to Contact', value: 'add', description: 'Add tags to a contact by name or ID', action: 'Add tags to a contact' },
			{ name: 'Find or Create', value: 'findOrCreate', description: 'Get a tag by name, creating it when missing', action: 'Find or create a tag' },
			{ name: 'Get for Contact', value: 'getForContact', description: "List a contact's tags", action: 'Get the tags of a contact' },
			{ name: 'Get Many', value: 'getMany', description: 'List tags', action: 'Get many tags' },
			{ name: 'Remove From Contact', value: 'remove', description: 'Remove tags from a contact by name or ID', action: 'Remove tags from a contact' },
		],
		default: 'add',
	},
	...add.description,
	...remove.description,
	...getForContact.description,
	...findOrCreate.description,
	...getMany.description,
];
