/**
 * Return All of a table with bounded concurrency: one request for the PK_ID bounds of the read, then up to
 * READ_CONCURRENCY ranges read side by side, each page after page by keyset. Exact while rows are deleted and
 * inserted: see helpers/keyset.ts.
 */
import type { IDataObject } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { boundOf, keysetWhere, PAGE_ROWS, pkRanges, READ_CONCURRENCY, type PkRange } from '../helpers/keyset';
import { caspioRequest, type CaspioResult } from './index';

/** The smallest and largest PK_ID the where matches, and the count, in one aggregate request. */
async function readBounds(this: RequestContext, path: string, where: string | undefined) {
	const answer = await caspioRequest.call<RequestContext, Parameters<typeof caspioRequest>, Promise<CaspioResult>>(this, {
		method: 'GET',
		path,
		qs: { 'q.select': 'MIN(PK_ID) AS lo,MAX(PK_ID) AS hi,COUNT(PK_ID) AS n', ...(where ? { 'q.where': where } : {}) },
		what: `counting the records of ${path}`,
	});
	const row = answer.Result?.[0] ?? {};
	return { lo: boundOf(row.lo), hi: boundOf(row.hi), count: boundOf(row.n) ?? 0 };
}

/**
 * Every row of `path` that `qs` matches, in PK_ID order. `qs` carries the read's where and select (the select must
 * include PK_ID); order and paging are this reader's.
 */
export async function readAllByKeyset(this: RequestContext, path: string, qs: IDataObject): Promise<IDataObject[]> {
	const where = qs['q.where'] as string | undefined;
	const bounds = await readBounds.call(this, path, where);
	if (bounds.lo === undefined || bounds.hi === undefined || bounds.count === 0) return [];
	const ranges = pkRanges({ lo: bounds.lo, hi: bounds.hi, count: bounds.count }, READ_CONCURRENCY, PAGE_ROWS);
	let failed = false;
	const readRange = async (range: PkRange): Promise<IDataObject[]> => {
		const rows: IDataObject[] = [];
		for (let after = range.after; !failed; ) {
			const page = await caspioRequest
				.call<RequestContext, Parameters<typeof caspioRequest>, Promise<CaspioResult>>(this, {
					method: 'GET',
					path,
					qs: { ...qs, 'q.where': keysetWhere(where, after, range.upTo), 'q.orderBy': 'PK_ID ASC', 'q.pageSize': PAGE_ROWS, 'q.pageNumber': 1 },
					what: `reading the records of ${path} with PK_ID from ${after + 1} to ${range.upTo}`,
				})
				.catch((error: unknown) => {
					// The other ranges stop at their next page instead of reading on for a result that is thrown away.
					failed = true;
					throw error;
				});
			const result = page.Result ?? [];
			rows.push(...result);
			const last = boundOf(result[result.length - 1]?.PK_ID);
			if (result.length < PAGE_ROWS || last === undefined || last >= range.upTo) return rows;
			after = last;
		}
		return rows;
	};
	const parts = await Promise.all(ranges.map(readRange));
	return parts.flat();
}
