import { columns, LEADS } from '../support/records';
import { caspioTestbed, json, table, type CaspioTestbed } from '../support/testbed';

describe('Caspio record', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset([LEADS]));

	describe('Create', () => {
		it('inserts one record per item with converted values and returns it as stored', async () => {
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
			expect((await bed.records('Leads')).map((r) => r.Name)).toEqual(['Ada', 'Bob', 'Cy', 'Dee', 'Eve']);
			const posts = bed.seen.filter((r) => r.method === 'POST');
			expect(posts.map((r) => r.body)).toEqual([
				{ Name: 'Dee', Email: 'dee@example.com', Score: 12.5, Active: true, Joined: '2026-11-27T10:00:00', Tags: '[1], [3]', Secret: 'pw' },
				{ Name: 'Eve', Email: 'eve@example.com', Score: 3, Active: true, Joined: '2026-11-27T10:00:00', Tags: '[1], [3]', Secret: 'pw' },
			]);
			expect(posts.every((r) => r.query.get('response') === 'rows')).toBe(true);
		});

		it('auto-maps input fields, leaving out PK_ID, read-only and unknown keys', async () => {
			const run = await bed.run(
				{ resource: 'record', operation: 'create', table: table('Leads'), columns: { ...columns({}), mappingMode: 'autoMapInputData' } },
				[{ PK_ID: 99, Name: 'Fay', Email: 'fay@example.com', Code: 123, Created: '2020-01-01T00:00:00', extra: 'x' }],
			);

			expect(json(run)[0]).toMatchObject({ PK_ID: 4, Name: 'Fay', Code: 4 });
			expect(bed.seen.find((r) => r.method === 'POST')!.body).toEqual({ Name: 'Fay', Email: 'fay@example.com' });
		});

		it('with Continue On Fail sends the bad item to the error output and writes the others', async () => {
			const run = await bed.run(
				{ resource: 'record', operation: 'create', table: table('Leads'), columns: columns({ Name: '={{ $json.name }}', Email: '={{ $json.name }}@x', Score: '={{ $json.score }}' }) },
				[{ name: 'Good1', score: 1 }, { name: 'Bad', score: 'lots' }, { name: 'Good2', score: 2 }],
				'continueErrorOutput',
			);

			expect(run.outputs[0].map((i) => [i.json.Name, i.pairedItem])).toEqual([
				['Good1', { item: 0 }],
				['Good2', { item: 2 }],
			]);
			expect(run.outputs[1]).toHaveLength(1);
			expect(run.outputs[1][0].json.error).toMatch(/Field "Score" \(NUMBER\) needs a number, got "lots"/);
			expect(run.outputs[1][0].pairedItem).toEqual({ item: 1 });
			expect((await bed.records('Leads')).map((r) => r.Name)).toEqual(['Ada', 'Bob', 'Cy', 'Good1', 'Good2']);
		});

		it('refuses a read-only field by name, before anything is written', async () => {
			const run = await bed.run({ resource: 'record', operation: 'create', table: table('Leads'), columns: columns({ Name: 'x', Code: 5 }) });

			expect(run.error?.message).toMatch(/Field "Code" is AUTONUMBER and cannot be written by a record create/);
			expect(bed.seen.filter((r) => r.method === 'POST')).toHaveLength(0);
		});

		it('reports Caspio errors in a sentence, with the item', async () => {
			const run = await bed.run(
				{ resource: 'record', operation: 'create', table: table('Leads'), columns: columns({ Email: 'ada@example.com' }) },
				[{}],
				'continueErrorOutput',
			);

			expect(run.outputs[1][0].json.error).toMatch(/Caspio answered HTTP 400 while creating a record in "Leads": Caspio could not run/);
			expect(run.outputs[1][0].json.details).toMatch(/UNIQUE KEY/);
		});
	});
});
