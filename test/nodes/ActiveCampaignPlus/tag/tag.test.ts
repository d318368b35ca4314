import { acSandbox, counts } from '../support';

const ac = acSandbox();

describe('Tag', () => {
	beforeEach(() => ac.seed({ tags: ['customer', 'vip'], contacts: [{ email: 'ada@example.com', tags: ['customer', 'vip'] }] }));

	it('removes a tag by name, finding the contactTag association itself', async () => {
		const { outputs } = await ac.run({ resource: 'tag', operation: 'remove', contact: 'ada@example.com', tags: 'VIP' });

		expect(outputs[0][0].json).toMatchObject({ tagsRemoved: ['vip'], tagsNotOnContact: [] });
		expect((await ac.contact('ada@example.com'))?.tags).toEqual(['customer']);
	});

	it('removing a tag the contact lacks is reported, not an error', async () => {
		const { outputs, error } = await ac.run({ resource: 'tag', operation: 'remove', contact: 'ada@example.com', tags: 'unknown-tag' });

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toMatchObject({ tagsRemoved: [], tagsNotOnContact: ['unknown-tag'] });
	});

	it('adds tags by name and by id to a contact given by id, creating a missing one', async () => {
		const state = await ac.state();
		const contactId = state.contacts[0].id;
		await ac.seed({ contacts: [{ email: 'bo@example.com' }] });
		const bo = (await ac.contact('bo@example.com'))!;

		const { outputs } = await ac.run({
			resource: 'tag',
			operation: 'add',
			contact: bo.id,
			tags: `${state.tags[1].id}, brand-new`,
			createMissingTags: true,
		});

		expect(contactId).not.toBe(bo.id);
		expect(outputs[0][0].json).toMatchObject({ tagsAdded: ['vip', 'brand-new'], tagsCreated: ['brand-new'] });
		expect((await ac.contact('bo@example.com'))?.tags).toEqual(['vip', 'brand-new']);
	});

	it('with creation off, an unknown tag name is an error naming it and nothing is written', async () => {
		const { error } = await ac.run({ resource: 'tag', operation: 'add', contact: 'ada@example.com', tags: 'nope', createMissingTags: false });

		expect(error?.message).toBe('Tags: no tag named "nope" exists in ActiveCampaign [item 0]');
		expect(counts(await ac.stats())['POST /api/3/contactTags']).toBeUndefined();
	});

	it("lists a contact's tags by name", async () => {
		const { outputs } = await ac.run({ resource: 'tag', operation: 'getForContact', contact: 'ada@example.com' });

		expect(outputs[0].map((i) => i.json.tag)).toEqual(['customer', 'vip']);
	});

	it('find or create returns the existing tag, or creates it once', async () => {
		const { outputs } = await ac.run({ resource: 'tag', operation: 'findOrCreate', name: '={{ $json.name }}' }, [
			{ name: 'Customer' },
			{ name: 'fresh' },
			{ name: 'fresh' },
		]);

		expect(outputs[0].map((i) => [i.json.tag, i.json.created])).toEqual([
			['customer', false],
			['fresh', true],
			['fresh', false],
		]);
		expect((await ac.state()).tags.map((t) => t.tag)).toEqual(['customer', 'vip', 'fresh']);
	});

	it('get many pages with limit ≤ 100 and returns every tag', async () => {
		await ac.seed({ tags: Array.from({ length: 230 }, (_, i) => `t${i}`) });

		const { outputs } = await ac.run({ resource: 'tag', operation: 'getMany', returnAll: true, search: '' });

		expect(outputs[0]).toHaveLength(232);
		expect(counts(await ac.stats())['GET /api/3/tags']).toBe(3);
	});
});
