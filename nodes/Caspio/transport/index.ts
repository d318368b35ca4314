import {
	type IDataObject,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { apiError, credentialUrl, isIdempotentMethod, readHttpFailure, type HttpFailure, type RequestContext } from '../../shared/http';
import { withRetry, type RetryPolicy } from '../../shared/retry';
import { caspioBaseUrl } from '../../shared/url';
import { caspioErrorBody, describeCaspioFailure, PERMANENT_CASPIO_CODES } from '../helpers/errors';
import { multipartBody, type MultipartFile } from './multipart';

export type { MultipartFile } from './multipart';

export const CREDENTIAL = 'caspioApi';
const REST_ROOT = '/integrations/rest/v3';

/** Caspio: 429 and 5xx are retried; writes only after a 429, which Caspio answers before doing anything. */
export const caspioRetryPolicy: RetryPolicy = {
	retryableStatuses: [429, 500, 502, 503, 504],
	safeForWritesStatuses: [429],
	retryableNetworkCodes: ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT', 'EAI_AGAIN'],
	unsentNetworkCodes: ['ECONNREFUSED'],
	maxAttempts: 6,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	jitter: 0.5,
	budgetMs: 120_000,
};

export interface CaspioRequest {
	method: IHttpRequestMethods;
	/** Path under the REST v3 root, e.g. `/tables/Leads/records`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
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

/** Caspio answers a token it no longer accepts with 400 IncorrectQueryParameter at times, not only with 401. */
function isStaleTokenAnswer(failure: HttpFailure): boolean {
	return failure.status === 400 && caspioErrorBody(failure).Code === 'IncorrectQueryParameter';
}

/** The one way this package talks to Caspio: auth from the credential, retries by policy, errors as sentences. */
export async function caspioRequest<T = IDataObject>(this: RequestContext, request: CaspioRequest): Promise<T> {
	const credentials = await this.getCredentials(CREDENTIAL);
	const multipart = request.files && multipartBody(request.files);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${credentialUrl(this, caspioBaseUrl(credentials.integrationUrl))}${REST_ROOT}${request.path}`,
		qs: request.qs,
		body: multipart?.body ?? request.body,
		json: true,
		headers: {
			Accept: request.binaryResponse ? '*/*' : 'application/json',
			...(multipart ? { 'Content-Type': multipart.contentType } : {}),
		},
		returnFullResponse: request.fullResponse,
		...(request.binaryResponse ? { encoding: 'arraybuffer' as const } : {}),
	};
	const outcome = await withRetry(
		caspioRetryPolicy,
		{ idempotent: request.idempotent ?? isIdempotentMethod(request.method) },
		async (_attempt, previous) =>
			await this.helpers.httpRequestWithAuthentication.call(
				this,
				CREDENTIAL,
				{ ...options },
				// After a stale-token 400, a second 400 makes n8n fetch a new token and send once more.
				previous?.resendOnce ? { preAuthenticationRetryStatusCode: [400, 401] } : undefined,
			),
		(error) => {
			const failure = readHttpFailure(error);
			const code = caspioErrorBody(failure).Code;
			if (isStaleTokenAnswer(failure)) return { ...failure, resendOnce: true };
			return code && PERMANENT_CASPIO_CODES.has(code) ? {} : failure;
		},
	);
	if (!outcome.ok) {
		throw apiError(this, outcome, (failure) =>
			describeCaspioFailure(failure, request.what ?? `calling ${request.method} ${request.path}`),
		);
	}
	return outcome.value as T;
}

/** Response of record reads: Caspio wraps rows in `Result`. */
export interface CaspioResult<T = IDataObject> {
	Result: T[];
}

/** A page of a list: `Result`, and on the Files area a `Pagination` total. */
interface CaspioPage {
	Result?: IDataObject[];
	Pagination?: { TotalCount?: number };
}

/** How a list endpoint names its paging parameters: records use the `q.` prefix, the Files area does not (§2.1). */
type PagingParameters = { size: string; number: string };

async function getAllPages(
	this: RequestContext,
	path: string,
	qs: IDataObject,
	limit: number | undefined,
	paging: PagingParameters,
): Promise<IDataObject[]> {
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
}

/**
 * Reads every page of a records endpoint with `q.pageSize` + `q.pageNumber` (never `q.limit`, which Caspio
 * does not combine with paging), stopping at `limit` rows when given.
 */
export async function caspioGetAllRecords(
	this: RequestContext,
	path: string,
	qs: IDataObject = {},
	limit?: number,
): Promise<IDataObject[]> {
	return await getAllPages.call(this, path, qs, limit, { size: 'q.pageSize', number: 'q.pageNumber' });
}

/** Reads every page of a Files-area list with `pageSize` + `pageNumber`, stopping at `limit` items when given. */
export async function caspioGetAllFilePages(
	this: RequestContext,
	path: string,
	qs: IDataObject = {},
	limit?: number,
): Promise<IDataObject[]> {
	return await getAllPages.call(this, path, qs, limit, { size: 'pageSize', number: 'pageNumber' });
}
