/**
 * Get Many, Return All by PK_ID ranges read side by side: exact while rows are deleted and inserted between page
 * reads, within floor + concurrency − 1 requests, the user's where kept whole, and the cases that keep page numbers.
 */
import type { IDataObject } from 'n8n-workflow';

import { PAGE_ROWS, READ_CONCURRENCY } from '../../../../nodes/Caspio/helpers/keyset';
import type { SandboxRequest } from '../../../sandbox/server';
import { PEOPLE } from '../support/records';
import { caspioTestbed, json, table, type CaspioTestbed } from '../support/testbed';

const RECORDS = 'GET /integrations/rest/v3/tables/:table/records';

/** The fewest requests any reader needs without a total: every full page, and one more to see the end. */
const floorWithoutTotal = (rows: number) => Math.floor(rows / PAGE_ROWS) + 1;

describe('Caspio record: Get Many, Return All by PK_ID ranges', () => {
	let bed: CaspioTestbed;
	let original: CaspioTestbed['sandbox']['service']['before'];
	beforeAll(async () => {
		bed = await caspioTestbed();
		original = bed.sandbox.service.before;
	});
	afterAll(async () => await bed.close());
	afterEach(() => (bed.sandbox.service.before = original));

	const people = (count: number, pk?: (i: number) => number) =>
		Array.from({ length: count }, (_, i) => ({ ...(pk ? { PK_ID: pk(i) } : {}), Name: `p${i}`, Score: i % 7 }));
	const readAll = async (extra: IDataObject = {}) => await bed.run({ resource: 'record', operation: 'getMany', table: table('People'), returnAll: true, simple: false, ...extra });
	const recordReads = () => bed.seen.filter((r) => r.method === 'GET' && r.path.endsWith('/records'));
	const isPageRead = (req: SandboxRequest) => req.method === 'GET' && req.path.endsWith('/People/records') && !/MIN\(PK_ID\)/.test(req.query.get('q.select') ?? '');

	/**
	 * Before each page read: deletes the next 40 of the doomed rows (lowest PK_IDs first, the worst case for page
	 * numbers) and inserts 15 new rows.
	 */
	function churnBetweenPages(doomed: number[]): void {
		const queue = [...doomed];
		bed.sandbox.service.before = (req) => {
			const refusal = original(req);
			if (!refusal && isPageRead(req)) {
				const batch = queue.splice(0, 40);
				if (batch.length) bed.sandbox.service.remove('People', `PK_ID IN (${batch.join(',')})`, 'DataPages');
				for (let i = 0; i < 15; i++) bed.sandbox.service.insert('People', { Name: 'inserted', Score: 0 }, 'DataPages');
			}
			return refusal;
		};
	}

	it('returns every row that existed throughout exactly once, in PK_ID order, while rows are deleted and inserted between pages', async () => {
		await bed.reset([{ name: 'People', fields: PEOPLE, records: people(6000) }]);
		const doomed = Array.from({ length: 6000 }, (_, i) => i + 1).filter((pk) => pk % 10 === 3);
		const steady = Array.from({ length: 6000 }, (_, i) => i + 1).filter((pk) => pk % 10 !== 3);
		churnBetweenPages(doomed);

		const pks = json(await readAll()).map((r) => Number(r.PK_ID));

		expect(pks.filter((pk) => pk <= 6000 && pk % 10 !== 3)).toEqual(steady);
		expect(new Set(pks).size).toBe(pks.length);
		expect([...pks].sort((a, b) => a - b)).toEqual(pks);
	});

	it('(the same churn read by page numbers, as a Sort does, skips rows that existed throughout)', async () => {
		await bed.reset([{ name: 'People', fields: PEOPLE, records: people(6000) }]);
		const doomed = Array.from({ length: 6000 }, (_, i) => i + 1).filter((pk) => pk % 10 === 3);
		churnBetweenPages(doomed);

		const pks = new Set(json(await readAll({ options: { sort: { rules: [{ field: 'PK_ID', direction: 'ASC' }] } } })).map((r) => Number(r.PK_ID)));

		const skipped = Array.from({ length: 6000 }, (_, i) => i + 1).filter((pk) => pk % 10 !== 3 && !pks.has(pk));
		expect(skipped.length).toBeGreaterThan(0);
	});

	it.each([
		['2,500 rows without gaps', people(2500)],
		['3,000 rows on every other PK_ID', people(3000, (i) => 2 * i + 1)],
		['5,000 rows in two clusters', people(5000, (i) => (i < 1000 ? i + 1 : 100_000 + i))],
		['1,000 rows (a multiple of the page)', people(1000)],
		['7 rows', people(7)],
	])('%s: within floor + concurrency − 1 record requests, each row once', async (_name, records) => {
		await bed.reset([{ name: 'People', fields: PEOPLE, records }]);

		const rows = json(await readAll());

		expect(rows).toHaveLength(records.length);
		expect(new Set(rows.map((r) => r.PK_ID)).size).toBe(records.length);
		const requests = (await bed.requests())[RECORDS];
		expect(requests).toBeLessThanOrEqual(floorWithoutTotal(records.length) + READ_CONCURRENCY - 1);
	});

	it('an empty table costs the one bounds request', async () => {
		await bed.reset([{ name: 'People', fields: PEOPLE, records: [] }]);

		expect(json(await readAll())).toEqual([]);
		expect((await bed.requests())[RECORDS]).toBe(1);
	});

	it("keeps the user's where whole in parentheses, escaped as built, in the bounds and in every range", async () => {
		const records = people(2200).map((r, i) => ({ ...r, Name: i % 2 ? "O'Brien" : 'x' }));
		await bed.reset([{ name: 'People', fields: PEOPLE, records }]);

		const run = await readAll({
			filters: { conditions: [{ field: 'Name', operator: 'equals', value: "O'Brien" }] },
			options: { customWhere: 'Score = 1 OR Score = 2' },
		});

		const expected = records.map((r, i) => ({ ...r, PK_ID: i + 1 })).filter((r) => r.Name === "O'Brien" && (r.Score === 1 || r.Score === 2));
		expect(json(run).map((r) => r.PK_ID)).toEqual(expected.map((r) => r.PK_ID));
		const user = "(Name = N'O''Brien') AND (Score = 1 OR Score = 2)";
		const sent = recordReads().map((r) => r.query.get('q.where'));
		expect(sent[0]).toBe(user);
		for (const where of sent.slice(1)) expect(where).toMatch(new RegExp(`^\\(${user.replace(/[()*+?.[\]\\^$|]/g, '\\$&')}\\) AND PK_ID > \\d+ AND PK_ID <= \\d+$`));
	});

	it('asks for PK_ID when Fields to Return leave it out, and returns only the chosen fields', async () => {
		await bed.reset([{ name: 'People', fields: PEOPLE, records: people(1200) }]);

		const rows = json(await readAll({ options: { select: ['Name'] } }));

		expect(rows).toHaveLength(1200);
		expect(rows[0]).toEqual({ Name: 'p0' });
		expect(recordReads().slice(1).every((r) => r.query.get('q.select') === 'Name,PK_ID')).toBe(true);
	});

	it("a Sort reads pages one after another in the user's order", async () => {
		await bed.reset([{ name: 'People', fields: PEOPLE, records: people(2100) }]);

		const rows = json(await readAll({ options: { sort: { rules: [{ field: 'Score', direction: 'DESC' }] } } }));

		expect(rows).toHaveLength(2100);
		expect(rows.map((r) => r.Score)).toEqual([...rows.map((r) => Number(r.Score))].sort((a, b) => b - a));
		expect(recordReads().map((r) => [r.query.get('q.pageNumber'), r.query.get('q.orderBy')])).toEqual([
			['1', 'Score DESC,PK_ID ASC'],
			['2', 'Score DESC,PK_ID ASC'],
			['3', 'Score DESC,PK_ID ASC'],
		]);
	});
});
