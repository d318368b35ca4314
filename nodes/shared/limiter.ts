import { sleep } from 'n8n-workflow';

/** Requests allowed per window, e.g. ActiveCampaign's 5 per second per account. */
export interface RateLimit {
	requests: number;
	windowMs: number;
}

/**
 * Lets a request start only when fewer than `requests` requests are in flight or ended within the last `windowMs`.
 * Counting from when a request *ended* (not when it was sent) means two requests the limit keeps apart arrive at
 * the server at least `windowMs` apart, however long the network or a busy event loop delays them; and a late timer
 * can never release a backlog at once. Parallel items and executions in one process share one limiter.
 */
export class SlidingWindowLimiter {
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

/** Runs `send` through every limiter given, outermost first. */
export async function throttled<T>(limiters: SlidingWindowLimiter[], send: () => Promise<T>): Promise<T> {
	const [first, ...rest] = limiters;
	return first ? await first.schedule(async () => await throttled(rest, send)) : await send();
}

/**
 * This process's share of an account's budget when `processes` n8n processes (queue-mode workers) use the account at
 * once; nodes keep no shared state, so each process keeps to its share. While the budget divides into whole
 * requests per window (5 req/s among up to 5 processes), no window ever sees more than the budget from all of
 * them together; beyond that each process gets one request per proportionally longer window, which holds the
 * budget on average.
 */
export function shareOf(limit: RateLimit, processes: unknown): RateLimit {
	const n = Math.max(1, Math.floor(Number(processes)) || 1);
	if (n === 1) return limit;
	const requests = Math.floor(limit.requests / n);
	if (requests >= 1) return { requests, windowMs: limit.windowMs };
	return { requests: 1, windowMs: Math.ceil((limit.windowMs * n) / limit.requests) };
}

const limiters = new Map<string, SlidingWindowLimiter>();

/**
 * One limiter per account (API host) and budget for this n8n process, shared by every node, item and execution.
 * A changed budget (another share in the credential) starts a limiter of its own.
 */
export function limiterFor(account: string, limit: RateLimit): SlidingWindowLimiter {
	const key = `${account} ${limit.requests}/${limit.windowMs}`;
	let limiter = limiters.get(key);
	if (!limiter) {
		limiter = new SlidingWindowLimiter(limit);
		limiters.set(key, limiter);
	}
	return limiter;
}
