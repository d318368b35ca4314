import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { answeredWith, asNodeError, inputError } from '../../shared/errors';
import type { RequestContext } from '../../shared/http';
import type { Limiter } from '../../shared/limiter';
import { serviceBaseUrl, serviceRequest, type FullResponse } from '../../shared/transport';
import { ACTIVECAMPAIGN_CREDENTIAL, activeCampaignService, bulkImportLimiter, eventTrackingService } from './service';

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

/** The status beside the body, for calls whose answer differs only by status (`/contact/sync`: 201 vs 200). */
export interface ActiveCampaignResponse<T> {
	statusCode: number;
	body: T;
}

/** The one way this package calls ActiveCampaign's API: the request core with the account's budget. */
export async function activeCampaignRequest(this: RequestContext, request: ActiveCampaignRequest): Promise<IDataObject> {
	return (await activeCampaignRequestFull.call(this, request)).body;
}

/** Like `activeCampaignRequest`, but a 404 (the thing is gone) is an answer, not an error. */
export async function activeCampaignFind(this: RequestContext, request: ActiveCampaignRequest): Promise<IDataObject | undefined> {
	try {
		return await activeCampaignRequest.call(this, request);
	} catch (error) {
		if (answeredWith(error, 404)) return undefined;
		throw asNodeError(this.getNode(), error);
	}
}

/** Like `activeCampaignRequest`, with the HTTP status of the answer; `limiters` are budgets besides the account's. */
export async function activeCampaignRequestFull(
	this: RequestContext,
	request: ActiveCampaignRequest,
	limiters: Limiter[] = [],
): Promise<ActiveCampaignResponse<IDataObject>> {
	const response = await serviceRequest.call<RequestContext, Parameters<typeof serviceRequest>, Promise<FullResponse<IDataObject>>>(
		this,
		activeCampaignService,
		{ ...request, fullResponse: true, limiters },
	);
	return { statusCode: response.statusCode, body: response.body };
}

/** The bulk importer's own budget for this account, on top of 5 req/s. */
export async function importLimiter(this: RequestContext): Promise<Limiter> {
	const credentials = await this.getCredentials(ACTIVECAMPAIGN_CREDENTIAL);
	return bulkImportLimiter(await serviceBaseUrl.call(this, activeCampaignService), credentials);
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
	/** Sees each whole page, for side-loaded records (e.g. `fieldOptions` beside `fields`). */
	onPage?: (page: IDataObject) => void,
): Promise<IDataObject[]> {
	const pageSize = max === undefined ? 100 : Math.min(100, Math.max(1, max));
	const items: IDataObject[] = [];
	for (let offset = 0; ; offset += pageSize) {
		const page = await activeCampaignRequest.call(this, {
			method: 'GET',
			path,
			qs: { ...qs, limit: pageSize, offset },
			what: `reading ${key}`,
		});
		onPage?.(page);
		const batch = (page[key] as IDataObject[] | undefined) ?? [];
		items.push(...batch);
		if (max !== undefined && items.length >= max) return items.slice(0, max);
		const total = Number((page.meta as IDataObject | undefined)?.total ?? Number.NaN);
		if (batch.length < pageSize || (Number.isFinite(total) && offset + batch.length >= total)) return items;
	}
}

/**
 * Reads contacts by keyset (`id_greater` + `orders[id]=ASC`, 100 per page), which stays fast and stable on large
 * accounts where deep offsets do not; stops at `max` when given.
 */
export async function activeCampaignGetContacts(this: RequestContext, qs: IDataObject = {}, max?: number): Promise<IDataObject[]> {
	const pageSize = max === undefined ? 100 : Math.min(100, Math.max(1, max));
	const contacts: IDataObject[] = [];
	for (let after = 0; ; ) {
		const page = await activeCampaignRequest.call(this, {
			method: 'GET',
			path: '/contacts',
			qs: { ...qs, 'orders[id]': 'ASC', id_greater: after, limit: pageSize },
			what: 'reading contacts',
		});
		const batch = (page.contacts as IDataObject[] | undefined) ?? [];
		contacts.push(...batch);
		if (max !== undefined && contacts.length >= max) return contacts.slice(0, max);
		if (batch.length < pageSize) return contacts;
		after = Number(batch[batch.length - 1].id);
	}
}

/** Tracks an event through the event tracking endpoint named in the credential (form-encoded, like trackcmp). */
export async function trackEvent(
	this: RequestContext,
	event: { name: string; email: string; data?: string },
	itemIndex: number,
): Promise<IDataObject> {
	const credentials = await this.getCredentials(ACTIVECAMPAIGN_CREDENTIAL);
	if (!credentials.eventAccountId || !credentials.eventSecretKey) {
		throw inputError(
			this.getNode(),
			itemIndex,
			'Event tracking needs the Event Tracking Account ID and Event Key',
			'Fill both in the ActiveCampaign Plus credential (Settings → Tracking → Event Tracking).',
		);
	}
	const form = new URLSearchParams({
		actid: String(credentials.eventAccountId),
		key: String(credentials.eventSecretKey),
		event: event.name,
		visit: JSON.stringify({ email: event.email }),
	});
	if (event.data !== undefined) form.set('eventdata', event.data);
	return (await serviceRequest.call(this, eventTrackingService, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: form.toString(),
		// Resending an event after an unknown outcome could count it twice; only a rejected send is retried.
		idempotent: false,
		what: `tracking event "${event.name}"`,
	})) as IDataObject;
}
