import type { INodeProperties } from 'n8n-workflow';

import { optionsCollection } from '../common.descriptions';

export const fileLocator: INodeProperties = {
	displayName: 'File',
	name: 'file',
	description: 'The file, by its path (e.g. /Reports/2026/summary.pdf) or by its external key',
	type: 'resourceLocator',
	default: { mode: 'path', value: '' },
	required: true,
	modes: [
		{ displayName: 'By Path', name: 'path', type: 'string', placeholder: 'e.g. /Reports/2026/summary.pdf' },
		{ displayName: 'By External Key', name: 'externalKey', type: 'string', placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6' },
	],
};

export const folderLocator: INodeProperties = {
	displayName: 'Folder',
	name: 'folder',
	type: 'resourceLocator',
	default: { mode: 'path', value: '' },
	description: 'The folder of the Files area; the root folder when empty',
	modes: [
		{ displayName: 'By Path', name: 'path', type: 'string', placeholder: 'e.g. /Reports/2026' },
		{ displayName: 'By External Key', name: 'externalKey', type: 'string', placeholder: 'e.g. 3fa85f64-5717-4562-b3fc-2c963f66afa6' },
	],
};

export const listOptionsProperty: INodeProperties = optionsCollection([
	{
		displayName: 'Sort By',
		name: 'sortField',
		description: 'Field of the file list to sort by',
		type: 'options',
		options: [
			{ name: 'Date Created', value: 'DateCreated' },
			{ name: 'Name', value: 'Name' },
		],
		default: 'Name',
	},
	{ displayName: 'Sort Descending', name: 'sortDescending', type: 'boolean', default: false, description: 'Whether to sort from Z to A, or newest first' },
]);
