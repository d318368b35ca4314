import type { IDataObject, INode } from 'n8n-workflow';

import { forgetSharedNames } from '../../../nodes/ActiveCampaignPlus/cache';
import type { SeedInput } from '../../sandbox/activecampaign';
import { useSandbox } from '../../sandbox/activecampaign/testkit';
import { runNode, TestCredentials } from '../../support/n8n';

/** Sandbox state as `GET /__sandbox/state` reports it (the parts these tests read). */
export interface AcState {
	contacts: Array<{
		id: string;
		email: string;
		firstName: string;
		lastName: string;
		phone: string;
		tags: string[];
		lists: Array<{ id: string; name: string; status: number }>;
		fieldValues: Record<string, string>;
		automations: Array<{ id: string; name: string }>;
		events: Array<{ event: string; eventdata: string }>;
	}>;
	tags: Array<{ id: string; tag: string }>;
	lists: Array<{ id: string; name: string }>;
	fields: Array<{ id: string; title: string; type: string; perstag: string; options: string[]; lists: string[] }>;
	webhooks: Array<{ id: string; name: string; url: string; events: string[]; sources: string[]; listid: string }>;
	eventTracking: { enabled: boolean; events: string[] };
	imports: Array<{ batchId: string; status: string; success: string[]; failure: string[] }>;
	notes: Array<{ id: string; note: string; reltype: string; relid: string }>;
	deals: Array<{ id: string; title: string }>;
	accounts: Array<{ id: string; name: string; accountUrl: string | null; fields: Record<string, string>; contacts: Array<{ email: string; jobTitle: string }> }>;
	accountContacts: Array<{ id: string; account: string; contact: string; jobTitle: string }>;
}

export interface AcStats {
	total: number;
	requests: Record<string, Record<string, number>>;
	sent429: number;
	maxApiRequestsPerSecond: number;
}

/** The ActiveCampaign Plus credential for a sandbox at `url`, event tracking included. */
export function acCredentials(url: string): TestCredentials {
	return new TestCredentials().set('activeCampaignPlusApi', {
		apiUrl: url,
		apiKey: 'sandbox-key',
		eventAccountId: '1000',
		eventSecretKey: 'sandbox-event-key',
		eventTrackingUrl: `${url}/event`,
	});
}

/** A sandbox per test file with the 5 req/s limit on, reset before each test, and helpers to drive the node. */
export function acSandbox() {
	const env = useSandbox({ port: 0, rateLimit: true });
	// The reset brings ids back to 1, which a real account never does: names kept from the last test would lie.
	beforeEach(() => forgetSharedNames());
	const helpers = {
		env,
		credentials: () => acCredentials(env.sandbox.url),
		async seed(input: SeedInput): Promise<Record<string, Record<string, string>>> {
			const reply = await env.ac.admin<{ ids: Record<string, Record<string, string>> }>('POST', '/seed', input);
			if (reply.status !== 200) throw new Error(`seed failed: ${JSON.stringify(reply.body)}`);
			// Admin calls are not API requests: stats and the rate budget only see what the node sends.
			return reply.body.ids;
		},
		async state(): Promise<AcState> {
			return (await env.ac.admin<AcState>('GET', '/state')).body;
		},
		async stats(): Promise<AcStats> {
			return (await env.ac.admin<AcStats>('GET', '/stats')).body;
		},
		async contact(email: string) {
			return (await helpers.state()).contacts.find((c) => c.email === email);
		},
		/** Runs the ActiveCampaign Plus node on `items` with `parameters`. */
		async run(parameters: IDataObject, items: IDataObject[] = [{}], onError?: INode['onError']) {
			return await runNode({ type: 'activeCampaignPlus', parameters, items, credentials: helpers.credentials(), onError });
		},
	};
	return helpers;
}

/** Request count per `METHOD /api/3/path` template. */
export function counts(stats: AcStats): Record<string, number> {
	return Object.fromEntries(
		Object.entries(stats.requests).map(([key, byStatus]) => [key, Object.values(byStatus).reduce((a, b) => a + b, 0)]),
	);
}
