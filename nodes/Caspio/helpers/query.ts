import type { IDataObject, INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { isNumberValuedField, isReadable, type CaspioField } from './fieldTypes';
import { isPlainFieldName } from './names';

export interface SortRule {
	field?: string;
	direction?: 'ASC' | 'DESC';
}

/** One column of totals: a function over a field (COUNT over every record when the field is empty), named by its alias. */
export interface AggregateRule {
	function?: AggregateFunction;
	field?: string;
	alias?: string;
}

/** Each function's label (for messages), SQL and the suffix of the alias it gets when the user gives none. */
const AGGREGATE_FUNCTIONS = {
	SUM: { label: 'Sum', sql: (field: string) => `SUM(${field})`, suffix: 'sum' },
	COUNT: { label: 'Count', sql: (field: string) => `COUNT(${field})`, suffix: 'count' },
	COUNT_DISTINCT: { label: 'Count Unique', sql: (field: string) => `COUNT(DISTINCT ${field})`, suffix: 'countUnique' },
	AVG: { label: 'Average', sql: (field: string) => `AVG(${field})`, suffix: 'avg' },
	MIN: { label: 'Minimum', sql: (field: string) => `MIN(${field})`, suffix: 'min' },
	MAX: { label: 'Maximum', sql: (field: string) => `MAX(${field})`, suffix: 'max' },
} as const;

export type AggregateFunction = keyof typeof AGGREGATE_FUNCTIONS;

export interface ReadQuery {
	where?: string;
	select?: string[];
	sort?: SortRule[];
	aggregates?: AggregateRule[];
	groupBy?: string[];
}

/** Whether the read answers groups or totals instead of records (no PK_ID order, no keyset, no Simplify). */
export const isGroupedRead = (query: ReadQuery) => (query.aggregates ?? []).length > 0 || (query.groupBy ?? []).length > 0;

/** Totals over every matching record: one row, read in one request without paging. */
export const isAggregateOnly = (query: ReadQuery) => (query.aggregates ?? []).length > 0 && (query.groupBy ?? []).length === 0;

/** A field name the user chose, checked against the field list so it can go into q.select / q.orderBy. */
function knownField(node: INode, itemIndex: number, fields: CaspioField[], name: string, what: string): string {
	const wanted = String(name ?? '').trim();
	if (wanted.toUpperCase() === 'PK_ID') return 'PK_ID';
	const field = fields.find((f) => f.Name.toLowerCase() === wanted.toLowerCase());
	if (!field || !isReadable(field)) {
		throw inputError(node, itemIndex, `${what} "${wanted}" is not a readable field of this table`, `Pick the field from the list under ${what}.`);
	}
	return field.Name;
}

/**
 * The query of a record read: where, the checked select, and always a stable order (the user's sort with PK_ID as the
 * tie-breaker, or PK_ID alone), since pages read without one may skip or repeat rows.
 */
export function readQuery(node: INode, itemIndex: number, fields: CaspioField[], query: ReadQuery): IDataObject {
	const qs: IDataObject = {};
	if (query.where) qs['q.where'] = query.where;
	const select = (query.select ?? []).map((name) => knownField(node, itemIndex, fields, name, 'Fields to Return'));
	if (isGroupedRead(query)) return { ...qs, ...groupedQuery(node, itemIndex, fields, query, [...new Set(select)]) };
	if (select.length > 0) qs['q.select'] = [...new Set(select)].join(',');
	const order = (query.sort ?? []).map((rule) => ({
		field: knownField(node, itemIndex, fields, rule.field ?? '', 'Sort'),
		direction: rule.direction === 'DESC' ? 'DESC' : 'ASC',
	}));
	if (!order.some((o) => o.field === 'PK_ID')) order.push({ field: 'PK_ID', direction: 'ASC' });
	qs['q.orderBy'] = order.map((o) => `${o.field} ${o.direction}`).join(',');
	return qs;
}

/** One aggregate of the select: `SUM(Amount) AS Total`, its field checked against the field list and its alias a plain name. */
function aggregateColumn(node: INode, itemIndex: number, fields: CaspioField[], rule: AggregateRule, position: number): { sql: string; alias: string } {
	const where = `Aggregate ${position}`;
	const name = rule.function ?? 'SUM';
	// An expression may give any text; only the table's own keys are functions.
	const fn = Object.hasOwn(AGGREGATE_FUNCTIONS, name) ? AGGREGATE_FUNCTIONS[name] : undefined;
	if (fn === undefined) {
		throw inputError(node, itemIndex, `${where}: "${String(rule.function)}" is not an aggregate function`, 'Pick Sum, Count, Count Unique, Average, Minimum or Maximum.');
	}
	const wanted = String(rule.field ?? '').trim();
	if (wanted === '' && fn !== AGGREGATE_FUNCTIONS.COUNT) {
		throw inputError(node, itemIndex, `${where}: ${fn.label} needs a field`, `Pick the field to aggregate under Options → Aggregate → Field (only Count may leave it empty, to count records).`);
	}
	const field = wanted === '' ? '*' : knownField(node, itemIndex, fields, wanted, `${where} → Field`);
	const typed = fields.find((f) => f.Name === field);
	if ((fn === AGGREGATE_FUNCTIONS.SUM || fn === AGGREGATE_FUNCTIONS.AVG) && typed !== undefined && !isNumberValuedField(typed)) {
		throw inputError(node, itemIndex, `${where}: ${fn.label} needs a number field, "${field}" is a ${typed.Type} field`, 'Pick a Number, Integer or Currency field, or use Count, Minimum or Maximum.');
	}
	const given = String(rule.alias ?? '').trim();
	const alias = given || (field === '*' ? fn.suffix : `${field}_${fn.suffix}`);
	if (!isPlainFieldName(alias)) {
		throw inputError(
			node,
			itemIndex,
			`${where}: the alias "${alias}" is not a valid column name`,
			'An alias has up to 64 letters, digits and underscores, without spaces, and starts with a letter or an underscore, e.g. Total_Amount. Correct it under Options → Aggregate → Alias.',
		);
	}
	return { sql: `${fn.sql(field)} AS ${alias}`, alias };
}

/**
 * The select, group by and order of a read of groups or totals. The Group By fields (or the Fields to Return, all
 * of them grouped) come first, then the aggregates. Groups are ordered by the user's sort, then by every grouped
 * field, so page after page is stable; a read of totals alone has one row and no order.
 */
function groupedQuery(node: INode, itemIndex: number, fields: CaspioField[], query: ReadQuery, select: string[]): IDataObject {
	const groupBy = [...new Set((query.groupBy ?? []).map((name) => knownField(node, itemIndex, fields, name, 'Group By')))];
	const ungrouped = select.find((name) => !groupBy.includes(name));
	if (ungrouped !== undefined) {
		throw inputError(
			node,
			itemIndex,
			`Fields to Return "${ungrouped}" is neither in Group By nor aggregated`,
			`A read with aggregates returns one row per group: add "${ungrouped}" to Options → Group By, or remove it from Fields to Return.`,
		);
	}
	const aggregates = (query.aggregates ?? []).map((rule, index) => aggregateColumn(node, itemIndex, fields, rule, index + 1));
	const plain = select.length > 0 ? select : groupBy;
	const taken = new Set(plain.map((name) => name.toLowerCase()));
	for (const [index, { alias }] of aggregates.entries()) {
		if (taken.has(alias.toLowerCase())) {
			throw inputError(node, itemIndex, `Aggregate ${index + 1}: the alias "${alias}" names another column of the output`, 'Give each aggregate an Alias of its own under Options → Aggregate.');
		}
		taken.add(alias.toLowerCase());
	}
	const qs: IDataObject = { 'q.select': [...plain, ...aggregates.map((a) => a.sql)].join(',') };
	if (groupBy.length === 0) return qs;
	qs['q.groupBy'] = groupBy.join(',');
	const order = (query.sort ?? []).map((rule) => {
		const wanted = String(rule.field ?? '').trim();
		const alias = aggregates.find((a) => a.alias.toLowerCase() === wanted.toLowerCase())?.alias;
		const field = alias ?? knownField(node, itemIndex, fields, wanted, 'Sort');
		if (alias === undefined && !groupBy.includes(field)) {
			throw inputError(node, itemIndex, `Sort "${field}" is neither in Group By nor an aggregate's alias`, 'Sort a read with Group By by a Group By field or by the Alias of an aggregate.');
		}
		return { field, direction: rule.direction === 'DESC' ? 'DESC' : 'ASC' };
	});
	for (const field of groupBy) if (!order.some((o) => o.field === field)) order.push({ field, direction: 'ASC' });
	qs['q.orderBy'] = order.map((o) => `${o.field} ${o.direction}`).join(',');
	return qs;
}
