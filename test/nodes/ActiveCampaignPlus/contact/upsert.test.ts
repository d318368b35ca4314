import { maxPerWindow } from '../../../sandbox/server';
import { acSandbox, counts } from '../support';

const ac = acSandbox();

const SEED = {
	lists: ['Newsletter', 'Customers'],
	tags: ['customer'],
	fields: [
		{ title: 'Company Size', type: 'number' as const },
		{ title: 'Interest', type: 'listbox' as const, options: ['Analytics', 'Automation', 'Reporting'] },
		{ title: 'Event Date', type: 'date' as const },
	],
};

/** Upsert with 2 tags (webinar-2026 is new), 1 list and 3 custom fields, all by name. */
const upsert = (email: string) => ({
	resource: 'contact',
	operation: 'upsert',
	email,
	tagsToAdd: 'customer, webinar-2026',
	createMissingTags: true,
	listsToSubscribe: ['Newsletter'],
	customFields: {
		field: [
			{ name: 'Company Size', value: '42' },
			{ name: 'INTEREST', value: 'analytics, Reporting' },
			{ name: 'Event Date', value: '2026-03-31T10:00:00+02:00' },
		],
	},
	additionalFields: { firstName: 'Ada' },
});

describe('Contact → Upsert', () => {
	beforeEach(() => ac.seed(SEED));

	it('leaves the contact exactly right: tags (one created), list, three typed fields by name', async () => {
		const { outputs, error } = await ac.run(upsert('ada@example.com'));

		expect(error).toBeUndefined();
		expect(outputs[0]).toHaveLength(1);
		expect(outputs[0][0].json).toMatchObject({
			email: 'ada@example.com',
			created: true,
			action: 'created',
			tagsAdded: ['customer', 'webinar-2026'],
			tagsCreated: ['webinar-2026'],
			listsSubscribed: ['Newsletter'],
		});
		const contact = await ac.contact('ada@example.com');
		expect(contact).toMatchObject({
			firstName: 'Ada',
			tags: ['customer', 'webinar-2026'],
			lists: [{ name: 'Newsletter', status: 1 }],
			fieldValues: { COMPANY_SIZE: '42', INTEREST: '||Analytics||Reporting||', EVENT_DATE: '2026-03-31' },
		});
		expect((await ac.state()).tags.map((t) => t.tag)).toEqual(['customer', 'webinar-2026']);
	});

	it('reports "updated" the second time and changes nothing else', async () => {
		await ac.run(upsert('ada@example.com'));
		const before = await ac.contact('ada@example.com');

		const { outputs } = await ac.run(upsert('ada@example.com'));

		expect(outputs[0][0].json).toMatchObject({ created: false, action: 'updated', tagsCreated: [] });
		const after = await ac.contact('ada@example.com');
		expect({ ...after, udate: undefined }).toEqual({ ...before, udate: undefined });
	});

	it('contacts after the first execution cost exactly 4 requests each: sync + 2 contactTags + 1 contactList', async () => {
		const first = counts(await ac.stats());
		expect(first).toEqual({});

		await ac.run({ ...upsert('={{ $json.email }}') }, [{ email: 'one@example.com' }]);
		const afterOne = await ac.stats();
		const { outputs } = await ac.run({ ...upsert('={{ $json.email }}') }, [{ email: 'two@example.com' }, { email: 'three@example.com' }]);
		const afterThree = await ac.stats();

		expect(outputs[0]).toHaveLength(2);
		// The second run finds every name kept from the first: two contacts at 4 requests each, nothing else.
		expect(afterThree.total - afterOne.total).toBe(2 * 4);
		expect(counts(afterThree)).toEqual({
			'GET /api/3/fields': 1,
			'GET /api/3/lists': 1,
			'GET /api/3/tags': 2,
			'POST /api/3/tags': 1,
			'POST /api/3/contact/sync': 3,
			'POST /api/3/contactTags': 6,
			'POST /api/3/contactLists': 3,
		});
	});

	it('removes tags and unsubscribes lists by name in the same call', async () => {
		await ac.seed({ contacts: [{ email: 'bo@example.com', tags: ['customer'], lists: ['Newsletter', 'Customers'] }] });

		const { outputs } = await ac.run({
			resource: 'contact',
			operation: 'upsert',
			email: 'bo@example.com',
			tagsToAdd: '',
			tagsToRemove: 'customer, never-existed',
			listsToSubscribe: [],
			listsToUnsubscribe: ['Customers'],
		});

		expect(outputs[0][0].json).toMatchObject({ created: false, tagsRemoved: ['customer'], listsUnsubscribed: ['Customers'] });
		expect(await ac.contact('bo@example.com')).toMatchObject({
			tags: [],
			lists: [
				{ name: 'Newsletter', status: 1 },
				{ name: 'Customers', status: 2 },
			],
		});
	});

	it('a bad email goes to the error output naming the item; nothing of it is sent', async () => {
		const { outputs } = await ac.run(
			upsert('={{ $json.email }}'),
			[{ email: 'good@example.com' }, { email: 'not-an-email' }],
			'continueErrorOutput',
		);

		expect(outputs[0].map((i) => i.json.email)).toEqual(['good@example.com']);
		expect(outputs[1]).toHaveLength(1);
		expect(outputs[1][0].pairedItem).toEqual({ item: 1 });
		expect(outputs[1][0].json.error).toBe('Email "not-an-email" is not a valid email address [item 1]');
		expect(counts(await ac.stats())['POST /api/3/contact/sync']).toBe(1);
		expect((await ac.state()).contacts.map((c) => c.email)).toEqual(['good@example.com']);
	});

	it('an unknown list or field name is an error that names it, before anything is written', async () => {
		const unknownList = await ac.run({ ...upsert('ada@example.com'), listsToSubscribe: ['Newsleter'] });
		const unknownField = await ac.run({
			...upsert('ada@example.com'),
			customFields: { field: [{ name: 'Company Sise', value: '1' }] },
		});
		const badOption = await ac.run({
			...upsert('ada@example.com'),
			customFields: { field: [{ name: 'Interest', value: 'Analytics, Golf' }] },
		});

		expect(unknownList.error?.message).toBe('Lists to Subscribe: no list named or with ID "Newsleter" exists in ActiveCampaign [item 0]');
		expect(unknownList.error?.description).toContain('Newsletter, Customers');
		expect(unknownField.error?.message).toBe('Custom field "Company Sise" does not exist in ActiveCampaign [item 0]');
		expect(badOption.error?.message).toBe('Custom field "Interest" (listbox): "Golf" is not one of its options [item 0]');
		const state = await ac.state();
		expect(state.contacts).toEqual([]);
		expect(state.tags.map((t) => t.tag)).toEqual(['customer']);
	});

	it('40 items with the sandbox limit on: no 429, never more than 5 requests in a second', async () => {
		const items = Array.from({ length: 40 }, (_, i) => ({ email: `bulk${i}@example.com` }));

		const { outputs } = await ac.run(upsert('={{ $json.email }}'), items);

		expect(outputs[0]).toHaveLength(40);
		const stats = await ac.stats();
		expect(stats.sent429).toBe(0);
		expect(stats.maxApiRequestsPerSecond).toBeLessThanOrEqual(5);
		const rate = (await ac.env.ac.admin<{ accepted: number[] }>('GET', '/rate-limit')).body;
		expect(maxPerWindow(rate.accepted, 1000)).toBeLessThanOrEqual(5);
		expect((await ac.state()).contacts.filter((c) => c.tags.length === 2 && c.lists.length === 1)).toHaveLength(40);
	}, 120_000);
});
