import { sleep } from 'n8n-workflow';

/** Requests allowed per window, e.g. ActiveCampaign's 5 per second per account. */
export interface RateLimit {
	requests: number;
	windowMs: number;
	/** One request per `windowMs`, spaced evenly (a process's share of a budget other processes use too). */
	paced?: boolean;
}

/** Lets requests go to a server only as fast as its budget allows. */
export interface Limiter {
	schedule<T>(send: () => Promise<T>): Promise<T>;
}

/**
 * Lets a request start only when fewer than `requests` requests are in flight or ended within the last `windowMs`.
 * Counting from when a request *ended* (not when it was sent) means two requests the limit keeps apart arrive at
 * the server at least `windowMs` apart, however long the network or a busy event loop delays them; and a late timer
 * can never release a backlog at once. Parallel items and executions in one process share one limiter.
 */
export class SlidingWindowLimiter implements Limiter {
	private grants: Array<{ end: number }> = [];
	private waiters: Array<() => void> = [];

	constructor(
		readonly limit: RateLimit,
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {}

	/** Runs `send` when the window allows it; the slot counts until `windowMs` after `send` settles. */
	async schedule<T>(send: () => Promise<T>): Promise<T> {
		const grant = await this.acquire();
		try {
			return await send();
		} finally {
			grant.end = this.now();
			for (const wake of this.waiters.splice(0)) wake();
		}
	}

	private async acquire(): Promise<{ end: number }> {
		for (;;) {
			const now = this.now();
			this.grants = this.grants.filter((g) => g.end > now - this.limit.windowMs);
			if (this.grants.length < this.limit.requests) {
				const grant = { end: Number.POSITIVE_INFINITY };
				this.grants.push(grant);
				return grant;
			}
			// Wake when the earliest finished request leaves the window, or when one in flight finishes.
			const released = new Promise<void>((resolve) => this.waiters.push(resolve));
			const earliestEnd = Math.min(...this.grants.map((g) => g.end));
			await (Number.isFinite(earliestEnd)
				? Promise.race([released, this.wait(earliestEnd + this.limit.windowMs - now)])
				: released);
		}
	}
}

/**
 * Starts one request every `intervalMs` at most, one after another in the order asked: the sends are spaced evenly,
 * never bunched. A timer that fires late delays the next send by as much (spacing is kept from the actual start), so a
 * stalled event loop never releases a backlog at once; a few milliseconds of timer lag are not carried over.
 */
export class PacedLimiter implements Limiter {
	private last = Number.NEGATIVE_INFINITY;
	private queue: Promise<void> = Promise.resolve();

	constructor(
		readonly intervalMs: number,
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {}

	async schedule<T>(send: () => Promise<T>): Promise<T> {
		const turn = this.queue.then(async () => await this.start());
		this.queue = turn.catch(() => undefined);
		await turn;
		return await send();
	}

	private async start(): Promise<void> {
		const due = this.last + this.intervalMs;
		const now = this.now();
		if (due > now) await this.wait(due - now);
		const started = this.now();
		this.last = started - due <= TIMER_LAG_MS ? due : started;
	}
}

/** Lateness of a timer that counts as timer lag rather than a stall. */
const TIMER_LAG_MS = 5;

/** Runs `send` through every limiter given, outermost first. */
export async function throttled<T>(limiters: Limiter[], send: () => Promise<T>): Promise<T> {
	const [first, ...rest] = limiters;
	return first ? await first.schedule(async () => await throttled(rest, send)) : await send();
}

/**
 * This process's share of an account's budget when `processes` n8n processes (queue-mode workers) use the account at
 * once. Nodes keep no shared state, so each process sends one request per `windowMs × processes / requests`, evenly
 * spaced: together they send the whole budget on average (5 req/s: one request every 400 ms from each of 2 workers),
 * and their requests never bunch by more than one per process. An account metered as a token bucket of the budget's
 * size (how ActiveCampaign's 5 req/s is read here) therefore never refuses them; a server that allowed no second more
 * than the budget could refuse the odd request when all processes' sends line up, which is then retried.
 */
export function shareOf(limit: RateLimit, processes: unknown): RateLimit {
	const n = Math.max(1, Math.floor(Number(processes)) || 1);
	if (n === 1) return limit;
	return { requests: 1, windowMs: (limit.windowMs * n) / limit.requests, paced: true };
}

const limiters = new Map<string, Limiter>();

/**
 * One limiter per account (API host) and budget for this n8n process, shared by every node, item and execution.
 * A changed budget (another share in the credential) starts a limiter of its own.
 */
export function limiterFor(account: string, limit: RateLimit): Limiter {
	const key = `${account} ${limit.requests}/${limit.windowMs}${limit.paced ? ' paced' : ''}`;
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = limit.paced ? new PacedLimiter(limit.windowMs) : new SlidingWindowLimiter(limit);
		limiters.set(key, limiter);
	}
	return limiter;
}
