import type { IDataObject } from 'n8n-workflow';

import { SHARED_NAMES_TTL_MS } from '../../../nodes/ActiveCampaignPlus/helpers/names';
import { acSandbox, counts } from './support';

const ac = acSandbox();

/** What a realtime workflow does per event: the contact, two tags and a list, all by name. */
const upsert = (email: string, tags = 'customer, vip') => ({
	resource: 'contact',
	operation: 'upsert',
	email,
	tagsToAdd: tags,
	createMissingTags: false,
	listsToSubscribe: ['Newsletter'],
});

/** Requests per endpoint made while `work` ran. */
async function requestsDuring(work: () => Promise<unknown>): Promise<Record<string, number>> {
	const before = counts(await ac.stats());
	await work();
	const after = counts(await ac.stats());
	return Object.fromEntries(
		Object.entries(after)
			.map(([endpoint, n]): [string, number] => [endpoint, n - (before[endpoint] ?? 0)])
			.filter(([, n]) => n > 0),
	);
}

async function runOk(parameters: IDataObject) {
	const run = await ac.run(parameters);
	expect(run.error).toBeUndefined();
	return run;
}

describe('Names kept across executions', () => {
	beforeEach(() => ac.seed({ lists: ['Newsletter'], tags: ['customer', 'vip'] }));
	afterEach(() => jest.restoreAllMocks());

	it('a second execution spends its requests on writes only: sync, two tags, one list', async () => {
		await runOk(upsert('first@example.com'));

		const second = await requestsDuring(() => runOk(upsert('second@example.com')));

		expect(second).toEqual({
			'POST /api/3/contact/sync': 1,
			'POST /api/3/contactTags': 2,
			'POST /api/3/contactLists': 1,
		});
		expect((await ac.contact('second@example.com'))?.tags).toEqual(['customer', 'vip']);
	});

	it('a tag deleted and made again between executions: the item runs again with fresh lookups and gets the new tag', async () => {
		await runOk(upsert('first@example.com'));
		const vip = (await ac.state()).tags.find((t) => t.tag === 'vip')!;
		await ac.env.ac.api('DELETE', `/tags/${vip.id}`);
		await ac.env.ac.api('POST', '/tags', { tag: { tag: 'vip', tagType: 'contact', description: '' } });

		const { outputs } = await runOk(upsert('second@example.com'));

		expect(outputs[0][0].json).toMatchObject({ tagsAdded: ['customer', 'vip'] });
		const state = await ac.state();
		const newVip = state.tags.find((t) => t.tag === 'vip')!;
		expect(newVip.id).not.toBe(vip.id);
		expect(state.contacts.find((c) => c.email === 'second@example.com')?.tags).toEqual(['customer', 'vip']);
	});

	it('a list created after the catalog was kept is found by reloading it once', async () => {
		await runOk(upsert('first@example.com'));
		await ac.seed({ lists: ['Webinar'] });

		const { outputs } = await runOk({ ...upsert('second@example.com'), listsToSubscribe: ['Webinar'] });

		expect(outputs[0][0].json).toMatchObject({ listsSubscribed: ['Webinar'] });
	});

	it('an unknown list is still an error naming it, after one reload', async () => {
		await runOk(upsert('first@example.com'));

		const run = await ac.run({ ...upsert('second@example.com'), listsToSubscribe: ['Nope'] });

		expect(run.error?.message).toContain('no list named or with ID "Nope"');
	});

	it('kept names expire: after the TTL the next execution looks them up again', async () => {
		await runOk(upsert('first@example.com'));
		const realNow = Date.now.bind(Date);
		jest.spyOn(Date, 'now').mockImplementation(() => realNow() + SHARED_NAMES_TTL_MS + 1);

		const later = await requestsDuring(() => runOk(upsert('second@example.com')));

		expect(later['GET /api/3/tags']).toBe(2);
		expect(later['GET /api/3/lists']).toBe(1);
	});
});
