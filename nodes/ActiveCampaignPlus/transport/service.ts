import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { HttpFailure } from '../../shared/http';
import { errorBody, type FailureVocabulary } from '../../shared/failures';
import { limiterFor, shareOf, type RateLimit } from '../../shared/limiter';
import { retryPolicy } from '../../shared/retry';
import type { Service } from '../../shared/transport';
import { activeCampaignBaseUrl, eventTrackingUrl } from '../../shared/url';

/** The credential type every ActiveCampaign request is signed with. */
export const ACTIVECAMPAIGN_CREDENTIAL = 'activeCampaignPlusApi';

/** ActiveCampaign's published 5 requests per second per account. */
export const ACTIVECAMPAIGN_RATE_LIMIT: RateLimit = { requests: 5, windowMs: 1000 };

/** Bulk import: 100 multi-contact requests per minute, on top of the 5 per second. */
export const BULK_IMPORT_RATE_LIMIT: RateLimit = { requests: 100, windowMs: 60_000 };

interface ActiveCampaignErrorBody {
	message: string;
	errors: Array<{ title?: string; detail?: string; code?: string; error?: string; source?: { pointer?: string } }>;
	failureReasons: string[];
}

function codeHint(failure: HttpFailure): string | undefined {
	const errors = errorBody<ActiveCampaignErrorBody>(failure).errors ?? [];
	if (errors.some((e) => e.code === 'duplicate' && /email/i.test(e.source?.pointer ?? ''))) {
		return 'A contact with this email already exists. Use Contact → Create or Update instead.';
	}
	if (errors.some((e) => e.code === 'duplicate' && /externalid/i.test(e.source?.pointer ?? ''))) {
		return "This external ID is taken (a connection's within its service, a customer's or order's within its connection). Update the existing record instead, or use another external ID.";
	}
	if (errors.some((e) => e.code === 'duplicate' && /^An account named/.test(e.title ?? ''))) {
		return 'An account with this name already exists. Use Account → Find or Create to reuse it, or choose another name.';
	}
	if (errors.some((e) => e.code === 'duplicate')) return 'An item with this name already exists in ActiveCampaign. Use its name to refer to it.';
	if (errors.some((e) => e.code === 'email_invalid')) return 'The email address is not valid. Check the Email field of this item.';
	return undefined;
}

export const activeCampaignFailures: FailureVocabulary = {
	service: 'ActiveCampaign',
	unreachableAdvice: 'Check the API URL in the credential and the network between n8n and ActiveCampaign.',
	vendorWords: (failure) => {
		const body = errorBody<ActiveCampaignErrorBody>(failure);
		const parts = [
			body.message,
			...(body.errors ?? []).map((e) => [e.title, e.detail].filter(Boolean).join(' ')),
			...(body.failureReasons ?? []),
		].filter((part): part is string => Boolean(part));
		return parts.length ? `ActiveCampaign said: ${parts.join('; ')}` : 'ActiveCampaign gave no details';
	},
	codeHint,
	statusHints: {
		403: 'The API key was refused or lacks permission. Check the API URL and API Key in the credential.',
		402: 'The ActiveCampaign account has a payment issue.',
		404: 'Not found. Check the id or name you entered.',
		422: 'A value was rejected. Check the fields of this item.',
		429: 'Rate limit hit and the retries ran out. Try again later or reduce parallel workflows.',
		'5xx': 'ActiveCampaign had a server error and the retries ran out. Try again later.',
		other: 'The request was rejected.',
	},
};

/** This process's share of the account's 5 requests per second (see the credential's "Processes Sharing This Account"). */
const accountLimiter = (base: string, credentials: ICredentialDataDecryptedObject) =>
	limiterFor(base, shareOf(ACTIVECAMPAIGN_RATE_LIMIT, credentials.processesSharingAccount));

/**
 * ActiveCampaign's API v3: every request keeps to the account's budget; 429 (with Retry-After) and 5xx are retried,
 * creates only after a 429, which rejects before acting.
 * https://developers.activecampaign.com/reference/rate-limits
 */
export const activeCampaignService: Service = {
	credential: ACTIVECAMPAIGN_CREDENTIAL,
	baseUrl: (credentials) => activeCampaignBaseUrl(credentials.apiUrl),
	root: '/api/3',
	retryPolicy: retryPolicy({ maxAttempts: 8, baseDelayMs: 1000, budgetMs: 180_000 }),
	limiters: (base, credentials) => [accountLimiter(base, credentials)],
	failures: activeCampaignFailures,
};

/**
 * Event tracking: its own endpoint (trackcmp, named in the credential), form-encoded, outside the API's budget.
 * https://developers.activecampaign.com/reference/track-event
 */
export const eventTrackingService: Service = {
	...activeCampaignService,
	baseUrl: (credentials) => eventTrackingUrl(credentials.eventTrackingUrl),
	root: '',
	limiters: undefined,
};

/** The bulk importer's own budget per account (100 multi-contact requests a minute, shared like 5 req/s). */
export const bulkImportLimiter = (base: string, credentials: ICredentialDataDecryptedObject) =>
	limiterFor(`${base}#bulk_import`, shareOf(BULK_IMPORT_RATE_LIMIT, credentials.processesSharingAccount));
