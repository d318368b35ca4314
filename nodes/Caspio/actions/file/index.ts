import type { INodeProperties } from 'n8n-workflow';

import * as deleteFile from './delete.operation';
import * as download from './download.operation';
import * as getFileProperties from './getFileProperties.operation';
import * as getFolderProperties from './getFolderProperties.operation';
import * as upload from './upload.operation';

export { deleteFile, download, getFileProperties, getFolderProperties, upload };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['file'] } },
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete a file from the Files area', action: 'Delete a file' },
			{ name: 'Download', value: 'download', description: 'Download a file from the Files area', action: 'Download a file' },
			{ name: 'Get File Properties', value: 'getFileProperties', description: "List a folder's files with their properties", action: 'Get file properties' },
			{ name: 'Get Folder Properties', value: 'getFolderProperties', description: "List a folder's subfolders with their properties", action: 'Get folder properties' },
			{ name: 'Upload', value: 'upload', description: 'Upload a file to the Files area', action: 'Upload a file' },
		],
		default: 'download',
	},
	...deleteFile.description,
	...download.description,
	...getFileProperties.description,
	...getFolderProperties.description,
	...upload.description,
];
