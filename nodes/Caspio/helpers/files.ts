/**
 * The Files area as an item names it: a file by path or external key, a folder likewise, and how to list a folder.
 * A file's endpoints are `/files/{key}` or `/files/path?filePath=/a/b.png`:
 * https://howto.caspio.com/integrate-your-apps/web-services-api/migration-rest-api-v2-to-rest-api-v3
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';

interface Locator {
	mode?: string;
	value?: unknown;
}

/** The mode and trimmed value of a file or folder locator (a plain string counts as a path). */
export function locatorOf(this: IExecuteFunctions, itemIndex: number, name: string): { mode: 'path' | 'externalKey'; value: string } {
	const raw = this.getNodeParameter(name, itemIndex, {}) as Locator | string;
	const given = typeof raw === 'string' ? { mode: 'path', value: raw } : raw;
	return { mode: given.mode === 'externalKey' ? 'externalKey' : 'path', value: String(given.value ?? '').trim() };
}

/** Where the item's file is: its endpoint path, query and a label for messages. */
export function fileAddress(this: IExecuteFunctions, itemIndex: number): { path: string; qs: IDataObject; label: string } {
	const { mode, value } = locatorOf.call(this, itemIndex, 'file');
	if (value === '' || (mode === 'path' && value.replace(/\//g, '') === '')) {
		throw inputError(this.getNode(), itemIndex, 'no file given', 'Enter the file path (e.g. /Reports/summary.pdf) or its external key.');
	}
	if (mode === 'externalKey') return { path: `/files/${encodeURIComponent(value)}`, qs: {}, label: value };
	const filePath = value.startsWith('/') ? value : `/${value}`;
	return { path: '/files/path', qs: { filePath }, label: filePath };
}

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
