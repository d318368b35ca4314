import { HOSTILE, HOSTILE_ROWS as ROWS, NOTES } from '../support/records';
import { caspioTestbed, json, table, wheres, type CaspioTestbed } from '../support/testbed';

describe('Caspio record: Delete, and hostile filter values', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset([NOTES]));

	const notes = async () => (await bed.records('Leads')).map((r) => r.Notes);

	// A filter value must fit in Caspio's 2,047-character request URI; the 4,000-character one is tested below.
	const FITS = HOSTILE.filter((v) => v.length < 1000);
	const LONG = HOSTILE.find((v) => v.length >= 1000) as string;

	it('a 4,000-character filter value makes a URL Caspio refuses (414): the error says to shorten it, nothing is deleted', async () => {
		const run = await bed.run({
			resource: 'record',
			operation: 'delete',
			table: table('Leads'),
			filters: { conditions: [{ field: 'Notes', operator: 'equals', value: LONG }] },
		});

		expect(run.error?.message).toMatch(/^Caspio answered HTTP 414 .*the filter is too long/);
		expect(await notes()).toEqual(ROWS.map((r) => r.Notes));
	});

	it.each(FITS.map((v) => [v.length > 40 ? `${v.length} characters` : v, v]))('Delete where Notes equals %j removes only that row', async (_label, value) => {
		const run = await bed.run({
			resource: 'record',
			operation: 'delete',
			table: table('Leads'),
			filters: { conditions: [{ field: 'Notes', operator: 'equals', value }] },
		});

		expect(json(run)).toEqual([{ recordsAffected: 1 }]);
		expect(await notes()).toEqual(ROWS.map((r) => r.Notes).filter((n) => n !== value));
		expect(wheres(bed.seen)).toEqual([`Notes = N'${value.replace(/'/g, "''")}'`]);
	});

	it('shows the where the sandbox received for the injection attempt', async () => {
		await bed.run({
			resource: 'record',
			operation: 'delete',
			table: table('Leads'),
			filters: { conditions: [{ field: 'Notes', operator: 'startsWith', value: "x' OR '1'='1" }, { field: 'Name', operator: 'equals', value: '[%_]' }] },
			combinator: 'OR',
		});

		expect(wheres(bed.seen)).toEqual(["(Notes LIKE N'x'' OR ''1''=''1%') OR (Name = N'[%_]')"]);
		expect(await notes()).toHaveLength(ROWS.length - 1);
	});

	it('refuses an empty filter and deletes nothing', async () => {
		const run = await bed.run({ resource: 'record', operation: 'delete', table: table('Leads') });

		expect(run.error?.message).toMatch(/Delete refused: no filter given/);
		expect(run.error?.description).toMatch(/Delete All Records/);
		expect(bed.seen.filter((r) => r.method === 'DELETE')).toHaveLength(0);
		expect(await notes()).toHaveLength(ROWS.length);
	});

	it('empties the table only with "Delete All Records"', async () => {
		const run = await bed.run({ resource: 'record', operation: 'delete', table: table('Leads'), deleteAll: true });

		expect(json(run)).toEqual([{ recordsAffected: ROWS.length }]);
		expect(await notes()).toEqual([]);
	});
});
