import type { HttpFailure } from '../../shared/http';
import { errorBody, type FailureVocabulary } from '../../shared/failures';
import { retryPolicy } from '../../shared/retry';
import type { Service } from '../../shared/transport';
import { caspioBaseUrl } from '../../shared/url';

/** Caspio's error envelope (REST v2/v3). */
interface CaspioErrorBody {
	Code: string;
	Message: string;
	RequestId: string;
}

export const caspioErrorCode = (failure: HttpFailure): string | undefined => errorBody<CaspioErrorBody>(failure).Code;

/** Codes that Caspio answers with a 5xx but that a retry cannot fix. */
const PERMANENT_CODES = new Set(['AlterReadOnlyData', 'InvalidInputValue', 'FieldNotFound', 'SqlServerError']);

/** What each of Caspio's error codes asks the user to do. */
const CODE_HINTS: Record<string, string> = {
	ObjectNotFound: 'The table, view or record does not exist. Check its name in Caspio.',
	FieldNotFound: 'A field name does not exist in this table. Check the spelling against the table design.',
	SqlServerError: 'Caspio could not run the filter. Check field names and value types in the filters.',
	IncorrectQueryParameter: 'A query parameter was rejected (paging, filter or sort). Check the values you entered.',
	IncorrectBodyParameter: 'A field value was rejected. Check the values and their types.',
	AlterReadOnlyData: 'A read-only field (autonumber, timestamp, formula) was written. Remove it from the fields to send.',
	InvalidInputValue: 'A value does not fit its field type. Check numbers, dates and Yes/No values.',
	ProfileDisabled: 'The API profile is disabled. Enable it in Caspio under Integrations → API Profiles.',
	UnsufficientPrivileges: 'The API profile lacks permission for this object. Grant it in the profile settings.',
	IpForbidden: "n8n's IP address is not allowed by the API profile.",
};

export const caspioFailures: FailureVocabulary = {
	service: 'Caspio',
	unreachableAdvice: 'Check the Integration URL in the credential and the network between n8n and Caspio.',
	vendorWords: (failure) => {
		const { Code, Message, RequestId } = errorBody<CaspioErrorBody>(failure);
		const vendor = [Code, Message].filter(Boolean).join(': ') || 'no details';
		return `Caspio said ${vendor}${RequestId ? ` (request id ${RequestId})` : ''}`;
	},
	codeHint: (failure) => {
		const code = caspioErrorCode(failure);
		return code ? CODE_HINTS[code] : undefined;
	},
	statusHints: {
		401: 'The access token was refused. Check the Client ID and Client Secret in the credential.',
		403: 'Access denied. Check the API profile permissions.',
		404: 'Not found. Check the table, view or record.',
		// https://howto.caspio.com/web-services-api/rest-api/special-considerations/ (URI at most 2,047 characters)
		414: 'The request URL is longer than the 2,047 characters Caspio accepts, so the filter is too long. Use fewer or shorter filter values.',
		429: 'Too many requests; the retries ran out. Try again later or reduce the batch size.',
		'5xx': 'Caspio had a server error; the retries ran out. Try again later.',
		other: 'The request was rejected.',
	},
};

/** Caspio answers a token it no longer accepts with 400 IncorrectQueryParameter at times, not only with 401. */
const isStaleTokenAnswer = (failure: HttpFailure) => failure.status === 400 && caspioErrorCode(failure) === 'IncorrectQueryParameter';

/**
 * Caspio's REST v3 API. 429 and 5xx are retried, writes only after a 429, which Caspio answers before doing anything;
 * a stale-token answer is sent once more with a fresh token.
 * https://howto.caspio.com/integrate-your-apps/web-services-api/
 */
export const caspioService: Service = {
	credential: 'caspioApi',
	baseUrl: (credentials) => caspioBaseUrl(credentials.integrationUrl),
	root: '/integrations/rest/v3',
	retryPolicy: retryPolicy({ maxAttempts: 6, baseDelayMs: 500, budgetMs: 120_000 }),
	classify: (failure) => {
		if (isStaleTokenAnswer(failure)) return { ...failure, resendOnce: true };
		const code = caspioErrorCode(failure);
		return code && PERMANENT_CODES.has(code) ? {} : failure;
	},
	// After a stale-token 400, a second 400 makes n8n fetch a new token and send once more.
	authOptions: (previous) => (previous?.resendOnce ? { preAuthenticationRetryStatusCode: [400, 401] } : undefined),
	failures: caspioFailures,
};

/**
 * Caspio's REST v4 (Caspio 73.0, opt-in per account): the same token, retry policy and error envelope as v3 (v4 adds
 * `DocumentationUrl` and `Hint` beside `Code` and `Message`). The nodes use it for bulk writes only.
 */
export const caspioV4Service: Service = { ...caspioService, root: '/integrations/rest/v4' };
