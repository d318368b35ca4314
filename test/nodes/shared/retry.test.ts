import { BASE_RETRY_POLICY, parseRetryAfter, readUntilSettled, retryPolicy, withRetry, type AttemptFailure, type RetryPolicy } from '../../../nodes/shared/retry';

const policy: RetryPolicy = {
	retryableStatuses: [429, 500, 502, 503, 504],
	safeForWritesStatuses: [429],
	retryableNetworkCodes: ['ECONNRESET'],
	unsentNetworkCodes: ['ECONNREFUSED'],
	maxAttempts: 5,
	baseDelayMs: 1000,
	maxDelayMs: 8000,
	jitter: 0,
	budgetMs: 20_000,
};

/** A clock that only moves when the retry loop waits, so tests see exactly the waits it chose. */
function fakeClock() {
	let now = 1_000_000;
	const waits: number[] = [];
	return {
		waits,
		now: () => now,
		wait: async (ms: number) => {
			waits.push(ms);
			now += ms;
		},
	};
}

/** An attempt function that fails with the given failures in order, then succeeds. */
function failing(failures: AttemptFailure[]) {
	let calls = 0;
	const attempt = async () => {
		const failure = failures[calls++];
		if (failure) throw Object.assign(new Error(`failure ${calls}`), { failure });
		return 'done';
	};
	return { attempt, calls: () => calls, classify: (e: unknown) => (e as { failure: AttemptFailure }).failure };
}

describe('parseRetryAfter', () => {
	it('reads delta-seconds', () => {
		expect(parseRetryAfter('30')).toBe(30_000);
		expect(parseRetryAfter(' 2 ')).toBe(2000);
	});
	it('reads an HTTP-date relative to now', () => {
		const now = Date.parse('Fri, 27 Nov 2026 10:00:00 GMT');
		expect(parseRetryAfter('Fri, 27 Nov 2026 10:00:07 GMT', now)).toBe(7000);
		expect(parseRetryAfter('Fri, 27 Nov 2026 09:59:00 GMT', now)).toBe(0);
	});
	it('ignores what it cannot read', () => {
		expect(parseRetryAfter(undefined)).toBeUndefined();
		expect(parseRetryAfter('soon')).toBeUndefined();
	});
});

describe('withRetry', () => {
	it('waits as long as Retry-After asks, in seconds or as an HTTP-date', async () => {
		const clock = fakeClock();
		const script = failing([
			{ status: 429, retryAfterMs: parseRetryAfter('3') },
			{ status: 503, retryAfterMs: parseRetryAfter(new Date(clock.now() + 3000 + 5000).toUTCString(), clock.now() + 3000) },
		]);

		const outcome = await withRetry(policy, { idempotent: true, ...clock }, script.attempt, script.classify);

		expect(outcome).toEqual({ ok: true, value: 'done', attempts: 3 });
		expect(clock.waits).toEqual([3000, 5000]);
	});

	it('backs off exponentially up to the maximum delay when no Retry-After is given', async () => {
		const clock = fakeClock();
		const script = failing([{ status: 500 }, { status: 502 }, { status: 503 }, { status: 504 }]);

		await withRetry({ ...policy, budgetMs: 60_000 }, { idempotent: true, ...clock }, script.attempt, script.classify);

		expect(clock.waits).toEqual([1000, 2000, 4000, 8000]);
	});

	it('keeps jitter inside its share of the delay', async () => {
		const clock = fakeClock();
		const script = failing([{ status: 500 }, { status: 500 }]);

		await withRetry({ ...policy, jitter: 0.5 }, { idempotent: true, random: () => 0, ...clock }, script.attempt, script.classify);

		expect(clock.waits).toEqual([500, 1000]);
	});

	it('gives up when the next wait would overrun the time budget, and says so', async () => {
		const clock = fakeClock();
		const script = failing(Array(10).fill({ status: 429, retryAfterMs: 8000 }));

		const outcome = await withRetry(policy, { idempotent: true, ...clock }, script.attempt, script.classify);

		expect(outcome.ok).toBe(false);
		expect(script.calls()).toBe(3);
		expect(clock.waits).toEqual([8000, 8000]);
		expect(!outcome.ok && outcome.exhausted).toBe('gave up after 3 attempts in 16.0 s; the retry budget is 5 attempts / 20 s');
	});

	it('gives up after the last attempt', async () => {
		const clock = fakeClock();
		const script = failing(Array(10).fill({ status: 503 }));

		const outcome = await withRetry({ ...policy, maxDelayMs: 1000 }, { idempotent: true, ...clock }, script.attempt, script.classify);

		expect(script.calls()).toBe(5);
		expect(!outcome.ok && outcome.exhausted).toMatch(/^gave up after 5 attempts/);
	});

	it('never resends a non-idempotent write after a 5xx or a reset connection, which may have applied it', async () => {
		for (const failure of [{ status: 500 }, { status: 503 }, { networkCode: 'ECONNRESET' }]) {
			const clock = fakeClock();
			const script = failing([failure]);

			const outcome = await withRetry(policy, { idempotent: false, ...clock }, script.attempt, script.classify);

			expect(outcome.ok).toBe(false);
			expect(!outcome.ok && outcome.exhausted).toBeUndefined();
			expect(script.calls()).toBe(1);
		}
	});

	it('does resend a write after a 429 or a refused connection, which the service never acted on', async () => {
		const clock = fakeClock();
		const script = failing([{ status: 429 }, { networkCode: 'ECONNREFUSED' }]);

		const outcome = await withRetry(policy, { idempotent: false, ...clock }, script.attempt, script.classify);

		expect(outcome.ok).toBe(true);
		expect(script.calls()).toBe(3);
	});

	it('does not retry a client error', async () => {
		const clock = fakeClock();
		const script = failing([{ status: 422 }]);

		const outcome = await withRetry(policy, { idempotent: true, ...clock }, script.attempt, script.classify);

		expect(outcome.ok).toBe(false);
		expect(script.calls()).toBe(1);
	});

	it('resends once at once when the failure asks for it, telling the attempt why', async () => {
		const clock = fakeClock();
		const previous: Array<AttemptFailure | undefined> = [];
		const script = failing([{ status: 400, resendOnce: true }, { status: 400, resendOnce: true }]);

		const outcome = await withRetry(
			policy,
			{ idempotent: true, ...clock },
			async (_attempt, prev) => {
				previous.push(prev);
				return await script.attempt();
			},
			script.classify,
		);

		expect(outcome.ok).toBe(false);
		expect(script.calls()).toBe(2);
		expect(previous).toEqual([undefined, { status: 400, resendOnce: true }]);
		expect(clock.waits).toEqual([]);
	});
});

describe('retryPolicy', () => {
	test("a service's policy is the base one with its own numbers", () => {
		const policy = retryPolicy({ maxAttempts: 8, budgetMs: 180_000 });
		expect(policy).toEqual({ ...BASE_RETRY_POLICY, maxAttempts: 8, budgetMs: 180_000 });
		expect(BASE_RETRY_POLICY.safeForWritesStatuses).toEqual([429]);
	});
});

describe('readUntilSettled', () => {
	const policy = { firstDelayMs: 500, maxDelayMs: 5000, timeoutMs: 20_000 };

	test('asks again with growing pauses until the answer is final', async () => {
		const clock = fakeClock();
		const answers = ['queued', 'active', 'active', 'active', 'active', 'completed'];
		const result = await readUntilSettled(policy, async () => answers.shift()!, (status) => status === 'completed', clock);
		expect(result).toEqual({ answer: 'completed', settled: true });
		expect(clock.waits).toEqual([500, 1000, 2000, 4000, 5000]);
	});

	test('gives the last answer, unsettled, when the next pause would pass the time allowed', async () => {
		const clock = fakeClock();
		let reads = 0;
		const result = await readUntilSettled({ ...policy, timeoutMs: 3000 }, async () => ++reads, () => false, clock);
		expect(result).toEqual({ answer: 3, settled: false });
		expect(clock.waits).toEqual([500, 1000]);
	});
});
