import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ActiveCampaignSandbox, type ActiveCampaignSandboxOptions, startActiveCampaignSandbox } from './index';

/** Helpers for tests that drive the ActiveCampaign sandbox over HTTP, as the nodes do. */

export interface Reply<T> {
	status: number;
	headers: Headers;
	body: T;
}

async function read<T>(res: Response): Promise<Reply<T>> {
	const raw = await res.text();
	return { status: res.status, headers: res.headers, body: (raw ? JSON.parse(raw) : undefined) as T };
}

export class SandboxClient {
	constructor(
		readonly url: string,
		readonly apiKey = 'sandbox-key',
	) {}

	/** A v3 call: `path` is relative to `/api/3`; bodies are JSON. */
	async api<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Reply<T>> {
		const res = await fetch(`${this.url}/api/3${path}`, {
			method,
			headers: { 'Api-Token': this.apiKey, 'content-type': 'application/json', ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return read<T>(res);
	}

	async admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<Reply<T>> {
		const res = await fetch(`${this.url}/__sandbox${path}`, {
			method,
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return read<T>(res);
	}

	/** trackcmp's form-encoded `POST /event`. */
	async track<T = Record<string, unknown>>(fields: Record<string, string>): Promise<Reply<T>> {
		const res = await fetch(`${this.url}/event`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(fields).toString(),
		});
		return read<T>(res);
	}
}

/** One sandbox per test file, reset before each test; read `env.sandbox` / `env.ac` inside tests. */
export function useSandbox(options: ActiveCampaignSandboxOptions) {
	const env = { sandbox: undefined as unknown as ActiveCampaignSandbox, ac: new SandboxClient('') };
	beforeAll(async () => {
		// Each test starts from id 1, so tests can name seeded ids.
		env.sandbox = await startActiveCampaignSandbox({ idsSurviveReset: false, ...options });
		env.ac = new SandboxClient(env.sandbox.url);
	});
	afterAll(() => env.sandbox.close());
	beforeEach(() => env.ac.admin('POST', '/reset'));
	return env;
}

export interface Received {
	contentType: string;
	raw: string;
	/** Flat bracket keys, the way n8n's body parser hands them over (`contact[email]`). */
	fields: Record<string, string>;
}

/** A local webhook receiver; `status(n)` picks the reply to the n-th delivery (1-based). */
export async function startReceiver(status: (n: number) => number = () => 200) {
	const received: Received[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const raw = Buffer.concat(chunks).toString('utf8');
			received.push({ contentType: req.headers['content-type'] ?? '', raw, fields: Object.fromEntries(new URLSearchParams(raw)) });
			res.writeHead(status(received.length));
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

export const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
