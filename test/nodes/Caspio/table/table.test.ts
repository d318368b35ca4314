import { FIELD_TABLES } from '../support/loadOptions';
import { caspioTestbed, json, table, type CaspioTestbed } from '../support/testbed';

describe('Caspio table: Get Many and Get Fields', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset(FIELD_TABLES));

	it('Table: Get Many and Get Fields', async () => {
		const tables = await bed.run({ resource: 'table', operation: 'getMany', returnAll: true });
		const fields = await bed.run({ resource: 'table', operation: 'getFields', table: table('Orders') });

		expect(json(tables)).toEqual([{ name: 'Leads' }, { name: 'Orders' }]);
		expect(json(fields)).toEqual([expect.objectContaining({ Name: 'Amount', Type: 'CURRENCY' })]);
	});
});
