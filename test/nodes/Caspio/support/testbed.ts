/** Shared set-up for the Caspio node tests: a real sandbox server, a credential for it, and what it saw. */
import type { IDataObject, INode } from 'n8n-workflow';

import { runNode, TestCredentials, type NodeRun } from '../../../support/n8n';
import { startCaspioSandbox, type RunningCaspioSandbox } from '../../../sandbox/caspio';
import type { SandboxRequest } from '../../../sandbox/server';

export const LEADS_FIELDS = [
	{ Name: 'Name', Type: 'STRING' },
	{ Name: 'Email', Type: 'STRING', Unique: true },
	{ Name: 'Notes', Type: 'TEXT' },
	{ Name: 'Score', Type: 'NUMBER' },
	{ Name: 'Active', Type: 'YES/NO' },
	{ Name: 'Joined', Type: 'DATE/TIME' },
	{ Name: 'Tags', Type: 'LIST-STRING', ListField: ['Hot', 'Cold', 'VIP'] },
	{ Name: 'Code', Type: 'AUTONUMBER', Unique: true },
	{ Name: 'Created', Type: 'TIMESTAMP' },
	{ Name: 'Updated', Type: 'TIMESTAMP', OnUpdate: true },
	{ Name: 'Secret', Type: 'PASSWORD' },
];

export interface CaspioTestbed {
	sandbox: RunningCaspioSandbox;
	credentials: TestCredentials;
	/** Every API request the sandbox received (token requests excluded), in order. */
	seen: SandboxRequest[];
	/** Empties the sandbox (data, webhooks, stats) and what `seen` holds, then seeds these tables. */
	reset(tables: unknown[]): Promise<void>;
	records(table: string): Promise<IDataObject[]>;
	/** Record reads, writes and field reads: `GET /integrations/rest/v3/tables/:table/records` → count. */
	requests(): Promise<Record<string, number>>;
	run(parameters: IDataObject, items?: IDataObject[], onError?: INode['onError']): Promise<NodeRun>;
	close(): Promise<void>;
}

export async function caspioTestbed(): Promise<CaspioTestbed> {
	const sandbox = await startCaspioSandbox({ port: 0 });
	const seen: SandboxRequest[] = [];
	const before = sandbox.service.before.bind(sandbox.service);
	sandbox.service.before = (req) => {
		if (!req.path.endsWith('/oauth/token')) seen.push(req);
		return before(req);
	};
	const credentials = new TestCredentials().set('caspioApi', {
		integrationUrl: sandbox.url,
		clientId: 'sandbox-client',
		clientSecret: 'sandbox-secret',
		accessToken: '',
	});
	const admin = async (method: string, path: string, body?: unknown) => {
		const response = await fetch(`${sandbox.url}/__sandbox/${path}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		if (response.status !== 200) throw new Error(`sandbox ${path}: ${response.status} ${await response.text()}`);
		return (await response.json()) as IDataObject;
	};
	return {
		sandbox,
		credentials,
		seen,
		async reset(tables) {
			await admin('POST', 'reset');
			await admin('POST', 'seed', { tables });
			seen.length = 0;
		},
		async records(table) {
			const state = (await admin('GET', 'state')) as { tables: Array<{ name: string; records: IDataObject[] }> };
			return state.tables.find((t) => t.name === table)?.records ?? [];
		},
		async requests() {
			const stats = (await admin('GET', 'stats')) as { requests: Record<string, Record<string, number>> };
			return Object.fromEntries(
				Object.entries(stats.requests).map(([key, byStatus]) => [key, Object.values(byStatus).reduce((a, b) => a + b, 0)]),
			);
		},
		run: async (parameters, items, onError) => await runNode({ type: 'caspio', parameters, items, credentials, onError }),
		close: async () => await sandbox.close(),
	};
}

/** The `q.where` of each request the sandbox received, in order. */
export const wheres = (seen: SandboxRequest[]) =>
	seen.map((r) => [...r.query.entries()].find(([k]) => k.toLowerCase() === 'q.where')?.[1]).filter((w) => w !== undefined);

export const table = (name: string) => ({ __rl: true, mode: 'name', value: name });

/** Output items' json of the main (success) output. */
export const json = (run: NodeRun) => (run.outputs[0] ?? []).map((item) => item.json);
