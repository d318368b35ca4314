/**
 * Helpers for the suites that drive the real n8n of the e2e harness: sandbox records and contacts, executions,
 * workflows of our own, and a bounded wait. `live()` is undefined when the run has no harness (RELIABILITY_NO_N8N).
 */
import * as fs from 'fs';
import { getHarness, HttpError, sleep, type ExecutionRecord, type HarnessClient, type WorkflowDefinition } from '../../e2e/harness';
import { keepText } from './secrets';

export type CaspioRecord = Record<string, unknown> & { PK_ID: number };
export interface AcContact {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	tags: string[];
	lists: Array<{ name: string; status: number }>;
	fieldValues: Record<string, string>;
	automations: Array<{ name: string }>;
}

export function live(): HarnessClient | undefined {
	if (process.env.RELIABILITY_NO_N8N || !process.env.N8N_E2E_STATE_FILE || !fs.existsSync(process.env.N8N_E2E_STATE_FILE)) return undefined;
	return getHarness();
}

/** `describe` that is skipped (with a note) when there is no real n8n. */
export const describeLive = (name: string, fn: () => void) => (live() ? describe(name, fn) : describe.skip(`${name} (no n8n: RELIABILITY_NO_N8N)`, fn));

export const PKG = 'n8n-nodes-caspio-activecampaign';

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function pool<T, R>(items: T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
	const out: R[] = new Array(items.length);
	let next = 0;
	const workers = Array.from({ length: Math.min(limit, items.length) }, async () => {
		for (;;) {
			const i = next++;
			if (i >= items.length) return;
			out[i] = await fn(items[i], i);
		}
	});
	await Promise.all(workers);
	return out;
}

/** Polls `check` until it returns a value (not undefined) or the time runs out (then returns the last attempt's undefined). */
export async function until<T>(what: string, timeoutMs: number, check: () => Promise<T | undefined>, everyMs = 1000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (let i = 0; ; i++) {
		let value: T | undefined;
		try {
			value = await check();
		} catch (error) {
			// A busy n8n (queue mode on a loaded machine) may reset a connection or answer late: poll again, visibly.
			if (error instanceof HttpError || Date.now() > deadline) throw error;
			process.stderr.write(`[reliability] retried a poll for ${what} because it failed on the network (${(error as Error).message})\n`);
		}
		if (value !== undefined) return value;
		if (Date.now() > deadline || i > 100_000) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}`);
		await sleep(everyMs);
	}
}

export class Live {
	constructor(readonly h: HarnessClient) {}

	async caspioWrite(body: { table: string; op: 'insert' | 'update' | 'delete'; values?: Record<string, unknown>; where?: string; source?: string }) {
		return await this.h.caspio!.admin<{ Result?: CaspioRecord[] }>('POST', '/__sandbox/records', { source: 'DataPages', ...body });
	}
	async insert(table: string, values: Record<string, unknown>, source = 'DataPages'): Promise<CaspioRecord> {
		return (await this.caspioWrite({ table, op: 'insert', values, source })).Result![0];
	}
	async update(table: string, pk: number, values: Record<string, unknown>, source = 'DataPages') {
		return await this.caspioWrite({ table, op: 'update', where: `PK_ID = ${pk}`, values, source });
	}
	async records(table: string): Promise<CaspioRecord[]> {
		const state = await this.h.caspio!.state<{ tables: Array<{ name: string; records: CaspioRecord[] }> }>();
		return state.tables.find((t) => t.name === table)?.records ?? [];
	}
	async contacts(): Promise<AcContact[]> {
		return (await this.h.ac!.state<{ contacts: AcContact[] }>()).contacts;
	}
	async settle(): Promise<void> {
		await this.h.caspio!.admin('GET', '/__sandbox/deliveries');
		await this.h.ac!.admin('POST', '/__sandbox/idle');
		await sleep(1500);
		await this.h.caspio!.admin('GET', '/__sandbox/deliveries');
		await this.h.ac!.admin('POST', '/__sandbox/idle');
	}

	/** Every execution of a workflow newer than `afterId` (paged; at most `max`). */
	async executions(workflowId: string, options: { afterId?: number; includeData?: boolean; max?: number } = {}): Promise<ExecutionRecord[]> {
		const all: ExecutionRecord[] = [];
		let cursor: string | undefined;
		const limit = options.includeData ? 100 : 250;
		for (let page = 0; page < 200; page++) {
			const res = await this.h.api<{ data: ExecutionRecord[]; nextCursor?: string | null }>(
				'GET',
				`/executions?workflowId=${workflowId}&limit=${limit}${options.includeData ? '&includeData=true' : ''}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
			);
			const fresh = res.data.filter((e) => Number(e.id) > (options.afterId ?? 0));
			all.push(...fresh);
			if (fresh.length < res.data.length || !res.nextCursor || all.length >= (options.max ?? Infinity)) break;
			cursor = res.nextCursor;
		}
		return all;
	}
	async latestExecutionId(workflowId: string): Promise<number> {
		const list = await this.h.api<{ data: ExecutionRecord[] }>('GET', `/executions?workflowId=${workflowId}&limit=1`);
		return Number(list.data[0]?.id ?? 0);
	}
	/** Waits until `count` executions newer than `afterId` have finished; returns them all (with data). */
	async waitForExecutions(workflowId: string, afterId: number, count: number, timeoutMs: number): Promise<ExecutionRecord[]> {
		await until(`${count} finished executions of workflow ${workflowId}`, timeoutMs, async () => {
			const list = await this.executions(workflowId, { afterId });
			const done = list.filter((e) => !['new', 'running', 'waiting', 'unknown'].includes(e.status));
			return done.length >= count && done.length === list.length ? true : undefined;
		}, 2000);
		const withData = await this.executions(workflowId, { afterId, includeData: true });
		for (const e of withData) keepText(`execution ${e.id} of ${workflowId}`, e);
		return withData;
	}

	/** Creates and publishes a workflow of our own (credentials linked by type). */
	async createWorkflow(def: WorkflowDefinition, name: string): Promise<string> {
		const { toApiWorkflow, linkCredentials, CREDENTIAL_NAMES } = await import('../../e2e/harness');
		const wf = JSON.parse(JSON.stringify(def)) as WorkflowDefinition;
		const available: Record<string, { id: string; name: string }> = {};
		for (const [type, id] of Object.entries(this.h.credentials)) {
			if (id) available[type] = { id, name: CREDENTIAL_NAMES[type as keyof typeof CREDENTIAL_NAMES] };
		}
		linkCredentials(wf, available);
		const created = await this.h.api<{ id: string }>('POST', '/workflows', toApiWorkflow(wf, name));
		await this.h.api('POST', `/workflows/${created.id}/publish`, {});
		return created.id;
	}
	async deleteWorkflow(id: string): Promise<void> {
		await this.h.apiRaw('POST', `/workflows/${id}/unpublish`, {}).catch(() => undefined);
		await this.h.apiRaw('DELETE', `/workflows/${id}`).catch(() => undefined);
	}

	templateId(file: string): string {
		const found = this.h.info.workflows.find((w) => w.file === file);
		if (!found) throw new Error(`workflows/${file} was not imported by global setup`);
		return found.id;
	}
}

/** Sum of a sandbox's requests by status (e.g. '503', '0' for resets). */
export function byStatus(stats: { requests: Record<string, Record<string, number>> }): Record<string, number> {
	const out: Record<string, number> = {};
	for (const statuses of Object.values(stats.requests)) for (const [s, n] of Object.entries(statuses)) out[s] = (out[s] ?? 0) + n;
	return out;
}

export interface SandboxStats {
	total: number;
	requests: Record<string, Record<string, number>>;
	sent429: number;
	faultsInjected: number;
	webhooksSent: number;
	webhooksDropped: number;
	webhooksRepeated: number;
	webhooksFailed: number;
}

/** The difference of two stats snapshots (counters only). */
export function statsDelta(after: SandboxStats, before: SandboxStats) {
	const a = byStatus(after);
	const b = byStatus(before);
	const statuses: Record<string, number> = {};
	for (const k of new Set([...Object.keys(a), ...Object.keys(b)])) statuses[k] = (a[k] ?? 0) - (b[k] ?? 0);
	return {
		total: after.total - before.total,
		faultsInjected: after.faultsInjected - before.faultsInjected,
		sent429: after.sent429 - before.sent429,
		webhooksSent: after.webhooksSent - before.webhooksSent,
		webhooksDropped: after.webhooksDropped - before.webhooksDropped,
		webhooksRepeated: after.webhooksRepeated - before.webhooksRepeated,
		statuses,
	};
}

export function countRequests(stats: SandboxStats, pattern: RegExp): number {
	return Object.entries(stats.requests)
		.filter(([k]) => pattern.test(k))
		.reduce((sum, [, s]) => sum + Object.values(s).reduce((x, y) => x + y, 0), 0);
}
