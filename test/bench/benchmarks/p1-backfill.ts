/**
 * P1 backfill: N Caspio rows → ActiveCampaign contacts, each with 2 tags, 1 list and 3 custom fields.
 * Ours: the Bulk backfill template (Caspio Get Many, Return All → ActiveCampaign Plus Bulk Import).
 * Baseline: n8n-nodes-base's ActiveCampaign node (create-or-update, add tag by id ×2, add to list; ids looked up
 * beforehand) on a slice, extrapolated to N when the whole job would take over 10 minutes.
 */
import { incompleteContacts, P1_TAGS, LIST, seedLeadTable } from '../lib/data';
import { countRequests, describeCounts, executionMs, statusCount, total } from '../lib/measure';
import { runToEnd } from '../lib/n8n';
import { fmt, type BenchContext, type BenchResult } from '../lib/types';
import { p1Baseline, p1Ours } from '../lib/workflows';

const OURS_TABLE = 'BenchLeads';
const BASELINE_TABLE = 'BenchLeadsBaseline';
const OURS_DOMAIN = 'p1.bench.test';
const BASELINE_DOMAIN = 'p1-baseline.bench.test';
/** The importer: ≤ 250 contacts per request, ≤ 100 multi-contact requests per minute. */
const IMPORT_BATCH = 250;
const IMPORTS_PER_MINUTE = 100;

interface AcState {
	tags: Array<{ id: string; tag: string }>;
	lists: Array<{ id: string; name: string }>;
	fields: Array<{ id: string; perstag: string }>;
}

export async function p1BackfillBench({ env, config, log }: BenchContext): Promise<BenchResult> {
	const n = config.p1.contacts;
	const caspio = env.client.caspio!;
	const ac = env.client.ac!;
	const acCore = env.ac.core;
	// The second tag exists beforehand so the baseline can use its id (the importer would create it by name).
	await ac.seed({ tags: [P1_TAGS[1]] });
	await seedLeadTable(caspio, OURS_TABLE, n, OURS_DOMAIN);

	// ---- ours -------------------------------------------------------------------------------------------------
	const ours = p1Ours(OURS_TABLE);
	log(`P1: ours (${ours.source}), ${fmt.int(n)} contacts…`);
	const ours429Before = statusCount(acCore, 429);
	const oursRun = await countRequests(acCore, () => runToEnd(env, ours.workflow, 30 * 60_000));
	const run = oursRun.result;
	if (run.status !== 'success') throw new Error(`P1 (ours) failed: ${run.error}`);
	const oursMs = executionMs(run.execution);
	const oursRequests = total(oursRun.counts);
	const ours429 = statusCount(acCore, 429) - ours429Before;
	const oursCheck = await incompleteContacts(ac, OURS_DOMAIN, n, P1_TAGS);
	const summary = run.lastNode ? run.output(run.lastNode)[0] : undefined;
	log(`P1: ours ${fmt.sec(oursMs)}, ${oursRequests} AC requests, ${oursCheck.failed} failed contacts`);

	// ---- baseline ---------------------------------------------------------------------------------------------
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
		const measured = await countRequests(acCore, () => runToEnd(env, p1Baseline(BASELINE_TABLE, ids), 3 * 60 * 60_000));
		if (measured.result.status !== 'success') log(`P1 baseline execution ended "${measured.result.status}": ${measured.result.error}`);
		return {
			count,
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
	let base = await runBaseline(slice);
	let projectedMs = (base.ms * n) / slice;
	let extrapolated = slice < n;
	if (extrapolated && projectedMs <= config.p1.measureWholeUnderMs) {
		// Short enough to measure whole: no extrapolation.
		log(`P1: baseline would take ${fmt.sec(projectedMs)} for all ${fmt.int(n)}: running it whole`);
		await env.client.ac!.admin('POST', '/__sandbox/rate-limit', {}); // empties the limiter window between runs
		base = await runBaseline(n);
		slice = n;
		projectedMs = base.ms;
		extrapolated = false;
	}
	const scale = n / slice;
	const baseRequests = base.requests * scale;
	log(`P1: baseline ${fmt.sec(base.ms)} for ${fmt.int(slice)} (${base.requests} requests, ${base.throttled} × 429, ${base.check.failed} failed)`);

	const oursThroughput = n / (oursMs / 1000);
	const baseThroughput = slice / (base.ms / 1000);
	const ratio = oursThroughput / baseThroughput;
	const imports = Math.ceil(n / IMPORT_BATCH);
	const boundMs = (imports / IMPORTS_PER_MINUTE) * 60_000;
	const share = boundMs / oursMs;
	const note = extrapolated ? ` (extrapolated ×${fmt.num(scale, 0)} from ${fmt.int(slice)} contacts measured)` : '';
	return {
		id: 'P1',
		title: 'P1 backfill',
		measure: `${fmt.int(n)} contacts (2 tags, 1 list, 3 fields): wall · AC requests · failed contacts`,
		ours: `${fmt.sec(oursMs)} · ${fmt.int(oursRequests)} req · ${oursCheck.failed} failed`,
		baseline: `${fmt.sec(projectedMs)} · ${fmt.int(baseRequests)} req · ${base.check.failed} failed${extrapolated ? ` in ${fmt.int(slice)}` : ''}${note}`,
		ratio: `${fmt.num(ratio, 0)}× throughput`,
		bound: `${fmt.sec(boundMs)} (${imports} imports at ${IMPORTS_PER_MINUTE}/min)`,
		share: fmt.pct(share),
		details: [
			`P1 ours: ${ours.source}; ${fmt.num(oursThroughput, 0)} contacts/s; AC requests ${describeCounts(oursRun.counts)}; ${ours429} × 429; template summary ${JSON.stringify(summary)}; time per node: ${run.nodeTimes()}`,
			`P1 baseline: Loop Over Items (1) → contact create (update if exists) → tag add ×2 → list add → Wait 1 s; ${fmt.num(baseThroughput, 2)} contacts/s; ` +
				`measured ${fmt.sec(base.ms)} for ${fmt.int(slice)} contacts, execution "${base.status}", ${base.throttled} × 429; requests ${describeCounts(base.counts)}` +
				(extrapolated ? `; ${fmt.int(n)} contacts would take ${fmt.sec(projectedMs)} (> ${fmt.sec(config.p1.measureWholeUnderMs)}), so the figures are extrapolated` : ''),
			`P1 bound: ${imports} bulk-import requests of ≤ ${IMPORT_BATCH} contacts at ≤ ${IMPORTS_PER_MINUTE}/min = ${fmt.sec(boundMs)} (${fmt.int((IMPORT_BATCH * IMPORTS_PER_MINUTE) / 60)} contacts/s); ours reaches ${fmt.pct(share)} of it over the whole run`,
		],
		figures: {
			contacts: n,
			oursMs,
			oursRequests,
			oursFailed: oursCheck.failed,
			ours429,
			baselineSlice: slice,
			baselineMs: base.ms,
			baselineProjectedMs: projectedMs,
			baselineRequestsProjected: baseRequests,
			baselineFailed: base.check.failed,
			baseline429: base.throttled,
			ratio,
			boundMs,
			share,
		},
		targets: [
			{ bench: 'P1', target: '≥ 100× the baseline throughput', actual: `${fmt.num(ratio, 0)}×`, met: ratio >= 100, deterministic: false },
			{ bench: 'P1', target: '≥ 40% of the bulk-import bound', actual: fmt.pct(share), met: share >= 0.4, deterministic: false },
			{ bench: 'P1', target: '0 failed contacts', actual: String(oursCheck.failed), met: oursCheck.failed === 0, deterministic: true },
		],
	};
}
