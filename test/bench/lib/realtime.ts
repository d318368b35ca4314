/**
 * A realtime run, shared by P2 (one n8n) and P6 (queue mode): Caspio webhook deliveries at a steady pace into the P2
 * workflow (Caspio Trigger → ActiveCampaign Plus Contact upsert with 2 tags, 1 list, 3 fields), measured from the
 * sandboxes' own timestamps — when Caspio sent each delivery, when each ActiveCampaign write arrived.
 */
import { randomUUID } from 'crypto';

import { sleep } from '../../../scripts/harness';
import type { AcRequest, BenchEnv } from './env';
import { lead, LEAD_FIELDS, P2_TAGS, incompleteContacts, seedCaspio } from './data';
import { FINISHED, listExecutions, percentile, retrying, waitFor, type ExecutionSummary } from './measure';
import { publish, unpublishAndDelete, withCredentials } from './n8n';
import { fmt } from './types';
import { p2Realtime } from './workflows';
import type { Logger } from '../../../scripts/harness';

/** The fewest requests the job allows: /contact/sync (fields inline), 2 × /contactTags, 1 × /contactLists. */
export const MIN_REQUESTS_PER_EVENT = 4;
export const AC_REQUESTS_PER_SECOND = 5;

const WRITES = ['/contact/sync', '/contactTags', '/contactLists'];
const isWrite = (r: AcRequest) => r.method === 'POST' && WRITES.some((w) => r.template.endsWith(w));

export interface RealtimeOptions {
	table: string;
	domain: string;
	events: number;
	warmup: number;
	perSecond: number;
	/** "P2: " or "P6: " before every log line. */
	label: string;
	log: Logger;
}

export interface RealtimeFigures {
	measured: number;
	perEvent: number;
	/** "POST /contact/sync ×1.00, …" per measured event. */
	breakdown: string;
	p50: number;
	p95: number;
	/** Measured events whose last write arrived, over the time from the first measured delivery to the last write. */
	throughput: number;
	/** How long the measured deliveries took to send (their pace). */
	sendMs: number;
	latencies: number;
	executions: number;
	failedExecutions: number;
	refused429: number;
	complete: number;
	incomplete: number;
}

/** Publishes the workflow, sends `warmup` then `events - warmup` deliveries at `perSecond`, waits, measures. */
export async function realtimeRun(env: BenchEnv, o: RealtimeOptions): Promise<RealtimeFigures> {
	const caspio = env.client.caspio!;
	await seedCaspio(caspio, { tables: [{ name: o.table, fields: LEAD_FIELDS, records: [] }] });
	const id = await publish(env.client, withCredentials(env, p2Realtime(o.table, randomUUID())));
	// Activation registers the trigger's outgoing webhook in Caspio; a record inserted before that is never delivered.
	await waitFor(
		`${o.label}the Caspio Trigger's outgoing webhook`,
		async () => ((await caspio.state<{ webhooks: unknown[] }>()).webhooks.length > 0 ? true : undefined),
		60_000,
		500,
	);
	env.acLog.length = 0;
	env.caspioDeliveries.length = 0;
	env.recording.ac = true;
	env.recording.caspio = true;
	try {
		const finished = async (count: number): Promise<ExecutionSummary[] | undefined> => {
			const list = await listExecutions(env.client, id);
			return list.length >= count && list.every((e) => FINISHED(e.status)) ? list : undefined;
		};
		const deliver = async (from: number, to: number) => {
			const t0 = Date.now();
			for (let i = from; i <= to; i++) {
				const due = t0 + ((i - from) * 1000) / o.perSecond;
				if (due > Date.now()) await sleep(due - Date.now());
				await retrying(() => caspio.admin('POST', '/__sandbox/records', { table: o.table, op: 'insert', values: lead(i, o.domain), source: 'DataPages' }));
			}
			return Date.now() - t0;
		};
		const budget = (count: number) => 120_000 + count * 5_000;

		o.log(`${o.label}${o.warmup} warm-up deliveries…`);
		await deliver(1, o.warmup);
		await waitFor('the warm-up executions', () => finished(o.warmup), budget(o.warmup), 1000);
		const mark = env.acLog.length;
		const measured = o.events - o.warmup;
		o.log(`${o.label}${measured} measured deliveries at ${o.perSecond}/s…`);
		const sendMs = await deliver(o.warmup + 1, o.events);
		const all = await waitFor('every execution to finish', () => finished(o.events), budget(measured), 1000);

		const acRequests = env.acLog.slice(mark);
		const check = await incompleteContacts(env.client.ac!, o.domain, o.events, P2_TAGS);

		// Latency: delivery (Caspio sandbox) → last write for that contact (ActiveCampaign sandbox).
		const state = await env.client.ac!.state<{ contacts: Array<{ id: string; email: string }> }>();
		const emailOf = new Map(state.contacts.map((c) => [String(c.id), c.email.toLowerCase()]));
		const lastWrite = new Map<string, number>();
		for (const r of env.acLog) {
			if (!isWrite(r) || r.refused) continue;
			const body = (r.body ?? {}) as Record<string, Record<string, unknown> | undefined>;
			const email = r.template.endsWith('/contact/sync')
				? String(body.contact?.email ?? '').toLowerCase()
				: emailOf.get(String((body.contactTag ?? body.contactList)?.contact ?? ''));
			if (email) lastWrite.set(email, Math.max(lastWrite.get(email) ?? 0, r.t));
		}
		const measuredEmails = new Set(Array.from({ length: measured }, (_, k) => (lead(o.warmup + 1 + k, o.domain).Email as string).toLowerCase()));
		const latencies: number[] = [];
		let firstSent = Number.POSITIVE_INFINITY;
		let lastDone = 0;
		for (const d of env.caspioDeliveries) {
			const email = String((JSON.parse(d.body) as { data?: Array<{ Email?: string }> }).data?.[0]?.Email ?? '').toLowerCase();
			const done = lastWrite.get(email);
			if (!measuredEmails.has(email) || done === undefined) continue;
			latencies.push(done - d.t);
			firstSent = Math.min(firstSent, d.t);
			lastDone = Math.max(lastDone, done);
		}
		const byEndpoint = new Map<string, number>();
		for (const r of acRequests) {
			const key = `${r.method} ${r.template.replace('/api/3', '')}`;
			byEndpoint.set(key, (byEndpoint.get(key) ?? 0) + 1);
		}
		return {
			measured,
			perEvent: acRequests.length / measured,
			breakdown: [...byEndpoint.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ×${fmt.num(v / measured, 2)}`).join(', '),
			p50: percentile(latencies, 50),
			p95: percentile(latencies, 95),
			throughput: latencies.length / ((lastDone - firstSent) / 1000),
			sendMs,
			latencies: latencies.length,
			executions: all.length,
			failedExecutions: all.filter((e) => e.status !== 'success').length,
			refused429: env.acLog.filter((r) => r.refused === 429).length,
			complete: check.complete,
			incomplete: check.failed,
		};
	} finally {
		env.recording.ac = false;
		env.recording.caspio = false;
		await unpublishAndDelete(env.client, id);
	}
}
