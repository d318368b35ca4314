/** Dropdown tests: a load-options context on the real transport, and the tables whose fields they offer. */
import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { LEADS_FIELDS, type CaspioTestbed } from './testbed';

/** A load-options context backed by the real transport: requests go to the sandbox with the test credential. */
export function loadOptionsContext(bed: CaspioTestbed, parameters: Record<string, unknown>): ILoadOptionsFunctions {
	return {
		getNode: () => ({ id: 'n', name: 'Caspio', type: 'caspio', typeVersion: 1, position: [0, 0], parameters: {} }),
		getCredentials: async () => bed.credentials.store.caspioApi,
		getCurrentNodeParameter: (name: string) => {
			const value = parameters[name];
			return value && typeof value === 'object' && 'value' in value ? (value as { value: unknown }).value : value;
		},
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: { url: string; qs?: Record<string, string>; method: string }) => {
				const token = (await (await fetch(`${bed.sandbox.url}/oauth/token`, {
					method: 'POST',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					body: 'grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret',
				})).json()) as { access_token: string };
				const url = new URL(options.url);
				for (const [k, v] of Object.entries(options.qs ?? {})) url.searchParams.set(k, String(v));
				const res = await fetch(url, { method: options.method, headers: { authorization: `Bearer ${token.access_token}` } });
				return await res.json();
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

/** Leads with an attachment, a formula and a required field besides the usual ones, and Orders. */
export const FIELD_TABLES = [
	{ name: 'Leads', fields: [...LEADS_FIELDS, { Name: 'File', Type: 'ATTACHMENT' }, { Name: 'Total', Type: 'NUMBER', IsFormula: true }, { Name: 'Must', Type: 'STRING', Required: true }], records: [] },
	{ name: 'Orders', fields: [{ Name: 'Amount', Type: 'CURRENCY' }], records: [] },
];
