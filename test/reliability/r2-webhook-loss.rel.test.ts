/**
 * R2 webhook loss and duplication. A workflow of our own: Caspio Trigger in Hybrid mode (instant webhook + a poll
 * every minute as the backstop) on a table of its own → No Op. Caspio drops 10% of deliveries and sends 10% twice
 * (webhookDropRate / webhookRepeatRate). Every record must come out of the trigger exactly once across all
 * executions: dropped ones by the poll, repeated ones dropped by the messageId dedupe, and ones the poll and a late
 * webhook both see dropped by the record dedupe.
 */
import { report, size } from './support/figures';
import { describeLive, live, Live, pool, statsDelta, until, PKG, type SandboxStats } from './support/live';

const S = size();
const TABLE = 'R2Deliveries';

describeLive('R2 webhook loss and duplication: hybrid trigger + dedupe', () => {
	const h = live()!;
	const x = new Live(h);
	let workflowId: string | undefined;

	afterAll(async () => {
		await h.caspio!.setFaults({ webhookDropRate: 0, webhookRepeatRate: 0 }).catch(() => undefined);
		if (workflowId) await x.deleteWorkflow(workflowId);
	});

	it(`${S.webhookRecords} records with 10% of deliveries dropped and 10% repeated: each processed exactly once`, async () => {
		const t0 = Date.now();
		await h.caspio!.seed({ tables: [{ name: TABLE, fields: [{ Name: 'Name', Type: 'STRING' }, { Name: 'Batch', Type: 'STRING' }] }] });
		workflowId = await x.createWorkflow(
			{
				nodes: [
					{
						name: 'Hybrid Trigger',
						type: `${PKG}.caspioTrigger`,
						typeVersion: 1,
						position: [0, 0],
						parameters: { mode: 'hybrid', table: { __rl: true, mode: 'name', value: TABLE }, event: 'created', options: {}, pollTimes: { item: [{ mode: 'everyMinute' }] } },
						credentials: { caspioApi: { id: null, name: 'Caspio (sandbox)' } },
					},
					{ name: 'Processed', type: 'n8n-nodes-base.noOp', typeVersion: 1, position: [250, 0], parameters: {} },
				],
				connections: { 'Hybrid Trigger': { main: [[{ node: 'Processed', type: 'main', index: 0 }]] } },
			},
			`R2 hybrid ${Date.now()}`,
		);
		// The activation registers the Caspio webhook and places the poll cursor; wait for the webhook to exist.
		await until('the Caspio webhook of the R2 workflow', 60_000, async () => {
			const state = await h.caspio!.state<{ webhooks: Array<{ OutgoingUrls: string[]; events: Array<{ ObjectName: string }> }> }>();
			return state.webhooks.some((w) => w.events.some((e) => e.ObjectName === TABLE)) ? true : undefined;
		});
		const before = await h.caspio!.stats<SandboxStats>();
		await h.caspio!.setFaults({ webhookDropRate: 0.1, webhookRepeatRate: 0.1, seed: 4242 });
		const inserted = await pool(Array.from({ length: S.webhookRecords }, (_, i) => i), 4, async (i) => (await x.insert(TABLE, { Name: `r2-${i}`, Batch: 'r2' })).PK_ID);
		await h.caspio!.admin('GET', '/__sandbox/deliveries');
		const after = await h.caspio!.stats<SandboxStats>();
		await h.caspio!.setFaults({ webhookDropRate: 0, webhookRepeatRate: 0 });
		const delta = statsDelta(after, before);

		// Count what came out of the trigger until every record has, or two poll periods passed without progress.
		const seen = new Map<number, number>();
		let executions = 0;
		let viaPoll = 0;
		let viaWebhook = 0;
		const collect = async () => {
			seen.clear();
			viaPoll = 0;
			viaWebhook = 0;
			const list = await x.executions(workflowId!, { includeData: true });
			executions = list.length;
			for (const e of list) {
				const items = e.data?.resultData?.runData?.['Hybrid Trigger']?.[0]?.data?.main?.[0] ?? [];
				for (const item of items) {
					const json = item.json as { record?: { PK_ID?: number }; via?: string };
					const pk = Number(json.record?.PK_ID);
					seen.set(pk, (seen.get(pk) ?? 0) + 1);
					if (json.via === 'poll') viaPoll++;
					else viaWebhook++;
				}
			}
		};
		await until('every R2 record out of the trigger', 240_000, async () => {
			await collect();
			return inserted.every((pk) => seen.has(pk)) ? true : undefined;
		}, 5000).catch(() => undefined);
		// One more poll period: a late duplicate would show up now.
		await new Promise((r) => setTimeout(r, 65_000));
		await collect();

		const lost = inserted.filter((pk) => !seen.has(pk));
		const duplicates = [...seen.entries()].filter(([, n]) => n > 1);
		report('R2 webhook loss and duplication', {
			records: inserted.length,
			deliveriesSent: delta.webhooksSent,
			dropped: delta.webhooksDropped,
			repeated: delta.webhooksRepeated,
			executions,
			itemsViaWebhook: viaWebhook,
			itemsViaPoll: viaPoll,
			lost: lost.length,
			duplicates: duplicates.length,
			seconds: Math.round((Date.now() - t0) / 1000),
		});
		expect(delta.webhooksDropped).toBeGreaterThan(0);
		expect(delta.webhooksRepeated).toBeGreaterThan(0);
		expect({ lost, duplicates }).toEqual({ lost: [], duplicates: [] });
	});
});
