import { ACTIVECAMPAIGN_RATE_LIMIT, BULK_IMPORT_RATE_LIMIT } from '../../../../nodes/ActiveCampaignPlus/transport/service';
import { shareOf } from '../../../../nodes/shared/limiter';
import { maxPerWindow, mostOverRate } from '../../../sandbox/server';
import { runNode, TestCredentials } from '../../../support/n8n';
import type * as Support from '../../../support/n8n';
import { remoteServer } from '../../../support/remoteServer';
import { scriptedServer } from '../../../support/scriptedServer';

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

/**
 * A separate copy of the node modules, as a queue-mode worker has: nothing in memory (limiters included) is shared
 * with the other copies, exactly as between two worker processes.
 */
function workerProcess(): typeof Support {
	let loaded: typeof Support | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = require('../../../support/n8n');
	});
	return loaded!;
}

describe('"Processes Sharing This Account": each process keeps to its share of 5 req/s', () => {
	it('gives each process one request per its share of the budget, evenly spaced', () => {
		expect(shareOf(ACTIVECAMPAIGN_RATE_LIMIT, 1)).toEqual({ requests: 5, windowMs: 1000 });
		expect(shareOf(ACTIVECAMPAIGN_RATE_LIMIT, 2)).toEqual({ requests: 1, windowMs: 400, paced: true });
		expect(shareOf(ACTIVECAMPAIGN_RATE_LIMIT, 5)).toEqual({ requests: 1, windowMs: 1000, paced: true });
		expect(shareOf(ACTIVECAMPAIGN_RATE_LIMIT, 8)).toEqual({ requests: 1, windowMs: 1600, paced: true });
		expect(shareOf(BULK_IMPORT_RATE_LIMIT, 2)).toEqual({ requests: 1, windowMs: 1200, paced: true });
	});

	it('treats a credential saved before the setting existed (or a nonsense value) as one process', () => {
		for (const value of [undefined, '', 0, -3, 'two', Number.NaN]) {
			expect(shareOf(ACTIVECAMPAIGN_RATE_LIMIT, value)).toEqual(ACTIVECAMPAIGN_RATE_LIMIT);
		}
	});

	const tagsOf = (support: typeof Support, url: string, processes?: number) =>
		support.runNode({
			type: 'activeCampaignPlus',
			parameters: { resource: 'tag', operation: 'getMany', returnAll: true, search: '' },
			items: Array.from({ length: 10 }, () => ({})),
			credentials: new support.TestCredentials().set('activeCampaignPlusApi', {
				apiUrl: url,
				apiKey: 'k',
				...(processes === undefined ? {} : { processesSharingAccount: processes }),
			}),
		});

	it('two workers set to 2 send the whole 5 req/s together, evenly enough for a 5-token bucket never to refuse one', async () => {
		const ac = await remoteServer({ tags: [], meta: { total: '0' } });
		try {
			const [one, two] = [workerProcess(), workerProcess()];

			const runs = await Promise.all([tagsOf(one, ac.url, 2), tagsOf(two, ac.url, 2)]);

			expect(runs.map((r) => r.run.status)).toEqual(['success', 'success']);
			const seen = await ac.seen();
			expect(seen).toHaveLength(20);
			// Bunching beyond the rate is at most one request per process (plus timer slack), well inside a burst of 5.
			expect(mostOverRate(seen.map((r) => r.at), 5)).toBeLessThan(3);
			// Each worker sends 10 requests 400 ms apart: together about 3.6 s for 20, the full budget, not 4 req/s.
			const times = seen.map((r) => r.at);
			expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual(3500);
			expect(Math.max(...times) - Math.min(...times)).toBeLessThan(4500);
		} finally {
			await ac.close();
		}
	}, 30_000);

	it('without the setting two workers each take the full 5 req/s, which is why it exists', async () => {
		const ac = await remoteServer({ tags: [], meta: { total: '0' } });
		try {
			const [one, two] = [workerProcess(), workerProcess()];

			await Promise.all([tagsOf(one, ac.url), tagsOf(two, ac.url)]);

			expect(maxPerWindow((await ac.seen()).map((r) => r.at), 1000)).toBeGreaterThan(5);
		} finally {
			await ac.close();
		}
	}, 30_000);
});
