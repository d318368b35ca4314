import { sleep } from 'n8n-workflow';

/** How a service's requests are retried: data, so each transport states its policy in one place. */
export interface RetryPolicy {
	/** HTTP statuses worth another try. */
	retryableStatuses: number[];
	/** Statuses that mean "not processed" even for a write (a rate limit rejects before doing anything). */
	safeForWritesStatuses: number[];
	/** Network failures worth another try (the request may or may not have reached the service). */
	retryableNetworkCodes: string[];
	/** Network failures that prove the request never reached the service, so even a write may be resent. */
	unsentNetworkCodes: string[];
	/** Attempts in all, the first included. */
	maxAttempts: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Share of each delay that is randomised (0..1), so parallel executions do not retry in lockstep. */
	jitter: number;
	/** Total time one call may spend across attempts and waits. */
	budgetMs: number;
}

/**
 * What every service shares: 429 and 5xx retried, writes only after a 429 (a rate limit rejects before acting), and
 * network failures retried for reads, or for writes only when the request never left. Services override the counts.
 */
export const BASE_RETRY_POLICY: RetryPolicy = {
	retryableStatuses: [429, 500, 502, 503, 504],
	safeForWritesStatuses: [429],
	retryableNetworkCodes: ['ECONNRESET', 'ETIMEDOUT', 'ECONNABORTED', 'EPIPE', 'ESOCKETTIMEDOUT', 'EAI_AGAIN'],
	unsentNetworkCodes: ['ECONNREFUSED'],
	maxAttempts: 6,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	jitter: 0.5,
	budgetMs: 120_000,
};

/** A service's policy: the base one with its own numbers. */
export function retryPolicy(overrides: Partial<RetryPolicy>): RetryPolicy {
	return { ...BASE_RETRY_POLICY, ...overrides };
}

/** What the retry loop needs to know about one failed attempt. */
export interface AttemptFailure {
	status?: number;
	networkCode?: string;
	/** Server-requested wait in ms, from Retry-After. */
	retryAfterMs?: number;
	/** The service says one immediate resend, done differently, can fix this (Caspio's stale-token answer). */
	resendOnce?: boolean;
}

export interface RetryContext {
	/** True when resending cannot duplicate an effect: reads, PUT/DELETE by key, upserts. */
	idempotent: boolean;
	/** Injected for tests; defaults to Math.random. */
	random?: () => number;
	now?: () => number;
	wait?: (ms: number) => Promise<void>;
}

/** How a call ended: its value, or the last error and, when retries ran out, a sentence saying so. */
export type RetryOutcome<T> =
	| { ok: true; value: T; attempts: number }
	| { ok: false; error: unknown; attempts: number; exhausted?: string };

/** Parses Retry-After as delta-seconds or an HTTP-date; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now = Date.now()): number | undefined {
	if (Array.isArray(value)) value = value[0];
	if (typeof value === 'number') return Math.max(0, value * 1000);
	if (typeof value !== 'string' || value.trim() === '') return undefined;
	const trimmed = value.trim();
	if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.max(0, Number(trimmed) * 1000);
	const date = Date.parse(trimmed);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Whether this failure may be retried under the policy, given whether a resend could duplicate a write. */
export function isRetryable(policy: RetryPolicy, failure: AttemptFailure, idempotent: boolean): boolean {
	if (failure.status !== undefined) {
		if (!policy.retryableStatuses.includes(failure.status)) return false;
		return idempotent || policy.safeForWritesStatuses.includes(failure.status);
	}
	if (failure.networkCode !== undefined) {
		if (policy.unsentNetworkCodes.includes(failure.networkCode)) return true;
		return idempotent && policy.retryableNetworkCodes.includes(failure.networkCode);
	}
	return false;
}

/** Exponential backoff with jitter, or the server's Retry-After when it asked for one. */
export function backoffDelay(policy: RetryPolicy, attempt: number, failure: AttemptFailure, random: () => number): number {
	if (failure.retryAfterMs !== undefined) return failure.retryAfterMs;
	const exponential = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
	return Math.round(exponential * (1 - policy.jitter + policy.jitter * random()));
}

/**
 * Runs `attempt` until it succeeds, the failure is not retryable, attempts run out, or the next wait would
 * overrun the budget. `classify` turns a thrown error into what the policy needs; `attempt` is told the
 * previous failure so it can change how it resends.
 */
export async function withRetry<T>(
	policy: RetryPolicy,
	context: RetryContext,
	attempt: (attemptNumber: number, previous?: AttemptFailure) => Promise<T>,
	classify: (error: unknown) => AttemptFailure,
): Promise<RetryOutcome<T>> {
	const now = context.now ?? Date.now;
	const wait = context.wait ?? sleep;
	const random = context.random ?? Math.random;
	const started = now();
	let previous: AttemptFailure | undefined;
	for (let attempts = 1; ; attempts++) {
		try {
			return { ok: true, value: await attempt(attempts, previous), attempts };
		} catch (error) {
			const failure = classify(error);
			if (failure.resendOnce && !previous?.resendOnce) {
				previous = failure;
				continue;
			}
			if (!isRetryable(policy, failure, context.idempotent)) return { ok: false, error, attempts };
			const elapsed = now() - started;
			const delay = backoffDelay(policy, attempts, failure, random);
			if (attempts >= policy.maxAttempts || elapsed + delay > policy.budgetMs) {
				const exhausted =
					`gave up after ${attempts} attempt${attempts === 1 ? '' : 's'} in ${(elapsed / 1000).toFixed(1)} s; ` +
					`the retry budget is ${policy.maxAttempts} attempts / ${policy.budgetMs / 1000} s`;
				return { ok: false, error, attempts, exhausted };
			}
			previous = failure;
			await wait(delay);
		}
	}
}

/** How long to keep asking whether something has finished, and how the pause between questions grows. */
export interface SettlePolicy {
	firstDelayMs: number;
	maxDelayMs: number;
	timeoutMs: number;
}

/**
 * Reads `read` until `settled` says the answer is final, pausing between reads (doubling up to `maxDelayMs`); the
 * last answer that would overrun `timeoutMs` is returned with `settled: false`. Not a retry: each read succeeded.
 */
export async function readUntilSettled<T>(
	policy: SettlePolicy,
	read: () => Promise<T>,
	settled: (answer: T) => boolean,
	clock: { now?: () => number; wait?: (ms: number) => Promise<void> } = {},
): Promise<{ answer: T; settled: boolean }> {
	const now = clock.now ?? Date.now;
	const wait = clock.wait ?? sleep;
	const deadline = now() + policy.timeoutMs;
	for (let delay = policy.firstDelayMs; ; delay = Math.min(delay * 2, policy.maxDelayMs)) {
		const answer = await read();
		if (settled(answer)) return { answer, settled: true };
		if (now() + delay > deadline) return { answer, settled: false };
		await wait(delay);
	}
}
