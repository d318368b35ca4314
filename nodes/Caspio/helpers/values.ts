/**
 * Values as Caspio takes them: numbers as JSON numbers, Yes/No as booleans, dates as `YYYY-MM-DDTHH:mm:ss`, list
 * items as the `"[1], [3]"` id string Caspio's own node sends. Dates are ISO 8601 without a zone:
 * https://howto.caspio.com/integrate-your-apps/web-services-api/special-considerations
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { isDateField, isListField, isNumberField, isWholeNumberField, isWritable, isYesNoField, type CaspioField } from './fieldTypes';

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number from a number or from decimal text; NaN otherwise (Number() would also take "0x10", "0b1", "1e999"). */
export function decimal(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value !== 'string' || !DECIMAL.test(value.trim())) return Number.NaN;
	return Number(value.trim());
}

/** `2026-11-27T10:00:00` from a Date, an ISO string or a timestamp; undefined when it is not a date. */
export function isoDate(value: unknown): string | undefined {
	if (value === null || value === undefined || value === '' || typeof value === 'boolean') return undefined;
	// A date without a zone (Caspio's own format) is kept as written: parsing it would shift it to the server's zone.
	const plain = typeof value === 'string' ? /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(:\d{2})?(?:\.\d+)?)?$/.exec(value.trim()) : null;
	if (plain) {
		const text = `${plain[1]}T${plain[2] ?? '00:00'}${plain[3] ?? ':00'}`;
		// Date.parse accepts 2026-02-30 (rolling it over); only a date that reads back unchanged is real.
		const parsed = new Date(`${text}Z`);
		return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 19) === text ? text : undefined;
	}
	const date = value instanceof Date ? value : new Date(value as string | number);
	if (Number.isNaN(date.getTime())) return undefined;
	return date.toISOString().slice(0, 19);
}

/** Yes/No from a boolean or from its usual words; undefined for anything else. */
export function yesNo(value: unknown): boolean | undefined {
	if (typeof value === 'boolean') return value;
	const text = String(value).trim().toLowerCase();
	if (value === 1 || ['true', 'yes', '1'].includes(text)) return true;
	if (value === 0 || ['false', 'no', '0'].includes(text)) return false;
	return undefined;
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

const knownItems = (field: CaspioField) => Object.entries(field.ListField ?? {}).map(([id, label]) => `${id} = ${String(label)}`).join(', ');

/** The value for a record write as Caspio expects it for the field's type; `expected` says what was wanted instead. */
function converted(field: CaspioField, value: unknown): { value: string | number | boolean | null } | { expected: string } {
	if (value === null || value === undefined) return { value: null };
	const empty = value === '' || (Array.isArray(value) && value.length === 0);
	if (isNumberField(field)) {
		if (value === '') return { value: null };
		const number = decimal(value);
		const whole = isWholeNumberField(field);
		if (!Number.isFinite(number) || (whole && !Number.isInteger(number))) return { expected: whole ? 'a whole number' : 'a number' };
		return { value: number };
	}
	if (isYesNoField(field)) {
		const answer = String(value).trim() === '' ? false : yesNo(value);
		return answer === undefined ? { expected: 'Yes or No (true/false)' } : { value: answer };
	}
	if (isDateField(field)) {
		if (value === '') return { value: null };
		const iso = isoDate(value);
		return iso ? { value: iso } : { expected: 'a date such as 2026-11-27T10:00:00' };
	}
	if (isListField(field)) {
		if (empty) return { value: null };
		const ids = listIds(field, value);
		return ids ? { value: ids.map((id) => `[${id}]`).join(', ') } : { expected: `list items by id or label (${knownItems(field)})` };
	}
	return typeof value === 'object' ? { expected: 'text' } : { value: String(value) };
}

/** Converts a value for a record write to what Caspio expects for the field's type, or says what it needs. */
export function toCaspioValue(node: INode, itemIndex: number, field: CaspioField, value: unknown): string | number | boolean | null {
	const result = converted(field, value);
	if ('value' in result) return result.value;
	throw inputError(
		node,
		itemIndex,
		`Field "${field.Name}" (${field.Type}) needs ${result.expected}, got ${JSON.stringify(value)}`,
		`Correct the value of "${field.Name}", or leave it empty to store nothing.`,
	);
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
			throw inputError(node, itemIndex, `Field "${key}" ${why}`, 'Remove it from the fields to send, or refresh the field list if the table design changed.');
		}
		body[field.Name] = toCaspioValue(node, itemIndex, field, value);
	}
	return body;
}
