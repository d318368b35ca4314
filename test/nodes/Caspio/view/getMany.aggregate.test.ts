/** View Get Many takes the same Aggregate, Group By and page options as Record Get Many. */
import { ORDERS } from '../support/records';
import { caspioTestbed, json, table, type CaspioTestbed } from '../support/testbed';

describe('Caspio view: Get Many with Aggregate, Group By and a chosen page', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());

	const recordReads = () => bed.seen.filter((r) => r.method === 'GET' && r.path.endsWith('/records'));

	it('totals per group and one chosen page of a view', async () => {
		await bed.reset([ORDERS]);
		bed.sandbox.service.seed({ views: [{ name: 'RomeOrders', table: 'Orders', where: "City = 'Rome'" }] });

		const totals = await bed.run({
			resource: 'view',
			operation: 'getMany',
			view: table('RomeOrders'),
			returnAll: true,
			options: { groupBy: ['City'], aggregate: { aggregates: [{ function: 'MAX', field: 'Amount', alias: 'largest' }] } },
		});
		const page = await bed.run({ resource: 'view', operation: 'getMany', view: table('RomeOrders'), returnAll: false, options: { pageNumber: 1, pageSize: 5, select: ['Customer'] } });

		expect(json(totals)).toEqual([{ City: 'Rome', largest: 20 }]);
		expect(json(page)).toEqual([{ Customer: 'Bob' }, { Customer: 'Dee' }]);
		expect(recordReads().map((r) => [r.query.get('q.groupBy'), r.query.get('q.orderBy'), r.query.get('q.pageNumber'), r.query.get('q.pageSize')])).toEqual([
			['City', 'City ASC', '1', '1000'],
			[null, 'PK_ID ASC', '1', '5'],
		]);
	});
});
