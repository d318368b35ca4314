import { startCaspioSandbox, type CaspioSandboxOptions, type RunningCaspioSandbox } from './index';

export const V3 = '/integrations/rest/v3';

export interface Reply {
	status: number;
	headers: Headers;
	/** Parsed JSON (tests read arbitrary response shapes, so this is deliberately loose), or the raw text. */
	// eslint-disable-next-line @typescript-eslint/no-explicit-any
	body: any;
}

/** A test's view of a running Caspio sandbox, driven over HTTP only. */
export class CaspioTestClient {
	token = '';

	private constructor(readonly sandbox: RunningCaspioSandbox) {}

	static async start(options: CaspioSandboxOptions = {}): Promise<CaspioTestClient> {
		return new CaspioTestClient(await startCaspioSandbox({ port: 0, ...options }));
	}

	get url(): string {
		return this.sandbox.url;
	}

	close(): Promise<void> {
		return this.sandbox.close();
	}

	async request(
		method: string,
		path: string,
		init: { json?: unknown; form?: Record<string, string>; headers?: Record<string, string> } = {},
	): Promise<Reply> {
		const headers: Record<string, string> = { accept: 'application/json', ...init.headers };
		let body: string | undefined;
		if (init.form) {
			headers['content-type'] = 'application/x-www-form-urlencoded';
			body = new URLSearchParams(init.form).toString();
		} else if (init.json !== undefined) {
			headers['content-type'] = 'application/json';
			body = JSON.stringify(init.json);
		}
		const res = await fetch(this.url + path, { method, headers, body });
		const text = await res.text();
		let parsed: unknown = text;
		try {
			parsed = text ? JSON.parse(text) : undefined;
		} catch {
			// not JSON: keep the text
		}
		return { status: res.status, headers: res.headers, body: parsed };
	}

	/** A REST call with the current bearer token. */
	api(method: string, path: string, json?: unknown): Promise<Reply> {
		return this.request(method, path, { json, headers: { authorization: `Bearer ${this.token}` } });
	}

	admin(method: string, path: string, json?: unknown): Promise<Reply> {
		return this.request(method, `/__sandbox/${path}`, { json });
	}

	async authenticate(clientId = 'sandbox-client', clientSecret = 'sandbox-secret'): Promise<Reply> {
		const reply = await this.request('POST', '/oauth/token', {
			form: { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret },
		});
		if (reply.status === 200) this.token = reply.body.access_token;
		return reply;
	}
}

/** `?q.where=…` etc., encoded the way a client must (§6). */
export const qs = (params: Record<string, string | number>) =>
	'?' + Object.entries(params).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`).join('&');
