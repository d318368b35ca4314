/**
 * R1 fault soak. N Caspio leads (CI 1,000; RELIABILITY_SIZE=full 10,000) are synced to ActiveCampaign by the
 * templates while both sandboxes fail ~20% of API requests (429 with Retry-After, 503, connection resets, 1.5 s
 * latency spikes) and Caspio access tokens expire every RELIABILITY_TOKEN_TTL seconds (CI 15 s, full 30 s):
 *   - L of them (CI 30, full 200) are entered as a DataPage would: each fires lead-nurture.json (live sync);
 *   - then bulk-backfill.json imports all of them (and re-runs while its summary reports failed imports).
 *
 * What "0 lost" means here. Contact sync (`/contact/sync`), tag / list / field writes are upserts and are retried
 * after any fault. A 503 or a reset on a create (the bulk importer's POST, an automation enrolment) may or may not
 * have been applied, so the node does not resend it: the item fails visibly (an error execution, or `failed` in the
 * backfill summary). The recovery is the documented one: retry the failed execution in n8n, re-run the backfill
 * (an upsert by email). A lead is LOST when, after that recovery, it has no contact in the sandbox's final state or
 * its tags / list / fields are not exactly the expected ones. A DUPLICATE is a second contact for one email.
 * Automation enrolments resent after an unknown outcome may appear twice: reported, not counted as lost/duplicate.
 */
import { loadTemplate } from '../workflows/templates';
import { report, size } from './support/figures';
import { keepText } from './support/secrets';
import { describeLive, live, Live, pool, statsDelta, countRequests, type AcContact, type CaspioRecord, type SandboxStats } from './support/live';

const S = size();
const FILE_NURTURE = 'lead-nurture.json';
const RUN = Date.now().toString(36);
const EMAIL = (i: number) => `soak-${RUN}-${i}@soak.example.com`;
const READINESS = ['Ready to buy', 'Evaluating', 'Researching'];
const INTERESTS = ['Automation', 'Integrations'];
const AC_FAULTS = { rate429: 0.08, rate5xx: 0.06, rateReset: 0.04, latencyMs: 1500, latencyRate: 0.04, seed: 20260 };
/** The same mix on Caspio's REST API (token requests included), on top of the expiring tokens. */
const CASPIO_FAULTS = { ...AC_FAULTS, seed: 20261 };
const NO_FAULTS = { rate429: 0, rate5xx: 0, rateReset: 0, latencyMs: 0, latencyRate: 1 };

function lead(i: number) {
	return {
		First_Name: `Soak${i}`,
		Last_Name: `Tester ${i}`,
		Email: EMAIL(i),
		Company: `Company ${i % 97}`,
		Company_Size: (i * 37) % 400,
		Interest: INTERESTS[i % INTERESTS.length],
		Readiness: READINESS[i % READINESS.length],
		Consent: i % 2 === 0,
	};
}
function tierOf(l: ReturnType<typeof lead>): 'hot' | 'warm' | 'cold' {
	if (l.Readiness === 'Ready to buy') return 'hot';
	if (l.Readiness === 'Evaluating' || l.Company_Size >= 100) return 'warm';
	return 'cold';
}

describeLive('R1 fault soak: lead-nurture + bulk-backfill under 20% faults on both APIs and expiring Caspio tokens', () => {
	const h = live()!;
	const x = new Live(h);

	afterAll(async () => {
		await h.ac!.setFaults(NO_FAULTS).catch(() => undefined);
		await h.caspio!.setFaults({ ...NO_FAULTS, tokenTtlSeconds: 0 }).catch(() => undefined);
	});

	it(`${S.records} records: 0 lost, 0 duplicate contacts, every tag, list and field exact`, async () => {
		const t0 = Date.now();
		const nurtureId = x.templateId(FILE_NURTURE);
		const acBefore = await h.ac!.stats<SandboxStats>();
		const caspioBefore = await h.caspio!.stats<SandboxStats>();
		await h.caspio!.setFaults({ ...CASPIO_FAULTS, tokenTtlSeconds: S.tokenTtlSeconds });
		// Make the current token stale too, so the very first calls meet an expired token.
		await h.caspio!.admin('POST', '/__sandbox/tokens/expire');
		await h.ac!.setFaults(AC_FAULTS);

		// 1. N - L leads through the REST API (no trigger), L as a DataPage (each fires lead-nurture).
		const sinceNurture = await x.latestExecutionId(nurtureId);
		const leads = Array.from({ length: S.records }, (_, i) => lead(i));
		const liveIdx = new Set(Array.from({ length: Math.min(S.live, S.records) }, (_, k) => Math.floor((k * S.records) / Math.max(1, S.live))));
		const stored: CaspioRecord[] = await pool(leads, 8, async (l, i) => await x.insert('Leads', l, liveIdx.has(i) ? 'DataPages' : 'RESTAPIs'));
		const tInserted = Date.now();
		const progress = (m: string) => process.stderr.write(`[reliability] R1 ${m} after ${Math.round((Date.now() - t0) / 1000)} s\n`);
		progress(`${S.records} leads inserted`);

		// 2. Live sync: wait for every lead-nurture execution, then retry the failed ones (n8n's "Retry execution").
		let executions = await x.waitForExecutions(nurtureId, sinceNurture, liveIdx.size, 600_000 + S.live * 10_000);
		const liveExecutions = executions.length;
		let failedLive = executions.filter((e) => e.status !== 'success');
		const firstFailures = failedLive.map((e) => `${e.id} ${e.status} at ${e.data?.resultData?.lastNodeExecuted}: ${e.data?.resultData?.error?.message}`);
		let executionRetries = 0;
		for (let round = 0; round < 3 && failedLive.length > 0; round++) {
			const since = await x.latestExecutionId(nurtureId);
			for (const e of failedLive) {
				await h.rest('POST', `/executions/${e.id}/retry`, { loadWorkflow: false });
				executionRetries++;
			}
			executions = await x.waitForExecutions(nurtureId, since, failedLive.length, 600_000);
			failedLive = executions.filter((e) => e.status !== 'success');
		}
		const tLive = Date.now();
		progress(`${liveExecutions} live executions done (${executionRetries} retried from the execution list)`);

		// 3. Backfill all leads, re-run while imports failed (bounded).
		const backfills: unknown[] = [];
		let summary: { created: number; updated: number; failed: number } | undefined;
		for (let round = 0; round < 4; round++) {
			const run = await h.runWorkflow(loadTemplate('bulk-backfill.json'), { timeoutMs: 900_000 });
			keepText('r1 backfill', run.execution);
			summary = run.output('Backfill Summary')[0] as typeof summary;
			backfills.push({ status: run.status, summary, error: run.error });
			progress(`backfill run ${round + 1}: ${run.status} ${JSON.stringify(summary)}`);
			if (run.status === 'success' && summary && summary.failed === 0) break;
		}
		const tBackfill = Date.now();

		// 4. Faults off; compare the sandbox's final state with the expected one.
		await h.ac!.setFaults(NO_FAULTS);
		await h.caspio!.setFaults({ ...NO_FAULTS, tokenTtlSeconds: 0 });
		await x.settle();
		const acAfter = await h.ac!.stats<SandboxStats>();
		const caspioAfter = await h.caspio!.stats<SandboxStats>();
		const contacts = await x.contacts();
		const byEmail = new Map<string, AcContact[]>();
		for (const c of contacts) byEmail.set(c.email.toLowerCase(), [...(byEmail.get(c.email.toLowerCase()) ?? []), c]);
		const caspioRows = new Map((await x.records('Leads')).map((r) => [r.PK_ID, r]));

		let lost = 0;
		let duplicates = 0;
		let wrong = 0;
		let automationDuplicates = 0;
		const problems: string[] = [];
		leads.forEach((l, i) => {
			const pk = stored[i].PK_ID;
			const found = byEmail.get(l.Email.toLowerCase()) ?? [];
			if (found.length === 0) {
				lost++;
				if (problems.length < 20) problems.push(`${l.Email}: no contact`);
				return;
			}
			if (found.length > 1) duplicates += found.length - 1;
			const c = found[0];
			const isLive = liveIdx.has(i);
			const tier = tierOf(l);
			const expectedTags = isLive
				? ['caspio-sync', `${tier}-lead`, `interest-${l.Interest.toLowerCase()}`].sort()
				: ['caspio-sync'];
			const got = {
				tags: [...c.tags].sort(),
				lists: c.lists.map((x2) => `${x2.name}:${x2.status}`).sort(),
				fields: { COMPANY_SIZE: c.fieldValues.COMPANY_SIZE, INTEREST: c.fieldValues.INTEREST, CASPIO_RECORD_ID: c.fieldValues.CASPIO_RECORD_ID },
				name: [c.firstName, c.lastName],
			};
			const want = {
				tags: expectedTags,
				lists: l.Consent ? ['Newsletter:1'] : [],
				fields: { COMPANY_SIZE: String(l.Company_Size), INTEREST: `||${l.Interest}||`, CASPIO_RECORD_ID: String(pk) },
				name: [l.First_Name, l.Last_Name],
			};
			let ok = JSON.stringify(got) === JSON.stringify(want);
			if (isLive) {
				const automation = tier === 'hot' ? 'Lead Nurture – Hot' : tier === 'warm' ? 'Lead Nurture – Warm' : undefined;
				const enrolled = c.automations.filter((a) => a.name === automation).length;
				if (automation && enrolled === 0) ok = false;
				if (!automation && c.automations.length > 0) ok = false;
				if (enrolled > 1) automationDuplicates += enrolled - 1;
				const row = caspioRows.get(pk);
				if (row?.AC_Contact_ID !== c.id || row?.Sync_Status !== `Synced (${tier})`) ok = false;
			}
			if (!ok) {
				wrong++;
				if (problems.length < 20) problems.push(`${l.Email}${isLive ? ' (live)' : ''}: got ${JSON.stringify(got)} want ${JSON.stringify(want)}`);
			}
		});

		const ac = statsDelta(acAfter, acBefore);
		const caspio = statsDelta(caspioAfter, caspioBefore);
		const figures = {
			records: S.records,
			liveLeads: liveIdx.size,
			liveExecutions,
			liveFailedFirstPass: firstFailures.length,
			executionRetries,
			liveFailedAfterRetry: failedLive.length,
			backfillRuns: backfills.length,
			acRequests: ac.total,
			faultsInjected: ac.faultsInjected,
			injected429: ac.sent429,
			injected503: ac.statuses['503'] ?? 0,
			injectedResets: ac.statuses['0'] ?? 0,
			// Every injected fault the client came back from: a fault either got a resend or ended an item visibly.
			requestRetries: ac.faultsInjected - firstFailures.length,
			caspioRequests: caspio.total,
			caspioFaultsInjected: caspio.faultsInjected,
			caspioTokenRequests: countRequests(caspioAfter, /oauth\/token/) - countRequests(caspioBefore, /oauth\/token/),
			caspio401: caspio.statuses['401'] ?? 0,
			lost,
			duplicates,
			wrongState: wrong,
			automationDuplicates,
			insertSeconds: Math.round((tInserted - t0) / 1000),
			liveSeconds: Math.round((tLive - tInserted) / 1000),
			backfillSeconds: Math.round((tBackfill - tLive) / 1000),
			totalSeconds: Math.round((Date.now() - t0) / 1000),
		};
		report('R1 fault soak', figures);
		keepText('r1 summary', { backfills, firstFailures, problems });
		if (problems.length || firstFailures.length) process.stderr.write(`[reliability] R1 details: ${JSON.stringify({ backfills, firstFailures: firstFailures.slice(0, 10), problems: problems.slice(0, 10) }, null, 1)}\n`);

		expect(failedLive.map((e) => `${e.id} ${e.status}`)).toEqual([]);
		expect(summary).toMatchObject({ failed: 0 });
		expect({ lost, duplicates, wrong }).toEqual({ lost: 0, duplicates: 0, wrong: 0 });
		expect(figures.faultsInjected).toBeGreaterThan(0);
		expect(figures.caspioFaultsInjected).toBeGreaterThan(0);
		// Full size on a shared 2-core machine: 10,000 inserts, 200 live executions and the backfill under faults.
	}, S.full ? 60 * 60_000 : undefined);
});
