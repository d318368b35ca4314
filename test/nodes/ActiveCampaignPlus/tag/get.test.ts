import { acSandbox } from '../support';

const ac = acSandbox();

describe('Tag → Get', () => {
	beforeEach(() => ac.seed({ tags: ['lead', { tag: 'vip', description: 'Top customers' }], contacts: [{ email: 'ada@example.com', tags: ['vip'] }, { email: 'alan@example.com', tags: ['vip'] }] }));

	it('returns a tag by name (ignoring case) or by id, with its contact count, one item per input item', async () => {
		const vip = (await ac.state()).tags.find((t) => t.tag === 'vip')!.id;

		const { outputs, error } = await ac.run({ resource: 'tag', operation: 'get', tag: '={{ $json.tag }}' }, [{ tag: 'VIP' }, { tag: vip }, { tag: 'lead' }]);

		expect(error).toBeUndefined();
		expect(outputs[0].map((o) => o.json)).toEqual([
			expect.objectContaining({ id: vip, tag: 'vip', description: 'Top customers', tagType: 'contact', subscriber_count: '2' }),
			expect.objectContaining({ id: vip, tag: 'vip', subscriber_count: '2' }),
			expect.objectContaining({ tag: 'lead', subscriber_count: '0' }),
		]);
		expect(outputs[0].map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect((await ac.state()).tags.map((t) => t.tag)).toEqual(['lead', 'vip']);
	});

	it('an unknown or empty tag is an error naming the item; with Continue On Fail the other items still come out', async () => {
		const unknown = await ac.run({ resource: 'tag', operation: 'get', tag: 'gold' });
		const empty = await ac.run({ resource: 'tag', operation: 'get', tag: '={{ $json.tag }}' }, [{ tag: ' ' }]);
		const goOn = await ac.run({ resource: 'tag', operation: 'get', tag: '={{ $json.tag }}' }, [{ tag: 'gold' }, { tag: 'lead' }], 'continueRegularOutput');

		expect(unknown.error?.message).toBe('Tag: no tag named or with ID "gold" exists in ActiveCampaign [item 0]');
		expect(empty.error?.message).toBe('Tag is empty [item 0]');
		expect(goOn.error).toBeUndefined();
		expect(goOn.outputs[0][0].json.error).toMatch(/"gold" .*\[item 0\]$/);
		expect(goOn.outputs[0][1].json).toMatchObject({ tag: 'lead' });
		expect((await ac.state()).tags.map((t) => t.tag)).toEqual(['lead', 'vip']);
	});
});
