/**
 * P2 realtime: N Caspio webhook deliveries (a DataPage inserting a lead, at a steady pace) into a Caspio Trigger
 * (Instant) → ActiveCampaign Plus Contact upsert with 2 tags, 1 list and 3 custom fields. Requests per event after
 * the warm-up events; latency per event from the moment the Caspio sandbox sent the delivery to the arrival of the
 * last ActiveCampaign write for that contact (both timestamps taken by the sandboxes); 429s and failed executions.
 */
import { AC_REQUESTS_PER_SECOND, MIN_REQUESTS_PER_EVENT, realtimeRun } from '../lib/realtime';
import { fmt, type BenchContext, type BenchResult } from '../lib/types';

export async function p2RealtimeBench({ env, config, log }: BenchContext): Promise<BenchResult> {
	const { events, warmup, perSecond } = config.p2;
	const r = await realtimeRun(env, { table: 'BenchEvents', domain: 'p2.bench.test', events, warmup, perSecond, label: 'P2: ', log });
	const maxEventsPerSecond = AC_REQUESTS_PER_SECOND / MIN_REQUESTS_PER_EVENT;
	return {
		id: 'P2',
		title: 'P2 realtime',
		measure: `${events} Caspio webhook deliveries (contact + 2 tags + 1 list): req/event after ${warmup} warm-up · p50/p95 delivery→last AC write · failures`,
		ours: `${fmt.num(r.perEvent, 2)} req/event · p50 ${fmt.sec(r.p50)} / p95 ${fmt.sec(r.p95)} · ${r.failedExecutions} failed (${r.refused429} × 429 answered)`,
		baseline: '—',
		ratio: '—',
		bound: `${MIN_REQUESTS_PER_EVENT} req/event at ${AC_REQUESTS_PER_SECOND} req/s = ${fmt.num(maxEventsPerSecond, 2)} events/s`,
		share: fmt.pct(MIN_REQUESTS_PER_EVENT / r.perEvent),
		details: [
			`P2 requests per measured event: ${r.breakdown}`,
			`P2 deliveries paced at ${perSecond}/s; latency over ${r.latencies} measured events (sandbox timestamps: Caspio delivery sent → last of /contact/sync, /contactTags, /contactLists arrived); ` +
				`${r.executions} executions, ${r.failedExecutions} not successful; contacts complete ${r.complete}/${events}`,
		],
		figures: {
			events,
			warmup,
			measured: r.measured,
			requestsPerEvent: r.perEvent,
			p50Ms: r.p50,
			p95Ms: r.p95,
			failedExecutions: r.failedExecutions,
			answered429: r.refused429,
			incomplete: r.incomplete,
		},
		targets: [
			{ bench: 'P2', target: `${MIN_REQUESTS_PER_EVENT} requests per event`, actual: fmt.num(r.perEvent, 2), met: Math.abs(r.perEvent - MIN_REQUESTS_PER_EVENT) < 1e-9, deterministic: true },
			{ bench: 'P2', target: '0 failures (429s surfaced as failed executions)', actual: String(r.failedExecutions), met: r.failedExecutions === 0 && r.incomplete === 0, deterministic: true },
		],
	};
}
