import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request as the sandbox handlers see it: body already parsed from JSON or form encoding. */
export interface SandboxRequest {
	method: string;
	path: string;
	/** The request-target exactly as sent (path and query, still encoded). */
	target?: string;
	/** Raw query pairs in order; handlers that need case-insensitive names look them up themselves. */
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	rawBody: string;
	/** The body's bytes as received: binary uploads (multipart) that decoding as text would damage. */
	rawBytes: Buffer;
	/** Parsed JSON, or form fields as a flat object, or undefined when the body was empty. */
	body: unknown;
	params: Record<string, string>;
	/** The route template that matched, e.g. `/api/3/contacts/:id` (used for stats). */
	template: string;
}

export interface SandboxResponse {
	status: number;
	headers?: Record<string, string>;
	/** Objects are sent as JSON; strings and Buffers as-is; undefined as an empty body. */
	body?: unknown;
}

export type Handler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

interface Route {
	method: string;
	template: string;
	pattern: RegExp;
	keys: string[];
	handler: Handler;
}

/** Method + path-template router; `:name` segments become params, matching is case-sensitive like the vendors'. */
export class Router {
	private routes: Route[] = [];

	add(method: string, template: string, handler: Handler, options: { caseInsensitive?: boolean } = {}): this {
		const keys: string[] = [];
		const source = template
			.split('/')
			.map((segment) => {
				if (segment.startsWith(':')) {
					keys.push(segment.slice(1));
					return '([^/]+)';
				}
				return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
			})
			.join('/');
		const pattern = new RegExp(`^${source}/?$`, options.caseInsensitive ? 'i' : '');
		this.routes.push({ method: method.toUpperCase(), template, pattern, keys, handler });
		return this;
	}

	match(method: string, path: string): { route: Route; params: Record<string, string> } | 'method' | undefined {
		let pathMatched = false;
		for (const route of this.routes) {
			const m = route.pattern.exec(path);
			if (!m) continue;
			pathMatched = true;
			if (route.method !== method.toUpperCase()) continue;
			const params: Record<string, string> = {};
			route.keys.forEach((key, i) => (params[key] = decodeURIComponent(m[i + 1])));
			return { route, params };
		}
		return pathMatched ? 'method' : undefined;
	}
}

/** Faults a test can switch on through `POST /__sandbox/faults`; every rate is a probability 0..1, 0 = off. */
export interface Faults {
	rate429: number;
	rate5xx: number;
	rateReset: number;
	/** Added delay in ms for a `latencyRate` share of API requests (all of them when latencyRate is unset). */
	latencyMs: number;
	latencyRate: number;
	/** Caspio: lifetime of newly issued access tokens (0 = the documented 86399 s). */
	tokenTtlSeconds: number;
	webhookDropRate: number;
	/** Share of webhook deliveries sent twice (at-least-once delivery). */
	webhookRepeatRate: number;
	/** Seed for the fault dice, so a run can be repeated. */
	seed: number;
}

export const noFaults = (): Faults => ({
	rate429: 0,
	rate5xx: 0,
	rateReset: 0,
	latencyMs: 0,
	latencyRate: 1,
	tokenTtlSeconds: 0,
	webhookDropRate: 0,
	webhookRepeatRate: 0,
	seed: 1,
});

/** mulberry32: small, seedable, good enough to decide which request gets a fault. */
export function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Request counts by `METHOD template` and status, plus what the fault layer and webhook emitter did. */
export class Stats {
	requests: Record<string, Record<string, number>> = {};
	sent429 = 0;
	faultsInjected = 0;
	webhooksSent = 0;
	webhooksDropped = 0;
	webhooksRepeated = 0;
	webhooksFailed = 0;
	/** Arrival time (ms since epoch) of every API request, for rate checks by tests and benchmarks. */
	apiRequestTimes: number[] = [];

	record(method: string, template: string, status: number): void {
		const key = `${method} ${template}`;
		const byStatus = (this.requests[key] ??= {});
		byStatus[status] = (byStatus[status] ?? 0) + 1;
	}

	toJSON() {
		const total = Object.values(this.requests).reduce(
			(sum, byStatus) => sum + Object.values(byStatus).reduce((a, b) => a + b, 0),
			0,
		);
		return {
			total,
			requests: this.requests,
			sent429: this.sent429,
			faultsInjected: this.faultsInjected,
			webhooksSent: this.webhooksSent,
			webhooksDropped: this.webhooksDropped,
			webhooksRepeated: this.webhooksRepeated,
			webhooksFailed: this.webhooksFailed,
			maxApiRequestsPerSecond: maxPerWindow(this.apiRequestTimes, 1000),
		};
	}
}

/** Largest number of timestamps inside any sliding window of `windowMs`. */
export function maxPerWindow(times: number[], windowMs: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	let best = 0;
	let start = 0;
	for (let end = 0; end < sorted.length; end++) {
		while (sorted[end] - sorted[start] >= windowMs) start++;
		best = Math.max(best, end - start + 1);
	}
	return best;
}

/**
 * How far the busiest stretch of `times` goes over `perSecond`: the most requests any stretch [t_i, t_j] holds, less
 * `perSecond` per second of its length (2 ms allowed for the clock read twice per request). A token bucket of `perSecond`
 * tokens refilled at `perSecond` lets a sequence through whole when this is at most `perSecond`. One pass: for each j,
 * the best i maximises perSecond·t_i/1000 − i.
 */
export function mostOverRate(times: number[], perSecond: number): number {
	const sorted = [...times].sort((a, b) => a - b);
	const rate = perSecond / 1000;
	let most = 0;
	let bestStart = Number.NEGATIVE_INFINITY;
	sorted.forEach((t, j) => {
		bestStart = Math.max(bestStart, rate * t - j);
		most = Math.max(most, j + 1 - rate * (t + 2) + bestStart);
	});
	return most;
}

/** What each vendor server supplies to the shared machinery. */
export interface SandboxService {
	name: string;
	/** Routes of the vendor API; faults and stats apply to these. */
	api: Router;
	/** Extra admin routes under `/__sandbox/` besides the common ones (reset, seed, state, faults, stats). */
	admin?: Router;
	reset(): void;
	seed(body: unknown): SandboxResponse | void;
	state(): unknown;
	/** Runs before every API handler (after faults): auth, rate limits. A response here short-circuits the handler. */
	before?(req: SandboxRequest): SandboxResponse | undefined;
	/** The vendor's answer for an injected 429 / 5xx, and for an unknown route. */
	errorResponse(status: number, req: SandboxRequest | undefined, message: string): SandboxResponse;
}

export interface RunningSandbox {
	url: string;
	port: number;
	close(): Promise<void>;
}

export class SandboxCore {
	faults: Faults = noFaults();
	stats = new Stats();
	private dice = seededRandom(this.faults.seed);

	constructor(readonly service: SandboxService) {}

	roll(rate: number): boolean {
		return rate > 0 && this.dice() < rate;
	}

	/** While set, webhook deliveries wait until it is released, so a test can make edits on both sides "at once". */
	private hold: { release: () => void; released: Promise<void> } | undefined;

	holdWebhooks(on: boolean): void {
		if (on && !this.hold) {
			let release = () => {};
			const released = new Promise<void>((resolve) => (release = resolve));
			this.hold = { release, released };
		}
		if (!on && this.hold) {
			this.hold.release();
			this.hold = undefined;
		}
	}

	setFaults(patch: Partial<Faults>): void {
		this.faults = { ...this.faults, ...patch };
		this.dice = seededRandom(this.faults.seed);
	}

	resetAll(): void {
		this.holdWebhooks(false);
		this.faults = noFaults();
		this.dice = seededRandom(this.faults.seed);
		this.stats = new Stats();
		this.service.reset();
	}

	/** Posts one webhook delivery, applying the drop / repeat faults; never throws. */
	async deliver(
		url: string,
		body: string,
		contentType: string,
		onStatus?: (status: number) => void,
	): Promise<void> {
		if (this.hold) await this.hold.released;
		if (this.roll(this.faults.webhookDropRate)) {
			this.stats.webhooksDropped++;
			return;
		}
		const times = this.roll(this.faults.webhookRepeatRate) ? 2 : 1;
		if (times === 2) this.stats.webhooksRepeated++;
		for (let i = 0; i < times; i++) {
			try {
				const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body });
				await res.arrayBuffer();
				this.stats.webhooksSent++;
				onStatus?.(res.status);
			} catch {
				this.stats.webhooksFailed++;
			}
		}
	}
}

function parseBody(raw: string, contentType: string | undefined): unknown {
	if (!raw) return undefined;
	if (contentType?.includes('application/x-www-form-urlencoded')) {
		const out: Record<string, string> = {};
		for (const [k, v] of new URLSearchParams(raw)) out[k] = v;
		return out;
	}
	try {
		return JSON.parse(raw);
	} catch {
		return raw;
	}
}

function send(res: http.ServerResponse, response: SandboxResponse): void {
	const headers: Record<string, string> = { ...response.headers };
	let payload: string | Buffer = '';
	if (response.body !== undefined) {
		if (Buffer.isBuffer(response.body)) {
			payload = response.body;
			headers['content-type'] ??= 'application/octet-stream';
		} else if (typeof response.body === 'string') {
			payload = response.body;
			headers['content-type'] ??= 'text/plain; charset=utf-8';
		} else {
			payload = JSON.stringify(response.body);
			headers['content-type'] ??= 'application/json; charset=utf-8';
		}
	}
	headers['content-length'] = String(Buffer.byteLength(payload));
	res.writeHead(response.status, headers);
	res.end(payload);
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts a vendor sandbox as a real HTTP server on 127.0.0.1 (port 0 = any free port). */
export async function startSandbox(
	service: SandboxService,
	options: { port?: number; host?: string; decorate?: (res: SandboxResponse) => SandboxResponse } = {},
): Promise<RunningSandbox & { core: SandboxCore }> {
	const core = new SandboxCore(service);
	const common = new Router()
		.add('POST', '/__sandbox/reset', () => {
			core.resetAll();
			return { status: 200, body: { ok: true } };
		})
		.add('POST', '/__sandbox/seed', (req) => service.seed(req.body) ?? { status: 200, body: { ok: true } })
		.add('GET', '/__sandbox/state', () => ({ status: 200, body: service.state() }))
		.add('GET', '/__sandbox/faults', () => ({ status: 200, body: core.faults }))
		.add('POST', '/__sandbox/faults', (req) => {
			core.setFaults((req.body ?? {}) as Partial<Faults>);
			return { status: 200, body: core.faults };
		})
		.add('GET', '/__sandbox/stats', () => ({ status: 200, body: core.stats.toJSON() }))
		// `{hold: true}` holds every webhook delivery back (in order) until `{hold: false}` lets them go.
		.add('POST', '/__sandbox/webhooks/hold', (req) => {
			core.holdWebhooks((req.body as { hold?: unknown } | undefined)?.hold === true);
			return { status: 200, body: { hold: (req.body as { hold?: unknown } | undefined)?.hold === true } };
		});

	const handle = async (req: http.IncomingMessage, res: http.ServerResponse, bytes: Buffer) => {
		const raw = bytes.toString('utf8');
		const url = new URL(req.url ?? '/', 'http://sandbox');
		const method = (req.method ?? 'GET').toUpperCase();
		const base = {
			method,
			path: url.pathname,
			target: req.url ?? '/',
			query: url.searchParams,
			headers: req.headers,
			rawBody: raw,
			rawBytes: bytes,
			body: parseBody(raw, req.headers['content-type']),
		};
		const decorate = options.decorate ?? ((r: SandboxResponse) => r);

		if (url.pathname.startsWith('/__sandbox/')) {
			const own = service.admin?.match(method, url.pathname);
			const hit = typeof own === 'object' ? own : common.match(method, url.pathname);
			if (typeof hit !== 'object') return send(res, { status: 404, body: { message: 'Unknown sandbox path' } });
			return send(res, await hit.route.handler({ ...base, params: hit.params, template: hit.route.template }));
		}

		const found = service.api.match(method, url.pathname);
		if (typeof found !== 'object') {
			const status = found === 'method' ? 405 : 404;
			core.stats.record(method, '(unmatched)', status);
			return send(res, decorate(service.errorResponse(status, undefined, `No route for ${method} ${url.pathname}`)));
		}
		const request: SandboxRequest = { ...base, params: found.params, template: found.route.template };
		core.stats.apiRequestTimes.push(Date.now());
		const f = core.faults;
		if (f.latencyMs > 0 && core.roll(f.latencyRate)) await delay(f.latencyMs);
		if (core.roll(f.rateReset)) {
			core.stats.faultsInjected++;
			core.stats.record(method, request.template, 0);
			req.socket.destroy();
			return;
		}
		let response: SandboxResponse;
		if (core.roll(f.rate429)) {
			core.stats.faultsInjected++;
			response = service.errorResponse(429, request, 'Too Many Requests');
		} else if (core.roll(f.rate5xx)) {
			core.stats.faultsInjected++;
			response = service.errorResponse(503, request, 'Service Unavailable');
		} else {
			try {
				response = service.before?.(request) ?? (await found.route.handler(request));
			} catch (error) {
				response = service.errorResponse(500, request, (error as Error).message);
			}
		}
		if (response.status === 429) core.stats.sent429++;
		core.stats.record(method, request.template, response.status);
		send(res, decorate(response));
	};

	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			handle(req, res, Buffer.concat(chunks)).catch((error: Error) => {
				if (!res.headersSent) send(res, { status: 500, body: { message: error.message } });
			});
		});
	});
	server.keepAliveTimeout = 1000;
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	return {
		core,
		port,
		url: `http://127.0.0.1:${port}`,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

export const newId = () => randomUUID();
