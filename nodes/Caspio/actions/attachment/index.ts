import type { INodeProperties } from 'n8n-workflow';

import { tableLocator, viewLocator } from '../common.descriptions';
import * as deleteAttachment from './delete.operation';
import * as download from './download.operation';
import * as getProperties from './getProperties.operation';
import * as upload from './upload.operation';

export { deleteAttachment, download, getProperties, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['attachment'] } },
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete the files of the records matching filters', action: 'Delete attachments' },
			{ name: 'Download', value: 'download', description: "Download a record's file", action: 'Download an attachment' },
			{ name: 'Get Properties', value: 'getProperties', description: 'Get the name, type and size of files', action: 'Get attachment properties' },
			{ name: 'Upload', value: 'upload', description: "Put a file in a record's attachment field", action: 'Upload an attachment' },
		],
		default: 'download',
	},
	{
		displayName: 'Data Source Type',
		name: 'attachmentSource',
		type: 'options',
		options: [
			{ name: 'Table', value: 'table' },
			{ name: 'View', value: 'view' },
		],
		default: 'table',
		description: "Whether to read the files through a table, or through a view that shows the table's attachment field",
		displayOptions: { show: { resource: ['attachment'], operation: ['download', 'getProperties'] } },
	},
	{ ...tableLocator, displayOptions: { show: { resource: ['attachment'] }, hide: { attachmentSource: ['view'] } } },
	{ ...viewLocator, displayOptions: { show: { resource: ['attachment'], operation: ['download', 'getProperties'], attachmentSource: ['view'] } } },
	...deleteAttachment.description,
	...download.description,
	...getProperties.description,
	...upload.description,
];
