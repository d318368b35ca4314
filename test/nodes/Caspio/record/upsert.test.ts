import { columns, LEADS } from '../support/records';
import { caspioTestbed, json, table, wheres, type CaspioTestbed } from '../support/testbed';

describe('Caspio record', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset([LEADS]));

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
