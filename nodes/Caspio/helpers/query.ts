import type { IDataObject, INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { isReadable, type CaspioField } from './fieldTypes';

export interface SortRule {
	field?: string;
	direction?: 'ASC' | 'DESC';
}

export interface ReadQuery {
	where?: string;
	select?: string[];
	sort?: SortRule[];
}

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
	if (select.length > 0) qs['q.select'] = [...new Set(select)].join(',');
	const order = (query.sort ?? []).map((rule) => ({
		field: knownField(node, itemIndex, fields, rule.field ?? '', 'Sort'),
		direction: rule.direction === 'DESC' ? 'DESC' : 'ASC',
	}));
	if (!order.some((o) => o.field === 'PK_ID')) order.push({ field: 'PK_ID', direction: 'ASC' });
	qs['q.orderBy'] = order.map((o) => `${o.field} ${o.direction}`).join(',');
	return qs;
}
