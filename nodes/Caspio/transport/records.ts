import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { CaspioField } from '../helpers/fieldTypes';
import { readQuery, type ReadQuery } from '../helpers/query';
import { caspioGetAllRecords } from './index';

/** `/tables/{t}/records` (or a view's): where a table's records are read, written and deleted. */
export const recordsPath = (name: string, kind: 'tables' | 'views' = 'tables') => `/${kind}/${encodeURIComponent(name)}/records`;

/**
 * Reads records page by page (q.pageSize + q.pageNumber, never q.limit) in a stable order, up to `limit` rows. A call
 * returns at most 1,000 records: https://howto.caspio.com/integrate-your-apps/web-services-api/special-considerations
 */
export async function readRecords(
	this: IExecuteFunctions,
	itemIndex: number,
	source: { kind: 'tables' | 'views'; name: string; fields: CaspioField[] },
	query: ReadQuery & { limit?: number },
): Promise<IDataObject[]> {
	const qs = readQuery(this.getNode(), itemIndex, source.fields, query);
	return await caspioGetAllRecords.call(this, recordsPath(source.name, source.kind), qs, query.limit);
}
