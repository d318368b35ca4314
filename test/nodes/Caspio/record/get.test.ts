import { LEADS } from '../support/records';
import { caspioTestbed, json, table, wheres, type CaspioTestbed } from '../support/testbed';

describe('Caspio record', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset([LEADS]));

	describe('Get', () => {
		it('returns the record with that PK_ID', async () => {
			const run = await bed.run({ resource: 'record', operation: 'get', table: table('Leads'), recordId: '2' });

			expect(json(run)).toEqual([expect.objectContaining({ PK_ID: 2, Name: 'Bob' })]);
			expect(wheres(bed.seen)).toEqual(['PK_ID = 2']);
		});

		it('Simplify (on by default) keeps 10 of the 11 fields a Leads record has; off or with Fields to Return, they decide', async () => {
			const get = (extra: Record<string, unknown>) => bed.run({ resource: 'record', operation: 'get', table: table('Leads'), recordId: '2', ...extra });

			const simple = json(await get({}));
			const raw = json(await get({ simple: false }));
			const selected = json(await get({ options: { select: ['Name', 'Code'] } }));

			expect(Object.keys(simple[0])).toEqual(['PK_ID', 'Name', 'Email', 'Notes', 'Score', 'Active', 'Joined', 'Tags', 'Created', 'Updated']);
			expect(Object.keys(raw[0])).toEqual(['PK_ID', 'Name', 'Email', 'Notes', 'Score', 'Active', 'Joined', 'Tags', 'Code', 'Created', 'Updated']);
			expect(selected).toEqual([{ Name: 'Bob', Code: 2 }]);
		});

		it('says so when the record does not exist, and refuses a PK_ID that is not a number', async () => {
			const missing = await bed.run({ resource: 'record', operation: 'get', table: table('Leads'), recordId: '77' });
			const injected = await bed.run({ resource: 'record', operation: 'get', table: table('Leads'), recordId: '1 OR 1=1' });

			expect(missing.error?.message).toMatch(/table "Leads" has no record with PK_ID 77/);
			expect(injected.error?.message).toMatch(/Record ID must be a whole number \(PK_ID\), got "1 OR 1=1"/);
			expect(wheres(bed.seen)).toEqual(['PK_ID = 77']);
		});
	});
});
