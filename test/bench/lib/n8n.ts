/** Publishing benchmark workflows in the harness's n8n (public API) and reading their executions. */
import { randomUUID } from 'crypto';

import { sleep, toApiWorkflow, type ExecutionRecord, type HarnessClient, type WorkflowDefinition } from '../../../scripts/harness';
import type { BenchEnv } from './env';
import { retrying } from './measure';
import { BUILTIN_AC_CREDENTIAL } from './env';

/** Points every credential reference at the benchmark's credential of that type (by id). */
export function withCredentials(env: BenchEnv, wf: WorkflowDefinition): WorkflowDefinition {
	const copy = JSON.parse(JSON.stringify(wf)) as WorkflowDefinition;
	const byType: Record<string, { id: string; name: string }> = {
		caspioApi: { id: env.credentials.caspioApi, name: 'Caspio (sandbox)' },
		activeCampaignPlusApi: { id: env.credentials.activeCampaignPlusApi, name: 'ActiveCampaign (sandbox)' },
		[BUILTIN_AC_CREDENTIAL.type]: { id: env.credentials.activeCampaignApi, name: BUILTIN_AC_CREDENTIAL.name },
	};
	for (const node of copy.nodes) {
		for (const type of Object.keys(node.credentials ?? {})) if (byType[type]) node.credentials![type] = byType[type];
	}
	return copy;
}

/** Creates and publishes a workflow with a trigger; throws when n8n reports an activation error. */
export async function publish(client: HarnessClient, wf: WorkflowDefinition): Promise<string> {
	const { id } = await client.api<{ id: string }>('POST', '/workflows', toApiWorkflow(wf));
	await client.api('POST', `/workflows/${id}/publish`, {});
	await sleep(1000);
	const err = await client.restRaw<{ data?: string | null }>('GET', `/active-workflows/error/${id}`);
	if (err.status < 300 && err.body?.data) throw new Error(`workflow "${wf.name}" did not activate: ${err.body.data}`);
	return id;
}

export async function unpublishAndDelete(client: HarnessClient, id: string): Promise<void> {
	await client.apiRaw('POST', `/workflows/${id}/unpublish`, {});
	await client.apiRaw('DELETE', `/workflows/${id}`);
}

/** Items a node emitted (output 0, all its runs) in one execution. */
export async function itemsEmitted(client: HarnessClient, executionId: string, nodeName: string): Promise<number> {
	const e = await retrying(() => client.api<{ data?: { resultData?: { runData?: Record<string, Array<{ data?: { main?: Array<unknown[] | null> } }>> } } }>(
		'GET',
		`/executions/${executionId}?includeData=true`,
	));
	const runs = e.data?.resultData?.runData?.[nodeName] ?? [];
	return runs.reduce((sum, run) => sum + (run.data?.main?.[0]?.length ?? 0), 0);
}

export interface BenchRun {
	workflowId: string;
	executionId: string;
	status: string;
	execution: ExecutionRecord;
	error?: string;
	lastNode?: string;
	/** `json` of every item a node emitted on output 0 in its first run. */
	output(nodeName: string): unknown[];
	/** "Node 1.2 s, Other 0.3 s": time per node (all runs summed), slowest first. */
	nodeTimes(): string;
	/** Milliseconds a node ran (all runs summed; 0 when it did not run). */
	nodeMs(nodeName: string): number;
}

/** A public-API call that survives a dropped keep-alive connection (n8n busy with a big run resets some). */
const apiRetry = <T>(client: HarnessClient, method: string, p: string, body?: unknown) => retrying(() => client.api<T>(method, p, body));

/**
 * Runs a workflow once to its end: the Manual Trigger becomes a Webhook node that answers right away
 * (responseMode onReceived), the workflow is created with the benchmark credentials and published, the webhook is
 * called, and the execution is awaited through the public API (without data while it runs, then read once with
 * data). Like the harness's runWorkflow, but a run may last longer than fetch's 300 s header timeout and a reset
 * connection while n8n is busy is retried. The workflow is unpublished and deleted afterwards.
 */
export async function runToEnd(env: BenchEnv, wf: WorkflowDefinition, timeoutMs: number): Promise<BenchRun> {
	const client = env.client;
	const copy = withCredentials(env, wf);
	const manual = copy.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
	const hookPath = `bench-${randomUUID()}`;
	const hook = {
		name: manual?.name ?? 'Start',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: manual?.position ?? ([-240, 0] as [number, number]),
		webhookId: randomUUID(),
		parameters: { httpMethod: 'POST', path: hookPath, responseMode: 'onReceived', options: {} },
	};
	if (manual) copy.nodes = copy.nodes.map((n) => (n === manual ? hook : n));
	else {
		const incoming = JSON.stringify(Object.values(copy.connections ?? {}));
		const targets = copy.nodes.filter((n) => !incoming.includes(JSON.stringify(n.name)));
		copy.nodes.unshift(hook);
		copy.connections = { ...(copy.connections ?? {}), [hook.name]: { main: [targets.map((t) => ({ node: t.name, type: 'main', index: 0 }))] } };
	}
	const { id } = await apiRetry<{ id: string }>(client, 'POST', '/workflows', toApiWorkflow(copy, `${wf.name ?? 'bench'} ${new Date().toISOString()}`));
	try {
		await apiRetry(client, 'POST', `/workflows/${id}/publish`, {});
		for (let attempt = 0; ; attempt++) {
			const res = await fetch(`${client.n8nUrl}/webhook/${hookPath}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
				signal: AbortSignal.timeout(60_000),
			});
			await res.arrayBuffer();
			if (res.status < 300) break;
			if (res.status !== 404 || attempt >= 20) throw new Error(`starting "${wf.name}" answered HTTP ${res.status}`);
			process.stderr.write(`[bench] retried starting "${wf.name}" because its webhook answered 404 (registration lags behind the publish answer)\n`);
			await sleep(250);
		}
		const deadline = Date.now() + timeoutMs;
		let summary: { id: string | number; status: string } | undefined;
		for (;;) {
			const list = await apiRetry<{ data: Array<{ id: string | number; status: string }> }>(client, 'GET', `/executions?workflowId=${id}&limit=1`);
			summary = list.data[0];
			if (summary && FINISHED_STATUS(summary.status)) break;
			if (Date.now() > deadline) throw new Error(`"${wf.name}" did not finish within ${Math.round(timeoutMs / 1000)} s`);
			await sleep(1000);
		}
		const execution = await apiRetry<ExecutionRecord>(client, 'GET', `/executions/${summary.id}?includeData=true`);
		const resultData = execution.data?.resultData;
		const runData = resultData?.runData ?? {};
		const err = resultData?.error;
		return {
			workflowId: id,
			executionId: String(summary.id),
			status: execution.status,
			execution,
			error: err ? [err.message, err.description].filter(Boolean).join(' — ') : undefined,
			lastNode: resultData?.lastNodeExecuted,
			output: (nodeName: string) => (runData[nodeName]?.[0]?.data?.main?.[0] ?? []).map((i) => i.json),
			nodeMs: (nodeName: string) => ((runData[nodeName] ?? []) as Array<{ executionTime?: number }>).reduce((sum, r) => sum + (r.executionTime ?? 0), 0),
			nodeTimes: () =>
				Object.entries(runData)
					.map(([name, runs]): [string, number] => [name, (runs as Array<{ executionTime?: number }>).reduce((sum, r) => sum + (r.executionTime ?? 0), 0)])
					.sort((a, b) => b[1] - a[1])
					.map(([name, ms]) => `${name} ${(ms / 1000).toFixed(1)} s`)
					.join(', '),
		};
	} finally {
		await client.apiRaw('POST', `/workflows/${id}/unpublish`, {}).catch(() => undefined);
		await client.apiRaw('DELETE', `/workflows/${id}`).catch(() => undefined);
	}
}

const FINISHED_STATUS = (status: string) => !['new', 'running', 'waiting', 'unknown'].includes(status);

/** Waits until n8n runs no execution (a benchmark that failed half-way must not share the API budget with the next). */
export async function waitNoRunningExecutions(client: HarnessClient, timeoutMs: number): Promise<number> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const page = await client.apiRaw<{ data?: Array<{ status?: string }> }>('GET', '/executions?limit=100');
		const running = (page.body?.data ?? []).filter((e) => ['new', 'running'].includes(String(e.status))).length;
		if (running === 0) return 0;
		if (Date.now() > deadline) return running;
		await sleep(2000);
	}
}
