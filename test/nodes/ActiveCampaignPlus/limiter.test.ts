import { maxPerWindow } from '../../sandbox/server';
import { runNode, TestCredentials } from '../../support/n8n';
import { remoteServer } from '../../support/remoteServer';
import { scriptedServer } from '../../support/scriptedServer';

describe('ActiveCampaign per-account limiter', () => {
	it('keeps 50 calls from 10 parallel executions to at most 5 per second at the server', async () => {
		const ac = await remoteServer({ tags: [], meta: { total: '0' } });
		try {
			const credentials = new TestCredentials().set('activeCampaignPlusApi', { apiUrl: ac.url, apiKey: 'k' });
			const execution = () =>
				runNode({
					type: 'activeCampaignPlus',
					parameters: { resource: 'tag', operation: 'getMany', returnAll: true, search: '' },
					items: Array.from({ length: 5 }, () => ({})),
					credentials,
				});

			const runs = await Promise.all(Array.from({ length: 10 }, execution));

			expect(runs.map((r) => r.run.status)).toEqual(Array(10).fill('success'));
			const seen = await ac.seen();
			expect(seen).toHaveLength(50);
			expect(maxPerWindow(seen.map((r) => r.at), 1000)).toBeLessThanOrEqual(5);
		} finally {
			await ac.close();
		}
	});

	it('shares nothing between two accounts', async () => {
		const one = await scriptedServer(() => ({ status: 200, body: { tags: [], meta: { total: '0' } } }));
		const two = await scriptedServer(() => ({ status: 200, body: { tags: [], meta: { total: '0' } } }));
		try {
			const run = (url: string) =>
				runNode({
					type: 'activeCampaignPlus',
					parameters: { resource: 'tag', operation: 'getMany', returnAll: true, search: '' },
					items: Array.from({ length: 5 }, () => ({})),
					credentials: new TestCredentials().set('activeCampaignPlusApi', { apiUrl: url, apiKey: 'k' }),
				});

			await Promise.all([run(one.url), run(two.url)]);

			// Each account gets its own five a second, so both finish inside the first window.
			const all = [...one.seen, ...two.seen].map((r) => r.at);
			expect(maxPerWindow(all, 1000)).toBe(10);
		} finally {
			await Promise.all([one.close(), two.close()]);
		}
	});
});
