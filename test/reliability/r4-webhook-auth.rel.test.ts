/**
 * R4 (part 1) webhook authentication. Every Caspio Trigger and ActiveCampaign Plus Trigger webhook of the published
 * templates is called without, and with wrong, secrets / tokens: each answer is 401, no execution starts, and no
 * request reaches either sandbox (it costs nothing downstream). The real secrets are recorded for the final scan.
 */
import { report } from './support/figures';
import { keepSecret, keepText } from './support/secrets';
import { describeLive, live, Live, type SandboxStats } from './support/live';

interface CaspioHook {
	Id: string;
	Secret: string;
	OutgoingUrls: string[];
	events: Array<{ ObjectName: string; EventType: string }>;
}
interface AcHook {
	id: string;
	url: string;
}

describeLive('R4 webhook endpoints refuse missing and wrong secrets (401) at no cost downstream', () => {
	const h = live()!;
	const x = new Live(h);

	it('Caspio and ActiveCampaign trigger webhooks: 401 for every bad secret, 0 executions, 0 sandbox requests', async () => {
		const caspioHooks = (await h.caspio!.state<{ webhooks: CaspioHook[] }>()).webhooks.filter((w) => w.OutgoingUrls.some((u) => u.startsWith(h.n8nUrl)));
		const acHooks = (await h.ac!.state<{ webhooks: AcHook[] }>()).webhooks.filter((w) => w.url.startsWith(h.n8nUrl));
		expect(caspioHooks.length).toBeGreaterThan(0);
		expect(acHooks.length).toBeGreaterThan(0);
		for (const w of caspioHooks) keepSecret(`Caspio webhook secret ${w.Id}`, w.Secret);
		for (const w of acHooks) keepSecret(`ActiveCampaign webhook token ${w.id}`, new URL(w.url).searchParams.get('token') ?? '');

		const templates = h.info.workflows;
		const since = new Map<string, number>();
		for (const w of templates) since.set(w.id, await x.latestExecutionId(w.id));
		const acBefore = await h.ac!.stats<SandboxStats>();
		const caspioBefore = await h.caspio!.stats<SandboxStats>();

		const answers: Array<{ what: string; status: number; body: string }> = [];
		const post = async (what: string, url: string, body: string, contentType: string) => {
			const res = await fetch(url, { method: 'POST', headers: { 'content-type': contentType }, body, signal: AbortSignal.timeout(30_000) });
			const text = await res.text();
			answers.push({ what, status: res.status, body: text });
			keepText(`r4 webhook answer ${what}`, text);
		};

		for (const [i, w] of caspioHooks.entries()) {
			const url = w.OutgoingUrls.find((u) => u.startsWith(h.n8nUrl))!;
			const other = caspioHooks[(i + 1) % caspioHooks.length];
			const delivery = (extra: Record<string, unknown>) =>
				JSON.stringify({
					eventId: 'e1',
					messageId: `r4-${i}-${Math.random()}`,
					webhookId: w.Id,
					accountId: 'sandbox',
					eventDate: '2026-01-01T00:00:00',
					eventType: w.events[0]?.EventType ?? 'table.recordInsert',
					objectName: w.events[0]?.ObjectName ?? 'Leads',
					data: [{ PK_ID: 999_999, Email: 'intruder@example.com' }],
					...extra,
				});
			await post(`caspio ${w.Id} no secret`, url, delivery({}), 'application/json');
			await post(`caspio ${w.Id} empty secret`, url, delivery({ secret: '' }), 'application/json');
			await post(`caspio ${w.Id} wrong secret`, url, delivery({ secret: 'not-the-secret' }), 'application/json');
			await post(`caspio ${w.Id} secret with another case`, url, delivery({ secret: w.Secret.toUpperCase() === w.Secret ? w.Secret.toLowerCase() : w.Secret.toUpperCase() }), 'application/json');
			await post(`caspio ${w.Id} secret as array`, url, delivery({ secret: [w.Secret] }), 'application/json');
			if (other.Id !== w.Id) await post(`caspio ${w.Id} another webhook's secret`, url, delivery({ secret: other.Secret }), 'application/json');
			await post(`caspio ${w.Id} right secret, another webhook id`, url, delivery({ secret: w.Secret, webhookId: 'someone-else' }), 'application/json');
			await post(`caspio ${w.Id} not JSON`, url, 'secret=x', 'application/x-www-form-urlencoded');
		}
		for (const w of acHooks) {
			const u = new URL(w.url);
			const token = u.searchParams.get('token') ?? '';
			const form = 'type=subscribe&initiated_from=public&contact%5Bemail%5D=intruder%40example.com&list=1';
			const withToken = (t: string | undefined) => {
				const copy = new URL(w.url);
				if (t === undefined) copy.searchParams.delete('token');
				else copy.searchParams.set('token', t);
				return copy.toString();
			};
			await post(`ac ${w.id} no token`, withToken(undefined), form, 'application/x-www-form-urlencoded');
			await post(`ac ${w.id} empty token`, withToken(''), form, 'application/x-www-form-urlencoded');
			await post(`ac ${w.id} wrong token`, withToken('wrong'), form, 'application/x-www-form-urlencoded');
			await post(`ac ${w.id} token prefix`, withToken(token.slice(0, -1)), form, 'application/x-www-form-urlencoded');
			await post(`ac ${w.id} token in the body only`, withToken(undefined), `${form}&token=${encodeURIComponent(token)}`, 'application/x-www-form-urlencoded');
		}

		await x.settle();
		const newExecutions: string[] = [];
		for (const w of templates) {
			const n = (await x.executions(w.id, { afterId: since.get(w.id) })).length;
			if (n) newExecutions.push(`${w.file}: ${n}`);
		}
		const acRequests = (await h.ac!.stats<SandboxStats>()).total - acBefore.total;
		const caspioRequests = (await h.caspio!.stats<SandboxStats>()).total - caspioBefore.total;
		const not401 = answers.filter((a) => a.status !== 401).map((a) => `${a.what}: ${a.status}`);
		const echoed = answers.filter((a) => caspioHooks.some((w) => a.body.includes(w.Secret))).map((a) => a.what);
		report('R4 webhook auth', {
			requests: answers.length,
			caspioHooks: caspioHooks.length,
			acHooks: acHooks.length,
			answered401: answers.length - not401.length,
			executions: newExecutions.length,
			downstreamRequests: acRequests + caspioRequests,
			leaks: echoed.length,
		});
		expect(not401).toEqual([]);
		expect(newExecutions).toEqual([]);
		expect({ acRequests, caspioRequests }).toEqual({ acRequests: 0, caspioRequests: 0 });
		expect(echoed).toEqual([]);
	});
});
