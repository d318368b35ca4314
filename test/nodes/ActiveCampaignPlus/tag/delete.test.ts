import { acSandbox } from '../support';

const ac = acSandbox();

describe('Tag → Delete', () => {
	it('deletes tags by name or id; contacts lose them, and a deleted name can be made again in the next run', async () => {
		await ac.seed({ tags: ['lead', 'vip', 'gold'], contacts: [{ email: 'ada@example.com', tags: ['lead', 'vip'] }] });
		const vip = (await ac.state()).tags.find((t) => t.tag === 'vip')!.id;

		const { outputs, error } = await ac.run({ resource: 'tag', operation: 'delete', tag: '={{ $json.tag }}' }, [{ tag: 'Lead' }, { tag: vip }]);
		const again = await ac.run({ resource: 'tag', operation: 'delete', tag: 'lead' });
		const recreated = await ac.run({ resource: 'tag', operation: 'findOrCreate', name: 'lead' });

		expect(error).toBeUndefined();
		expect(outputs[0].map((o) => o.json)).toEqual([
			{ id: expect.any(String), tag: 'lead', deleted: true },
			{ id: vip, tag: 'vip', deleted: true },
		]);
		expect(again.error?.message).toBe('Tag: no tag named or with ID "lead" exists in ActiveCampaign [item 0]');
		expect(recreated.outputs[0][0].json).toMatchObject({ tag: 'lead', created: true });
		const state = await ac.state();
		expect(state.tags.map((t) => t.tag)).toEqual(['gold', 'lead']);
		expect(state.contacts[0].tags).toEqual([]);
	});
});
