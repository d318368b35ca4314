/**
 * P6 queue mode: the P2 realtime job on a queue-mode n8n (PostgreSQL, Redis, the main process, a webhook process and
 * two workers; the credential's "Processes Sharing This Account" is 2) with deliveries at the account's whole budget
 * — 1.25 events per second at 4 requests per event = 5 requests per second — for a sustained period (10 minutes at
 * full size). Throughput, p95 delivery → last write, 429s, lost contacts. Runs in an environment of its own, started
 * and stopped here; the other benchmarks' n8n idles meanwhile.
 */
import { startBenchEnv } from '../lib/env';
import { AC_REQUESTS_PER_SECOND, MIN_REQUESTS_PER_EVENT, realtimeRun } from '../lib/realtime';
import { fmt, type BenchContext, type BenchResult } from '../lib/types';

const WORKERS = 2;

export async function p6QueueModeBench({ config, log }: BenchContext): Promise<BenchResult> {
	const { perSecond, minutes, warmup } = config.p6;
	const events = warmup + Math.round(minutes * 60 * perSecond);
	log(`P6: starting a queue-mode n8n (webhook process + ${WORKERS} workers)…`);
	// The package was built for the main environment already: pack that build.
	const env = await startBenchEnv({ build: false, log, queue: { workers: WORKERS } });
	try {
		const r = await realtimeRun(env, { table: 'BenchQueue', domain: 'p6.bench.test', events, warmup, perSecond, label: 'P6: ', log });
		const lost = r.incomplete;
		return {
			id: 'P6',
			title: 'P6 queue mode',
			measure: `${fmt.int(r.measured)} deliveries at ${fmt.num(perSecond, 2)}/s for ${fmt.num(minutes, 1)} min into a webhook process + ${WORKERS} workers: throughput · p50/p95 · 429s · lost`,
			ours: `${fmt.num(r.throughput, 2)} events/s · p50 ${fmt.sec(r.p50)} / p95 ${fmt.sec(r.p95)} · ${r.refused429} × 429 · ${lost} lost · ${fmt.num(r.perEvent, 2)} req/event`,
			baseline: '—',
			ratio: '—',
			bound: `${MIN_REQUESTS_PER_EVENT} req/event at ${AC_REQUESTS_PER_SECOND} req/s = ${fmt.num(AC_REQUESTS_PER_SECOND / MIN_REQUESTS_PER_EVENT, 2)} events/s`,
			share: fmt.pct(r.throughput / perSecond),
			details: [
				`P6 requests per measured event: ${r.breakdown}; deliveries sent over ${fmt.sec(r.sendMs)}; throughput = measured events / (first measured delivery → last write); ` +
					`${r.executions} executions, ${r.failedExecutions} not successful; contacts complete ${r.complete}/${events}`,
				`P6 each worker keeps to its share of the account (credential "Processes Sharing This Account" = ${WORKERS}: ` +
					`one request every ${(1000 * WORKERS) / AC_REQUESTS_PER_SECOND} ms each, as no state is shared between processes); ` +
					`the sandbox meters the account as a token bucket of ${AC_REQUESTS_PER_SECOND} (reference §5)`,
			],
			figures: {
				events,
				measured: r.measured,
				throughput: r.throughput,
				p50Ms: r.p50,
				p95Ms: r.p95,
				answered429: r.refused429,
				lost,
				failedExecutions: r.failedExecutions,
				requestsPerEvent: r.perEvent,
			},
			targets: [
				{ bench: 'P6', target: `holds ${fmt.num(perSecond, 2)} events/s`, actual: `${fmt.num(r.throughput, 2)} events/s`, met: r.throughput >= perSecond * 0.98, deterministic: false },
				{ bench: 'P6', target: '0 × 429', actual: String(r.refused429), met: r.refused429 === 0, deterministic: true },
				{ bench: 'P6', target: '0 lost', actual: String(lost), met: lost === 0 && r.failedExecutions === 0, deterministic: true },
			],
		};
	} finally {
		await env.stop();
	}
}
