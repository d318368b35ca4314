import type { HttpFailure } from '../../shared/http';

interface ActiveCampaignErrorBody {
	message?: string;
	errors?: Array<{ title?: string; detail?: string; code?: string; error?: string; source?: { pointer?: string } }>;
	failureReasons?: string[];
}

/** Turns an ActiveCampaign failure into a sentence a user can act on, with the vendor's words as description. */
export function describeActiveCampaignFailure(failure: HttpFailure, what: string): { message: string; description: string } {
	const body = (failure.body && typeof failure.body === 'object' ? failure.body : {}) as ActiveCampaignErrorBody;
	const vendorParts = [
		body.message,
		...(body.errors ?? []).map((e) => [e.title, e.detail].filter(Boolean).join(' ')),
		...(body.failureReasons ?? []),
	].filter((part): part is string => Boolean(part));
	const description = vendorParts.length ? `ActiveCampaign said: ${vendorParts.join('; ')}` : 'ActiveCampaign gave no details';
	const status = failure.status;
	if (status === undefined && failure.networkCode === undefined) {
		return { message: failure.message ?? `ActiveCampaign failed while ${what}`, description: 'Check the credential used by this node.' };
	}
	if (status === undefined) {
		return {
			message: `Could not reach ActiveCampaign while ${what} (${failure.networkCode ?? 'network error'})`,
			description: 'Check the API URL in the credential and the network between n8n and ActiveCampaign.',
		};
	}
	const codes = new Set((body.errors ?? []).map((e) => e.code));
	let hint: string;
	const duplicateEmail = (body.errors ?? []).some((e) => e.code === 'duplicate' && /email/i.test(e.source?.pointer ?? ''));
	if (duplicateEmail) hint = 'A contact with this email already exists. Use Contact → Create or Update instead.';
	else if (codes.has('duplicate')) hint = 'An item with this name already exists in ActiveCampaign. Use its name to refer to it.';
	else if (codes.has('email_invalid')) hint = 'The email address is not valid. Check the Email field of this item.';
	else if (status === 403) hint = 'The API key was refused or lacks permission. Check the API URL and API Key in the credential.';
	else if (status === 402) hint = 'The ActiveCampaign account has a payment issue.';
	else if (status === 404) hint = 'Not found. Check the id or name you entered.';
	else if (status === 422) hint = 'A value was rejected. Check the fields of this item.';
	else if (status === 429) hint = 'Rate limit hit and the retries ran out. Try again later or reduce parallel workflows.';
	else if (status >= 500) hint = 'ActiveCampaign had a server error and the retries ran out. Try again later.';
	else hint = 'The request was rejected.';
	return { message: `ActiveCampaign answered HTTP ${status} while ${what}: ${hint}`, description };
}
