/**
 * Get Many with Aggregate, Group By and one chosen page: the totals and groups the sandbox answers, the query that
 * reached it, and how many record requests the read took.
 */
import type { IDataObject } from 'n8n-workflow';

import { ORDERS } from '../support/records';
import { caspioTestbed, json, table, type CaspioTestbed } from '../support/testbed';

const RECORDS = 'GET /integrations/rest/v3/tables/:table/records';

describe('Caspio record: Get Many with Aggregate, Group By and a chosen page', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());

	const read = async (options: IDataObject, extra: IDataObject = {}) =>
		await bed.run({ resource: 'record', operation: 'getMany', table: table('Orders'), returnAll: true, options, ...extra });
	const recordReads = () => bed.seen.filter((r) => r.method === 'GET' && r.path.endsWith('/records'));
	const aggregate = (...aggregates: IDataObject[]) => ({ aggregates });

	it('totals without Group By: one row, read in one request without paging or order, whether Return All is on or off', async () => {
		await bed.reset([ORDERS]);
		const totals = aggregate(
			{ function: 'SUM', field: 'Amount', alias: 'total' },
			{ function: 'COUNT', field: '', alias: 'orders' },
			{ function: 'COUNT', field: 'Amount' },
			{ function: 'COUNT_DISTINCT', field: 'Customer', alias: 'customers' },
			{ function: 'AVG', field: 'Amount', alias: 'average' },
			{ function: 'MIN', field: 'Amount' },
			{ function: 'MAX', field: 'Amount', alias: 'largest' },
		);

		const all = json(await read({ aggregate: totals }));
		const query = recordReads()[0].query;
		const limited = json(await read({ aggregate: totals }, { returnAll: false, limit: 2 }));

		const expected = { total: 66, orders: 6, Amount_count: 5, customers: 5, average: 13.2, Amount_min: 1, largest: 30 };
		expect(all).toEqual([expected]);
		expect(limited).toEqual([expected]);
		expect((await bed.requests())[RECORDS]).toBe(2);
		expect(query.get('q.select')).toBe(
			'SUM(Amount) AS total,COUNT(*) AS orders,COUNT(Amount) AS Amount_count,COUNT(DISTINCT Customer) AS customers,AVG(Amount) AS average,MIN(Amount) AS Amount_min,MAX(Amount) AS largest',
		);
		expect(['q.pageNumber', 'q.pageSize', 'q.limit', 'q.orderBy', 'q.groupBy'].filter((key) => query.has(key))).toEqual([]);
	});

	it('totals of the matching records only: Filters reach the aggregate read as its where', async () => {
		await bed.reset([ORDERS]);

		const run = await read({ aggregate: aggregate({ function: 'SUM', field: 'Amount', alias: 'total' }) }, { filters: { conditions: [{ field: 'City', operator: 'equals', value: 'Rome' }] } });

		expect(json(run)).toEqual([{ total: 25 }]);
		expect(recordReads().map((r) => r.query.get('q.where'))).toEqual(["City = N'Rome'"]);
	});

	it('Group By: one row per group, ordered by the grouped fields (never PK_ID), read page by page instead of by PK_ID ranges', async () => {
		await bed.reset([ORDERS]);

		const run = await read({ groupBy: ['City'], aggregate: aggregate({ function: 'SUM', field: 'Amount', alias: 'total' }, { function: 'COUNT', alias: 'orders' }) });

		expect(json(run)).toEqual([
			{ City: 'Lima', total: 1, orders: 1 },
			{ City: 'Oslo', total: 40, orders: 3 },
			{ City: 'Rome', total: 25, orders: 2 },
		]);
		const [query] = recordReads().map((r) => r.query);
		expect([query.get('q.select'), query.get('q.groupBy'), query.get('q.orderBy'), query.get('q.pageNumber'), query.get('q.pageSize')]).toEqual([
			'City,SUM(Amount) AS total,COUNT(*) AS orders',
			'City',
			'City ASC',
			'1',
			'1000',
		]);
		expect(recordReads()).toHaveLength(1);
	});

	it('Group By sorts by an alias, keeps Fields to Return that are grouped, and takes field names from an expression', async () => {
		await bed.reset([ORDERS]);

		const run = await read({
			groupBy: 'City, Customer',
			select: ['Customer'],
			aggregate: aggregate({ function: 'SUM', field: 'Amount', alias: 'spent' }),
			sort: { rules: [{ field: 'spent', direction: 'DESC' }] },
		});

		expect(json(run)).toEqual([
			{ Customer: 'Ada', spent: 40 },
			{ Customer: 'Dee', spent: 20 },
			{ Customer: 'Bob', spent: 5 },
			{ Customer: 'Cy', spent: 1 },
			{ Customer: 'Eve', spent: null },
		]);
		expect(recordReads()[0].query.get('q.orderBy')).toBe('spent DESC,City ASC,Customer ASC');
	});

	it('Group By without aggregates gives each distinct value once; over 1,000 groups it reads page after page', async () => {
		await bed.reset([{ ...ORDERS, records: Array.from({ length: 1200 }, (_, i) => ({ Customer: `c${String(i).padStart(4, '0')}`, City: 'Oslo', Amount: i })) }]);

		const cities = json(await read({ groupBy: ['City'] }));
		const customers = json(await read({ groupBy: ['Customer'] }));

		expect(cities).toEqual([{ City: 'Oslo' }]);
		expect(customers).toHaveLength(1200);
		expect(customers[1199]).toEqual({ Customer: 'c1199' });
		expect(recordReads().map((r) => [r.query.get('q.groupBy'), r.query.get('q.pageNumber')])).toEqual([
			['City', '1'],
			['Customer', '1'],
			['Customer', '2'],
		]);
	});

	it('Page Number and Page Size read that one page in one request, in PK_ID order, and Limit does not apply', async () => {
		await bed.reset([{ ...ORDERS, records: Array.from({ length: 30 }, (_, i) => ({ Customer: `c${i}`, Amount: i })) }]);

		const run = await read({ pageNumber: 2, pageSize: 10 }, { returnAll: false, limit: 3, simple: false });

		expect(json(run).map((r) => r.PK_ID)).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
		expect(recordReads().map((r) => [r.query.get('q.pageNumber'), r.query.get('q.pageSize'), r.query.get('q.orderBy'), r.query.has('q.limit')])).toEqual([['2', '10', 'PK_ID ASC', false]]);
	});

	it.each<[string, IDataObject, IDataObject, string, string]>([
		[
			'an alias with a space',
			{ aggregate: { aggregates: [{ function: 'SUM', field: 'Amount', alias: 'Total Amount' }] } },
			{},
			'Aggregate 1: the alias "Total Amount" is not a valid column name [item 0]',
			'An alias has up to 64 letters, digits and underscores, without spaces, and starts with a letter or an underscore, e.g. Total_Amount. Correct it under Options → Aggregate → Alias.',
		],
		[
			'an alias that is SQL',
			{ aggregate: { aggregates: [{ function: 'COUNT', alias: 'n FROM Orders; --' }] } },
			{},
			'Aggregate 1: the alias "n FROM Orders; --" is not a valid column name [item 0]',
			'An alias has up to 64 letters, digits and underscores, without spaces, and starts with a letter or an underscore, e.g. Total_Amount. Correct it under Options → Aggregate → Alias.',
		],
		[
			'a field the table does not have',
			{ aggregate: { aggregates: [{ function: 'MAX', field: 'Amount) FROM Orders --' }] } },
			{},
			'Aggregate 1 → Field "Amount) FROM Orders --" is not a readable field of this table [item 0]',
			'Pick the field from the list under Aggregate 1 → Field.',
		],
		[
			'a sum of a text field',
			{ aggregate: { aggregates: [{ function: 'COUNT' }, { function: 'SUM', field: 'City' }] } },
			{},
			'Aggregate 2: Sum needs a number field, "City" is a STRING field [item 0]',
			'Pick a Number, Integer or Currency field, or use Count, Minimum or Maximum.',
		],
		[
			'a function other than the six',
			{ aggregate: { aggregates: [{ function: 'constructor', field: 'Amount' }] } },
			{},
			'Aggregate 1: "constructor" is not an aggregate function [item 0]',
			'Pick Sum, Count, Count Unique, Average, Minimum or Maximum.',
		],
		[
			'two aggregates with one alias',
			{ groupBy: ['City'], aggregate: { aggregates: [{ function: 'MIN', field: 'Amount', alias: 'x' }, { function: 'MAX', field: 'Amount', alias: 'X' }] } },
			{},
			'Aggregate 2: the alias "X" names another column of the output [item 0]',
			'Give each aggregate an Alias of its own under Options → Aggregate.',
		],
		[
			'a field to return that is not grouped',
			{ select: ['Customer'], aggregate: { aggregates: [{ function: 'COUNT' }] } },
			{},
			'Fields to Return "Customer" is neither in Group By nor aggregated [item 0]',
			'A read with aggregates returns one row per group: add "Customer" to Options → Group By, or remove it from Fields to Return.',
		],
		[
			'a sort on a field that is not grouped',
			{ groupBy: ['City'], sort: { rules: [{ field: 'Amount' }] } },
			{},
			'Sort "Amount" is neither in Group By nor an aggregate\'s alias [item 0]',
			'Sort a read with Group By by a Group By field or by the Alias of an aggregate.',
		],
		[
			'a page with Return All on',
			{ pageNumber: 2 },
			{},
			'Page Number and Page Size read one page, but Return All is on [item 0]',
			'Turn off Return All to read one page, or remove Page Number and Page Size from Options.',
		],
		[
			'a page size Caspio refuses',
			{ pageSize: 3 },
			{ returnAll: false },
			'Page Size 3 is outside 5–1000 [item 0]',
			'Caspio reads pages of 5 to 1,000 records: enter a whole number in that range under Options → Page Size.',
		],
	])('refuses %s before any record is read, saying how to fix it', async (_case, options, extra, message, description) => {
		await bed.reset([ORDERS]);

		const run = await read(options, extra);

		expect(run.error?.message).toBe(message);
		expect(run.error?.description).toBe(description);
		expect(recordReads()).toEqual([]);
	});
});
