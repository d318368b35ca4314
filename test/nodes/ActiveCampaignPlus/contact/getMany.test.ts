import { runNode, TestCredentials } from '../../../support/n8n';
import { scriptedServer } from '../../../support/scriptedServer';
import { acSandbox } from '../support';
import { CONTACTS } from './seed';

const ac = acSandbox();

describe('Contact → Get Many', () => {
	beforeEach(() => ac.seed(CONTACTS));

	it('gets many by tag and list name', async () => {
		const byTag = await ac.run({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { tag: 'vip' } });
		const byList = await ac.run({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { list: 'Newsletter', status: 1 } });

		expect(byTag.outputs[0].map((i) => i.json.email)).toEqual(['ada@example.com', 'cy@example.com']);
		expect(byList.outputs[0].map((i) => i.json.email)).toEqual(['ada@example.com']);
	});

	it('simplifies each contact unless Simplify is off', async () => {
		const simple = await ac.run({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { tag: 'vip' } });
		const raw = await ac.run({ resource: 'contact', operation: 'getMany', returnAll: true, simple: false, filters: { tag: 'vip' } });

		expect(simple.outputs[0].map((i) => Object.keys(i.json))).toEqual([
			['id', 'email', 'firstName', 'lastName', 'phone', 'cdate', 'udate'],
			['id', 'email', 'firstName', 'lastName', 'phone', 'cdate', 'udate'],
		]);
		expect(raw.outputs[0].map((i) => [i.json.email, typeof i.json.links])).toEqual([
			['ada@example.com', 'object'],
			['cy@example.com', 'object'],
		]);
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
