/**
 * Builds Caspio `q.where` clauses (T-SQL) from structured filters. Field names come only from the table's own
 * field list (or the plain-name pattern when it is unknown), operators from a fixed set, and every value is
 * rendered as a typed literal: numbers checked, Yes/No as 1/0, dates in ISO form, text as N'…' with quotes
 * doubled and LIKE wildcards bracketed. User text never becomes SQL.
 */

export const FILTER_OPERATORS = {
	equals: '=',
	notEquals: '<>',
	greaterThan: '>',
	greaterOrEqual: '>=',
	lessThan: '<',
	lessOrEqual: '<=',
	contains: 'LIKE',
	notContains: 'NOT LIKE',
	startsWith: 'LIKE',
	endsWith: 'LIKE',
	in: 'IN',
	notIn: 'NOT IN',
	isEmpty: 'IS NULL',
	isNotEmpty: 'IS NOT NULL',
} as const;

export type FilterOperator = keyof typeof FILTER_OPERATORS;

export interface FilterCondition {
	field: string;
	operator: FilterOperator;
	value?: unknown;
}

/** The parts of a Caspio field definition the builder needs. */
export interface FieldInfo {
	Name: string;
	Type: string;
}

export type WhereResult = { where: string; problem?: undefined } | { where?: undefined; problem: string };

const PLAIN_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const NUMERIC_TYPES = new Set(['NUMBER', 'INTEGER', 'CURRENCY', 'AUTONUMBER', 'PREFIXED AUTONUMBER']);
const DATE_TYPES = new Set(['DATE/TIME', 'TIMESTAMP']);
const UNFILTERABLE_TYPES = new Set(['PASSWORD', 'ATTACHMENT', 'LIST-STRING', 'LIST-NUMBER', 'LIST-DATE/TIME']);

const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A number from a number or from decimal text; NaN otherwise (Number() would also take "0x10", "0b1", "1e999"). */
export function decimal(value: unknown): number {
	if (typeof value === 'number') return value;
	if (typeof value !== 'string' || !DECIMAL.test(value.trim())) return Number.NaN;
	return Number(value.trim());
}

/** A T-SQL Unicode string literal: the value with every quote doubled. */
export function sqlString(value: string): string {
	return `N'${value.replace(/'/g, "''")}'`;
}

/** Makes `%`, `_` and `[` match themselves inside a LIKE pattern. */
export function escapeLike(value: string): string {
	return value.replace(/[[%_]/g, (c) => `[${c}]`);
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

function literal(field: FieldInfo | undefined, name: string, value: unknown): { sql: string } | { problem: string } {
	if (value === null || value === undefined) {
		return { problem: `Filter on "${name}" has no value. Enter a value, or use "Is Empty" to match empty fields.` };
	}
	const type = field?.Type.toUpperCase();
	if ((type && NUMERIC_TYPES.has(type)) || (!field && name === 'PK_ID')) {
		const number = decimal(value);
		if (!Number.isFinite(number)) return { problem: `Filter on "${name}" needs a number, got ${JSON.stringify(value)}.` };
		return { sql: String(number) };
	}
	if (type === 'YES/NO') {
		const text = String(value).trim().toLowerCase();
		if ([true, 1].includes(value as never) || ['true', 'yes', '1'].includes(text)) return { sql: '1' };
		if ([false, 0].includes(value as never) || ['false', 'no', '0'].includes(text)) return { sql: '0' };
		return { problem: `Filter on "${name}" needs Yes or No (true/false), got ${JSON.stringify(value)}.` };
	}
	if (type && DATE_TYPES.has(type)) {
		const iso = isoDate(value);
		if (!iso) return { problem: `Filter on "${name}" needs a date such as 2026-11-27T10:00:00, got ${JSON.stringify(value)}.` };
		return { sql: sqlString(iso) };
	}
	if (typeof value === 'object') return { problem: `Filter on "${name}" needs a single value, got ${JSON.stringify(value)}.` };
	return { sql: sqlString(String(value)) };
}

function listOf(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') return value.split(',').map((v) => v.trim()).filter((v) => v !== '');
	return [value];
}

function condition(c: FilterCondition, fields: Map<string, FieldInfo> | undefined): { sql: string } | { problem: string } {
	const name = typeof c.field === 'string' ? c.field.trim() : '';
	const known = fields?.get(name.toLowerCase());
	if (!PLAIN_NAME.test(name) || (fields && !known && name.toUpperCase() !== 'PK_ID')) {
		return { problem: `Filter field "${name}" is not a field of this table. Pick it from the list.` };
	}
	if (known && UNFILTERABLE_TYPES.has(known.Type.toUpperCase())) {
		return { problem: `Field "${name}" (${known.Type}) cannot be used in a filter.` };
	}
	const column = known?.Name ?? name;
	const op = FILTER_OPERATORS[c.operator];
	if (op === undefined) return { problem: `Filter on "${name}" has an unknown operator "${String(c.operator)}".` };
	switch (c.operator) {
		case 'isEmpty':
			return { sql: known && !isTextType(known) ? `${column} IS NULL` : `(${column} IS NULL OR ${column} = N'')` };
		case 'isNotEmpty':
			return { sql: known && !isTextType(known) ? `${column} IS NOT NULL` : `(${column} IS NOT NULL AND ${column} <> N'')` };
		case 'contains':
		case 'notContains':
		case 'startsWith':
		case 'endsWith': {
			if (c.value === null || c.value === undefined || typeof c.value === 'object' || String(c.value) === '') {
				return {
					problem: `Filter on "${name}" needs text to match, got ${JSON.stringify(c.value ?? null)}; an empty value would match every row.`,
				};
			}
			const text = escapeLike(String(c.value));
			const pattern = c.operator === 'startsWith' ? `${text}%` : c.operator === 'endsWith' ? `%${text}` : `%${text}%`;
			return { sql: `${column} ${op} ${sqlString(pattern)}` };
		}
		case 'in':
		case 'notIn': {
			const values = listOf(c.value);
			if (values.length === 0) return { problem: `Filter on "${name}" needs at least one value in its list.` };
			const rendered: string[] = [];
			for (const v of values) {
				const one = literal(known, name, v);
				if ('problem' in one) return one;
				rendered.push(one.sql);
			}
			return { sql: `${column} ${op} (${rendered.join(', ')})` };
		}
		default: {
			const one = literal(known, name, c.value);
			return 'problem' in one ? one : { sql: `${column} ${op} ${one.sql}` };
		}
	}
}

function isTextType(field: FieldInfo): boolean {
	return ['STRING', 'TEXT'].includes(field.Type.toUpperCase());
}

/**
 * Joins conditions with AND or OR. `fields` (from the table's `/fields`) restricts names to real fields and
 * types the values; without it, names must be plain identifiers and values are compared as text.
 */
export function buildWhere(
	conditions: FilterCondition[],
	combinator: 'AND' | 'OR' = 'AND',
	fields?: FieldInfo[],
): WhereResult {
	const byName = fields && new Map(fields.map((f) => [f.Name.toLowerCase(), f]));
	const parts: string[] = [];
	for (const c of conditions) {
		const built = condition(c, byName);
		if ('problem' in built) return { problem: built.problem };
		parts.push(built.sql);
	}
	if (parts.length === 0) return { problem: 'No filter given.' };
	return { where: parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(` ${combinator} `) };
}
