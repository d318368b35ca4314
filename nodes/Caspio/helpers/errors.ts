import type { HttpFailure } from '../../shared/http';

/** Caspio's error envelope (REST v2/v3). */
interface CaspioErrorBody {
	Code?: string;
	Message?: string;
	RequestId?: string;
}

/** Codes that Caspio answers with a 5xx but that a retry cannot fix. */
export const PERMANENT_CASPIO_CODES = new Set(['AlterReadOnlyData', 'InvalidInputValue', 'FieldNotFound', 'SqlServerError']);

export function caspioErrorBody(failure: HttpFailure): CaspioErrorBody {
	const body = failure.body;
	return body && typeof body === 'object' ? (body as CaspioErrorBody) : {};
}

/** Turns a Caspio failure into a sentence a user can act on, plus the vendor's own words as the description. */
export function describeCaspioFailure(failure: HttpFailure, what: string): { message: string; description: string } {
	const { Code, Message, RequestId } = caspioErrorBody(failure);
	const vendor = [Code, Message].filter(Boolean).join(': ') || 'no details';
	const description = `Caspio said ${vendor}${RequestId ? ` (request id ${RequestId})` : ''}`;
	const status = failure.status;
	if (status === undefined && failure.networkCode === undefined) {
		return { message: failure.message ?? `Caspio failed while ${what}`, description: 'Check the credential used by this node.' };
	}
	if (status === undefined) {
		return { message: `Could not reach Caspio while ${what} (${failure.networkCode ?? 'network error'})`, description: 'Check the Integration URL in the credential and the network between n8n and Caspio.' };
	}
	const advice: Record<string, string> = {
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
	const hint = (Code && advice[Code]) ?? defaultAdvice(status);
	return { message: `Caspio answered HTTP ${status} while ${what}: ${hint}`, description };
}

function defaultAdvice(status: number): string {
	if (status === 401) return 'The access token was refused. Check the Client ID and Client Secret in the credential.';
	if (status === 403) return 'Access denied. Check the API profile permissions.';
	if (status === 404) return 'Not found. Check the table, view or record.';
	if (status === 429) return 'Too many requests; the retries ran out. Try again later or reduce the batch size.';
	if (status >= 500) return 'Caspio had a server error; the retries ran out. Try again later.';
	return 'The request was rejected.';
}
