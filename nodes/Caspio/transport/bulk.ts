/**
 * Caspio REST v4 bulk insert: `POST /v4/tables/{tableId}/records/bulk` with up to 1,000 rows, one billed call.
 * v4 addresses a table by a short id, read once per execution from `GET /v4/tables`. The v3 token works on v4.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { memoOf } from '../../shared/cache';
import { answeredWith, asNodeError } from '../../shared/errors';
import { caspioRequest } from './index';

/** A v4 list answer: `{data, pagination}`. */
interface V4Page {
	data?: IDataObject[];
	pagination?: { totalCount?: number };
}

/**
 * Answers that mean "this account (or API profile) has no REST v4": the path is unknown to it. UNCERTAIN: no source
 * shows what an account without v4 answers; an unknown path is 404 on Caspio, and 403/405/501 are read the same way
 * so that a v3-only profile still writes its records.
 */
const NO_V4_STATUSES = [403, 404, 405, 501];

/**
 * The v4 ids of the account's tables by lower-case name, or undefined when the account has no v4; once per execution.
 * The id's key is `id` in the field source's listing; `tableId` and `Id` are read too (UNCERTAIN).
 */
export async function v4TableIds(this: IExecuteFunctions): Promise<Map<string, string> | undefined> {
	return await memoOf(this).once('caspio:v4:tables', async () => {
		const ids = new Map<string, string>();
		try {
			for (let pageNumber = 1; ; pageNumber++) {
				const page = await caspioRequest.call<IExecuteFunctions, Parameters<typeof caspioRequest>, Promise<V4Page>>(this, {
					method: 'GET',
					version: 'v4',
					path: '/tables',
					qs: { pageSize: 1000, pageNumber },
					what: 'listing the tables of REST v4',
				});
				const data = page.data ?? [];
				for (const table of data) {
					const id = table.id ?? table.tableId ?? table.Id;
					if (table.name !== undefined && id !== undefined) ids.set(String(table.name).toLowerCase(), String(id));
				}
				if (data.length < 1000 || ids.size >= (page.pagination?.totalCount ?? Number.POSITIVE_INFINITY)) return ids;
			}
		} catch (error) {
			if (answeredWith(error, ...NO_V4_STATUSES)) return undefined;
			throw asNodeError(this.getNode(), error);
		}
	});
}

/**
 * Sends one bulk insert and resolves with Caspio's answer (201 or 207 body). Never resent after an answer that does
 * not prove the rows were refused untouched: the request is not idempotent (no key lets Caspio recognise a row it
 * already stored), so the core retries it only after a 429 or a refused connection, and a timeout, reset or 5xx is
 * reported to the caller as an unknown outcome instead of risking every row twice.
 */
export async function bulkInsert(this: IExecuteFunctions, tableId: string, table: string, rows: IDataObject[]): Promise<unknown> {
	return await caspioRequest.call<IExecuteFunctions, Parameters<typeof caspioRequest>, Promise<unknown>>(this, {
		method: 'POST',
		version: 'v4',
		path: `/tables/${encodeURIComponent(tableId)}/records/bulk`,
		qs: { echo: true },
		body: rows,
		idempotent: false,
		what: `creating ${rows.length.toLocaleString('en-US')} record${rows.length === 1 ? '' : 's'} in "${table}"`,
	});
}
