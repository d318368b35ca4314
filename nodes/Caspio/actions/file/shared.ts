import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { caspioGetAllFilePages } from '../../transport';

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

interface Locator {
	mode?: string;
	value?: unknown;
}

function locator(this: IExecuteFunctions, itemIndex: number, name: string): { mode: 'path' | 'externalKey'; value: string } {
	const raw = this.getNodeParameter(name, itemIndex, {}) as Locator | string;
	const given = typeof raw === 'string' ? { mode: 'path', value: raw } : raw;
	return { mode: given.mode === 'externalKey' ? 'externalKey' : 'path', value: String(given.value ?? '').trim() };
}

/** Where a file's endpoints are: `/files/{key}` or `/files/path?filePath=/a/b.png` (§2.1). */
export function fileAddress(this: IExecuteFunctions, itemIndex: number): { path: string; qs: IDataObject; label: string } {
	const { mode, value } = locator.call(this, itemIndex, 'file');
	if (value === '' || (mode === 'path' && value.replace(/\//g, '') === '')) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: no file given`, {
			itemIndex,
			description: 'Enter the file path (e.g. /Reports/summary.pdf) or its external key.',
		});
	}
	if (mode === 'externalKey') return { path: `/files/${encodeURIComponent(value)}`, qs: {}, label: value };
	const filePath = value.startsWith('/') ? value : `/${value}`;
	return { path: '/files/path', qs: { filePath }, label: filePath };
}

/**
 * The external key of the chosen folder (undefined = the root) and its path (`''` = the root; unknown when given
 * by key). A path is walked one folder at a time, since the API addresses folders only by key.
 */
export async function folderKey(this: IExecuteFunctions, itemIndex: number): Promise<{ key?: string; path?: string }> {
	const { mode, value } = locator.call(this, itemIndex, 'folder');
	if (mode === 'externalKey') return { key: value || undefined, path: value ? undefined : '' };
	const names = value.split('/').filter((name) => name !== '');
	let key: string | undefined;
	for (const [depth, name] of names.entries()) {
		const folders = await caspioGetAllFilePages.call(this, '/files/folders', key ? { externalKey: key } : {});
		const found = folders.find((f) => String(f.Name).toLowerCase() === name.toLowerCase());
		if (!found) {
			const parent = depth === 0 ? 'the root folder' : `/${names.slice(0, depth).join('/')}`;
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: folder "${name}" not found in ${parent}`, {
				itemIndex,
				description: 'Check the folder path, or create the folder in Caspio first.',
			});
		}
		key = String(found.ExternalKey);
	}
	return { key, path: names.map((name) => `/${name}`).join('') };
}

export const listOptionsProperty: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
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
	],
};

/** Folder, sort and limit of a Files-area list. */
export function listQuery(this: IExecuteFunctions, itemIndex: number, key: string | undefined): { qs: IDataObject; limit?: number } {
	const options = this.getNodeParameter('options', itemIndex, {}) as { sortField?: string; sortDescending?: boolean };
	const qs: IDataObject = {};
	if (key) qs.externalKey = key;
	if (options.sortField) qs.sortField = options.sortField;
	if (options.sortDescending) qs.sortDescending = true;
	const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
	return { qs, limit: returnAll ? undefined : (this.getNodeParameter('limit', itemIndex, 50) as number) };
}
