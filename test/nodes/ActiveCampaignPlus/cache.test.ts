import type { IDataObject } from 'n8n-workflow';

import { SHARED_NAMES_TTL_MS } from '../../../nodes/ActiveCampaignPlus/cache';
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

/** A change made in ActiveCampaign by someone else, through the same 5 req/s budget: waits out a 429. */
async function change(method: string, path: string, body?: unknown): Promise<void> {
	for (;;) {
		const reply = await ac.env.ac.api(method, path, body);
		if (reply.status !== 429) {
			expect(reply.status).toBeLessThan(300);
			return;
		}
		await new Promise((resolve) => setTimeout(resolve, 1000));
	}
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
		await change('DELETE', `/tags/${vip.id}`);
		await change('POST', '/tags', { tag: { tag: 'vip', tagType: 'contact', description: '' } });

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

	describe('custom fields', () => {
		const withFields = (email: string, interest: string) => ({
			...upsert(email),
			customFields: {
				field: [
					{ name: 'Company Size', value: '42' },
					{ name: 'Interest', value: interest },
				],
			},
		});
		const fieldId = async (title: string) => (await ac.state()).fields.find((f) => f.title === title)!.id;

		beforeEach(() =>
			ac.seed({
				fields: [
					{ title: 'Company Size', type: 'number' },
					{ title: 'Interest', type: 'dropdown', options: ['Analytics', 'Reporting'] },
				],
			}),
		);

		it('a field deleted and made again: the value still lands (ActiveCampaign skips the old id silently)', async () => {
			await runOk(withFields('first@example.com', 'Analytics'));
			const old = await fieldId('Company Size');
			await change('DELETE', `/fields/${old}`);
			await ac.seed({ fields: [{ title: 'Company Size', type: 'number' }] });

			await runOk(withFields('second@example.com', 'Reporting'));

			expect(await fieldId('Company Size')).not.toBe(old);
			expect((await ac.contact('second@example.com'))?.fieldValues).toMatchObject({ COMPANY_SIZE: '42', INTEREST: 'Reporting' });
		});

		it('a dropdown option added since the catalog was kept is accepted', async () => {
			await runOk(withFields('first@example.com', 'Analytics'));
			await change('POST', '/fieldOption/bulk', {
				fieldOptions: [{ field: await fieldId('Interest'), value: 'Automation', label: 'Automation' }],
			});

			await runOk(withFields('second@example.com', 'Automation'));

			expect((await ac.contact('second@example.com'))?.fieldValues).toMatchObject({ INTEREST: 'Automation' });
		});

		it('an option that does not exist is still refused, naming the field', async () => {
			await runOk(withFields('first@example.com', 'Analytics'));

			const run = await ac.run(withFields('second@example.com', 'Gardening'));

			expect(run.error?.message).toContain('Interest');
			expect(await ac.contact('second@example.com')).toBeUndefined();
		});

		it('a bulk import after a field was made again imports the values', async () => {
			await runOk(withFields('first@example.com', 'Analytics'));
			await change('DELETE', `/fields/${await fieldId('Company Size')}`);
			await ac.seed({ fields: [{ title: 'Company Size', type: 'number' }] });

			await runOk({
				resource: 'contact',
				operation: 'bulkImport',
				email: 'bulk@example.com',
				tags: 'customer',
				listsToSubscribe: ['Newsletter'],
				customFields: { field: [{ name: 'Company Size', value: '7' }] },
				options: { excludeAutomations: true, waitSeconds: 60 },
			});

			expect((await ac.contact('bulk@example.com'))?.fieldValues).toMatchObject({ COMPANY_SIZE: '7' });
		});
	});
});
