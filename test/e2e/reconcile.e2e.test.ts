/**
 * workflows/reconcile.json in a real n8n 2.41.1: N Caspio leads (1,000 by default, E2E_SIZE=full 10,000;
 * RECONCILE_ROWS sets any number) and their ActiveCampaign contacts with 3% drift: missing contacts, wrong names,
 * missing `caspio-sync` tags, consenting leads off the Newsletter list, and orphans (tagged contacts with no lead).
 * One run finds and repairs all of it within ActiveCampaign's limits; a second run reports 0.
 */
import { Live, pool, type AcContact, type SandboxStats } from '../reliability/support/live';
import { loadTemplate } from '../workflows/templates';
import { getHarness, type HarnessClient } from './harness';

const FULL = /^(full|big)$/i.test(process.env.E2E_SIZE ?? '');
const ROWS = Number(process.env.RECONCILE_ROWS ?? (FULL ? 10_000 : 1_000));
/** 3% drift, in five equal kinds. */
const EACH = Math.max(1, Math.round((ROWS * 0.03) / 5));
const RUN = Date.now().toString(36);
const DOMAIN = `reconcile-${RUN}.example.com`;

interface Report {
	checked: number;
	missing: number;
	mismatched: number;
	repaired: number;
	orphans: number;
}

type Drift = 'missing' | 'wrongName' | 'noTag' | 'noList' | 'none';
/** The first EACH leads miss their contact, the next EACH have a wrong name, … (consent on every even lead). */
function driftOf(i: number): Drift {
	const kinds: Drift[] = ['missing', 'wrongName', 'noTag', 'noList'];
	return kinds[Math.floor(i / EACH)] ?? 'none';
}
const lead = (i: number) => ({
	First_Name: `Rec${i}`,
	Last_Name: `Onciled ${i}`,
	Email: `lead-${i}@${DOMAIN}`,
	Company: `Company ${i % 31}`,
	Company_Size: i % 500,
	Interest: 'Reporting',
	Readiness: 'Researching',
	// The list drift needs consent; elsewhere every other lead gives it.
	Consent: driftOf(i) === 'noList' || i % 2 === 0,
});

describe('reconcile.json', () => {
	let h: HarnessClient;
	let x: Live;

	beforeAll(() => {
		h = getHarness();
		x = new Live(h);
	});

	afterAll(async () => {
		// Later suites of the same harness import every lead (bulk-backfill): take ours out of Caspio again.
		await x.caspioWrite({ table: 'Leads', op: 'delete', where: `Email LIKE '%@${DOMAIN}'`, source: 'RESTAPIs' }).catch(() => undefined);
	});

	it(`${ROWS} leads with 3% drift: one run repairs all of it within the limits, a second run reports 0`, async () => {
		const reconcile = async (): Promise<{ report: Report; seconds: number }> => {
			const t = Date.now();
			const run = await h.runWorkflow(loadTemplate('reconcile.json'), { timeoutMs: 1_800_000 });
			if (run.status !== 'success') throw new Error(`reconcile ${run.executionId} ${run.status}: ${run.error}`);
			const out = run.output('Reconcile Report');
			expect(out).toHaveLength(1);
			return { report: out[0] as Report, seconds: (Date.now() - t) / 1000 };
		};

		// What other suites left behind is repaired first; what cannot be repaired (if anything) shows in every run alike.
		await reconcile();
		const { report: residual } = await reconcile();

		const t0 = Date.now();
		const leads = Array.from({ length: ROWS }, (_, i) => lead(i));
		await pool(leads, 8, async (l) => await x.insert('Leads', l, 'RESTAPIs'));
		const contacts = leads.flatMap((l, i) => {
			const drift = driftOf(i);
			if (drift === 'missing') return [];
			return [{
				email: l.Email,
				firstName: drift === 'wrongName' ? 'Wrong' : l.First_Name,
				lastName: l.Last_Name,
				tags: drift === 'noTag' ? [] : ['caspio-sync'],
				lists: l.Consent && drift !== 'noList' ? ['Newsletter'] : [],
			}];
		});
		const orphans = Array.from({ length: EACH }, (_, k) => ({ email: `orphan-${k}@${DOMAIN}`, firstName: 'Orphan', tags: ['caspio-sync'] }));
		const seed = [...contacts, ...orphans];
		for (let k = 0; k < seed.length; k += 1000) await h.ac!.seed({ contacts: seed.slice(k, k + 1000) });
		const seedSeconds = (Date.now() - t0) / 1000;

		await h.ac!.admin('POST', '/__sandbox/rate-limit', { enabled: true });
		const before = await h.ac!.stats<SandboxStats>();
		const first = await reconcile();
		const after = await h.ac!.stats<SandboxStats>();
		const rate = await h.ac!.admin<{ maxAcceptedPerSecond: number }>('GET', '/__sandbox/rate-limit');
		const requests = after.total - before.total;
		const imports = Object.entries(after.requests)
			.filter(([k]) => k.includes('bulk_import'))
			.reduce((n, [k, s]) => n + Object.values(s).reduce((a, b) => a + b, 0) - Object.values(before.requests[k] ?? {}).reduce((a, b) => a + b, 0), 0);

		expect(first.report).toEqual({
			checked: residual.checked + ROWS,
			missing: residual.missing + EACH,
			mismatched: residual.mismatched + 3 * EACH,
			repaired: residual.repaired + 4 * EACH,
			orphans: residual.orphans + EACH,
		});
		expect(after.sent429 - before.sent429).toBe(0);
		expect(rate.maxAcceptedPerSecond).toBeLessThanOrEqual(5);
		// The missing contacts go through the importer (up to 250 per request), not one request each.
		expect(imports).toBe(Math.ceil(EACH / 250));

		const byEmail = new Map<string, AcContact[]>();
		for (const c of await x.contacts()) byEmail.set(c.email, [...(byEmail.get(c.email) ?? []), c]);
		const wrong = leads.flatMap((l) => {
			const found = byEmail.get(l.Email) ?? [];
			const c = found[0];
			const ok = found.length === 1 && c.firstName === l.First_Name && c.lastName === l.Last_Name && c.tags.includes('caspio-sync') &&
				(!l.Consent || c.lists.some((s) => s.name === 'Newsletter' && s.status === 1));
			return ok ? [] : [`${l.Email}: ${JSON.stringify(found.map((f) => [f.firstName, f.lastName, f.tags, f.lists]))}`];
		});
		expect(wrong.slice(0, 10)).toEqual([]);
		expect(orphans.filter((o) => !(byEmail.get(o.email)?.[0]?.tags ?? []).includes('caspio-orphan'))).toEqual([]);

		const second = await reconcile();
		expect(second.report).toEqual({ ...residual, checked: residual.checked + ROWS });
		expect(residual).toMatchObject({ missing: 0, mismatched: 0, orphans: 0 });

		process.stderr.write(
			`[e2e] reconcile: ${ROWS} rows, drift ${5 * EACH} (${EACH} each: missing, wrong name, no tag, no list, orphan); ` +
				`seed ${seedSeconds.toFixed(0)} s; first run ${first.seconds.toFixed(0)} s, ${requests} ActiveCampaign requests ` +
				`(${imports} bulk import), max ${rate.maxAcceptedPerSecond}/s, 0 throttled; second run ${second.seconds.toFixed(0)} s\n`,
		);
	}, 600_000 + ROWS * 300);
});
