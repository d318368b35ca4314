import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { RequestContext } from '../../shared/http';
import { serviceRequest } from '../../shared/transport';
import { multipartBody, type MultipartFile } from './multipart';
import { caspioService, caspioV4Service } from './service';

export type { MultipartFile } from './multipart';

export interface CaspioRequest {
	method: IHttpRequestMethods;
	/** Path under the REST v3 root (v4's with `version: 'v4'`), e.g. `/tables/Leads/records`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	/** REST v4 instead of v3 (bulk writes). */
	version?: 'v4';
	/** Defaults to true for everything but POST. */
	idempotent?: boolean;
	/** Resolve with `{ statusCode, headers, body }` instead of the body (a created record's id is in `Location`). */
	fullResponse?: boolean;
	/** Shown in error messages: "while …". */
	what?: string;
	/** Files to send as multipart/form-data instead of a JSON body. */
	files?: MultipartFile[];
	/** The answer is a file: resolve with its bytes (and, with `fullResponse`, its headers). */
	binaryResponse?: boolean;
}

/** The one way this package talks to Caspio: the request core with Caspio's service, multipart bodies built here. */
export async function caspioRequest<T = IDataObject>(this: RequestContext, request: CaspioRequest): Promise<T> {
	const { files, version, ...rest } = request;
	const multipart = files && multipartBody(files);
	return await serviceRequest.call<RequestContext, Parameters<typeof serviceRequest>, Promise<T>>(this, version === 'v4' ? caspioV4Service : caspioService, {
		...rest,
		...(multipart ? { body: multipart.body, headers: { 'Content-Type': multipart.contentType } } : {}),
	});
}

/** Response of record reads: Caspio wraps rows in `Result`. */
export interface CaspioResult<T = IDataObject> {
	Result: T[];
}

/** How a list endpoint names its paging parameters: records use the `q.` prefix, the Files area does not. */
type PagingParameters = { size: string; number: string };

/** A page of a list: `Result`, and on the Files area a `Pagination` total. */
interface CaspioPage {
	Result?: IDataObject[];
	Pagination?: { TotalCount?: number };
}

/** A reader of every page of a list endpoint, stopping at `limit` items when given. */
function pagedReader(paging: PagingParameters) {
	return async function getAllPages(this: RequestContext, path: string, qs: IDataObject = {}, limit?: number): Promise<IDataObject[]> {
		const pageSize = limit === undefined ? 1000 : Math.min(1000, Math.max(5, limit));
		const items: IDataObject[] = [];
		for (let pageNumber = 1; ; pageNumber++) {
			const page = await caspioRequest.call<RequestContext, [CaspioRequest], Promise<CaspioPage>>(this, {
				method: 'GET',
				path,
				qs: { ...qs, [paging.size]: pageSize, [paging.number]: pageNumber },
				what: `reading page ${pageNumber} of ${path}`,
			});
			const result = page.Result ?? [];
			items.push(...result);
			if (limit !== undefined && items.length >= limit) return items.slice(0, limit);
			const total = page.Pagination?.TotalCount;
			if (result.length < pageSize || (total !== undefined && items.length >= total)) return items;
		}
	};
}

/**
 * Reads every page of a records endpoint with `q.pageSize` + `q.pageNumber` (never `q.limit`, which Caspio
 * does not combine with paging), stopping at `limit` rows when given.
 */
export const caspioGetAllRecords = pagedReader({ size: 'q.pageSize', number: 'q.pageNumber' });

/** Reads every page of a Files-area list with `pageSize` + `pageNumber`, stopping at `limit` items when given. */
export const caspioGetAllFilePages = pagedReader({ size: 'pageSize', number: 'pageNumber' });
