/**
 * A token bucket of `limit` tokens where each spent token comes back `windowMs` after it was spent: bursts of
 * `limit` are allowed, and no window of `windowMs` ever sees more than `limit` grants.
 */
export class SlidingWindow {
	private spent: number[] = [];

	constructor(
		public limit: number,
		readonly windowMs: number,
	) {}

	take(now = Date.now()): { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number } {
		while (this.spent.length > 0 && now - this.spent[0] >= this.windowMs) this.spent.shift();
		if (this.spent.length >= this.limit) {
			const waitMs = this.spent[this.spent.length - this.limit] + this.windowMs - now;
			return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
		}
		this.spent.push(now);
		return { ok: true, remaining: this.limit - this.spent.length };
	}

	clear(): void {
		this.spent = [];
	}
}
