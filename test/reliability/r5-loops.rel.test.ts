/**
 * R5 loops. The two-way preference-center template under alternating changes (CI 20, full 100): a change in Caspio
 * (as a DataPage) travels to ActiveCampaign, a change by the person in ActiveCampaign travels to Caspio. Each change
 * must start exactly one execution of exactly one template: the template's own writes (Caspio REST API, AC API) must
 * not come back as executions (echoes). Ends with both sides agreeing.
 */
import { report, size } from './support/figures';
import { keepText } from './support/secrets';
import { describeLive, live, Live, type CaspioRecord } from './support/live';

const S = size();
const FILE = 'preference-center.json';

describeLive('R5 loops: preference-center under alternating changes', () => {
	const h = live()!;
	const x = new Live(h);

	it(`${S.loopChanges} alternating Caspio / ActiveCampaign changes: 0 echo executions, both sides agree`, async () => {
		const t0 = Date.now();
		const wf = x.templateId(FILE);
		const email = `loop-${Date.now().toString(36)}@loops.example.com`;
		const templates = h.info.workflows;
		const latestAll = async () => new Map(await Promise.all(templates.map(async (w) => [w.id, await x.latestExecutionId(w.id)] as const)));
		const countSince = async (since: Map<string, number>) => {
			const out: Record<string, number> = {};
			for (const w of templates) {
				const n = (await x.executions(w.id, { afterId: since.get(w.id) })).length;
				if (n) out[w.file] = n;
			}
			return out;
		};

		let since = await latestAll();
		const pk = (await x.insert('Preferences', { Email: email, Newsletter: false, Product_Updates: false, Events: false, Unsubscribed_All: false })).PK_ID;
		await h.waitForExecution(wf, { afterId: since.get(wf), timeoutMs: 90_000 });
		await x.settle();
		expect(await countSince(since)).toEqual({ [FILE]: 1 });

		let subscribed = false;
		let echoes = 0;
		let failed = 0;
		const unexpected: string[] = [];
		const overall = await latestAll();
		for (let k = 0; k < S.loopChanges; k++) {
			since = await latestAll();
			if (k % 2 === 0) await x.update('Preferences', pk, { Newsletter: !subscribed });
			else await h.ac!.admin('POST', '/__sandbox/contact-events', { email, type: subscribed ? 'unsubscribe' : 'subscribe', list: 'Newsletter' });
			subscribed = !subscribed;
			const execution = await h.waitForExecution(wf, { afterId: since.get(wf), timeoutMs: 90_000 });
			if (execution.status !== 'success') {
				failed++;
				keepText(`r5 failed execution ${execution.id}`, execution);
			}
			await x.settle();
			const counts = await countSince(since);
			const total = Object.values(counts).reduce((a, b) => a + b, 0);
			if (total > 1) {
				echoes += total - 1;
				unexpected.push(`change ${k}: ${JSON.stringify(counts)}`);
			}
		}
		const all = await x.executions(wf, { afterId: overall.get(wf), includeData: true });
		for (const e of all) keepText(`r5 execution ${e.id}`, e);
		const row = (await x.records('Preferences')).find((r: CaspioRecord) => r.PK_ID === pk);
		const contact = (await x.contacts()).find((c) => c.email === email);
		const newsletter = contact?.lists.find((l) => l.name === 'Newsletter')?.status;
		report('R5 loops', {
			changes: S.loopChanges,
			executions: all.length,
			echoExecutions: echoes + Math.max(0, all.length - S.loopChanges),
			failedExecutions: failed,
			caspioNewsletter: String(row?.Newsletter),
			acNewsletterStatus: newsletter ?? 'none',
			seconds: Math.round((Date.now() - t0) / 1000),
		});
		expect(unexpected).toEqual([]);
		expect(all.length).toBe(S.loopChanges);
		expect(failed).toBe(0);
		expect([row?.Newsletter, newsletter]).toEqual([subscribed, subscribed ? 1 : 2]);
	});
});
