import { sleep } from 'n8n-workflow';

/** Requests allowed per window; ActiveCampaign publishes 5 per second per account. */
export interface RateLimit {
	requests: number;
	windowMs: number;
}

/**
 * Hands out send times so that no window of `windowMs` holds more than `requests` sends. Each caller reserves
 * its slot synchronously, so parallel items and executions in one process share the budget without racing.
 */
export class SlidingWindowLimiter {
	private slots: number[] = [];

	constructor(
		readonly limit: RateLimit,
		private readonly now: () => number = Date.now,
		private readonly wait: (ms: number) => Promise<void> = sleep,
	) {}

	/** Resolves when the caller may send. */
	async acquire(): Promise<void> {
		const now = this.now();
		while (this.slots.length > 0 && this.slots[0] <= now - this.limit.windowMs) this.slots.shift();
		const { requests, windowMs } = this.limit;
		const n = this.slots.length;
		let slot = now;
		if (n >= requests) slot = Math.max(slot, this.slots[n - requests] + windowMs);
		if (n > 0) slot = Math.max(slot, this.slots[n - 1]);
		this.slots.push(slot);
		if (slot > now) await this.wait(slot - now);
	}
}

/** 5 per second, with a tenth of a second to spare for network jitter between n8n and the API. */
export const ACTIVECAMPAIGN_RATE_LIMIT: RateLimit = { requests: 5, windowMs: 1100 };

const limiters = new Map<string, SlidingWindowLimiter>();

/** One limiter per account (API host) for this n8n process, shared by every node, item and execution. */
export function limiterFor(account: string, limit: RateLimit = ACTIVECAMPAIGN_RATE_LIMIT): SlidingWindowLimiter {
	let limiter = limiters.get(account);
	if (!limiter) {
		limiter = new SlidingWindowLimiter(limit);
		limiters.set(account, limiter);
	}
	return limiter;
}
