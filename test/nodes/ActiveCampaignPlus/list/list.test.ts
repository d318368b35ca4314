import { acSandbox } from '../support';

const ac = acSandbox();

describe('List', () => {
	let ids: Record<string, Record<string, string>>;
	beforeEach(async () => {
		ids = await ac.seed({
			lists: ['Newsletter', 'Customers'],
			contacts: [
				{ email: 'ada@example.com', lists: ['Newsletter'] },
				{ email: 'gone@example.com', lists: [{ list: 'Customers', status: 2 }] },
			],
		});
	});

	it('subscribe returns the real contactList object', async () => {
		const { outputs } = await ac.run({ resource: 'list', operation: 'subscribe', contact: 'ada@example.com', list: 'Customers' });

		expect(outputs[0][0].json).toMatchObject({
			contact: ids.contacts['ada@example.com'],
			list: ids.lists.Customers,
			status: '1',
		});
		expect(outputs[0][0].json.id).toEqual(expect.any(String));
		expect((await ac.contact('ada@example.com'))?.lists).toEqual([
			{ id: ids.lists.Newsletter, name: 'Newsletter', status: 1 },
			{ id: ids.lists.Customers, name: 'Customers', status: 1 },
		]);
	});

	it('unsubscribes by list name', async () => {
		const { outputs } = await ac.run({ resource: 'list', operation: 'unsubscribe', contact: 'ada@example.com', list: 'newsletter' });

		expect(outputs[0][0].json).toMatchObject({ list: ids.lists.Newsletter, status: '2' });
		expect((await ac.contact('ada@example.com'))?.lists).toEqual([{ id: ids.lists.Newsletter, name: 'Newsletter', status: 2 }]);
	});

	it('does not resubscribe someone who unsubscribed unless asked to, then marks it as a resubscription', async () => {
		const refused = await ac.run({ resource: 'list', operation: 'subscribe', contact: 'gone@example.com', list: 'Customers' });
		expect(refused.error?.message).toContain('unsubscribed from list "Customers" earlier');
		expect((await ac.contact('gone@example.com'))?.lists[0].status).toBe(2);

		const { outputs } = await ac.run({ resource: 'list', operation: 'subscribe', contact: 'gone@example.com', list: 'Customers', resubscribe: true });

		expect(outputs[0][0].json).toMatchObject({ status: '1', sourceid: '4' });
		expect((await ac.contact('gone@example.com'))?.lists[0].status).toBe(1);
	});

	it('an unknown list name says which', async () => {
		const { error } = await ac.run({ resource: 'list', operation: 'subscribe', contact: 'ada@example.com', list: 'Custmers' });

		expect(error?.message).toBe('List: no list named or with ID "Custmers" exists in ActiveCampaign [item 0]');
	});

	it('creates a list with the required sender fields, and gets many', async () => {
		const created = await ac.run({
			resource: 'list',
			operation: 'create',
			name: 'Webinar 2026',
			senderUrl: 'https://example.com',
			senderReminder: 'You registered for our webinar',
		});
		const many = await ac.run({ resource: 'list', operation: 'getMany', returnAll: true, name: '' });

		expect(created.outputs[0][0].json).toMatchObject({ name: 'Webinar 2026', stringid: 'webinar-2026' });
		expect(many.outputs[0].map((i) => i.json.name)).toEqual(['Newsletter', 'Customers', 'Webinar 2026']);
	});
});
