import { getMappingColumns } from '../../../../nodes/Caspio/methods/resourceMapping';
import { FIELD_TABLES, loadOptionsContext } from '../support/loadOptions';
import { caspioTestbed, table, type CaspioTestbed } from '../support/testbed';

describe('Caspio dropdowns: resource mapper', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset(FIELD_TABLES));

	it('maps field types for the resource mapper, marking read-only, required, password and list fields', async () => {
		const create = await getMappingColumns.call(loadOptionsContext(bed, { table: table('Leads'), operation: 'create' }));
		const byId = Object.fromEntries(create.fields.map((f) => [f.id, f]));

		expect(Object.keys(byId)).not.toContain('File');
		expect(byId.Score).toMatchObject({ type: 'number', readOnly: false, required: false });
		expect(byId.Active.type).toBe('boolean');
		expect(byId.Joined.type).toBe('dateTime');
		expect(byId.Tags).toMatchObject({ type: 'options', options: [{ name: 'Hot', value: '1' }, { name: 'Cold', value: '2' }, { name: 'VIP', value: '3' }] });
		for (const id of ['Code', 'Created', 'Updated', 'Total']) expect(byId[id]).toMatchObject({ readOnly: true, removed: true });
		expect(byId.Must.required).toBe(true);
		expect(byId.Secret.displayName).toMatch(/password/);

		const update = await getMappingColumns.call(loadOptionsContext(bed, { table: table('Leads'), operation: 'update' }));
		expect(update.fields.map((f) => f.id)).not.toContain('Secret');
		expect(update.fields.find((f) => f.id === 'Must')!.required).toBe(false);
	});
});
