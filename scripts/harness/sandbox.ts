/** The Caspio and ActiveCampaign sandboxes: starting them (test/sandbox) and their admin routes over HTTP. */
import * as path from 'path';
import { HttpError, httpRequest } from './http';
import { REPO_ROOT } from './repo';

/** HTTP only, so it works from another process too (a jest suite talking to the harness of globalSetup). */
export class SandboxClient {
	constructor(readonly url: string) {}

	private async call<T>(method: string, p: string, body?: unknown): Promise<T> {
		const res = await httpRequest<T>(method, `${this.url}${p}`, { body });
		if (res.status >= 400) throw new HttpError(method, `${this.url}${p}`, res.status, res.body);
		return res.body;
	}

	/** Clears data, faults and stats (`POST /__sandbox/reset`). */
	reset() {
		return this.call('POST', '/__sandbox/reset');
	}
	seed(body: unknown) {
		return this.call('POST', '/__sandbox/seed', body);
	}
	state<T = unknown>() {
		return this.call<T>('GET', '/__sandbox/state');
	}
	faults<T = unknown>() {
		return this.call<T>('GET', '/__sandbox/faults');
	}
	setFaults<T = unknown>(patch: Record<string, number>) {
		return this.call<T>('POST', '/__sandbox/faults', patch);
	}
	stats<T = unknown>() {
		return this.call<T>('GET', '/__sandbox/stats');
	}
	/** Any other admin route, e.g. admin('POST', '/__sandbox/webhooks/fire', {...}). */
	admin<T = unknown>(method: string, p: string, body?: unknown) {
		return this.call<T>(method, p, body);
	}
}

export interface RunningSandbox {
	url: string;
	port: number;
	/** Caspio: the sandbox console's page. */
	consoleUrl?: string;
	close(): Promise<void>;
}
/** `activeCampaignUrl` (Caspio only): the ActiveCampaign sandbox the console shows beside the tables. */
type SandboxStarter = (options: { port?: number; seedDemo?: boolean; activeCampaignUrl?: string }) => Promise<RunningSandbox>;

export function loadSandboxStarter(module: 'caspio' | 'activecampaign', exportName: string): SandboxStarter {
	const file = path.join(REPO_ROOT, 'test', 'sandbox', module);
	let mod: Record<string, unknown>;
	try {
		// Loaded lazily (ts-node / ts-jest compile it) so --no-sandbox runs never touch the sandbox code.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		mod = require(file);
	} catch (e) {
		throw new Error(`cannot load the ${module} sandbox (${file}.ts): ${(e as Error).message}`);
	}
	const fn = mod[exportName];
	if (typeof fn !== 'function') throw new Error(`${file}.ts does not export ${exportName}()`);
	return fn as SandboxStarter;
}
