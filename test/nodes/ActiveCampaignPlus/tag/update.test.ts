import { acSandbox } from '../support';

const ac = acSandbox();

describe('Tag → Update', () => {
	beforeEach(() => ac.seed({ tags: ['lead', { tag: 'vip', description: 'Top customers' }], contacts: [{ email: 'ada@example.com', tags: ['lead'] }] }));

	it('renames a tag given by name and changes its description; the next run finds it by its new name only', async () => {
		// Kept for the next executions by this run: the rename must not leave the old name behind.
		await ac.run({ resource: 'tag', operation: 'findOrCreate', name: 'lead' });
		const { outputs, error } = await ac.run({ resource: 'tag', operation: 'update', tag: 'LEAD', updateFields: { name: 'prospect', description: 'Not bought yet' } });
		const byNew = await ac.run({ resource: 'tag', operation: 'add', contact: 'ada@example.com', tags: 'prospect', createMissingTags: false });
		const byOld = await ac.run({ resource: 'tag', operation: 'add', contact: 'ada@example.com', tags: 'lead', createMissingTags: false });

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toMatchObject({ tag: 'prospect', description: 'Not bought yet', tagType: 'contact' });
		expect(byNew.error).toBeUndefined();
		expect(byOld.error?.message).toBe('Tags: no tag named "lead" exists in ActiveCampaign [item 0]');
		const state = await ac.state();
		expect(state.tags).toEqual([
			expect.objectContaining({ tag: 'prospect', description: 'Not bought yet' }),
			expect.objectContaining({ tag: 'vip', description: 'Top customers' }),
		]);
		expect(state.contacts[0].tags).toEqual(['prospect']);
	});

	it('by id; a taken name is ActiveCampaign\'s 422, an unknown tag or empty Update Fields an error naming the item', async () => {
		const ids = (await ac.state()).tags;
		const byId = await ac.run({ resource: 'tag', operation: 'update', tag: ids[1].id, updateFields: { description: 'Best' } });
		const taken = await ac.run({ resource: 'tag', operation: 'update', tag: 'vip', updateFields: { name: 'Lead' } });
		const unknown = await ac.run({ resource: 'tag', operation: 'update', tag: 'gold', updateFields: { name: 'x' } });
		const none = await ac.run({ resource: 'tag', operation: 'update', tag: 'vip', updateFields: {} });

		expect(byId.outputs[0][0].json).toMatchObject({ id: ids[1].id, tag: 'vip', description: 'Best' });
		expect(taken.error?.message).toMatch(/^ActiveCampaign answered HTTP 422 while updating tag "vip"/);
		expect(unknown.error?.message).toBe('Tag: no tag named or with ID "gold" exists in ActiveCampaign [item 0]');
		expect(none.error?.message).toBe('Update Fields is empty [item 0]');
		expect((await ac.state()).tags.map((t) => t.tag)).toEqual(['lead', 'vip']);
	});
});
