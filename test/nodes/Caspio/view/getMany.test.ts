import { LEADS, PEOPLE } from '../support/records';
import { caspioTestbed, json, table, type CaspioTestbed } from '../support/testbed';

describe('Caspio view: Get Many', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());

	it('views: reads a view with the same options', async () => {
		await bed.reset([{ name: 'People', fields: PEOPLE, records: [{ Name: 'Ada', Active: true }, { Name: 'Bob', Active: false }] }]);
		await fetch(`${bed.sandbox.url}/__sandbox/seed`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ views: [{ name: 'ActivePeople', table: 'People', where: 'Active = 1' }] }),
		});

		const run = await bed.run({
			resource: 'view',
			operation: 'getMany',
			view: table('ActivePeople'),
			returnAll: true,
			options: { select: ['Name'] },
		});

		expect(json(run)).toEqual([{ Name: 'Ada' }]);
		expect(bed.seen.some((r) => r.path.endsWith('/views/ActivePeople/fields'))).toBe(true);
	});

	it('simplifies the rows of a wide view unless Simplify is off', async () => {
		await bed.reset([LEADS]);
		bed.sandbox.service.seed({ views: [{ name: 'ActiveLeads', table: 'Leads', where: 'Active = 1' }] });
		const read = (extra: Record<string, unknown>) => bed.run({ resource: 'view', operation: 'getMany', view: table('ActiveLeads'), returnAll: true, ...extra });

		const simple = json(await read({}));
		const raw = json(await read({ simple: false }));

		expect(simple.map((row) => [row.Name, Object.keys(row).length, 'Code' in row])).toEqual([
			['Ada', 10, false],
			['Cy', 10, false],
		]);
		expect(raw.map((row) => [row.Name, Object.keys(row).length, 'Code' in row])).toEqual([
			['Ada', 11, true],
			['Cy', 11, true],
		]);
	});
});
