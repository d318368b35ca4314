import {
	NodeOperationError,
	type IDataObject,
	type IHttpRequestMethods,
} from 'n8n-workflow';

import { apiError, credentialUrl, isIdempotentMethod, readHttpFailure, type RequestContext } from '../../shared/http';
import { withRetry, type RetryPolicy } from '../../shared/retry';
import { activeCampaignBaseUrl, eventTrackingUrl } from '../../shared/url';
import { describeActiveCampaignFailure } from '../helpers/errors';
import { limiterFor } from './limiter';

export const CREDENTIAL = 'activeCampaignPlusApi';

/** ActiveCampaign: 429 (with Retry-After) and 5xx are retried; creates only after a 429, which rejects before acting. */
export const activeCampaignRetryPolicy: RetryPolicy = {
	retryableStatuses: [429, 500, 502, 503, 504],
	safeForWritesStatuses: [429],
	retryableNetworkCodes: ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT', 'EAI_AGAIN'],
	unsentNetworkCodes: ['ECONNREFUSED'],
	maxAttempts: 8,
	baseDelayMs: 1000,
	maxDelayMs: 30_000,
	jitter: 0.5,
	budgetMs: 180_000,
};

export interface ActiveCampaignRequest {
	method: IHttpRequestMethods;
	/** Path under `/api/3`, e.g. `/contacts`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Defaults to true for everything but POST; `/contact/sync` and association upserts set it. */
	idempotent?: boolean;
	/** Shown in error messages: "while …". */
	what?: string;
}

/** The one way this package calls ActiveCampaign's API: per-account throttle, retries by policy, clear errors. */
export async function activeCampaignRequest<T = IDataObject>(
	this: RequestContext,
	request: ActiveCampaignRequest,
): Promise<T> {
	const credentials = await this.getCredentials(CREDENTIAL);
	const base = credentialUrl(this, activeCampaignBaseUrl(credentials.apiUrl));
	const limiter = limiterFor(base);
	const outcome = await withRetry(
		activeCampaignRetryPolicy,
		{ idempotent: request.idempotent ?? isIdempotentMethod(request.method) },
		async () => {
			await limiter.acquire();
			return await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL, {
				method: request.method,
				url: `${base}/api/3${request.path}`,
				qs: request.qs,
				body: request.body,
				json: true,
				headers: { Accept: 'application/json' },
			});
		},
		readHttpFailure,
	);
	if (!outcome.ok) {
		throw apiError(this, outcome, (failure) =>
			describeActiveCampaignFailure(failure, request.what ?? `calling ${request.method} ${request.path}`),
		);
	}
	return outcome.value as T;
}

/**
 * Reads every page of a collection with `limit`/`offset` (100 per page, the API's maximum), stopping at `max`
 * items when given. `key` is the collection's envelope key, e.g. `tags`.
 */
export async function activeCampaignGetAll(
	this: RequestContext,
	path: string,
	key: string,
	qs: IDataObject = {},
	max?: number,
): Promise<IDataObject[]> {
	const pageSize = max === undefined ? 100 : Math.min(100, Math.max(1, max));
	const items: IDataObject[] = [];
	for (let offset = 0; ; offset += pageSize) {
		const page = await activeCampaignRequest.call<RequestContext, [ActiveCampaignRequest], Promise<IDataObject>>(this, {
			method: 'GET',
			path,
			qs: { ...qs, limit: pageSize, offset },
			what: `reading ${key}`,
		});
		const batch = (page[key] as IDataObject[] | undefined) ?? [];
		items.push(...batch);
		if (max !== undefined && items.length >= max) return items.slice(0, max);
		const total = Number((page.meta as IDataObject | undefined)?.total ?? Number.NaN);
		if (batch.length < pageSize || (Number.isFinite(total) && offset + batch.length >= total)) return items;
	}
}

/** Tracks an event through the event tracking endpoint named in the credential (form-encoded, like trackcmp). */
export async function trackEvent(
	this: RequestContext,
	event: { name: string; email: string; data?: string },
	itemIndex: number,
): Promise<IDataObject> {
	const credentials = await this.getCredentials(CREDENTIAL);
	if (!credentials.eventAccountId || !credentials.eventKey) {
		throw new NodeOperationError(this.getNode(), 'Event tracking needs the Event Tracking Account ID and Event Key', {
			itemIndex,
			description: 'Fill both in the ActiveCampaign Plus credential (Settings → Tracking → Event Tracking).',
		});
	}
	const form = new URLSearchParams({
		actid: String(credentials.eventAccountId),
		key: String(credentials.eventKey),
		event: event.name,
		visit: JSON.stringify({ email: event.email }),
	});
	if (event.data !== undefined) form.set('eventdata', event.data);
	const url = credentialUrl(this, eventTrackingUrl(credentials.eventTrackingUrl));
	const outcome = await withRetry(
		activeCampaignRetryPolicy,
		// Resending an event after an unknown outcome could count it twice; only a rejected send is retried.
		{ idempotent: false },
		async () =>
			await this.helpers.httpRequestWithAuthentication.call(this, CREDENTIAL, {
				method: 'POST',
				url,
				headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
				body: form.toString(),
				json: true,
			}),
		readHttpFailure,
	);
	if (!outcome.ok) {
		throw apiError(this, outcome, (failure) => describeActiveCampaignFailure(failure, `tracking event "${event.name}"`));
	}
	return outcome.value as IDataObject;
}
