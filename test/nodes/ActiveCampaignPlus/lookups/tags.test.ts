import { acSandbox } from '../support';

const ac = acSandbox();

const upsert = (email: string) => ({
	resource: 'contact',
	operation: 'upsert',
	email,
	tagsToAdd: 'brand-new-tag',
	createMissingTags: true,
});

describe('two executions at once', () => {
	beforeEach(() => ac.seed({ tags: ['customer'] }));

	it('both tag their contact when they create the same new tag at the same moment', async () => {
		const [first, second] = await Promise.all([ac.run(upsert('ada@example.com')), ac.run(upsert('bob@example.com'))]);

		expect(first.error).toBeUndefined();
		expect(second.error).toBeUndefined();
		expect((await ac.state()).tags.map((t) => t.tag)).toEqual(['customer', 'brand-new-tag']);
		expect((await ac.contact('ada@example.com'))?.tags).toEqual(['brand-new-tag']);
		expect((await ac.contact('bob@example.com'))?.tags).toEqual(['brand-new-tag']);
	});
});
