import { caspioTestbed, json, LEADS_FIELDS, table, wheres, type CaspioTestbed } from './support';

const columns = (value: Record<string, unknown>, matchingColumns: string[] = []) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns,
	schema: [],
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

const SEED = [
	{ Name: 'Ada', Email: 'ada@example.com', Score: 5, Active: true },
	{ Name: 'Bob', Email: 'bob@example.com', Score: 9, Active: false },
	{ Name: 'Cy', Email: 'cy@example.com', Score: 7, Active: true },
];

describe('Caspio record: Create, Get, Update, Upsert', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset([{ name: 'Leads', fields: LEADS_FIELDS, records: SEED }]));

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

	describe('Get', () => {
		it('returns the record with that PK_ID', async () => {
			const run = await bed.run({ resource: 'record', operation: 'get', table: table('Leads'), recordId: '2' });

			expect(json(run)).toEqual([expect.objectContaining({ PK_ID: 2, Name: 'Bob' })]);
			expect(wheres(bed.seen)).toEqual(['PK_ID = 2']);
		});

		it('says so when the record does not exist, and refuses a PK_ID that is not a number', async () => {
			const missing = await bed.run({ resource: 'record', operation: 'get', table: table('Leads'), recordId: '77' });
			const injected = await bed.run({ resource: 'record', operation: 'get', table: table('Leads'), recordId: '1 OR 1=1' });

			expect(missing.error?.message).toMatch(/table "Leads" has no record with PK_ID 77/);
			expect(injected.error?.message).toMatch(/Record ID must be a whole number \(PK_ID\), got "1 OR 1=1"/);
			expect(wheres(bed.seen)).toEqual(['PK_ID = 77']);
		});
	});

	describe('Update', () => {
		it('changes exactly the records the filters match and returns count and rows', async () => {
			const run = await bed.run({
				resource: 'record',
				operation: 'update',
				table: table('Leads'),
				filters: { conditions: [{ field: 'Active', operator: 'equals', value: 'true' }] },
				combinator: 'AND',
				columns: columns({ Score: '100' }),
			});

			expect(json(run)).toEqual([{ recordsAffected: 2, records: [expect.objectContaining({ PK_ID: 1, Score: 100 }), expect.objectContaining({ PK_ID: 3, Score: 100 })] }]);
			expect((await bed.records('Leads')).map((r) => r.Score)).toEqual([100, 9, 100]);
			expect(wheres(bed.seen)).toEqual(['Active = 1']);
		});

		it('refuses to run without a filter', async () => {
			const run = await bed.run({ resource: 'record', operation: 'update', table: table('Leads'), columns: columns({ Score: 1 }) });

			expect(run.error?.message).toMatch(/Update needs at least one filter/);
			expect(bed.seen.filter((r) => r.method === 'PUT')).toHaveLength(0);
			expect((await bed.records('Leads')).map((r) => r.Score)).toEqual([5, 9, 7]);
		});

		it('combines filters with the raw custom where by AND', async () => {
			await bed.run({
				resource: 'record',
				operation: 'update',
				table: table('Leads'),
				filters: { conditions: [{ field: 'Active', operator: 'equals', value: 'true' }, { field: 'Name', operator: 'equals', value: 'Bob' }] },
				combinator: 'OR',
				columns: columns({ Score: 0 }),
				options: { customWhere: 'Score > 6' },
			});

			expect(wheres(bed.seen)).toEqual(["((Active = 1) OR (Name = N'Bob')) AND (Score > 6)"]);
			expect((await bed.records('Leads')).map((r) => r.Score)).toEqual([5, 0, 0]);
		});
	});

	describe('Upsert', () => {
		const upsert = (values: Record<string, unknown>, keys = ['Email']) => ({
			resource: 'record',
			operation: 'upsert',
			table: table('Leads'),
			columns: columns(values, keys),
		});

		it('updates the record whose key matches, creates otherwise, and says which', async () => {
			const run = await bed.run(upsert({ Email: '={{ $json.email }}', Score: '={{ $json.score }}' }), [
				{ email: 'bob@example.com', score: 1 },
				{ email: 'new@example.com', score: 2 },
			]);

			expect(json(run).map((r) => [r.operation, (r.record as { PK_ID: number }).PK_ID])).toEqual([
				['updated', 2],
				['created', 4],
			]);
			expect((await bed.records('Leads')).map((r) => [r.Email, r.Score])).toEqual([
				['ada@example.com', 5],
				['bob@example.com', 1],
				['cy@example.com', 7],
				['new@example.com', 2],
			]);
			expect(wheres(bed.seen)).toEqual(["Email = N'bob@example.com'", 'PK_ID = 2', "Email = N'new@example.com'"]);
		});

		it('refuses keys that match several records, changing nothing', async () => {
			const run = await bed.run(upsert({ Active: true, Score: 0 }, ['Active']));

			expect(run.error?.message).toMatch(/the key fields match 2 records in "Leads"/);
			expect((await bed.records('Leads')).map((r) => r.Score)).toEqual([5, 9, 7]);
		});

		it('refuses a key field without a value', async () => {
			const run = await bed.run(upsert({ Score: 3 }));

			expect(run.error?.message).toMatch(/key field "Email" has no value/);
			expect(bed.seen.filter((r) => r.method !== 'GET')).toHaveLength(0);
		});
	});
});
