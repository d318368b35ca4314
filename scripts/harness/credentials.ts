/** The preset credentials: sandbox values, creating them through the public API, and linking them to nodes. */
import * as path from 'path';
import { cacheRoot } from '../n8n-install';
import type { HarnessClient, HarnessInfo } from './client';
import { HttpError } from './http';
import { PACKAGE_NAME } from './repo';

export const CREDENTIAL_NAMES = {
	caspioApi: 'Caspio (sandbox)',
	activeCampaignPlusApi: 'ActiveCampaign (sandbox)',
	// The local n8n's own API (workflows/sync-errors.json reads failed executions, replay-failed-syncs.json retries them).
	n8nApi: 'n8n API (local)',
} as const;
export type PresetCredentialType = keyof typeof CREDENTIAL_NAMES;

/** Credential references by type, as a workflow node holds them. */
export type CredentialRefs = Record<string, { id: string; name: string }>;

/** `processesSharingAccount`: how many n8n processes split ActiveCampaign's 5 req/s (the workers in queue mode). */
export function sandboxCredentialData(caspioUrl?: string, acUrl?: string, processesSharingAccount?: number): HarnessInfo['credentialData'] {
	const data: HarnessInfo['credentialData'] = {};
	if (caspioUrl) data.caspioApi = { integrationUrl: caspioUrl, clientId: 'sandbox-client', clientSecret: 'sandbox-secret' };
	if (acUrl) {
		data.activeCampaignPlusApi = {
			apiUrl: acUrl,
			apiKey: 'sandbox-key',
			eventAccountId: '1000',
			eventSecretKey: 'sandbox-event-key',
			eventTrackingUrl: `${acUrl}/event`,
			...(processesSharingAccount ? { processesSharingAccount } : {}),
		};
	}
	return data;
}

/** The preset credentials' ids as node references (type → id and name). */
export function presetCredentialRefs(ids: HarnessInfo['credentials']): CredentialRefs {
	const refs: CredentialRefs = {};
	for (const [type, id] of Object.entries(ids)) {
		if (id) refs[type] = { id, name: CREDENTIAL_NAMES[type as PresetCredentialType] };
	}
	return refs;
}

/** Lists every credential (public API, paginated). */
async function listCredentials(client: HarnessClient): Promise<Array<{ id: string; name: string; type: string }>> {
	const all: Array<{ id: string; name: string; type: string }> = [];
	let cursor: string | undefined;
	do {
		const page = await client.api<{ data: Array<{ id: string; name: string; type: string }>; nextCursor?: string | null }>(
			'GET',
			`/credentials?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
		);
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

/** Creates (or, on a re-run, updates) a credential by name + type through the public API. Returns its id. */
export async function upsertCredential(client: HarnessClient, name: string, type: string, data: Record<string, string | number>): Promise<string> {
	const existing = (await listCredentials(client)).find((c) => c.name === name && c.type === type);
	const res = existing
		? await client.apiRaw<{ id: string; message?: string }>('PATCH', `/credentials/${existing.id}`, { name, type, data })
		: await client.apiRaw<{ id: string; message?: string }>('POST', '/credentials', { name, type, data });
	if (res.status >= 300) {
		const known = await client.credentialTypes().catch(() => undefined);
		if (known && !known.has(type)) {
			throw new Error(
				`n8n does not know the credential type "${type}", so it cannot create "${name}". Is ${PACKAGE_NAME} built ` +
					`(dist/credentials/*.js listed in package.json "n8n.credentials") and did it load? See the n8n log ${client.logFile} ` +
					`(for a temporary user folder a copy is kept in ${path.join(cacheRoot(), 'logs', 'last-harness-n8n.log')}).\n` +
					`n8n answered HTTP ${res.status}: ${JSON.stringify(res.body)?.slice(0, 300)}`,
			);
		}
		throw new HttpError(existing ? 'PATCH' : 'POST', '/api/v1/credentials', res.status, res.body);
	}
	return existing?.id ?? res.body.id;
}

/** Creates every preset credential `client.info.credentialData` holds and records its id in `client.info.credentials`. */
export async function createPresetCredentials(client: HarnessClient): Promise<CredentialRefs> {
	for (const type of Object.keys(CREDENTIAL_NAMES) as PresetCredentialType[]) {
		const data = client.info.credentialData[type];
		if (data) client.info.credentials[type] = await upsertCredential(client, CREDENTIAL_NAMES[type], type, data);
	}
	return presetCredentialRefs(client.info.credentials);
}

/**
 * Real accounts: link templates to credentials the user created in the editor (first of each type), never to
 * preset sandbox credentials that may linger in the user folder.
 */
export async function userCredentials(client: HarnessClient): Promise<CredentialRefs> {
	const presetNames = new Set<string>(Object.values(CREDENTIAL_NAMES));
	const available: CredentialRefs = {};
	for (const c of await listCredentials(client)) {
		if (!presetNames.has(c.name)) available[c.type] ??= { id: c.id, name: c.name };
	}
	return available;
}
