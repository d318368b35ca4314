import { searchTables } from '../../../../nodes/Caspio/methods/listSearch';
import { FIELD_TABLES, loadOptionsContext } from '../support/loadOptions';
import { caspioTestbed, type CaspioTestbed } from '../support/testbed';

describe('Caspio dropdowns: list search', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset(FIELD_TABLES));

	it('lists and searches tables', async () => {
		const context = loadOptionsContext(bed, {});
		expect((await searchTables.call(context)).results.map((r) => r.value)).toEqual(['Leads', 'Orders']);
		expect((await searchTables.call(context, 'ORD')).results.map((r) => r.value)).toEqual(['Orders']);
	});
});
