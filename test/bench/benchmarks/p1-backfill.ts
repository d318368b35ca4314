/**
 * P1 backfill: N Caspio rows → ActiveCampaign contacts, each with 2 tags, 1 list and 3 custom fields.
 * Ours: the Bulk backfill template (Caspio Get Many, Return All → ActiveCampaign Plus Bulk Import), at N and along a
 * scale curve (each point on an emptied ActiveCampaign account, so every point creates all its contacts).
 * Baseline: n8n-nodes-base's ActiveCampaign node (create-or-update, add tag by id ×2, add to list; ids looked up
 * beforehand) on a slice, extrapolated to N when the whole job would take over 10 minutes.
 */
import type { WorkflowDefinition } from '../../../scripts/harness';
import { incompleteContacts, P1_TAGS, LIST, seedLeadTable } from '../lib/data';
import { countRequests, describeCounts, executionMs, statusCount, total, type RequestCounts } from '../lib/measure';
import { runToEnd } from '../lib/n8n';
import { fmt, type BenchConfig, type BenchContext, type BenchResult } from '../lib/types';
import { p1Baseline, p1Ours } from '../lib/workflows';

const OURS_TABLE = 'BenchLeads';
const BASELINE_TABLE = 'BenchLeadsBaseline';
const OURS_DOMAIN = 'p1.bench.test';
const BASELINE_DOMAIN = 'p1-baseline.bench.test';
/** The importer: ≤ 250 contacts per request, ≤ 100 multi-contact requests per minute. */
const IMPORT_BATCH = 250;
const IMPORTS_PER_MINUTE = 100;
/** ActiveCampaign's budget for every API request. */
const AC_PER_SECOND = 5;
/** Besides 1 import and 1 status read per batch: the template reads the fields, the lists and the existing contacts. */
const LOOKUPS = 3;

interface AcState {
	tags: Array<{ id: string; tag: string }>;
	lists: Array<{ id: string; name: string }>;
	fields: Array<{ id: string; perstag: string }>;
}

/** One run of the template on `n` contacts. */
interface OursRun {
	n: number;
	ms: number;
	requests: number;
	counts: RequestCounts;
	throttled: number;
	failed: number;
	summary: unknown;
	nodeTimes: string;
	/** The template's nodes after Bulk Import (counting the outcomes), summed. */
	postMs: number;
}

/** The template on `n` fresh leads, on an emptied ActiveCampaign account (the demo data only). */
async function runOurs({ env, log }: BenchContext, n: number): Promise<OursRun> {
	const ac = env.client.ac!;
	const acCore = env.ac.core;
	await ac.reset();
	// The second tag exists beforehand so the baseline can use its id (the importer would create it by name).
	await ac.seed({ tags: [P1_TAGS[1]] });
	await seedLeadTable(env.client.caspio!, OURS_TABLE, n, OURS_DOMAIN);
	const ours = p1Ours(OURS_TABLE);
	log(`P1: ours (${ours.source}), ${fmt.int(n)} contacts…`);
	const before429 = statusCount(acCore, 429);
	const measured = await countRequests(acCore, () => runToEnd(env, ours.workflow, 30 * 60_000));
	const run = measured.result;
	if (run.status !== 'success') throw new Error(`P1 (ours, ${n} contacts) failed: ${run.error}`);
	const check = await incompleteContacts(ac, OURS_DOMAIN, n, P1_TAGS);
	const result: OursRun = {
		n,
		ms: executionMs(run.execution),
		requests: total(measured.counts),
		counts: measured.counts,
		throttled: statusCount(acCore, 429) - before429,
		failed: check.failed,
		summary: run.lastNode ? run.output(run.lastNode)[0] : undefined,
		nodeTimes: run.nodeTimes(),
		postMs: downstreamOf(ours.workflow, ours.importer).reduce((sum, name) => sum + run.nodeMs(name), 0),
	};
	log(`P1: ours ${fmt.sec(result.ms)} for ${fmt.int(n)}, ${result.requests} AC requests, ${result.failed} failed contacts, post-processing ${fmt.sec(result.postMs)}`);
	return result;
}

/** Every node reachable from `start` (not `start` itself). */
function downstreamOf(wf: WorkflowDefinition, start: string): string[] {
	const connections = (wf.connections ?? {}) as Record<string, { main?: Array<Array<{ node: string }> | null> }>;
	const seen = new Set<string>();
	const next = [start];
	while (next.length) {
		for (const out of connections[next.pop()!]?.main ?? []) {
			for (const link of out ?? []) {
				if (seen.has(link.node)) continue;
				seen.add(link.node);
				next.push(link.node);
			}
		}
	}
	return [...seen];
}

/**
 * The least time ActiveCampaign's own limits allow for `n` contacts: the lookups, then per batch one import and one
 * status read, each sent as early as both limits let it (at most 5 requests in any second; at most 100 imports in any
 * minute). Up to 25,000 contacts the 5 per second binds (1.6 ms per contact at 10,000); above, the 100 imports a
 * minute (2.0 ms per contact at 50,000), so the floor per contact is not flat across sizes itself.
 */
export function apiFloorMs(n: number): number {
	const sent: number[] = [];
	const imports: number[] = [];
	const send = (isImport: boolean) => {
		let at = sent.length ? sent[sent.length - 1] : 0;
		if (sent.length >= AC_PER_SECOND) at = Math.max(at, sent[sent.length - AC_PER_SECOND] + 1000);
		if (isImport && imports.length >= IMPORTS_PER_MINUTE) at = Math.max(at, imports[imports.length - IMPORTS_PER_MINUTE] + 60_000);
		sent.push(at);
		if (isImport) imports.push(at);
	};
	for (let i = 0; i < LOOKUPS; i++) send(false);
	for (let b = 0; b < Math.ceil(n / IMPORT_BATCH); b++) {
		send(true);
		send(false);
	}
	return sent[sent.length - 1];
}

/** The sizes to run: the scale curve plus N, ascending. */
const sizes = (config: BenchConfig) => [...new Set([...config.p1.scale, config.p1.contacts])].sort((a, b) => a - b);

export async function p1BackfillBench(ctx: BenchContext): Promise<BenchResult> {
	const { env, config, log } = ctx;
	const n = config.p1.contacts;
	const caspio = env.client.caspio!;
	const ac = env.client.ac!;
	const acCore = env.ac.core;

	// ---- ours, along the curve (N among them); the baseline runs right after N ----------------------------------
	const curve: OursRun[] = [];
	let baseline: Awaited<ReturnType<typeof measureBaseline>> | undefined;
	for (const size of sizes(config)) {
		curve.push(await runOurs(ctx, size));
		if (size === n) baseline = await measureBaseline(ctx);
	}
	const main = curve.find((r) => r.n === n)!;
	const base = baseline!;

	const oursThroughput = n / (main.ms / 1000);
	const baseThroughput = base.slice / (base.ms / 1000);
	const ratio = oursThroughput / baseThroughput;
	const boundOf = (count: number) => (Math.ceil(count / IMPORT_BATCH) / IMPORTS_PER_MINUTE) * 60_000;
	const imports = Math.ceil(n / IMPORT_BATCH);
	const boundMs = boundOf(n);
	const share = boundMs / main.ms;
	const requestBound = 2 * imports + LOOKUPS;
	const postPer10k = (main.postMs * 10_000) / n;
	const perContact = curve.map((r) => r.ms / r.n);
	const rawSpread = curve.length > 1 ? Math.max(...perContact) / Math.min(...perContact) - 1 : Number.NaN;
	// Per contact over the API's floor at the same size: what the package adds, which must not grow with N.
	const overFloor = curve.map((r) => r.ms / apiFloorMs(r.n));
	const spread = curve.length > 1 ? Math.max(...overFloor) / Math.min(...overFloor) - 1 : Number.NaN;
	const floorsPerContact = curve.map((r) => apiFloorMs(r.n) / r.n);
	const floorSpread = curve.length > 1 ? Math.max(...floorsPerContact) / Math.min(...floorsPerContact) - 1 : Number.NaN;
	const curveText = curve
		.map(
			(r) =>
				`${fmt.int(r.n)}: ${fmt.sec(r.ms)} = ${fmt.num(r.ms / r.n, 2)} ms/contact, API floor ${fmt.num(apiFloorMs(r.n) / r.n, 2)} ms/contact, ` +
				`${fmt.num(r.ms / apiFloorMs(r.n), 2)}× the floor (${fmt.pct(boundOf(r.n) / r.ms)} of its bound, ${r.requests} req, ${r.failed} failed, ${r.throttled} × 429)`,
		)
		.join(' · ');
	const note = base.extrapolated ? ` (extrapolated ×${fmt.num(n / base.slice, 0)} from ${fmt.int(base.slice)} contacts measured)` : '';
	const targets: BenchResult['targets'] = [
		{ bench: 'P1', target: '≥ 100× the baseline throughput', actual: `${fmt.num(ratio, 0)}×`, met: ratio >= 100, deterministic: false },
		{ bench: 'P1', target: '≥ 85% of the bulk-import bound', actual: fmt.pct(share), met: share >= 0.85, deterministic: false },
		{ bench: 'P1', target: '0 failed contacts', actual: String(curve.reduce((sum, r) => sum + r.failed, 0)), met: curve.every((r) => r.failed === 0), deterministic: true },
		{
			bench: 'P1',
			target: `≤ 2 requests per import batch + ${LOOKUPS} lookups (${requestBound} for ${fmt.int(n)}), 0 × 429`,
			actual: `${main.requests} req, ${main.throttled} × 429`,
			met: main.requests <= requestBound && main.throttled === 0,
			deterministic: true,
		},
		{ bench: 'P1', target: 'post-processing (the template after Bulk Import) < 1 s per 10,000', actual: fmt.sec(postPer10k), met: postPer10k < 1000, deterministic: false },
	];
	if (curve.length > 1) {
		targets.push({
			bench: 'P1',
			target: `time per contact flat within 15% from ${fmt.int(curve[0].n)} to ${fmt.int(curve[curve.length - 1].n)} (over the API floor at each size)`,
			actual: `${fmt.pct(spread)} apart (raw ${fmt.pct(rawSpread)}; the floors alone ${fmt.pct(floorSpread)})`,
			met: spread <= 0.15,
			deterministic: false,
		});
	}
	return {
		id: 'P1',
		title: 'P1 backfill',
		measure: `${fmt.int(n)} contacts (2 tags, 1 list, 3 fields): wall · AC requests · failed contacts`,
		ours: `${fmt.sec(main.ms)} · ${fmt.int(main.requests)} req · ${main.failed} failed`,
		baseline: `${fmt.sec(base.projectedMs)} · ${fmt.int(base.requestsProjected)} req · ${base.check.failed} failed${base.extrapolated ? ` in ${fmt.int(base.slice)}` : ''}${note}`,
		ratio: `${fmt.num(ratio, 0)}× throughput`,
		bound: `${fmt.sec(boundMs)} (${imports} imports at ${IMPORTS_PER_MINUTE}/min)`,
		share: fmt.pct(share),
		details: [
			`P1 ours: ${p1Ours(OURS_TABLE).source}; ${fmt.num(oursThroughput, 0)} contacts/s; AC requests ${describeCounts(main.counts)}; ${main.throttled} × 429; ` +
				`template summary ${JSON.stringify(main.summary)}; time per node: ${main.nodeTimes}`,
			`P1 imports are pipelined: each batch is confirmed (GET /import/info) while the next ones go out, all through the account's 5 req/s limiter; post-processing ${fmt.sec(main.postMs)} (${fmt.sec(postPer10k)} per 10,000)`,
			...(curve.length > 1
				? [
						`P1 scale curve (each on an emptied account): ${curveText}; over the floor ${fmt.pct(spread)} apart, raw time per contact ${fmt.pct(rawSpread)} apart. ` +
							`The floor is the least time the API's limits allow (every request as early as 5 per second and 100 imports per minute let it): ` +
							`5 per second binds up to 25,000 contacts, 100 imports a minute above, so raw time per contact cannot be flat (the floors alone are ${fmt.pct(floorSpread)} apart)`,
					]
				: []),
			`P1 baseline: Loop Over Items (1) → contact create (update if exists) → tag add ×2 → list add → Wait 1 s; ${fmt.num(baseThroughput, 2)} contacts/s; ` +
				`measured ${fmt.sec(base.ms)} for ${fmt.int(base.slice)} contacts, execution "${base.status}", ${base.throttled} × 429; requests ${describeCounts(base.counts)}` +
				(base.extrapolated ? `; ${fmt.int(n)} contacts would take ${fmt.sec(base.projectedMs)} (> ${fmt.sec(config.p1.measureWholeUnderMs)}), so the figures are extrapolated` : ''),
			`P1 bound: ${imports} bulk-import requests of ≤ ${IMPORT_BATCH} contacts at ≤ ${IMPORTS_PER_MINUTE}/min = ${fmt.sec(boundMs)} (${fmt.int((IMPORT_BATCH * IMPORTS_PER_MINUTE) / 60)} contacts/s); ours reaches ${fmt.pct(share)} of it over the whole run`,
		],
		figures: {
			contacts: n,
			oursMs: main.ms,
			oursRequests: main.requests,
			oursFailed: main.failed,
			ours429: main.throttled,
			postProcessingMs: main.postMs,
			baselineSlice: base.slice,
			baselineMs: base.ms,
			baselineProjectedMs: base.projectedMs,
			baselineRequestsProjected: base.requestsProjected,
			baselineFailed: base.check.failed,
			baseline429: base.throttled,
			ratio,
			boundMs,
			share,
			...Object.fromEntries(curve.map((r) => [`msPerContactAt${r.n}`, r.ms / r.n])),
			...(curve.length > 1 ? { perContactSpread: spread, rawPerContactSpread: rawSpread, floorPerContactSpread: floorSpread } : {}),
		},
		targets,
	};

	/** The baseline on a slice of N (whole when that is short enough), ids looked up beforehand as its user would. */
	async function measureBaseline(c: BenchContext) {
		const state = await ac.state<AcState>();
		const tagId = (name: string) => state.tags.find((t) => t.tag.toLowerCase() === name.toLowerCase())?.id ?? '';
		const ids = {
			tags: P1_TAGS.map(tagId),
			list: state.lists.find((l) => l.name === LIST)?.id ?? '',
			fields: Object.fromEntries(state.fields.map((f) => [f.perstag, f.id])),
		};
		const runBaseline = async (count: number) => {
			await seedLeadTable(caspio, BASELINE_TABLE, count, BASELINE_DOMAIN);
			const before429 = statusCount(acCore, 429);
			const measured = await countRequests(acCore, () => runToEnd(c.env, p1Baseline(BASELINE_TABLE, ids), 3 * 60 * 60_000));
			if (measured.result.status !== 'success') log(`P1 baseline execution ended "${measured.result.status}": ${measured.result.error}`);
			return {
				ms: executionMs(measured.result.execution),
				counts: measured.counts,
				requests: total(measured.counts),
				throttled: statusCount(acCore, 429) - before429,
				check: await incompleteContacts(ac, BASELINE_DOMAIN, count, P1_TAGS),
				status: measured.result.status,
			};
		};
		let slice = Math.min(config.p1.baselineSlice, n);
		log(`P1: baseline (n8n-nodes-base ActiveCampaign) on ${fmt.int(slice)} contacts…`);
		let measured = await runBaseline(slice);
		let projectedMs = (measured.ms * n) / slice;
		if (slice < n && projectedMs <= config.p1.measureWholeUnderMs) {
			// Short enough to measure whole: no extrapolation.
			log(`P1: baseline would take ${fmt.sec(projectedMs)} for all ${fmt.int(n)}: running it whole`);
			await ac.admin('POST', '/__sandbox/rate-limit', {}); // empties the limiter window between runs
			measured = await runBaseline(n);
			slice = n;
			projectedMs = measured.ms;
		}
		log(`P1: baseline ${fmt.sec(measured.ms)} for ${fmt.int(slice)} (${measured.requests} requests, ${measured.throttled} × 429, ${measured.check.failed} failed)`);
		return { ...measured, slice, projectedMs, extrapolated: slice < n, requestsProjected: (measured.requests * n) / slice };
	}
}
