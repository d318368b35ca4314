import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INode } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { caspioRequest, type CaspioResult } from '../transport';
import { isoDate, decimal } from './where';

/** A field definition as `GET …/tables/{t}/fields` answers it (§3.1); PK_ID is never listed. */
export interface CaspioField {
	Name: string;
	Type: string;
	Label?: string;
	Required?: boolean;
	IsFormula?: boolean;
	Editable?: boolean;
	Unique?: boolean;
	ListField?: Record<string, string | number>;
}

/** Types Caspio fills in itself; a record write that names them is refused (§3.2). */
const GENERATED_TYPES = new Set(['AUTONUMBER', 'PREFIXED AUTONUMBER', 'GUID', 'RANDOM ID', 'TIMESTAMP']);
const NUMBER_TYPES = new Set(['NUMBER', 'INTEGER', 'CURRENCY']);

export const isListField = (f: CaspioField) => f.Type.toUpperCase().startsWith('LIST-');
export const isReadOnlyField = (f: CaspioField) => f.IsFormula === true || GENERATED_TYPES.has(f.Type.toUpperCase());

/** Whether a record write may set this field: attachments go through their own endpoints, passwords only on insert. */
export function isWritable(f: CaspioField, operation: 'create' | 'update'): boolean {
	const type = f.Type.toUpperCase();
	if (isReadOnlyField(f) || type === 'ATTACHMENT') return false;
	return type !== 'PASSWORD' || operation === 'create';
}

export async function fetchFields(this: RequestContext, kind: 'tables' | 'views', name: string): Promise<CaspioField[]> {
	const response = await caspioRequest.call<RequestContext, Parameters<typeof caspioRequest>, Promise<CaspioResult<CaspioField>>>(this, {
		method: 'GET',
		path: `/${kind}/${encodeURIComponent(name)}/fields`,
		what: `reading the fields of ${kind === 'tables' ? 'table' : 'view'} "${name}"`,
	});
	return response.Result ?? [];
}

/** One `/fields` request per table and execution, however many items the node processes. */
const perExecution = new WeakMap<object, Map<string, Promise<CaspioField[]>>>();

export async function tableFields(this: IExecuteFunctions, kind: 'tables' | 'views', name: string): Promise<CaspioField[]> {
	const cache = perExecution.get(this) ?? new Map<string, Promise<CaspioField[]>>();
	perExecution.set(this, cache);
	const key = `${kind}/${name.toLowerCase()}`;
	let fields = cache.get(key);
	if (!fields) {
		fields = fetchFields.call(this, kind, name);
		cache.set(key, fields);
		// A failed read is not cached, so the next item asks again.
		fields.catch(() => cache.delete(key));
	}
	return await fields;
}

/** List items by id; a value may be given as an id or as its label. */
function listIds(field: CaspioField, value: unknown): string[] | undefined {
	const entries = Object.entries(field.ListField ?? {});
	const given = Array.isArray(value)
		? value
		: typeof value === 'string'
			? value.split(',').map((v) => v.trim().replace(/^\[(.*)\]$/, '$1')).filter((v) => v !== '')
			: [value];
	const ids: string[] = [];
	for (const item of given) {
		const text = String(item);
		const match = entries.find(([id]) => id === text) ?? entries.find(([, label]) => String(label).toLowerCase() === text.toLowerCase());
		if (!match) return undefined;
		ids.push(match[0]);
	}
	return ids;
}

/**
 * Converts a value for a record write to what Caspio expects for the field's type (§8): numbers as JSON numbers,
 * Yes/No as booleans, dates as `YYYY-MM-DDTHH:mm:ss`, list items as the official node's `"[1], [3]"` id string.
 */
export function toCaspioValue(
	node: INode,
	itemIndex: number,
	field: CaspioField,
	value: unknown,
): string | number | boolean | null {
	const type = field.Type.toUpperCase();
	const fail = (expected: string) =>
		new NodeOperationError(node, `Field "${field.Name}" (${field.Type}) needs ${expected}, got ${JSON.stringify(value)}`, {
			itemIndex,
			description: `Correct the value of "${field.Name}" in item ${itemIndex + 1}, or leave it empty to store nothing.`,
		});
	if (value === null || value === undefined) return null;
	if (NUMBER_TYPES.has(type)) {
		if (value === '') return null;
		const number = decimal(value);
		if (!Number.isFinite(number) || (type === 'INTEGER' && !Number.isInteger(number))) {
			throw fail(type === 'INTEGER' ? 'a whole number' : 'a number');
		}
		return number;
	}
	if (type === 'YES/NO') {
		if (typeof value === 'boolean') return value;
		const text = String(value).trim().toLowerCase();
		if (['true', 'yes', '1'].includes(text)) return true;
		if (['false', 'no', '0', ''].includes(text)) return false;
		throw fail('Yes or No (true/false)');
	}
	if (type === 'DATE/TIME') {
		if (value === '') return null;
		const iso = isoDate(value);
		if (!iso) throw fail('a date such as 2026-11-27T10:00:00');
		return iso;
	}
	if (isListField(field)) {
		if (value === '' || (Array.isArray(value) && value.length === 0)) return null;
		const ids = listIds(field, value);
		if (!ids) {
			const known = Object.entries(field.ListField ?? {}).map(([id, label]) => `${id} = ${String(label)}`).join(', ');
			throw fail(`list items by id or label (${known})`);
		}
		return ids.map((id) => `[${id}]`).join(', ');
	}
	if (typeof value === 'object') throw fail('text');
	return String(value);
}

/**
 * The body of a record write: each given value converted for its field. Unknown and non-writable fields are an
 * error naming the field, unless `skipUnknown` (auto-mapped input, where items carry PK_ID and read-only fields).
 */
export function recordBody(
	node: INode,
	itemIndex: number,
	fields: CaspioField[],
	values: IDataObject,
	operation: 'create' | 'update',
	skipUnknown: boolean,
): IDataObject {
	const byName = new Map(fields.map((f) => [f.Name.toLowerCase(), f]));
	const body: IDataObject = {};
	for (const [key, value] of Object.entries(values)) {
		if (value === undefined) continue;
		const field = byName.get(key.toLowerCase());
		if (!field || !isWritable(field, operation)) {
			if (skipUnknown) continue;
			const why = field ? `is ${field.Type}${field.IsFormula ? ' (formula)' : ''} and cannot be written by a record ${operation}` : 'is not a field of this table';
			throw new NodeOperationError(node, `Field "${key}" ${why}`, {
				itemIndex,
				description: 'Remove it from the fields to send, or refresh the field list if the table design changed.',
			});
		}
		body[field.Name] = toCaspioValue(node, itemIndex, field, value);
	}
	return body;
}
