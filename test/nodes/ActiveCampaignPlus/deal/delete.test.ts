import { acSandbox } from '../support';

const ac = acSandbox();

describe('Deal → Delete', () => {
	it('deletes a deal by id (ActiveCampaign answers with an empty body); a missing deal is its 404', async () => {
		const ids = await ac.seed({ contacts: [{ email: 'ada@example.com' }], deals: [{ title: 'Old', contact: 'ada@example.com' }, { title: 'Keep' }] });

		const { outputs, error } = await ac.run({ resource: 'deal', operation: 'delete', dealId: ids.deals.Old });
		const again = await ac.run({ resource: 'deal', operation: 'delete', dealId: ids.deals.Old });
		const bad = await ac.run({ resource: 'deal', operation: 'delete', dealId: 'old' });

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toEqual({ id: ids.deals.Old, deleted: true });
		expect(again.error?.message).toMatch(new RegExp(`^ActiveCampaign answered HTTP 404 while deleting deal ${ids.deals.Old}`));
		expect(bad.error?.message).toBe('Deal ID "old" is not a number [item 0]');
		expect((await ac.state()).deals.map((d) => d.title)).toEqual(['Keep']);
	});
});
