/** Getting into a fresh n8n: the owner's login cookie and an API key for the public API. */
import type { HarnessInfo } from './client';
import { HttpError, httpRequest, type HttpResult } from './http';

const API_KEY_LABEL = 'e2e-harness';

function cookieFrom(res: HttpResult): string | undefined {
	const cookies = res.headers.getSetCookie?.() ?? [];
	const auth = cookies.find((c) => c.startsWith('n8n-auth='));
	return auth?.split(';')[0];
}

/** Creates the owner on a fresh instance, or logs in when one exists; returns the `n8n-auth` cookie. */
export async function ensureOwner(n8nUrl: string, owner: HarnessInfo['owner']): Promise<{ cookie: string; created: boolean }> {
	const setup = await httpRequest('POST', `${n8nUrl}/rest/owner/setup`, { body: owner });
	if (setup.status < 300) {
		const cookie = cookieFrom(setup);
		if (cookie) return { cookie, created: true };
	}
	const login = await httpRequest('POST', `${n8nUrl}/rest/login`, {
		body: { emailOrLdapLoginId: owner.email, password: owner.password },
	});
	const cookie = cookieFrom(login);
	if (login.status >= 300 || !cookie) {
		const why = setup.status >= 300 ? ` (owner setup answered ${setup.status}: ${JSON.stringify(setup.body)?.slice(0, 200)})` : '';
		throw new Error(
			`could not log in as ${owner.email} (HTTP ${login.status})${why}. The user folder has an owner with another login: ` +
				'set N8N_OWNER_EMAIL / N8N_OWNER_PASSWORD to it, or delete the user folder.',
		);
	}
	return { cookie, created: false };
}

/** Deletes earlier harness API keys and creates a new one with every scope the instance offers. */
export async function createApiKey(n8nUrl: string, cookie: string): Promise<string> {
	const headers = { cookie };
	type Key = { id: string; label: string };
	const existing = await httpRequest<{ data: Key[] | { items: Key[] } }>('GET', `${n8nUrl}/rest/api-keys?ownership=mine&take=250`, { headers });
	const list = existing.body?.data;
	// 2.41 answers { data: { items, counts, … } }; older versions a plain array.
	for (const key of (Array.isArray(list) ? list : (list?.items ?? [])) as Key[]) {
		if (key.label === API_KEY_LABEL) await httpRequest('DELETE', `${n8nUrl}/rest/api-keys/${key.id}`, { headers });
	}
	const scopes = await httpRequest<{ data: string[] }>('GET', `${n8nUrl}/rest/api-keys/scopes`, { headers });
	if (scopes.status >= 300) throw new HttpError('GET', '/rest/api-keys/scopes', scopes.status, scopes.body);
	const res = await httpRequest<{ data: { rawApiKey: string } }>('POST', `${n8nUrl}/rest/api-keys`, {
		headers,
		body: { label: API_KEY_LABEL, scopes: scopes.body.data, expiresAt: null },
	});
	if (res.status >= 300 || !res.body?.data?.rawApiKey) throw new HttpError('POST', '/rest/api-keys', res.status, res.body);
	return res.body.data.rawApiKey;
}
