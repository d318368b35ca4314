import { CaspioError } from './errors';
import { publicValue, sqlKind, whereValue } from './fields';
import type { StoredRow, Table, View } from './store';
import { compileWhere, WhereError, type SqlKind, type WhereValue } from './where';

/** A column a query may name: PASSWORD fields are left out, so select and where treat them as unknown (§8.6). */
export interface Column {
	name: string;
	kind: SqlKind;
	read(row: StoredRow): WhereValue;
	out(row: StoredRow): unknown;
}

/** What GET …/records reads from: a table, or a view (a named filter over one table). */
export interface Source {
	rows: StoredRow[];
	columns: Column[];
}

export interface ListRules {
	/** UNCERTAIN §4.1: one field note says `q.limit` below 5 is refused; the later, measured note says it works. */
	rejectSmallLimit: boolean;
	/** UNCERTAIN §4.1: whether v3 record lists carry `Pagination.TotalCount`. */
	includePagination: boolean;
}

export function tableSource(table: Table): Source {
	const pk: Column = { name: 'PK_ID', kind: 'number', read: (r) => r.PK_ID, out: (r) => r.PK_ID };
	const fields = table.fields
		.filter((f) => f.Type !== 'PASSWORD')
		.map<Column>((f) => ({
			name: f.Name,
			kind: sqlKind(f.Type),
			read: (r) => whereValue(f, r[f.Name]),
			out: (r) => publicValue(f, r[f.Name]),
		}));
	return { rows: table.rows, columns: [pk, ...fields] };
}

/** A view's PK_ID is a string (§4.1); it lists the chosen fields of the rows its filter keeps. */
export function viewSource(view: View, table: Table): Source {
	const base = tableSource(table);
	const pk: Column = { name: 'PK_ID', kind: 'text', read: (r) => String(r.PK_ID), out: (r) => String(r.PK_ID) };
	const chosen = view.fields?.map((name) => name.toLowerCase());
	const columns = base.columns.slice(1).filter((c) => !chosen || chosen.includes(c.name.toLowerCase()));
	return { rows: filterRows(base, view.where), columns: [pk, ...columns] };
}

export function findColumn(source: Source, name: string): Column | undefined {
	const wanted = name.replace(/^\[(.*)\]$/, '$1').toLowerCase();
	return source.columns.find((c) => c.name.toLowerCase() === wanted);
}

/** Rows matching a where clause; a bad clause is SQL Server's error, passed through as `SqlServerError` (§5.1). */
export function filterRows(source: Source, where: string | undefined): StoredRow[] {
	if (where === undefined || where.trim() === '') return source.rows;
	try {
		return source.rows.filter(compileWhere(where, (name) => findColumn(source, name)));
	} catch (error) {
		if (error instanceof WhereError) throw new CaspioError(400, 'SqlServerError', error.message);
		throw error;
	}
}

/** `q.<name>` or plain `<name>`, any case (§4.1: the official node sends `where=` and `Where=`). */
export function qParam(query: URLSearchParams, name: string): string | undefined {
	const entries = [...query.entries()];
	const find = (key: string) => entries.find(([k]) => k.toLowerCase() === key)?.[1];
	return find(`q.${name.toLowerCase()}`) ?? find(name.toLowerCase());
}

const badQuery = (message: string) => new CaspioError(400, 'IncorrectQueryParameter', message);
const sqlError = (message: string) => new CaspioError(400, 'SqlServerError', message);

type Aggregate = 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX';
interface SelectItem {
	label: string;
	column?: Column;
	aggregate?: { fn: Aggregate; column?: Column; distinct: boolean };
}
/** One output row with the source row it came from (the group's first row), for ordering by unselected columns. */
interface Shaped {
	src: StoredRow | undefined;
	out: Record<string, unknown>;
}

/** GET …/records: where → group/aggregate → order (PK_ID by default) → limit or page (§4.1). */
export function listRecords(source: Source, query: URLSearchParams, rules: ListRules) {
	const rows = filterRows(source, qParam(query, 'where'));
	const items = parseSelect(source, qParam(query, 'select'));
	const groupBy = splitList(qParam(query, 'groupBy')).map((name) => {
		const column = findColumn(source, name);
		if (!column) throw sqlError(`Invalid column name '${name}'.`);
		return column;
	});
	const grouped = items.some((i) => i.aggregate) || groupBy.length > 0;
	const shaped = grouped
		? aggregateRows(rows, items, groupBy)
		: rows.map((r) => ({ src: r, out: Object.fromEntries(items.map((i) => [i.label, i.column?.out(r)])) }));
	const ordered = orderRows(source, shaped, items.map((i) => i.label), qParam(query, 'orderBy'), grouped ? groupBy : undefined);
	const page = pageRows(ordered, query, rules).map((s) => s.out);
	return rules.includePagination ? { Result: page, Pagination: { TotalCount: ordered.length } } : { Result: page };
}

/** Splits on top-level commas (not inside parentheses). */
function splitList(text: string | undefined): string[] {
	if (!text?.trim()) return [];
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (const ch of text) {
		if (ch === ',' && depth === 0) {
			parts.push(current.trim());
			current = '';
			continue;
		}
		depth += ch === '(' ? 1 : ch === ')' ? -1 : 0;
		current += ch;
	}
	return [...parts, current.trim()];
}

/** q.select: fields, `*`, `X AS y`, and COUNT/SUM/AVG/MIN/MAX([DISTINCT] x); anything unknown is Caspio's 500 (§4.1). */
function parseSelect(source: Source, select: string | undefined): SelectItem[] {
	const parts = splitList(select);
	if (parts.length === 0) return source.columns.map((c) => ({ label: c.name, column: c }));
	return parts.flatMap<SelectItem>((part) => {
		const [, expr, alias] = /^(.+?)(?:\s+AS\s+\[?([A-Za-z_][\w ]*?)\]?)?$/i.exec(part) ?? [part, part];
		if (expr === '*') return source.columns.map((c) => ({ label: c.name, column: c }));
		const agg = /^(COUNT|SUM|AVG|MIN|MAX)\s*\(\s*(DISTINCT\s+)?(.+?)\s*\)$/i.exec(expr);
		const fieldName = agg ? agg[3] : expr;
		const column = fieldName === '*' && agg?.[1].toUpperCase() === 'COUNT' ? undefined : findColumn(source, fieldName);
		if (!column && fieldName !== '*') throw new CaspioError(500, 'SqlServerError', `Invalid column name '${fieldName}'.`);
		if (!agg) return [{ label: alias ?? (column as Column).name, column }];
		const fn = agg[1].toUpperCase() as Aggregate;
		// SQL Server leaves an unaliased aggregate unnamed; the expression text is the least surprising key.
		return [{ label: alias ?? expr, aggregate: { fn, column, distinct: agg[2] !== undefined } }];
	});
}

function aggregateRows(rows: StoredRow[], items: SelectItem[], groupBy: Column[]): Shaped[] {
	for (const item of items) {
		if (item.column && !groupBy.includes(item.column)) {
			throw sqlError(
				`Column '${item.column.name}' is invalid in the select list because it is not contained in either an aggregate function or the GROUP BY clause.`,
			);
		}
	}
	const groups = new Map<string, StoredRow[]>();
	for (const row of groupBy.length ? rows : []) {
		const key = JSON.stringify(groupBy.map((c) => normalise(c.read(row))));
		const group = groups.get(key);
		if (group) group.push(row);
		else groups.set(key, [row]);
	}
	// Without GROUP BY an aggregate answers one row, even over no rows.
	const buckets = groupBy.length === 0 ? [rows] : [...groups.values()];
	return buckets.map((bucket) => ({
		src: bucket[0],
		out: Object.fromEntries(
			items.map((i) => [i.label, i.aggregate ? aggregate(bucket, i.aggregate) : i.column?.out(bucket[0])]),
		),
	}));
}

function aggregate(rows: StoredRow[], spec: NonNullable<SelectItem['aggregate']>): WhereValue {
	const { fn, column, distinct } = spec;
	if (!column) return rows.length;
	let values = rows.map((r) => column.read(r)).filter((v): v is Exclude<WhereValue, null> => v !== null);
	if (distinct) values = values.filter((v, i) => values.findIndex((w) => normalise(w) === normalise(v)) === i);
	if (fn === 'COUNT') return values.length;
	if (values.length === 0) return null;
	if (fn === 'MIN' || fn === 'MAX') return values.reduce((best, v) => (compareValues(v, best) * (fn === 'MIN' ? 1 : -1) < 0 ? v : best));
	const sum = values.reduce<number>((total, v) => total + Number(v), 0);
	return fn === 'SUM' ? sum : sum / values.length;
}

/** Group keys follow the case-insensitive collation, like equality does. */
const normalise = (v: WhereValue) => (typeof v === 'string' ? v.trimEnd().toLowerCase() : v);
const collator = new Intl.Collator('en', { sensitivity: 'accent' });

/** SQL Server ordering: NULL first, numbers numerically, text by the case-insensitive collation. */
function compareValues(a: unknown, b: unknown): number {
	if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
	if (b === null || b === undefined) return 1;
	if (typeof a === 'string' || typeof b === 'string') return collator.compare(String(a), String(b));
	return Number(a) - Number(b);
}

/** Keys name an output label (alias) first, then any source column (only a grouped one when rows are grouped). */
function orderRows(source: Source, shaped: Shaped[], labels: string[], orderBy: string | undefined, groupBy?: Column[]): Shaped[] {
	const keys = splitList(orderBy).map((part) => {
		const m = /^(.+?)(?:\s+(ASC|DESC))?$/i.exec(part) as RegExpExecArray;
		const name = m[1].replace(/^\[(.*)\]$/, '$1');
		const direction = m[2]?.toUpperCase() === 'DESC' ? -1 : 1;
		const label = labels.find((k) => k.toLowerCase() === name.toLowerCase());
		if (label !== undefined) return { direction, value: (s: Shaped) => s.out[label] };
		const column = findColumn(source, name);
		if (!column) throw sqlError(`Invalid column name '${name}'.`);
		if (groupBy && !groupBy.includes(column)) {
			throw sqlError(`Column '${column.name}' is invalid in the ORDER BY clause because it is not contained in either an aggregate function or the GROUP BY clause.`);
		}
		return { direction, value: (s: Shaped) => (s.src ? column.read(s.src) : null) };
	});
	// Array.prototype.sort is stable, so ties keep PK_ID order; the real service is not deterministic here (§4.1).
	return [...shaped].sort((x, y) => {
		for (const key of keys) {
			const order = compareValues(key.value(x), key.value(y));
			if (order !== 0) return order * key.direction;
		}
		return 0;
	});
}

function wholeNumber(name: string, value: string): number {
	if (!/^\s*\d+\s*$/.test(value)) throw badQuery(`The value '${value}' is not valid for q.${name}.`);
	return Number(value);
}

/** `q.pageSize`/`q.pageNumber` win over `q.limit` when both are sent; they are two different paging models (§4.1). */
function pageRows<T>(rows: T[], query: URLSearchParams, rules: ListRules): T[] {
	const pageNumber = qParam(query, 'pageNumber');
	const pageSize = qParam(query, 'pageSize');
	if (pageNumber !== undefined || pageSize !== undefined) {
		const size = wholeNumber('pageSize', pageSize ?? '25');
		const page = wholeNumber('pageNumber', pageNumber ?? '1');
		if (size < 5 || size > 1000) throw badQuery('q.pageSize must be between 5 and 1000.');
		if (page < 1) throw badQuery('q.pageNumber must be 1 or more.');
		return rows.slice((page - 1) * size, page * size);
	}
	const limitText = qParam(query, 'limit');
	const limit = limitText === undefined ? 100 : wholeNumber('limit', limitText);
	const lowest = rules.rejectSmallLimit ? 5 : 1;
	if (limit < lowest) throw badQuery(`q.limit must be between ${lowest} and 1000.`);
	return rows.slice(0, Math.min(limit, 1000));
}
