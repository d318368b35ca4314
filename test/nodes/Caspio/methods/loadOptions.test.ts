import { getDirectories, getDirectoryFilterFields, getDirectoryWritableFields, getFilterFields } from '../../../../nodes/Caspio/methods/loadOptions';
import { seedDirectories } from '../support/directories';
import { triggerHarness } from '../support/fakes';
import { FIELD_TABLES, loadOptionsContext } from '../support/loadOptions';
import { caspioTestbed, table, type CaspioTestbed } from '../support/testbed';

describe('Caspio dropdowns: load options', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset(FIELD_TABLES));

	it('offers only filterable fields (and PK_ID) for filters', async () => {
		const options = await getFilterFields.call(loadOptionsContext(bed, { resource: 'record', table: table('Leads') }));
		const names = options.map((o) => o.value);
		expect(names[0]).toBe('PK_ID');
		expect(names).toContain('Email');
		expect(names).not.toEqual(expect.arrayContaining(['Secret']));
		expect(names).not.toContain('Tags');
		expect(names).not.toContain('File');
	});

	describe('directories', () => {
		let id: string;
		let state: Awaited<ReturnType<typeof seedDirectories>>;
		beforeEach(async () => {
			state = await seedDirectories(bed);
			id = directories()[0].Id;
		});
		const directories = () => state().directories;

		it('lists directories by name, and the fields that can filter or be written for the chosen one', async () => {
			const load = (parameters: Record<string, unknown>) => triggerHarness(bed, parameters).loadOptions();

			expect((await getDirectories.call(load({}))).map((o) => [o.name, o.value])).toEqual([
				['Customers', id],
				['Staff', directories()[1].Id],
			]);
			const filterable = await getDirectoryFilterFields.call(load({ directoryId: id }));
			expect(filterable.map((o) => o.value)).toEqual(['UserGUID', 'Email', 'Status', 'First_Name', 'Age', 'Newsletter']);
			const creatable = await getDirectoryWritableFields.call(load({ directoryId: id, operation: 'createUser' }));
			expect(creatable.map((o) => o.value)).toEqual(expect.arrayContaining(['Email', 'Password', 'First_Name', 'Age', 'Newsletter']));
			expect(creatable.map((o) => o.value)).not.toContain('UserGUID');
			const updatable = await getDirectoryWritableFields.call(load({ directoryId: id, operation: 'updateUser' }));
			expect(updatable.map((o) => o.value)).not.toContain('Password');
			expect(await getDirectoryFilterFields.call(load({}))).toEqual([]);
		});
	});
});
