import { changedSinceWhere } from '../../../../nodes/Caspio/helpers/changedSince';
import { caspioTestbed, json, table, wheres, type CaspioTestbed } from '../support/testbed';

const CONTACTS = {
	name: 'Contacts',
	fields: [
		{ Name: 'Email', Type: 'STRING' },
		{ Name: 'Company', Type: 'STRING' },
		{ Name: 'Updated', Type: 'TIMESTAMP', OnUpdate: true },
	],
	records: [
		{ Email: 'old@example.com', Company: 'Old', Updated: '2026-01-01T08:00:00' },
		{ Email: 'edge@example.com', Company: 'Edge', Updated: '2026-03-01T10:00:00' },
		{ Email: 'new@example.com', Company: "O'Brien & Co", Updated: '2026-03-01T10:00:01' },
	],
};

describe('Caspio record: Get Many → Options → Changed Since', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset([CONTACTS]));

	const read = (changedSince: unknown, extra: Record<string, unknown> = {}) =>
		bed.run({ resource: 'record', operation: 'getMany', table: table('Contacts'), returnAll: true, simple: false, options: { changedSince }, ...extra });

	it('returns only records changed after the moment (strictly later), as a typed date literal in q.where', async () => {
		const run = await read({ value: { field: 'Updated', since: '2026-03-01T10:00:00' } });

		expect(json(run).map((r) => r.Email)).toEqual(['new@example.com']);
		// Return All asks for the PK_ID bounds with the clause, then reads the range with it.
		expect(wheres(bed.seen)).toEqual(["Updated > N'2026-03-01T10:00:00'", "(Updated > N'2026-03-01T10:00:00') AND PK_ID > 2 AND PK_ID <= 3"]);
	});

	it('a moment with an offset is converted to UTC; combined with Filters by AND', async () => {
		const run = await read(
			{ value: { field: 'Updated', since: '2026-03-01T04:59:59-05:00' } },
			{ filters: { conditions: [{ field: 'Company', operator: 'contains', value: "O'Brien" }] } },
		);

		expect(json(run).map((r) => r.Email)).toEqual(['new@example.com']);
		expect(wheres(bed.seen)[0]).toBe("(Company LIKE N'%O''Brien%') AND (Updated > N'2026-03-01T09:59:59')");
	});

	it('a moment that is not a date, or a field that is not a date, is refused before any record is read', async () => {
		const hostile = await read({ value: { field: 'Updated', since: "2026-01-01' OR 1=1 --" } });
		const notDate = await read({ value: { field: 'Company', since: '2026-01-01T00:00:00' } });
		const unknown = await read({ value: { field: 'Nope', since: '2026-01-01T00:00:00' } });

		expect(hostile.error?.message).toBe(`Filter on "Updated" needs a date such as 2026-11-27T10:00:00, got "2026-01-01' OR 1=1 --". [item 0]`);
		expect(notDate.error?.message).toBe('Changed Since: "Company" is a STRING field. Pick a Timestamp or Date/Time field. [item 0]');
		expect(unknown.error?.message).toBe('Changed Since: "Nope" is not a field of this table. Pick its Timestamp or Date/Time field. [item 0]');
		expect(bed.seen.filter((r) => r.path.endsWith('/records'))).toEqual([]);
	});

	it('changedSinceWhere works on the field list alone (names matched without case)', () => {
		const fields = CONTACTS.fields.map((f) => ({ ...f, Unique: false })) as unknown as Parameters<typeof changedSinceWhere>[2];
		expect(changedSinceWhere('updated', '2026-03-01T10:00:00Z', fields)).toEqual({ where: "Updated > N'2026-03-01T10:00:00'" });
	});
});
