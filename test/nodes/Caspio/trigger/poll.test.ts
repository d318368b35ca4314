import type { IDataObject } from 'n8n-workflow';

import { CaspioTrigger } from '../../../../nodes/Caspio/CaspioTrigger.node';
import { deliveryEndpoint, triggerHarness, type TriggerHarness } from '../support/fakes';
import { caspioTestbed, table, type CaspioTestbed } from '../support/testbed';

const FIELDS = [
	{ Name: 'Name', Type: 'STRING' },
	{ Name: 'Updated', Type: 'TIMESTAMP', OnUpdate: true },
];
const trigger = new CaspioTrigger();

describe('Caspio Trigger: polling and hybrid', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset([{ name: 'Leads', fields: FIELDS, records: [{ Name: 'old1' }, { Name: 'old2' }] }]));

	const insert = (count: number, prefix = 'new') => {
		for (let i = 0; i < count; i++) bed.sandbox.service.insert('Leads', { Name: `${prefix}${i}` }, 'DataPages');
	};
	const poll = async (h: TriggerHarness) => {
		const before = bed.seen.length;
		const result = await trigger.poll.call(h.poller());
		return { items: (result?.[0] ?? []).map((i) => i.json), requests: bed.seen.length - before };
	};
	const names = (items: IDataObject[]) => items.map((i) => (i.record as { Name: string }).Name);
	const deliveryFaults = async (faults: IDataObject) =>
		await fetch(`${bed.sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) });

	describe('Record Created', () => {
		let h: TriggerHarness;
		beforeEach(() => (h = triggerHarness(bed, { mode: 'polling', table: table('Leads'), event: 'created', options: {} })));

		it('first activation places the cursor without replaying history; an idle poll is one request', async () => {
			expect(await poll(h)).toEqual({ items: [], requests: 1 });
			expect(await poll(h)).toEqual({ items: [], requests: 1 });
			expect(bed.seen.at(-1)!.query.get('q.where')).toBe('PK_ID > 2');
		});

		it('emits every new row once over a large backlog, then goes idle', async () => {
			await poll(h);
			insert(2000);

			const first = await poll(h);
			insert(3, 'late');
			const second = await poll(h);
			const third = await poll(h);

			expect(first.items).toHaveLength(2000);
			expect(first.requests).toBe(3);
			expect(first.items[0]).toMatchObject({ event: 'created', table: 'Leads', via: 'poll' });
			expect(names(second.items)).toEqual(['late0', 'late1', 'late2']);
			expect(third).toEqual({ items: [], requests: 1 });
			const ids = [...first.items, ...second.items].map((i) => (i.record as { PK_ID: number }).PK_ID);
			expect(new Set(ids).size).toBe(2003);
		});

		it('does not emit a backlog twice when the next poll comes before n8n has saved the cursor', async () => {
			await poll(h);
			insert(1500);
			// n8n saves a poll's cursor when the execution it started ends; until then the next poll reads the old one.
			const saved = { ...h.staticData.node };

			const first = await poll(h);
			Object.keys(h.staticData.node).forEach((k) => delete h.staticData.node[k]);
			Object.assign(h.staticData.node, saved);
			const second = await poll(h);

			expect(first.items).toHaveLength(1500);
			expect(second).toEqual({ items: [], requests: 1 });
		});

		it('emits the existing records on the first poll when asked', async () => {
			h.parameters.options = { emitExisting: true };
			expect(names((await poll(h)).items)).toEqual(['old1', 'old2']);
		});

		it('Fetch Test Event returns the newest record and leaves the cursor alone', async () => {
			const result = await trigger.poll.call(h.poller('manual'));
			expect(names(result![0].map((i) => i.json))).toEqual(['old2']);
			expect(h.staticData.node).toEqual({});
		});

		it('does nothing in instant mode', async () => {
			h.parameters.mode = 'instant';
			expect(await poll(h)).toEqual({ items: [], requests: 0 });
		});
	});

	describe('Record Updated', () => {
		it('emits each change once by the updated-at field, including a later change in the same second', async () => {
			const h = triggerHarness(bed, { mode: 'polling', table: table('Leads'), event: 'updated', stampField: 'Updated', options: {} });
			expect(await poll(h)).toEqual({ items: [], requests: 1 });
			// Caspio timestamps have whole seconds: move past the second the cursor was placed in.
			await new Promise((resolve) => setTimeout(resolve, 1100));

			bed.sandbox.service.update('Leads', 'PK_ID = 1', { Name: 'touched' }, 'DataPages');
			const first = await poll(h);
			bed.sandbox.service.update('Leads', 'PK_ID = 2', { Name: 'second' }, 'DataPages');
			const second = await poll(h);
			const idle = await poll(h);

			expect(names(first.items)).toEqual(['touched']);
			expect(first.items[0].event).toBe('updated');
			expect(names(second.items)).toEqual(['second']);
			expect(idle).toEqual({ items: [], requests: 1 });
		});

		it('needs an updated-at field', async () => {
			const h = triggerHarness(bed, { mode: 'polling', table: table('Leads'), event: 'updated', options: {} });
			await expect(trigger.poll.call(h.poller())).rejects.toThrow(/Record Updated needs an "Updated-At Field"/);
		});
	});

	describe('hybrid', () => {
		it('with 10% of deliveries dropped, webhook plus backstop poll emit every record exactly once', async () => {
			const harness: { current?: TriggerHarness } = {};
			const emitted: IDataObject[] = [];
			const endpoint = await deliveryEndpoint(async (body) => {
				const { context, response } = harness.current!.webhook(body);
				return { result: await trigger.webhook.call(context), status: response.status };
			});
			const h = (harness.current = triggerHarness(bed, { mode: 'hybrid', table: table('Leads'), event: 'created', options: {} }, endpoint.url));
			try {
				await trigger.webhookMethods.default.create.call(h.hook());
				await poll(h);
				await deliveryFaults({ webhookDropRate: 0.1, webhookRepeatRate: 0.05, seed: 7 });

				insert(200);
				await bed.sandbox.idle();
				emitted.push(...endpoint.emitted);
				const stats = (await (await fetch(`${bed.sandbox.url}/__sandbox/stats`)).json()) as { webhooksDropped: number; webhooksRepeated: number };
				expect(stats.webhooksDropped).toBeGreaterThan(5);
				expect(stats.webhooksRepeated).toBeGreaterThan(0);
				expect(emitted.length).toBe(200 - stats.webhooksDropped);

				// The backstop hands what it found to the webhook, whose window emits only what Caspio did not deliver.
				const backstop = await poll(h);
				const relayed = endpoint.emitted.slice(200 - stats.webhooksDropped);
				emitted.push(...relayed);
				insert(1, 'after');
				await bed.sandbox.idle();
				const last = await poll(h);
				emitted.push(...endpoint.emitted.slice(200 - stats.webhooksDropped + relayed.length), ...last.items);

				expect([backstop.items, last.items]).toEqual([[], []]);
				expect(relayed).toHaveLength(stats.webhooksDropped);
				expect(relayed.every((i) => i.via === 'poll')).toBe(true);
				expect(JSON.stringify(emitted)).not.toContain(String((h.staticData.global[`caspioRelay:${h.node.id}`] as { token: string }).token));
				const ids = emitted.map((i) => (i.record as { PK_ID: number }).PK_ID).sort((a, b) => a - b);
				expect(ids).toEqual(Array.from({ length: 201 }, (_, i) => i + 3));
			} finally {
				await endpoint.close();
			}
		});

		it('in queue mode (poll on main, deliveries at the webhook process, whose static data n8n does not save) each record once', async () => {
			// Separate copies of the node, as two n8n processes have: nothing in memory is shared.
			const copy = (): CaspioTrigger => {
				let loaded: typeof import('../../../../nodes/Caspio/CaspioTrigger.node') | undefined;
				jest.isolateModules(() => {
					// eslint-disable-next-line @typescript-eslint/no-require-imports
					loaded = require('../../../../nodes/Caspio/CaspioTrigger.node');
				});
				return new loaded!.CaspioTrigger();
			};
			const [main, webhookProcess] = [copy(), copy()];
			const harness: { current?: TriggerHarness } = {};
			const endpoint = await deliveryEndpoint(async (body) => {
				const { context, response } = harness.current!.webhook(body);
				// Each call reads the saved static data; n8n 2.41 does not save what a call that starts an execution changed.
				const unsaved = structuredClone(harness.current!.staticData);
				context.getWorkflowStaticData = ((type: string) => (type === 'node' ? unsaved.node : unsaved.global)) as typeof context.getWorkflowStaticData;
				return { result: await webhookProcess.webhook.call(context), status: response.status };
			});
			const h = (harness.current = triggerHarness(bed, { mode: 'hybrid', table: table('Leads'), event: 'created', options: {} }, endpoint.url));
			try {
				await main.webhookMethods.default.create.call(h.hook());
				await main.poll.call(h.poller());
				await deliveryFaults({ webhookDropRate: 0.2, webhookRepeatRate: 0.1, seed: 11 });

				insert(100);
				await bed.sandbox.idle();
				const fromPolls = [await main.poll.call(h.poller()), await main.poll.call(h.poller())];

				const ids = endpoint.emitted.map((i) => (i.record as { PK_ID: number }).PK_ID).sort((a, b) => a - b);
				expect(fromPolls).toEqual([null, null]);
				expect(ids).toEqual(Array.from({ length: 100 }, (_, i) => i + 3));
				expect(endpoint.emitted.filter((i) => i.via === 'poll').length).toBeGreaterThan(5);
			} finally {
				await endpoint.close();
			}
		});
	});
});
