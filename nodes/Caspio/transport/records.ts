import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CaspioField } from '../helpers/fieldTypes';
import { isAggregateOnly, isGroupedRead, readQuery, type ReadQuery } from '../helpers/query';
import { caspioGetAllRecords, caspioRequest, type CaspioResult } from './index';
import { readAllByKeyset } from './keyset';

/** `/tables/{t}/records` (or a view's): where a table's records are read, written and deleted. */
export const recordsPath = (name: string, kind: 'tables' | 'views' = 'tables') => `/${kind}/${encodeURIComponent(name)}/records`;

/**
 * Reads records in a stable order, up to `limit` rows; a call returns at most 1,000 records:
 * https://howto.caspio.com/integrate-your-apps/web-services-api/special-considerations
 *
 * Every row of a table in PK_ID order (Return All without a Sort) is read by PK_ID ranges side by side, each by
 * keyset (transport/keyset.ts): faster, and exact while rows change. A Sort keeps the user's order, so it reads pages
 * one after another (q.pageSize + q.pageNumber, never q.limit), as do views (their PK_ID is text), a limit and groups.
 * Totals without Group By are one row, read in one request without paging; a chosen page is one request too.
 */
export async function readRecords(
	this: IExecuteFunctions,
	itemIndex: number,
	source: { kind: 'tables' | 'views'; name: string; fields: CaspioField[] },
	query: ReadQuery & { limit?: number; page?: { number: number; size: number } },
): Promise<IDataObject[]> {
	const qs = readQuery(this.getNode(), itemIndex, source.fields, query);
	const path = recordsPath(source.name, source.kind);
	const readOnce = async (pageQs: IDataObject, what: string) =>
		(await caspioRequest.call<IExecuteFunctions, Parameters<typeof caspioRequest>, Promise<CaspioResult>>(this, { method: 'GET', path, qs: pageQs, what })).Result ?? [];
	if (isAggregateOnly(query)) return await readOnce(qs, `reading the totals of ${path}`);
	if (query.page) {
		return await readOnce({ ...qs, 'q.pageSize': query.page.size, 'q.pageNumber': query.page.number }, `reading page ${query.page.number} of ${path}`);
	}
	if (query.limit !== undefined || source.kind !== 'tables' || (query.sort ?? []).length > 0 || isGroupedRead(query)) {
		return await caspioGetAllRecords.call(this, path, qs, query.limit);
	}
	// The keyset needs each row's PK_ID: asked for when the user's select leaves it out, and dropped again.
	const selected = typeof qs['q.select'] === 'string' ? qs['q.select'].split(',') : undefined;
	const addPk = selected !== undefined && !selected.some((name) => name.toUpperCase() === 'PK_ID');
	const { 'q.orderBy': _order, ...keysetQs } = qs;
	const rows = await readAllByKeyset.call(this, path, addPk ? { ...keysetQs, 'q.select': `${qs['q.select'] as string},PK_ID` } : keysetQs);
	return addPk ? rows.map(({ PK_ID: _pk, ...row }) => row) : rows;
}
