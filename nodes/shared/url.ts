/** Turns what a user pastes into a credential's URL field into a base URL, or says exactly what to enter. */

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** A normalised URL, or a sentence telling the user what to enter instead. */
export type UrlCheck = { url: string; problem?: undefined } | { url?: undefined; problem: string };

interface BaseUrlRules {
	/** The field's label, as the user sees it. */
	label: string;
	/** An example of a valid value. */
	example: string;
	/** Paths users paste from the vendor's screens that mean "the API of this host"; removed. */
	knownSuffixes: RegExp[];
}

function toBaseUrl(input: unknown, rules: BaseUrlRules): UrlCheck {
	const raw = typeof input === 'string' ? input.trim() : '';
	if (raw === '') {
		return { problem: `${rules.label} is empty. Enter your account's address, e.g. ${rules.example}` };
	}
	const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`;
	let url: URL;
	try {
		url = new URL(withScheme);
	} catch {
		return { problem: `${rules.label} "${raw}" is not a valid address. Enter it like ${rules.example}` };
	}
	const local = LOCAL_HOSTS.has(url.hostname);
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && local)) {
		return { problem: `${rules.label} must use https:// (plain http is only accepted for localhost). Enter it like ${rules.example}` };
	}
	if (url.username || url.password || url.search || url.hash) {
		return { problem: `${rules.label} must not contain a user name, query or fragment. Enter only the address, e.g. ${rules.example}` };
	}
	let path = url.pathname.replace(/\/+$/, '');
	for (const suffix of rules.knownSuffixes) path = path.replace(suffix, '');
	if (path !== '') {
		return { problem: `${rules.label} must be the account address without a path ("${url.pathname}" found). Enter it like ${rules.example}` };
	}
	return { url: `${url.protocol}//${url.host}` };
}

/** Caspio Integration URL → `https://c1abc123.caspio.com`; accepts the bare host and the REST base URLs Caspio shows. */
export function caspioBaseUrl(input: unknown): UrlCheck {
	return toBaseUrl(input, {
		label: 'Integration URL',
		example: 'c1abc123.caspio.com (Caspio: Integrations → API Profiles)',
		knownSuffixes: [/\/integrations\/rest(\/v\d+)?$/i, /\/rest\/v\d+$/i],
	});
}

/** ActiveCampaign API URL → `https://account.api-us1.com`; a pasted `/api/3` and trailing slashes are removed. */
export function activeCampaignBaseUrl(input: unknown): UrlCheck {
	return toBaseUrl(input, {
		label: 'API URL',
		example: 'https://youraccount.api-us1.com (ActiveCampaign: Settings → Developer)',
		knownSuffixes: [/\/api\/3$/i],
	});
}

/** Event tracking endpoint: a full URL (path allowed), https unless local. */
export function eventTrackingUrl(input: unknown): UrlCheck {
	const raw = typeof input === 'string' && input.trim() !== '' ? input.trim() : 'https://trackcmp.net/event';
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		return { problem: `Event Tracking URL "${raw}" is not a valid address. Leave the default https://trackcmp.net/event` };
	}
	if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname))) {
		return { problem: 'Event Tracking URL must use https://. Leave the default https://trackcmp.net/event' };
	}
	return { url: url.toString() };
}
