import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchFields, type CaspioField } from '../helpers/fields';

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

const PK_OPTION: INodePropertyOptions = { name: 'PK_ID', value: 'PK_ID', description: 'Caspio record ID' };
const UNFILTERABLE = new Set(['PASSWORD', 'ATTACHMENT', 'LIST-STRING', 'LIST-NUMBER', 'LIST-DATE/TIME']);

/** Fields a where clause may use: lists, passwords and attachments cannot be filtered on (§6). */
export async function getFilterFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await sourceFields.call(this);
	return [
		PK_OPTION,
		...fields
			.filter((f) => !UNFILTERABLE.has(f.Type.toUpperCase()))
			.map((f) => ({ name: f.Name, value: f.Name, description: f.Type })),
	];
}

/** Fields a select may name: everything but passwords, which Caspio never returns (§8.6). */
export async function getReadableFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await sourceFields.call(this);
	return [PK_OPTION, ...fields.filter((f) => f.Type.toUpperCase() !== 'PASSWORD').map((f) => ({ name: f.Name, value: f.Name, description: f.Type }))];
}

/** Sortable fields: the readable ones. */
export async function getSortFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await getReadableFields.call(this)).filter((o) => !String(o.description ?? '').startsWith('LIST-'));
}

/** Timestamp or date fields a polling trigger can use as its "updated" cursor. */
export async function getDateFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const name = this.getCurrentNodeParameter('table', { extractValue: true }) as string;
	if (!name) return [];
	const fields = await fetchFields.call(this, 'tables', name);
	return fields
		.filter((f) => ['TIMESTAMP', 'DATE/TIME'].includes(f.Type.toUpperCase()))
		.map((f) => ({ name: f.Name, value: f.Name, description: f.Type }));
}

/** Fields an update event can watch (the trigger's "chosen fields"). */
export async function getWatchableFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const name = this.getCurrentNodeParameter('table', { extractValue: true }) as string;
	if (!name) return [];
	const fields = await fetchFields.call(this, 'tables', name);
	return fields.filter((f) => f.Type.toUpperCase() !== 'PASSWORD').map((f) => ({ name: f.Name, value: f.Name, description: f.Type }));
}
