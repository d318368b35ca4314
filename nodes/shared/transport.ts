import type { ICredentialDataDecryptedObject, IDataObject, IHttpRequestMethods, IHttpRequestOptions } from 'n8n-workflow';

import { describeFailure, type FailureVocabulary } from './failures';
import { apiError, credentialUrl, isIdempotentMethod, readHttpFailure, type HttpFailure, type RequestContext } from './http';
import { throttled, type Limiter } from './limiter';
import { withRetry, type AttemptFailure, type RetryPolicy } from './retry';
import type { UrlCheck } from './url';

/**
 * One service as data: everything the request core needs to call it. Each service folder states its own (Caspio's
 * REST API, ActiveCampaign's API, its event tracking endpoint) and every request of the package goes through
 * `serviceRequest`, so auth, URLs, retries, throttling and error sentences are written once.
 */
export interface Service {
	/** The n8n credential type whose `authenticate`/`preAuthentication` sign the request; none for n8n's own URLs. */
	credential?: string;
	/** The base URL read from the credential, or the sentence saying which field to correct; none when each request names its URL. */
	baseUrl?: (credentials: ICredentialDataDecryptedObject) => UrlCheck;
	/** Path prefix every request path is joined to, e.g. `/api/3`. */
	root: string;
	retryPolicy: RetryPolicy;
	/** How a failed attempt is read for the policy; defaults to what the HTTP answer says. */
	classify?: (failure: HttpFailure) => AttemptFailure;
	/** Options for n8n's authenticated request, given the failure before this attempt (e.g. "fetch a new token"). */
	authOptions?: (previous: AttemptFailure | undefined) => { preAuthenticationRetryStatusCode?: number[] } | undefined;
	/** The per-account budgets every request of this service keeps to, built from the base URL and the credential. */
	limiters?: (base: string, credentials: ICredentialDataDecryptedObject) => Limiter[];
	failures: FailureVocabulary;
}

export interface ServiceRequest {
	method: IHttpRequestMethods;
	/** Path under the service's root. */
	path?: string;
	/** The whole address instead of base URL, root and path: for a service without a base URL. */
	url?: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | string | Buffer;
	headers?: IDataObject;
	/** Defaults to true for everything but POST: true when resending cannot duplicate an effect. */
	idempotent?: boolean;
	/** Shown in error messages: "while …". */
	what?: string;
	/** Resolve with `{ statusCode, headers, body }` instead of the body. */
	fullResponse?: boolean;
	/** The answer is a file: resolve with its bytes. */
	binaryResponse?: boolean;
	/** Budgets this request keeps to besides the service's own, outermost first. */
	limiters?: Limiter[];
}

/** What `fullResponse` resolves with. */
export interface FullResponse<T> {
	statusCode: number;
	headers: IDataObject;
	body: T;
}

/** The service's base URL from the credential (an error naming the field when it is not usable). */
export async function serviceBaseUrl(this: RequestContext, service: Service): Promise<string> {
	const credentials = service.credential ? await this.getCredentials(service.credential) : {};
	return service.baseUrl ? credentialUrl(this, service.baseUrl(credentials)) : '';
}

/**
 * The one way this package sends a request: auth from the credential, the service's throttle, retries by its
 * policy, and on failure an error built from scratch (no request, header or secret rides along) in a sentence the
 * user can act on.
 */
export async function serviceRequest<T = IDataObject>(this: RequestContext, service: Service, request: ServiceRequest): Promise<T> {
	const credentials = service.credential ? await this.getCredentials(service.credential) : {};
	const base = service.baseUrl ? credentialUrl(this, service.baseUrl(credentials)) : '';
	const limiters = [...(request.limiters ?? []), ...(service.limiters?.(base, credentials) ?? [])];
	const options: IHttpRequestOptions = {
		method: request.method,
		url: request.url ?? `${base}${service.root}${request.path ?? ''}`,
		qs: request.qs,
		body: request.body,
		json: true,
		headers: { Accept: request.binaryResponse ? '*/*' : 'application/json', ...request.headers },
		returnFullResponse: request.fullResponse,
		...(request.binaryResponse ? { encoding: 'arraybuffer' as const } : {}),
	};
	const classify = service.classify ?? ((failure: HttpFailure) => failure);
	const { credential } = service;
	const send = async (previous: AttemptFailure | undefined) =>
		credential
			? await this.helpers.httpRequestWithAuthentication.call(this, credential, { ...options }, service.authOptions?.(previous))
			: await this.helpers.httpRequest({ ...options });
	const outcome = await withRetry(
		service.retryPolicy,
		{ idempotent: request.idempotent ?? isIdempotentMethod(request.method) },
		async (_attempt, previous) => await throttled(limiters, async () => await send(previous)),
		(error) => classify(readHttpFailure(error)),
	);
	if (!outcome.ok) {
		const what = request.what ?? `calling ${request.method} ${request.path ?? service.root}`;
		throw apiError(this, outcome, (failure) => describeFailure(service.failures, failure, what));
	}
	return outcome.value as T;
}
