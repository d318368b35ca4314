import { activeCampaignConsoleRoutes } from '../console/routes';
import {
	type RunningSandbox,
	Router,
	type SandboxCore,
	type SandboxRequest,
	type SandboxResponse,
	type SandboxService,
	startSandbox,
} from '../server';
import { adminRoutes, snapshot } from './admin';
import { type Ctx, defaultQuirks, type Quirks } from './context';
import { demoSeed } from './demo-seed';
import { Api, statusError } from './http';
import { rateMeter, SlidingWindow, type RateModel } from './limiter';
import { accountRoutes } from './routes/accounts';
import { automationRoutes } from './routes/automations';
import { contactRoutes } from './routes/contacts';
import { ecommerceRoutes } from './routes/ecommerce';
import { createPipeline, crmRoutes } from './routes/crm';
import { fieldRoutes } from './routes/fields';
import { importRoutes } from './routes/imports';
import { listRoutes } from './routes/lists';
import { tagRoutes } from './routes/tags';
import { trackcmpRoutes, trackingRoutes } from './routes/tracking';
import { webhookRoutes } from './routes/webhooks';
import { SyncRejections } from './rejections';
import { applySeed, seedFromBody } from './seed';
import { Store } from './store';
import { WebhookEmitter } from './webhooks';

export type { Quirks } from './context';
export type { SeedInput } from './seed';

export interface ActiveCampaignSandboxOptions {
	/** 0 or absent = any free port. */
	port?: number;
	/** Load demo-seed.ts at start and after every reset. */
	seedDemo?: boolean;
	/** The 5 req/s per-account limit; on by default. Switch at runtime with `POST /__sandbox/rate-limit`. */
	rateLimit?: boolean;
	requestsPerSecond?: number;
	/**
	 * How the 5 per second is metered: `bucket` (default, as §5 asks: a token bucket of 5 refilled continuously) or
	 * `window` (no second ever sees more than 5). Also `POST /__sandbox/rate-limit {model}`.
	 */
	rateModel?: RateModel;
	/** `Api-Token` value; default `sandbox-key`. */
	apiKey?: string;
	/** trackcmp `actid`; default `1000`. */
	eventAccountId?: string;
	/** trackcmp `key`; default `sandbox-event-key`. */
	eventKey?: string;
	/** Alternatives for UNCERTAIN behaviours (see context.ts); also `POST /__sandbox/options`. */
	quirks?: Partial<Quirks>;
	/**
	 * ActiveCampaign never reuses an id, so by default ids keep counting across resets and a client that kept an id
	 * from before a reset gets a 404, not someone else's row. Tests that assert seeded ids (`1`, `2`, …) turn it off.
	 */
	idsSurviveReset?: boolean;
}

export interface ActiveCampaignSandbox extends RunningSandbox {
	core: SandboxCore;
	/** Resolves once every queued webhook delivery and import callback has finished. */
	idle(): Promise<void>;
}

const V3 = '/api/3/';

/** A fresh account has its admin user (the API key's) and one pipeline with three stages, so deals can be created without setup. */
function seedPipeline(store: Store): void {
	store.users.insert({ username: 'admin', firstName: 'Sandbox', lastName: 'Admin', email: 'admin@sandbox.example' });
	createPipeline(store, 'Sales Pipeline', 'usd', Date.now());
}

function createActiveCampaignService(options: ActiveCampaignSandboxOptions = {}): { service: SandboxService; ctx: Ctx } {
	/** What a reset brings back to the start options. */
	const fresh = (): Pick<Ctx, 'store' | 'quirks' | 'rate' | 'imports'> => ({
		store: new Store(),
		quirks: { ...defaultQuirks(), ...options.quirks },
		rate: {
			enabled: options.rateLimit ?? true,
			model: options.rateModel ?? 'bucket',
			window: rateMeter(options.rateModel ?? 'bucket', options.requestsPerSecond ?? 5, 1000),
			accepted: [],
			refused: 0,
		},
		imports: { single: new SlidingWindow(20, 60_000), multi: new SlidingWindow(100, 60_000) },
	});
	const base: Omit<Ctx, 'hooks'> = {
		...fresh(),
		account: {
			apiKey: options.apiKey ?? 'sandbox-key',
			eventAccountId: options.eventAccountId ?? '1000',
			eventKey: options.eventKey ?? 'sandbox-event-key',
		},
		url: '',
	};
	const ctx: Ctx = Object.assign(base, { hooks: new WebhookEmitter(base) });
	const rejections = new SyncRejections();

	/** Budget left after the request that was let through, for the RateLimit-Remaining header. */
	const remaining = new WeakMap<SandboxRequest, number>();

	const throttled = (status: number, retryAfterSeconds: number): SandboxResponse => ({
		status,
		headers: {
			'Retry-After': String(retryAfterSeconds),
			'RateLimit-Limit': String(ctx.rate.window.limit),
			'RateLimit-Remaining': '0',
		},
		body: { message: status === 429 ? 'Too Many Requests' : 'Service Unavailable' },
	});

	const api = new Router();
	const v3 = new Api(api, '/api/3', (req, res, arrival) => {
		if (res.status >= 200 && res.status < 300) ctx.rate.accepted.push(arrival);
		const left = remaining.get(req);
		if (left === undefined) return res;
		return {
			...res,
			headers: { ...res.headers, 'RateLimit-Limit': String(ctx.rate.window.limit), 'RateLimit-Remaining': String(left) },
		};
	});
	const resources = [
		contactRoutes,
		tagRoutes,
		listRoutes,
		fieldRoutes,
		automationRoutes,
		crmRoutes,
		accountRoutes,
		ecommerceRoutes,
		trackingRoutes,
		importRoutes,
		webhookRoutes,
	];
	for (const register of resources) register(v3, ctx);
	trackcmpRoutes(new Api(api, '', (_req, res) => res), ctx);

	const service: SandboxService = {
		name: 'activecampaign',
		api,
		admin: activeCampaignConsoleRoutes(rejections.routes(adminRoutes(ctx)), ctx),
		reset() {
			const previous = ctx.store;
			Object.assign(ctx, fresh());
			if (options.idsSurviveReset ?? true) ctx.store.continueIdsAfter(previous);
			ctx.hooks.reset();
			rejections.clear();
			seedPipeline(ctx.store);
			if (options.seedDemo) applySeed(ctx, demoSeed);
		},
		seed(body) {
			const result = seedFromBody(ctx, body);
			if ('error' in result) return { status: 400, body: { message: result.error } };
			return { status: 200, body: { ok: true, ids: result.ids } };
		},
		state: () => snapshot(ctx),
		before(req) {
			// trackcmp (`/event`) is another host in reality: it authenticates by actid + key and is outside the v3 budget.
			if (!req.path.startsWith(V3)) return undefined;
			if (req.headers['api-token'] !== ctx.account.apiKey) {
				return ctx.quirks.forbiddenBody === 'message'
					? { status: 403, body: { message: 'Forbidden' } }
					: statusError(403, 'Forbidden', 'The request could not be authenticated.');
			}
			if (!ctx.rate.enabled) return rejections.check(req);
			const grant = ctx.rate.window.take();
			if (!grant.ok) {
				ctx.rate.refused++;
				return throttled(ctx.quirks.throttleStatus, grant.retryAfterSeconds);
			}
			remaining.set(req, grant.remaining);
			return rejections.check(req);
		},
		errorResponse(status, _req, message) {
			if (status === 429) return throttled(429, 1);
			return { status, body: { message } };
		},
	};
	service.reset();
	return { service, ctx };
}

/** Starts the ActiveCampaign sandbox on 127.0.0.1 (`/api/3/*`, trackcmp's `/event`, admin under `/__sandbox/`). */
export async function startActiveCampaignSandbox(options: ActiveCampaignSandboxOptions = {}): Promise<ActiveCampaignSandbox> {
	const { service, ctx } = createActiveCampaignService(options);
	const running = await startSandbox(service, { port: options.port });
	ctx.url = running.url;
	ctx.core = running.core;
	return { ...running, idle: () => ctx.hooks.idle() };
}
