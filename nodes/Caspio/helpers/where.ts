/**
 * Builds Caspio `q.where` clauses (T-SQL) from structured filters. Field names come only from the table's own
 * field list (or the plain-name pattern when it is unknown), operators from a fixed set, and every value is
 * rendered as a typed literal: numbers checked, Yes/No as 1/0, dates in ISO form, text as N'…' with quotes
 * doubled and LIKE wildcards bracketed. User text never becomes SQL. The grammar is T-SQL's:
 * https://howto.caspio.com/integrate-your-apps/web-services-api/special-considerations
 */
import { isDateField, isFilterable, isNumericFilterField, isTextField, isYesNoField, type CaspioField } from './fieldTypes';
import { isPlainFieldName } from './names';
import { decimal, isoDate, yesNo } from './values';

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
export type FieldInfo = Pick<CaspioField, 'Name' | 'Type'>;

export type WhereResult = { where: string; problem?: undefined } | { where?: undefined; problem: string };

/** A T-SQL Unicode string literal: the value with every quote doubled. */
export function sqlString(value: string): string {
	return `N'${value.replace(/'/g, "''")}'`;
}

/** Makes `%`, `_` and `[` match themselves inside a LIKE pattern. */
export function escapeLike(value: string): string {
	return value.replace(/[[%_]/g, (c) => `[${c}]`);
}

function literal(field: FieldInfo | undefined, name: string, value: unknown): { sql: string } | { problem: string } {
	if (value === null || value === undefined) {
		return { problem: `Filter on "${name}" has no value. Enter a value, or use "Is Empty" to match empty fields.` };
	}
	if ((field && isNumericFilterField(field)) || (!field && name === 'PK_ID')) {
		const number = decimal(value);
		if (!Number.isFinite(number)) return { problem: `Filter on "${name}" needs a number, got ${JSON.stringify(value)}.` };
		return { sql: String(number) };
	}
	if (field && isYesNoField(field)) {
		const answer = yesNo(value);
		if (answer === undefined) return { problem: `Filter on "${name}" needs Yes or No (true/false), got ${JSON.stringify(value)}.` };
		return { sql: answer ? '1' : '0' };
	}
	if (field && isDateField(field)) {
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
	if (!isPlainFieldName(name) || (fields && !known && name.toUpperCase() !== 'PK_ID')) {
		return { problem: `Filter field "${name}" is not a field of this table. Pick it from the list.` };
	}
	if (known && !isFilterable(known)) {
		return { problem: `Field "${name}" (${known.Type}) cannot be used in a filter.` };
	}
	const column = known?.Name ?? name;
	const op = FILTER_OPERATORS[c.operator];
	if (op === undefined) return { problem: `Filter on "${name}" has an unknown operator "${String(c.operator)}".` };
	switch (c.operator) {
		case 'isEmpty':
			return { sql: known && !isTextField(known) ? `${column} IS NULL` : `(${column} IS NULL OR ${column} = N'')` };
		case 'isNotEmpty':
			return { sql: known && !isTextField(known) ? `${column} IS NOT NULL` : `(${column} IS NOT NULL AND ${column} <> N'')` };
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
