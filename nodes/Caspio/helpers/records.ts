import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { caspioGetAllRecords } from '../transport';
import type { CaspioField } from './fields';

export interface SortRule {
	field?: string;
	direction?: 'ASC' | 'DESC';
}

/** A field name the user chose, checked against the field list so it can go into q.select / q.orderBy. */
function knownField(this: IExecuteFunctions, itemIndex: number, fields: CaspioField[], name: string, what: string): string {
	const wanted = String(name ?? '').trim();
	if (wanted.toUpperCase() === 'PK_ID') return 'PK_ID';
	const field = fields.find((f) => f.Name.toLowerCase() === wanted.toLowerCase());
	if (!field || field.Type.toUpperCase() === 'PASSWORD') {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: ${what} "${wanted}" is not a readable field of this table`, {
			itemIndex,
			description: `Pick the field from the list under ${what}.`,
		});
	}
	return field.Name;
}

/**
 * Reads records page by page (q.pageSize + q.pageNumber, never q.limit), always in a stable order: the user's
 * sort with PK_ID as the tie-breaker, or PK_ID alone, so no row is skipped or repeated across pages (§4.1).
 */
export async function readRecords(
	this: IExecuteFunctions,
	itemIndex: number,
	source: { kind: 'tables' | 'views'; name: string; fields: CaspioField[] },
	query: { where?: string; select?: string[]; sort?: SortRule[]; limit?: number },
): Promise<IDataObject[]> {
	const qs: IDataObject = {};
	if (query.where) qs['q.where'] = query.where;
	const select = (query.select ?? []).map((name) => knownField.call(this, itemIndex, source.fields, name, 'Fields to Return'));
	if (select.length > 0) qs['q.select'] = [...new Set(select)].join(',');
	const order = (query.sort ?? []).map((rule) => {
		const field = knownField.call(this, itemIndex, source.fields, rule.field ?? '', 'Sort');
		return { field, direction: rule.direction === 'DESC' ? 'DESC' : 'ASC' };
	});
	if (!order.some((o) => o.field === 'PK_ID')) order.push({ field: 'PK_ID', direction: 'ASC' });
	qs['q.orderBy'] = order.map((o) => `${o.field} ${o.direction}`).join(',');
	return await caspioGetAllRecords.call(this, `/${source.kind}/${encodeURIComponent(source.name)}/records`, qs, query.limit);
}
