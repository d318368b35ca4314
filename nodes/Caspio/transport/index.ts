import {
	type IDataObject,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
} from 'n8n-workflow';

import { apiError, credentialUrl, isIdempotentMethod, readHttpFailure, type HttpFailure, type RequestContext } from '../../shared/http';
import { withRetry, type RetryPolicy } from '../../shared/retry';
import { caspioBaseUrl } from '../../shared/url';
import { caspioErrorBody, describeCaspioFailure, PERMANENT_CASPIO_CODES } from '../helpers/errors';

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
}

/** Caspio answers a token it no longer accepts with 400 IncorrectQueryParameter at times, not only with 401. */
function isStaleTokenAnswer(failure: HttpFailure): boolean {
	return failure.status === 400 && caspioErrorBody(failure).Code === 'IncorrectQueryParameter';
}

/** The one way this package talks to Caspio: auth from the credential, retries by policy, errors as sentences. */
export async function caspioRequest<T = IDataObject>(this: RequestContext, request: CaspioRequest): Promise<T> {
	const credentials = await this.getCredentials(CREDENTIAL);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: `${credentialUrl(this, caspioBaseUrl(credentials.integrationUrl))}${REST_ROOT}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		headers: { Accept: 'application/json' },
		returnFullResponse: request.fullResponse,
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
	const pageSize = limit === undefined ? 1000 : Math.min(1000, Math.max(5, limit));
	const rows: IDataObject[] = [];
	for (let pageNumber = 1; ; pageNumber++) {
		const page = await caspioRequest.call<RequestContext, [CaspioRequest], Promise<CaspioResult>>(this, {
			method: 'GET',
			path,
			qs: { ...qs, 'q.pageSize': pageSize, 'q.pageNumber': pageNumber },
			what: `reading page ${pageNumber} of ${path}`,
		});
		rows.push(...page.Result);
		if (limit !== undefined && rows.length >= limit) return rows.slice(0, limit);
		if (page.Result.length < pageSize) return rows;
	}
}
