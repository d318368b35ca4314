import { runNode, TestCredentials } from '../../support/n8n';
import { scriptedServer } from '../../support/scriptedServer';
import { acSandbox, counts } from './support';

const ac = acSandbox();

describe('Contact → Get, Get Many, Delete', () => {
	beforeEach(() =>
		ac.seed({
			lists: ['Newsletter'],
			tags: ['vip'],
			fields: [{ title: 'Seats', type: 'number' }],
			contacts: [
				{ email: 'ada@example.com', firstName: 'Ada', tags: ['vip'], lists: ['Newsletter'], fieldValues: { Seats: '3' } },
				{ email: 'bo@example.com', firstName: 'Bo' },
				{ email: 'cy@example.com', firstName: 'Cy', tags: ['vip'] },
			],
		}),
	);

	it('gets a contact by email and by id', async () => {
		const byEmail = await ac.run({ resource: 'contact', operation: 'get', contact: 'BO@example.com' });
		const id = byEmail.outputs[0][0].json.id as string;
		const byId = await ac.run({ resource: 'contact', operation: 'get', contact: (await ac.contact('ada@example.com'))!.id });

		expect(byEmail.outputs[0][0].json).toMatchObject({ email: 'bo@example.com', firstName: 'Bo' });
		expect(id).toEqual(expect.any(String));
		expect(byId.outputs[0][0].json).toMatchObject({ email: 'ada@example.com', fieldValues: [expect.objectContaining({ value: '3' })] });
	});

	it('an unknown email or a value that is neither email nor id says so', async () => {
		const unknown = await ac.run({ resource: 'contact', operation: 'get', contact: 'nobody@example.com' });
		const garbage = await ac.run({ resource: 'contact', operation: 'get', contact: 'Ada Lovelace' });

		expect(unknown.error?.message).toBe('No contact with email nobody@example.com exists in ActiveCampaign (item 0)');
		expect(garbage.error?.message).toBe('Contact "Ada Lovelace" is neither an email address nor a contact ID (item 0)');
	});

	it('gets many by tag and list name', async () => {
		const byTag = await ac.run({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { tag: 'vip' } });
		const byList = await ac.run({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { list: 'Newsletter', status: 1 } });

		expect(byTag.outputs[0].map((i) => i.json.email)).toEqual(['ada@example.com', 'cy@example.com']);
		expect(byList.outputs[0].map((i) => i.json.email)).toEqual(['ada@example.com']);
	});

	it('deletes by email', async () => {
		const { outputs } = await ac.run({ resource: 'contact', operation: 'delete', contact: 'bo@example.com' });

		expect(outputs[0][0].json).toMatchObject({ email: 'bo@example.com', deleted: true });
		expect((await ac.state()).contacts.map((c) => c.email)).toEqual(['ada@example.com', 'cy@example.com']);
		expect(counts(await ac.stats())).toEqual({ 'GET /api/3/contacts': 1, 'DELETE /api/3/contacts/:id': 1 });
	});
});

describe('Contact → Get Many paging', () => {
	it('Return All walks by keyset (id_greater, orders[id]=ASC) with limit 100; a limit of 250 never asks for more than 100', async () => {
		const all = Array.from({ length: 230 }, (_, i) => ({ id: String(i + 1), email: `c${i + 1}@example.com` }));
		const server = await scriptedServer((req) => {
			const after = Number(req.query.get('id_greater') ?? 0);
			const limit = Math.min(Number(req.query.get('limit') ?? 20), 100);
			const contacts = all.filter((c) => Number(c.id) > after).slice(0, limit);
			return { status: 200, body: { contacts, meta: { total: String(all.length) } } };
		});
		try {
			const credentials = new TestCredentials().set('activeCampaignPlusApi', { apiUrl: server.url, apiKey: 'k' });
			const run = (parameters: Record<string, unknown>) =>
				runNode({ type: 'activeCampaignPlus', parameters: { resource: 'contact', operation: 'getMany', ...parameters }, credentials });

			const everything = await run({ returnAll: true });
			const pages = server.seen.map((r) => [r.query.get('limit'), r.query.get('id_greater'), r.query.get('orders[id]')]);
			server.seen.length = 0;
			const limited = await run({ returnAll: false, limit: 250 });

			expect(everything.outputs[0]).toHaveLength(230);
			expect(pages).toEqual([
				['100', '0', 'ASC'],
				['100', '100', 'ASC'],
				['100', '200', 'ASC'],
			]);
			expect(limited.outputs[0]).toHaveLength(230);
			expect(server.seen.every((r) => Number(r.query.get('limit')) <= 100)).toBe(true);
		} finally {
			await server.close();
		}
	});
});
