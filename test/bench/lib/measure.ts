/** Small measuring tools: request counts from the sandboxes' stats, percentiles, peak RSS, waiting. */
import * as fs from 'fs';

import { HttpError, sleep, type HarnessClient } from '../../../scripts/harness';
import type { SandboxCore } from '../../sandbox/server';

/** Requests by `METHOD template` (every status summed). */
export type RequestCounts = Record<string, number>;

/** The requests a sandbox has answered so far, by endpoint (admin `/__sandbox/*` calls are not counted there). */
export function requestCounts(core: SandboxCore): RequestCounts {
	const out: RequestCounts = {};
	for (const [key, byStatus] of Object.entries(core.stats.requests)) {
		out[key] = Object.values(byStatus).reduce((a, b) => a + b, 0);
	}
	return out;
}

/** How many responses of `status` the sandbox gave so far (all endpoints). */
export function statusCount(core: SandboxCore, status: number): number {
	return Object.values(core.stats.requests).reduce((sum, byStatus) => sum + (byStatus[status] ?? 0), 0);
}

export function diffCounts(after: RequestCounts, before: RequestCounts): RequestCounts {
	const out: RequestCounts = {};
	for (const [key, n] of Object.entries(after)) {
		const d = n - (before[key] ?? 0);
		if (d > 0) out[key] = d;
	}
	return out;
}

export const total = (counts: RequestCounts) => Object.values(counts).reduce((a, b) => a + b, 0);

/** "GET /tables/:table/records ×101, POST /oauth/token ×1" with the REST root shortened. */
export function describeCounts(counts: RequestCounts): string {
	return Object.entries(counts)
		.sort((a, b) => b[1] - a[1])
		.map(([key, n]) => `${key.replace('/integrations/rest/v3', '').replace('/api/3', '')} ×${n}`)
		.join(', ');
}

/** Counts the requests a sandbox answers while `work` runs. */
export async function countRequests<T>(core: SandboxCore, work: () => Promise<T>): Promise<{ result: T; counts: RequestCounts }> {
	const before = requestCounts(core);
	const result = await work();
	return { result, counts: diffCounts(requestCounts(core), before) };
}

/** Nearest-rank percentile of `values` (p in 0..100). */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return Number.NaN;
	const sorted = [...values].sort((a, b) => a - b);
	const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
	return sorted[rank - 1];
}

/** A field of /proc/<pid>/status in kB (VmRSS, VmHWM), or undefined when it cannot be read. */
export function procStatusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
	try {
		const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return m ? Number(m[1]) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Peak resident memory of a process over `work`: resets the kernel's high-water mark (`echo 5 > clear_refs`) so
 * VmHWM covers only this work, and samples VmRSS every 100 ms as a cross-check (and as the answer when the reset
 * is not allowed).
 */
export async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ result: T; peakKb: number; startKb: number; method: string }> {
	let reset = false;
	try {
		fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
		reset = true;
	} catch {
		/* not permitted: sampling only */
	}
	const startKb = procStatusKb(pid, 'VmRSS') ?? Number.NaN;
	let sampled = procStatusKb(pid, 'VmRSS') ?? 0;
	const timer = setInterval(() => (sampled = Math.max(sampled, procStatusKb(pid, 'VmRSS') ?? 0)), 100);
	try {
		const result = await work();
		sampled = Math.max(sampled, procStatusKb(pid, 'VmRSS') ?? 0);
		const hwm = reset ? (procStatusKb(pid, 'VmHWM') ?? 0) : 0;
		return {
			result,
			peakKb: Math.max(hwm, sampled),
			startKb,
			method: reset ? 'VmHWM after clear_refs (VmRSS sampled every 100 ms as a floor)' : 'VmRSS sampled every 100 ms',
		};
	} finally {
		clearInterval(timer);
	}
}

/** Polls `check` until it returns a value other than undefined, or throws after `timeoutMs`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined> | T | undefined, timeoutMs: number, everyMs = 250): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await check();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
		await sleep(everyMs);
	}
}

/** Waits until the sandbox has answered no request for `quietMs` (after at least one since `since`, when given). */
export async function waitQuiet(core: SandboxCore, quietMs: number, timeoutMs: number): Promise<void> {
	let last = total(requestCounts(core));
	let lastChange = Date.now();
	await waitFor(
		'the sandbox to go quiet',
		() => {
			const now = total(requestCounts(core));
			if (now !== last) {
				last = now;
				lastChange = Date.now();
			}
			return Date.now() - lastChange >= quietMs ? true : undefined;
		},
		timeoutMs,
		100,
	);
}

export interface ExecutionSummary {
	id: string;
	status: string;
	startedAt?: string;
	stoppedAt?: string;
}

/**
 * Retries a call that failed on the network (not on an HTTP status): a busy server may reset a kept-alive
 * connection just as it is reused.
 */
export async function retrying<T>(call: () => Promise<T>, attempts = 5): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await call();
		} catch (error) {
			if (error instanceof HttpError || attempt >= attempts) throw error;
			process.stderr.write(`[bench] retried a call to n8n (attempt ${attempt + 1}) because it failed on the network (${(error as Error).message})\n`);
			await sleep(300 * attempt);
		}
	}
}

/** Every execution of a workflow (public API, no data). */
export async function listExecutions(client: HarnessClient, workflowId: string): Promise<ExecutionSummary[]> {
	const all: ExecutionSummary[] = [];
	let cursor: string | undefined;
	do {
		const after = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
		const page = await retrying(() =>
			client.api<{ data: Array<ExecutionSummary & { id: string | number }>; nextCursor?: string | null }>('GET', `/executions?workflowId=${workflowId}&limit=250${after}`),
		);
		all.push(...page.data.map((e) => ({ ...e, id: String(e.id) })));
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

export const FINISHED = (status: string) => !['new', 'running', 'waiting', 'unknown'].includes(status);

/** Milliseconds between an execution's start and stop, as n8n recorded them. */
export function executionMs(execution: object): number {
	const e = execution as { startedAt?: unknown; stoppedAt?: unknown };
	return Date.parse(String(e.stoppedAt)) - Date.parse(String(e.startedAt));
}

/** Runs `fn` over `items` with at most `concurrency` in flight. */
export async function inParallel<T>(items: T[], concurrency: number, fn: (item: T, index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
		while (next < items.length) {
			const i = next++;
			await fn(items[i], i);
		}
	});
	await Promise.all(workers);
}
