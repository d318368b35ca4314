import { acSandbox, counts } from '../support';

const ac = acSandbox();

describe('Deal → Get Many', () => {
	beforeEach(async () => {
		await ac.seed({
			users: [{ username: 'sam', firstName: 'Sam', lastName: 'Seller', email: 'sam@example.com' }],
			contacts: [
				{ email: 'ada@example.com', firstName: 'Ada', lastName: 'Lovelace' },
				{ email: 'bo@example.com', firstName: 'Bo', lastName: 'Diddley' },
			],
			pipelines: [{ title: 'Partners', stages: ['Intro', 'Signed'] }, { title: 'Renewals', stages: ['Due', 'Signed'] }],
			deals: [
				{ title: 'Ada renewal', contact: 'ada@example.com', value: 150000, stage: 'In Contact' },
				{ title: 'Bo upsell', contact: 'bo@example.com', value: 20000, status: 1, owner: 'sam' },
				{ title: 'Ada partner', contact: 'ada@example.com', pipeline: 'Partners', stage: 'Intro', value: 5000, owner: 'sam' },
				{ title: 'Bo renewal', contact: 'bo@example.com', pipeline: 'Renewals', stage: 'Signed', value: 7000, status: 2 },
			],
		});
	});
	const titles = async (filters: Record<string, string>, extra: Record<string, unknown> = {}) => {
		const { outputs, error } = await ac.run({ resource: 'deal', operation: 'getMany', returnAll: true, filters, ...extra });
		if (error) throw error;
		return outputs[0].map((o) => o.json.title);
	};

	it('filters by pipeline and stage by name, status, owner by name or email, and search text', async () => {
		expect(await titles({ pipeline: 'partners' })).toEqual(['Ada partner']);
		expect(await titles({ pipeline: 'Sales Pipeline', stage: 'in contact' })).toEqual(['Ada renewal']);
		expect(await titles({ stage: 'Intro' })).toEqual(['Ada partner']);
		expect(await titles({ status: '2' })).toEqual(['Bo renewal']);
		expect(await titles({ owner: 'Sam Seller' })).toEqual(['Bo upsell', 'Ada partner']);
		expect(await titles({ owner: 'sam@example.com', status: '0' })).toEqual(['Ada partner']);
		expect(await titles({ search: 'renewal' })).toEqual(['Ada renewal', 'Bo renewal']);
		expect(await titles({ search: 'lovelace', searchField: 'contact' })).toEqual(['Ada renewal', 'Ada partner']);
		expect(await titles({ search: 'lovelace', searchField: 'title' })).toEqual([]);
	});

	it('sends the filters as ActiveCampaign names them, and looks pipelines, stages and users up once per run', async () => {
		const { outputs } = await ac.run(
			{ resource: 'deal', operation: 'getMany', returnAll: true, filters: { pipeline: 'Partners', stage: '={{ $json.stage }}', owner: 'sam' } },
			[{ stage: 'Intro' }, { stage: 'Signed' }],
		);
		const sent = counts(await ac.stats());

		expect(outputs[0].map((o) => [o.json.title, o.pairedItem])).toEqual([['Ada partner', { item: 0 }]]);
		expect([sent['GET /api/3/dealGroups'], sent['GET /api/3/dealStages'], sent['GET /api/3/users'], sent['GET /api/3/deals']]).toEqual([1, 1, 1, 2]);
	});

	it('simplifies each deal unless Simplify is off; Limit caps the items', async () => {
		const simple = await ac.run({ resource: 'deal', operation: 'getMany', returnAll: false, limit: 2, filters: {} });
		const raw = await ac.run({ resource: 'deal', operation: 'getMany', returnAll: true, filters: {}, simple: false });

		expect(simple.outputs[0]).toHaveLength(2);
		expect(Object.keys(simple.outputs[0][0].json)).toEqual(['id', 'title', 'value', 'currency', 'status', 'stage', 'group', 'contact', 'cdate', 'mdate']);
		expect(raw.outputs[0]).toHaveLength(4);
		expect(raw.outputs[0][0].json).toMatchObject({ owner: '1', links: expect.any(Object) });
	});

	it('an unknown or ambiguous name is an error naming the item and filter; nothing is listed', async () => {
		const run = async (filters: Record<string, string>) => (await ac.run({ resource: 'deal', operation: 'getMany', returnAll: true, filters })).error;

		expect((await run({ stage: 'Signed' }))?.message).toBe('Filters → Stage: stage "Signed" exists in several pipelines (Partners, Renewals) [item 0]');
		expect((await run({ stage: 'Won' }))?.message).toBe('Filters → Stage: no stage named or with ID "Won" exists in ActiveCampaign [item 0]');
		expect((await run({ pipeline: 'Partners', stage: 'Due' }))?.message).toBe(
			'Filters → Stage: no stage named or with ID "Due" exists in pipeline "Partners" [item 0]',
		);
		expect((await run({ pipeline: 'Enterprise' }))?.message).toBe('Filters → Pipeline: no pipeline named or with ID "Enterprise" exists in ActiveCampaign [item 0]');
		const owner = await run({ owner: 'nobody' });
		expect(owner?.message).toBe('Filters → Owner: no user with the name, username, email or ID "nobody" exists in ActiveCampaign [item 0]');
		expect(owner?.description).toBe('Use one of: Sandbox Admin, Sam Seller.');
		expect(counts(await ac.stats())['GET /api/3/deals']).toBeUndefined();
	});
});
