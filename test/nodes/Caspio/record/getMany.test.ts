import { LEADS, PEOPLE } from '../support/records';
import { caspioTestbed, json, table, wheres, type CaspioTestbed } from '../support/testbed';

describe('Caspio record: Get Many', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());

	it('Return All over 2,500 rows returns each row once in PK_ID order: one bounds request, then 3 PK_ID ranges of 1,000', async () => {
		const records = Array.from({ length: 2500 }, (_, i) => ({ Name: `p${i}`, Score: i % 7 }));
		await bed.reset([{ name: 'People', fields: PEOPLE, records }]);

		const run = await bed.run({ resource: 'record', operation: 'getMany', table: table('People'), returnAll: true });

		const rows = json(run);
		expect(rows.map((r) => r.PK_ID)).toEqual(Array.from({ length: 2500 }, (_, i) => i + 1));
		expect((await bed.requests())['GET /integrations/rest/v3/tables/:table/records']).toBe(4);
		const pages = bed.seen.filter((r) => r.path.endsWith('/records'));
		expect(pages[0].query.get('q.select')).toBe('MIN(PK_ID) AS lo,MAX(PK_ID) AS hi,COUNT(PK_ID) AS n');
		const reads = pages.slice(1).map((r) => [r.query.get('q.where'), r.query.get('q.pageNumber'), r.query.get('q.pageSize'), r.query.get('q.orderBy'), r.query.has('q.limit')]);
		expect(reads.sort()).toEqual([
			['PK_ID > 0 AND PK_ID <= 1000', '1', '1000', 'PK_ID ASC', false],
			['PK_ID > 1000 AND PK_ID <= 2000', '1', '1000', 'PK_ID ASC', false],
			['PK_ID > 2000 AND PK_ID <= 2500', '1', '1000', 'PK_ID ASC', false],
		]);
	});

	it('reads the table fields once per execution, however many items run, when filters name fields', async () => {
		await bed.reset([{ name: 'People', fields: PEOPLE, records: [{ Name: 'a', Score: 1 }] }]);

		const run = await bed.run(
			{
				resource: 'record',
				operation: 'getMany',
				table: table('People'),
				returnAll: true,
				filters: { conditions: [{ field: 'Score', operator: 'equals', value: '1' }] },
			},
			[{}, {}, {}, {}],
		);

		expect(json(run)).toHaveLength(4);
		expect((await bed.requests())['GET /integrations/rest/v3/tables/:table/fields']).toBe(1);
	});

	it('Simplify keeps 10 fields of each wide record; a narrow table and Simplify off give every field', async () => {
		await bed.reset([LEADS, { name: 'People', fields: PEOPLE, records: [{ Name: 'a', Score: 1 }] }]);
		const read = (name: string, extra: Record<string, unknown> = {}) => bed.run({ resource: 'record', operation: 'getMany', table: table(name), returnAll: true, ...extra });

		const wide = json(await read('Leads'));
		const raw = json(await read('Leads', { simple: false }));
		const narrow = json(await read('People'));

		expect(wide.map((row) => Object.keys(row))).toEqual(Array(3).fill(['PK_ID', 'Name', 'Email', 'Notes', 'Score', 'Active', 'Joined', 'Tags', 'Created', 'Updated']));
		expect(raw.map((row) => row.Code)).toEqual([1, 2, 3]);
		expect(narrow).toEqual([{ PK_ID: 1, Name: 'a', Score: 1, Active: false }]);
	});

	it('a plain read (no filters, select or sort) makes no /fields request', async () => {
		await bed.reset([{ name: 'People', fields: PEOPLE, records: [{ Name: 'a', Score: 1 }] }]);

		const run = await bed.run({ resource: 'record', operation: 'getMany', table: table('People'), returnAll: true });

		expect(json(run)).toHaveLength(1);
		expect(Object.keys(await bed.requests())).toEqual(['GET /integrations/rest/v3/tables/:table/records']);
	});

	it('applies filters, select, sort and limit', async () => {
		const records = [
			{ Name: 'Ada', Score: 5, Active: true },
			{ Name: 'Bob', Score: 9, Active: false },
			{ Name: 'Cy', Score: 7, Active: true },
			{ Name: 'Di', Score: 8, Active: true },
		];
		await bed.reset([{ name: 'People', fields: PEOPLE, records }]);

		const run = await bed.run({
			resource: 'record',
			operation: 'getMany',
			table: table('People'),
			returnAll: false,
			limit: 2,
			filters: { conditions: [{ field: 'Active', operator: 'equals', value: 'true' }, { field: 'Score', operator: 'greaterThan', value: '5' }] },
			combinator: 'AND',
			options: { select: ['Name'], sort: { rules: [{ field: 'Score', direction: 'DESC' }] } },
		});

		expect(json(run)).toEqual([{ Name: 'Di' }, { Name: 'Cy' }]);
		expect(wheres(bed.seen)).toEqual(['(Active = 1) AND (Score > 5)']);
		expect(bed.seen.at(-1)!.query.get('q.orderBy')).toBe('Score DESC,PK_ID ASC');
	});

	it('refuses a filter on a field the table does not have, naming the item and field', async () => {
		await bed.reset([{ name: 'People', fields: PEOPLE, records: [] }]);

		const run = await bed.run({
			resource: 'record',
			operation: 'getMany',
			table: table('People'),
			returnAll: true,
			filters: { conditions: [{ field: 'Name; DROP TABLE People', operator: 'equals', value: 'x' }] },
		});

		expect(run.error?.message).toMatch(/Filter field "Name; DROP TABLE People" is not a field of this table.*\[item 0\]/);
		expect(bed.seen.filter((r) => r.path.endsWith('/records'))).toHaveLength(0);
	});
});
