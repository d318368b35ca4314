import type { IDataObject } from 'n8n-workflow';

import { v4TableId } from '../../../sandbox/caspio/v4';
import type { NodeRun } from '../../../support/n8n';
import { columns, LEADS } from '../support/records';
import { caspioTestbed, json, table, type CaspioTestbed } from '../support/testbed';

const BULK = `/integrations/rest/v4/tables/${v4TableId('Leads')}/records/bulk`;
const V3_POST = '/integrations/rest/v3/tables/Leads/records';

const hints = (run: NodeRun) => run.run.data.resultData.runData['Under Test']?.[0]?.hints ?? [];

describe('Caspio record', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset([LEADS]));

	const posts = (path: string) => bed.seen.filter((r) => r.method === 'POST' && r.path === path);
	const setOptions = async (options: IDataObject) =>
		await fetch(`${bed.sandbox.url}/__sandbox/options`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(options) });
	const named = (count: number, from = 0) => Array.from({ length: count }, (_, i) => ({ name: `P${from + i}`, email: `p${from + i}@example.com` }));
	const mapped = columns({ Name: '={{ $json.name }}', Email: '={{ $json.email }}', Score: '={{ $json.score }}' });

	describe('Create', () => {
		it('creates the records of all items in one v4 bulk request with converted values and returns each as stored', async () => {
			const run = await bed.run(
				{
					resource: 'record',
					operation: 'create',
					table: table('Leads'),
					columns: columns({
						Name: '={{ $json.name }}',
						Email: '={{ $json.email }}',
						Score: '={{ $json.score }}',
						Active: 'yes',
						Joined: '2026-11-27T10:00:00.000Z',
						Tags: 'Hot, VIP',
						Secret: 'pw',
					}),
				},
				[
					{ name: 'Dee', email: 'dee@example.com', score: '12.5' },
					{ name: 'Eve', email: 'eve@example.com', score: 3 },
				],
			);

			expect(run.run.status).toBe('success');
			const out = json(run);
			expect(out.map((r) => [r.PK_ID, r.Name, r.Score, r.Active, r.Joined, r.Tags])).toEqual([
				[4, 'Dee', 12.5, true, '2026-11-27T10:00:00', { 1: 'Hot', 3: 'VIP' }],
				[5, 'Eve', 3, true, '2026-11-27T10:00:00', { 1: 'Hot', 3: 'VIP' }],
			]);
			expect(out[0]).not.toHaveProperty('Secret');
			expect(run.outputs[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			expect((await bed.records('Leads')).map((r) => r.Name)).toEqual(['Ada', 'Bob', 'Cy', 'Dee', 'Eve']);
			expect(posts(BULK).map((r) => r.body)).toEqual([
				[
					{ Name: 'Dee', Email: 'dee@example.com', Score: 12.5, Active: true, Joined: '2026-11-27T10:00:00', Tags: '[1], [3]', Secret: 'pw' },
					{ Name: 'Eve', Email: 'eve@example.com', Score: 3, Active: true, Joined: '2026-11-27T10:00:00', Tags: '[1], [3]', Secret: 'pw' },
				],
			]);
			expect(posts(V3_POST)).toHaveLength(0);
			expect(hints(run)).toEqual([]);
		});

		it('sends 1,200 items as two requests of at most 1,000 rows, in item order', async () => {
			const run = await bed.run({ resource: 'record', operation: 'create', table: table('Leads'), columns: mapped }, named(1200));

			expect(posts(BULK).map((r) => (r.body as unknown[]).length)).toEqual([1000, 200]);
			expect(json(run).map((r) => r.Name)).toEqual(named(1200).map((n) => n.name));
			const stored = await bed.records('Leads');
			expect(stored).toHaveLength(1203);
			expect(stored.slice(3).map((r) => r.Name)).toEqual(named(1200).map((n) => n.name));
			// The table list that gives the v4 id is read once per run.
			expect(bed.seen.filter((r) => r.path === '/integrations/rest/v4/tables')).toHaveLength(1);
		});

		it('auto-maps input fields, leaving out PK_ID, read-only and unknown keys', async () => {
			const run = await bed.run(
				{ resource: 'record', operation: 'create', table: table('Leads'), columns: { ...columns({}), mappingMode: 'autoMapInputData' } },
				[{ PK_ID: 99, Name: 'Fay', Email: 'fay@example.com', Code: 123, Created: '2020-01-01T00:00:00', extra: 'x' }],
			);

			expect(json(run)[0]).toMatchObject({ PK_ID: 4, Name: 'Fay', Code: 4 });
			expect(posts(V3_POST)[0].body).toEqual({ Name: 'Fay', Email: 'fay@example.com' });
		});

		it('sends a single record as one v3 request, without looking up the v4 table list', async () => {
			const run = await bed.run({ resource: 'record', operation: 'create', table: table('Leads'), columns: mapped }, named(1));

			expect(json(run)).toEqual([expect.objectContaining({ PK_ID: 4, Name: 'P0' })]);
			expect(Object.keys(await bed.requests()).sort()).toEqual(['GET /integrations/rest/v3/tables/:table/fields', 'POST /integrations/rest/v3/tables/:table/records']);
			expect(hints(run)).toEqual([]);
		});

		it('with Continue On Fail sends a row Caspio refused (207) to the error output, naming item and field, and writes the others once', async () => {
			const run = await bed.run(
				{ resource: 'record', operation: 'create', table: table('Leads'), columns: mapped },
				[{ name: 'Good1', email: 'g1@x' }, { name: 'Dup', email: 'ada@example.com' }, { name: 'Good2', email: 'g2@x' }],
				'continueErrorOutput',
			);

			expect(run.outputs[0].map((i) => [i.json.Name, i.pairedItem])).toEqual([
				['Good1', { item: 0 }],
				['Good2', { item: 2 }],
			]);
			expect(run.outputs[1].map((i) => i.pairedItem)).toEqual([{ item: 1 }]);
			expect(run.outputs[1][0].json.error).toMatch(/^Caspio did not create the record of this item in "Leads" \(field Email\): Violation of UNIQUE KEY.* \[item 1\]$/);
			expect(run.outputs[1][0].json.details).toMatch(/Correct the value of Email in this item/);
			expect((await bed.records('Leads')).map((r) => r.Name)).toEqual(['Ada', 'Bob', 'Cy', 'Good1', 'Good2']);
			expect(posts(BULK)).toHaveLength(1);
		});

		it('without Continue On Fail fails the node naming the refused item, keeps the created rows and sends no later batch', async () => {
			const items = named(1100).map((item, i) => (i === 7 ? { ...item, email: 'bob@example.com' } : item));
			const run = await bed.run({ resource: 'record', operation: 'create', table: table('Leads'), columns: mapped }, items);

			expect(run.error?.message).toMatch(/^Caspio did not create the record of this item in "Leads" \(field Email\): .*\[item 7\]$/);
			expect(posts(BULK)).toHaveLength(1);
			expect(await bed.records('Leads')).toHaveLength(3 + 999);
		});

		it('refuses a value that does not fit its field by item and field, before anything is sent', async () => {
			const run = await bed.run({ resource: 'record', operation: 'create', table: table('Leads'), columns: mapped }, [
				{ name: 'Good1', score: 1 },
				{ name: 'Bad', score: 'lots' },
			]);

			expect(run.error?.message).toMatch(/Field "Score" \(NUMBER\) needs a number, got "lots"/);
			expect(bed.seen.filter((r) => r.method === 'POST')).toHaveLength(0);
		});

		it('refuses a read-only field by name, before anything is written', async () => {
			const run = await bed.run({ resource: 'record', operation: 'create', table: table('Leads'), columns: columns({ Name: 'x', Code: 5 }) });

			expect(run.error?.message).toMatch(/Field "Code" is AUTONUMBER and cannot be written by a record create/);
			expect(bed.seen.filter((r) => r.method === 'POST')).toHaveLength(0);
		});

		it('does not resend a bulk request whose outcome is unknown, and says to check the table first', async () => {
			const before = bed.sandbox.service.before.bind(bed.sandbox.service);
			bed.sandbox.service.before = (req) =>
				before(req) ?? (req.path === BULK ? { status: 503, body: { Code: 'ServiceUnavailable', Message: 'busy', RequestId: 'r1' } } : undefined);
			try {
				const run = await bed.run({ resource: 'record', operation: 'create', table: table('Leads'), columns: mapped }, named(3), 'continueErrorOutput');

				expect(posts(BULK)).toHaveLength(1);
				expect(run.outputs[1].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
				expect(run.outputs[1][0].json.error).toMatch(/^Caspio did not confirm the records of items 0–2 in "Leads": .*503.*\[item 0\]$/);
				expect(run.outputs[1][0].json.details).toMatch(/not sent again.*Check the table/);
			} finally {
				bed.sandbox.service.before = before;
			}
		});

		it('without v4 bulk, falls back to one v3 request per record and says so once', async () => {
			await setOptions({ v4: 'off' });
			const run = await bed.run({ resource: 'record', operation: 'create', table: table('Leads'), columns: mapped }, named(3));

			expect(json(run).map((r) => [r.PK_ID, r.Name])).toEqual([
				[4, 'P0'],
				[5, 'P1'],
				[6, 'P2'],
			]);
			expect(posts(V3_POST).map((r) => [r.body, r.query.get('response')])).toEqual(named(3).map((n) => [{ Name: n.name, Email: n.email }, 'rows']));
			expect(hints(run).map((h) => h.message)).toEqual([expect.stringMatching(/does not offer REST API v4, so records were created one request per record/)]);
		});

		it('without v4, reports Caspio errors in a sentence, with the item', async () => {
			await setOptions({ v4: 'off' });
			const run = await bed.run(
				{ resource: 'record', operation: 'create', table: table('Leads'), columns: columns({ Email: 'ada@example.com' }) },
				[{}],
				'continueErrorOutput',
			);

			expect(run.outputs[1][0].json.error).toMatch(/Caspio answered HTTP 400 while creating a record in "Leads": Caspio could not run/);
			expect(run.outputs[1][0].json.details).toMatch(/UNIQUE KEY/);
		});

		it('when Caspio does not echo the bulk rows, returns each PK_ID with the readable values sent', async () => {
			await setOptions({ bulkEcho: 'ignored' });
			const run = await bed.run(
				{ resource: 'record', operation: 'create', table: table('Leads'), columns: columns({ Name: '={{ $json.name }}', Email: '={{ $json.email }}', Secret: 'pw' }) },
				named(2),
			);

			expect(json(run)).toEqual([
				{ PK_ID: 4, Name: 'P0', Email: 'p0@example.com' },
				{ PK_ID: 5, Name: 'P1', Email: 'p1@example.com' },
			]);
		});
	});
});
