/**
 * What an item addresses, looked up in Caspio and checked: its table with the table's fields, an attachment field,
 * a directory, a folder of the Files area. Each answers with what the operation needs, or an error naming the item.
 */
import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../shared/errors';
import { attachmentField } from './helpers/attachments';
import type { CaspioField } from './helpers/fieldTypes';
import { locatorOf } from './helpers/files';
import { chosenName } from './helpers/names';
import { caspioGetAllFilePages } from './transport';
import { directoryById, directoryUsersPath, executionDirectories } from './transport/directories';
import { tableFields } from './transport/fields';

export async function tableWithFields(this: IExecuteFunctions, itemIndex: number): Promise<{ table: string; fields: CaspioField[] }> {
	const table = chosenName.call(this, itemIndex);
	return { table, fields: await tableFields.call(this, 'tables', table) };
}

export interface AttachmentTarget {
	table: string;
	field: string;
	fields: CaspioField[];
	/** `/tables/{t}/attachments/{field}` (or `/views/…`); a record's file is below it, its properties at `/fileInfo`. */
	path: string;
}

/**
 * The table (or, where the operation reads, the view) and attachment field of this item, checked against its design.
 * Views have the same attachment calls as tables: https://howto.caspio.com/integrate-your-apps/web-services-api/
 */
export async function attachmentTarget(this: IExecuteFunctions, itemIndex: number): Promise<AttachmentTarget> {
	const kind = this.getNodeParameter('attachmentSource', itemIndex, 'table') === 'view' ? 'views' : 'tables';
	const table = chosenName.call(this, itemIndex, kind === 'views' ? 'view' : 'table');
	const fields = await tableFields.call(this, kind, table);
	const wanted = String(this.getNodeParameter('attachmentField', itemIndex, '') ?? '').trim();
	const field = attachmentField(this.getNode(), itemIndex, table, fields, wanted);
	return { table, field: field.Name, fields, path: `/${kind}/${encodeURIComponent(table)}/attachments/${encodeURIComponent(field.Name)}` };
}

export interface DirectoryTarget {
	id: string;
	name: string;
	/** `/directories/{id}/users`. */
	path: string;
}

/** The directory of this item, checked against the account's directories so a wrong ID gets a clear error. */
export async function directoryOf(this: IExecuteFunctions, itemIndex: number): Promise<DirectoryTarget> {
	const id = String(this.getNodeParameter('directoryId', itemIndex, '') ?? '').trim();
	if (id === '') {
		throw inputError(this.getNode(), itemIndex, 'no directory chosen', 'Pick a directory from the list, or enter its ID with an expression.');
	}
	const directories = await executionDirectories.call(this);
	const directory = directoryById(directories, id);
	if (!directory) {
		throw inputError(
			this.getNode(),
			itemIndex,
			`no directory with ID "${id}"`,
			directories.length
				? `Pick one of the account's directories: ${directories.map((d) => `${d.Name} (${d.Id})`).join(', ')}.`
				: 'The account has no directories.',
		);
	}
	return { id: String(directory.Id), name: directory.Name, path: directoryUsersPath(directory) };
}

/** The directory and its fields, which Caspio serves as those of the table named after the directory. */
export async function directoryWithFields(this: IExecuteFunctions, itemIndex: number): Promise<DirectoryTarget & { fields: CaspioField[] }> {
	const directory = await directoryOf.call(this, itemIndex);
	return { ...directory, fields: await tableFields.call(this, 'tables', directory.name) };
}

/**
 * The external key of the chosen folder (undefined = the root) and its path (`''` = the root; unknown when given
 * by key). A path is walked one folder at a time, since the API addresses folders only by key.
 */
export async function folderKey(this: IExecuteFunctions, itemIndex: number): Promise<{ key?: string; path?: string }> {
	const { mode, value } = locatorOf.call(this, itemIndex, 'folder');
	if (mode === 'externalKey') return { key: value || undefined, path: value ? undefined : '' };
	const names = value.split('/').filter((name) => name !== '');
	let key: string | undefined;
	for (const [depth, name] of names.entries()) {
		const folders = await caspioGetAllFilePages.call(this, '/files/folders', key ? { externalKey: key } : {});
		const found = folders.find((f) => String(f.Name).toLowerCase() === name.toLowerCase());
		if (!found) {
			const parent = depth === 0 ? 'the root folder' : `/${names.slice(0, depth).join('/')}`;
			throw inputError(this.getNode(), itemIndex, `folder "${name}" not found in ${parent}`, 'Check the folder path, or create the folder in Caspio first.');
		}
		key = String(found.ExternalKey);
	}
	return { key, path: names.map((name) => `/${name}`).join('') };
}
