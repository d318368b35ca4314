/** How the sandbox meters the 5 requests per second (§2 gives the rate, not the burst; §5 asks for a token bucket). */
export type RateModel = 'bucket' | 'window';

export type Take = { ok: true; remaining: number } | { ok: false; retryAfterSeconds: number };

/** A meter of `limit` requests per `windowMs`. */
export interface RateMeter {
	limit: number;
	readonly windowMs: number;
	take(now?: number): Take;
	clear(): void;
}

/**
 * The reference's model (§5: "5 rps per account as a token bucket"): `limit` tokens, refilled continuously at `limit`
 * per `windowMs`, so a full bucket allows a burst of `limit` and then one request per `windowMs / limit`. The burst
 * size is a guess (§2: "no documented burst"); `window` is the stricter reading.
 */
export class TokenBucket implements RateMeter {
	private tokens: number;
	private at = 0;

	constructor(
		public limit: number,
		readonly windowMs: number,
	) {
		this.tokens = limit;
	}

	take(now = Date.now()): Take {
		const refill = ((now - this.at) * this.limit) / this.windowMs;
		this.tokens = Math.min(this.limit, this.tokens + Math.max(0, refill));
		this.at = now;
		if (this.tokens < 1) {
			const waitMs = ((1 - this.tokens) * this.windowMs) / this.limit;
			return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
		}
		this.tokens -= 1;
		return { ok: true, remaining: Math.floor(this.tokens) };
	}

	clear(): void {
		this.tokens = this.limit;
		this.at = 0;
	}
}

/**
 * The stricter reading of "5 per second" (sandbox option `rateModel: 'window'`): each spent token comes back `windowMs`
 * after it was spent, so bursts of `limit` are allowed and no window of `windowMs` ever sees more than `limit`
 * grants. The bulk importer's per-minute limits always use it ("up to 100 imports may be requested per minute").
 */
export class SlidingWindow implements RateMeter {
	private spent: number[] = [];

	constructor(
		public limit: number,
		readonly windowMs: number,
	) {}

	take(now = Date.now()): Take {
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

export const rateMeter = (model: RateModel, limit: number, windowMs: number): RateMeter =>
	model === 'window' ? new SlidingWindow(limit, windowMs) : new TokenBucket(limit, windowMs);
