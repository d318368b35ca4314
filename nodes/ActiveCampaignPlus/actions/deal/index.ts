import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as createNote from './createNote.operation';
import * as del from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';
import * as updateNote from './updateNote.operation';

export { create, createNote, del as delete, get, getMany, update, updateNote };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deal'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a deal for a contact', action: 'Create a deal' },
			{ name: 'Create Note', value: 'createNote', description: 'Add a note to a deal', action: 'Add a note to a deal' },
			{ name: 'Delete', value: 'delete', description: 'Delete a deal by ID', action: 'Delete a deal' },
			{ name: 'Get', value: 'get', description: 'Get a deal by ID', action: 'Get a deal' },
			{ name: 'Get Many', value: 'getMany', description: 'List deals by pipeline, stage, status, owner or search text', action: 'Get many deals' },
			{ name: 'Update', value: 'update', description: 'Update a deal by ID', action: 'Update a deal' },
			{ name: 'Update Note', value: 'updateNote', description: 'Change the text of a note on a deal', action: 'Update a note on a deal' },
		],
		default: 'create',
	},
	...create.description,
	...update.description,
	...get.description,
	...getMany.description,
	...del.description,
	...createNote.description,
	...updateNote.description,
];
