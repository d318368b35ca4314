import { columns, HOSTILE, HOSTILE_ROWS as ROWS, LEADS, NOTES } from '../support/records';
import { caspioTestbed, json, table, wheres, type CaspioTestbed } from '../support/testbed';

describe('Caspio record', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());

	describe('Update', () => {
		beforeEach(async () => await bed.reset([LEADS]));

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

	describe('Update, with hostile filter values', () => {
		beforeEach(async () => await bed.reset([NOTES]));

		it.each(HOSTILE.slice(0, 6))('Update where Notes contains %j changes only rows holding it literally', async (value) => {
			const run = await bed.run({
				resource: 'record',
				operation: 'update',
				table: table('Leads'),
				filters: { conditions: [{ field: 'Notes', operator: 'contains', value }] },
				columns: { mappingMode: 'defineBelow', value: { Name: 'changed' }, matchingColumns: [], schema: [] },
			});

			const expected = ROWS.filter((r) => r.Notes.includes(value)).length;
			expect(json(run)[0].recordsAffected).toBe(expected);
			const changed = (await bed.records('Leads')).filter((r) => r.Name === 'changed').map((r) => r.Notes);
			expect(changed).toEqual(ROWS.map((r) => r.Notes).filter((n) => n.includes(value)));
		});
	});
});
