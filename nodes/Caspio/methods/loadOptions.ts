/**
 * The dropdowns of the Caspio nodes: fields of the chosen table, view or directory, offered only where Caspio takes
 * them (filters, select, sort, writes, the trigger's cursor), and the account's directories. What each field type
 * allows: https://howto.caspio.com/integrate-your-apps/web-services-api/special-considerations
 */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { isAttachmentField, isDateField, isFilterable, isReadable, isSortable, isWritable, type CaspioField } from '../helpers/fieldTypes';
import { directoryById, fetchDirectories } from '../transport/directories';
import { fetchFields } from '../transport/fields';

/** The table or view the node is configured for, read while the user edits it. */
export function currentSource(this: ILoadOptionsFunctions): { kind: 'tables' | 'views'; name: string } {
	const resource = this.getCurrentNodeParameter('resource') as string;
	const kind = resource === 'view' ? 'views' : 'tables';
	const name = this.getCurrentNodeParameter(kind === 'views' ? 'view' : 'table', { extractValue: true }) as string;
	return { kind, name: name ?? '' };
}

async function sourceFields(this: ILoadOptionsFunctions): Promise<CaspioField[]> {
	const { kind, name } = currentSource.call(this);
	if (!name) return [];
	return await fetchFields.call(this, kind, name);
}

/** The fields of the table chosen in the `table` parameter (attachments, the trigger). */
async function tableFieldsOfNode(this: ILoadOptionsFunctions): Promise<CaspioField[]> {
	const name = this.getCurrentNodeParameter('table', { extractValue: true }) as string;
	if (!name) return [];
	return await fetchFields.call(this, 'tables', name);
}

/** The fields of the directory chosen in the `directoryId` parameter: those of the table named after it. */
async function directoryFields(this: ILoadOptionsFunctions): Promise<CaspioField[]> {
	const id = String(this.getCurrentNodeParameter('directoryId') ?? '');
	if (!id) return [];
	const directory = directoryById(await fetchDirectories.call(this), id);
	return directory ? await fetchFields.call(this, 'tables', directory.Name) : [];
}

const option = (field: CaspioField): INodePropertyOptions => ({ name: field.Name, value: field.Name, description: field.Type });
const PK_OPTION: INodePropertyOptions = { name: 'PK_ID', value: 'PK_ID', description: 'Caspio record ID' };

/** Fields a where clause may use: lists, passwords and attachments cannot be filtered on. */
export async function getFilterFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [PK_OPTION, ...(await sourceFields.call(this)).filter(isFilterable).map(option)];
}

/** Fields a select may name: everything but passwords, which Caspio never returns. */
export async function getReadableFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [PK_OPTION, ...(await sourceFields.call(this)).filter(isReadable).map(option)];
}

/** Sortable fields: the readable ones but lists. */
export async function getSortFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [PK_OPTION, ...(await sourceFields.call(this)).filter(isSortable).map(option)];
}

/** Timestamp or date fields a polling trigger can use as its "updated" cursor. */
export async function getDateFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await tableFieldsOfNode.call(this)).filter(isDateField).map(option);
}

/** Fields an update event can watch (the trigger's "chosen fields"). */
export async function getWatchableFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await tableFieldsOfNode.call(this)).filter(isReadable).map(option);
}

/** The ATTACHMENT fields of the table, or of the view when the attachment operation reads through one. */
export async function getAttachmentFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const view = this.getCurrentNodeParameter('attachmentSource') === 'view' ? (this.getCurrentNodeParameter('view', { extractValue: true }) as string) : undefined;
	const fields = view === undefined ? await tableFieldsOfNode.call(this) : view ? await fetchFields.call(this, 'views', view) : [];
	return fields.filter(isAttachmentField).map((f) => ({ name: f.Name, value: f.Name }));
}

/** The account's directories by name, with their number of users. */
export async function getDirectories(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const directories = await fetchDirectories.call(this);
	return directories
		.map((d) => ({ name: d.Name, value: String(d.Id), description: d.NumberOfUsers === undefined ? undefined : `${d.NumberOfUsers} users` }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Fields that can select users: not passwords, files or lists, which a where clause cannot compare. */
export async function getDirectoryFilterFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await directoryFields.call(this)).filter(isFilterable).map(option);
}

/** Fields a user read may return: every field but passwords, which Caspio never returns. */
export async function getDirectoryReadableFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await directoryFields.call(this)).filter(isReadable).map(option);
}

/** Fields a user create (passwords included) or update may set. */
export async function getDirectoryWritableFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const operation = this.getCurrentNodeParameter('operation') === 'createUser' ? 'create' : 'update';
	return (await directoryFields.call(this)).filter((f) => isWritable(f, operation)).map(option);
}
