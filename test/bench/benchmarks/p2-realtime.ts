/**
 * P2 realtime: N Caspio webhook deliveries (a DataPage inserting a lead, at a steady pace) into a Caspio Trigger
 * (Instant) → ActiveCampaign Plus Contact upsert with 2 tags, 1 list and 3 custom fields. Requests per event after
 * the warm-up events; latency per event from the moment the Caspio sandbox sent the delivery to the arrival of the
 * last ActiveCampaign write for that contact (both timestamps taken by the sandboxes); 429s and failed executions.
 */
import { randomUUID } from 'crypto';

import { sleep } from '../../../scripts/harness';
import { lead, LEAD_FIELDS, P2_TAGS, incompleteContacts, seedCaspio } from '../lib/data';
import { FINISHED, listExecutions, percentile, retrying, waitFor, type ExecutionSummary } from '../lib/measure';
import { publish, unpublishAndDelete, withCredentials } from '../lib/n8n';
import { fmt, type BenchContext, type BenchResult } from '../lib/types';
import { p2Realtime } from '../lib/workflows';
import type { AcRequest } from '../lib/env';

const TABLE = 'BenchEvents';
const DOMAIN = 'p2.bench.test';
/** The fewest requests the job allows: /contact/sync (fields inline), 2 × /contactTags, 1 × /contactLists. */
const MIN_REQUESTS_PER_EVENT = 4;
const AC_REQUESTS_PER_SECOND = 5;

const WRITES = ['/contact/sync', '/contactTags', '/contactLists'];
const isWrite = (r: AcRequest) => r.method === 'POST' && WRITES.some((w) => r.template.endsWith(w));

export async function p2RealtimeBench({ env, config, log }: BenchContext): Promise<BenchResult> {
	const { events, warmup, perSecond } = config.p2;
	const caspio = env.client.caspio!;
	await seedCaspio(caspio, { tables: [{ name: TABLE, fields: LEAD_FIELDS, records: [] }] });
	const id = await publish(env.client, withCredentials(env, p2Realtime(TABLE, randomUUID())));
	const hooks = await caspio.state<{ webhooks: unknown[] }>();
	if (hooks.webhooks.length === 0) throw new Error('P2: activating the Caspio Trigger registered no outgoing webhook in the Caspio sandbox');
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
				const due = t0 + ((i - from) * 1000) / perSecond;
				if (due > Date.now()) await sleep(due - Date.now());
				await retrying(() => caspio.admin('POST', '/__sandbox/records', { table: TABLE, op: 'insert', values: lead(i, DOMAIN), source: 'DataPages' }));
			}
		};
		const budget = (count: number) => 120_000 + count * 5_000;

		log(`P2: ${warmup} warm-up deliveries…`);
		await deliver(1, warmup);
		await waitFor('the warm-up executions', () => finished(warmup), budget(warmup), 1000);
		const mark = env.acLog.length;
		const measured = events - warmup;
		log(`P2: ${measured} measured deliveries at ${perSecond}/s…`);
		await deliver(warmup + 1, events);
		const all = await waitFor('every execution to finish', () => finished(events), budget(measured), 1000);

		const acRequests = env.acLog.slice(mark);
		const perEvent = acRequests.length / measured;
		const refused429 = env.acLog.filter((r) => r.refused === 429).length;
		const failedExecutions = all.filter((e) => e.status !== 'success').length;
		const check = await incompleteContacts(env.client.ac!, DOMAIN, events, P2_TAGS);

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
		const measuredEmails = new Set(Array.from({ length: measured }, (_, k) => (lead(warmup + 1 + k, DOMAIN).Email as string).toLowerCase()));
		const latencies: number[] = [];
		for (const d of env.caspioDeliveries) {
			const email = String((JSON.parse(d.body) as { data?: Array<{ Email?: string }> }).data?.[0]?.Email ?? '').toLowerCase();
			const done = lastWrite.get(email);
			if (measuredEmails.has(email) && done !== undefined) latencies.push(done - d.t);
		}
		const p50 = percentile(latencies, 50);
		const p95 = percentile(latencies, 95);
		const byEndpoint = new Map<string, number>();
		for (const r of acRequests) byEndpoint.set(`${r.method} ${r.template.replace('/api/3', '')}`, (byEndpoint.get(`${r.method} ${r.template.replace('/api/3', '')}`) ?? 0) + 1);
		const breakdown = [...byEndpoint.entries()].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k} ×${fmt.num(v / measured, 2)}`).join(', ');
		const maxEventsPerSecond = AC_REQUESTS_PER_SECOND / MIN_REQUESTS_PER_EVENT;
		return {
			id: 'P2',
			title: 'P2 realtime',
			measure: `${events} Caspio webhook deliveries (contact + 2 tags + 1 list): req/event after ${warmup} warm-up · p50/p95 delivery→last AC write · failures`,
			ours: `${fmt.num(perEvent, 2)} req/event · p50 ${fmt.sec(p50)} / p95 ${fmt.sec(p95)} · ${failedExecutions} failed (${refused429} × 429 answered)`,
			baseline: '—',
			ratio: '—',
			bound: `${MIN_REQUESTS_PER_EVENT} req/event at ${AC_REQUESTS_PER_SECOND} req/s = ${fmt.num(maxEventsPerSecond, 2)} events/s`,
			share: fmt.pct(MIN_REQUESTS_PER_EVENT / perEvent),
			details: [
				`P2 requests per measured event: ${breakdown}`,
				`P2 deliveries paced at ${perSecond}/s; latency over ${latencies.length} measured events (sandbox timestamps: Caspio delivery sent → last of /contact/sync, /contactTags, /contactLists arrived); ` +
					`${all.length} executions, ${failedExecutions} not successful; contacts complete ${check.complete}/${events}`,
			],
			figures: { events, warmup, measured, requestsPerEvent: perEvent, p50Ms: p50, p95Ms: p95, failedExecutions, answered429: refused429, incomplete: check.failed },
			targets: [
				{ bench: 'P2', target: `${MIN_REQUESTS_PER_EVENT} requests per event`, actual: fmt.num(perEvent, 2), met: Math.abs(perEvent - MIN_REQUESTS_PER_EVENT) < 1e-9, deterministic: true },
				{ bench: 'P2', target: '0 failures (429s surfaced as failed executions)', actual: String(failedExecutions), met: failedExecutions === 0 && check.failed === 0, deterministic: true },
			],
		};
	} finally {
		env.recording.ac = false;
		env.recording.caspio = false;
		await unpublishAndDelete(env.client, id);
	}
}
