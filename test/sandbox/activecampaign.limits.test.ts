import { maxPerWindow, mostOverRate } from './server';
import { SandboxClient, sleep, useSandbox } from './activecampaign/testkit';

/** The 5 req/s per-account limit (§2) and the core's fault switches. */

const env = useSandbox({ seedDemo: true });

interface RateState {
	enabled: boolean;
	model: 'bucket' | 'window';
	perSecond: number;
	accepted: number[];
	maxAcceptedPerSecond: number;
}

/** A mix of valid reads and writes a node would make. */
const validCalls = (i: number) => [
	() => env.ac.api('GET', '/contacts?limit=5'),
	() => env.ac.api('GET', '/tags?search=lead'),
	() => env.ac.api('POST', '/contact/sync', { contact: { email: `load${i}@example.com`, firstName: 'Load' } }),
	() => env.ac.api('GET', '/fields'),
	() => env.ac.api('POST', '/contactTags', { contactTag: { contact: 1, tag: 2 } }),
];

describe('§2 faults and the rate limit', () => {
	test('§2 faults at 0 never fail a valid request (limiter off, 60 concurrent calls)', async () => {
		await env.ac.admin('POST', '/rate-limit', { enabled: false });
		const calls = Array.from({ length: 12 }, (_, i) => validCalls(i)).flat();
		const results = await Promise.all(calls.map((call) => call()));
		expect(results.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
	});

	test('§2 faults at 0 never fail a valid request (limiter on, paced at 5 a second)', async () => {
		const calls = validCalls(0);
		for (let round = 0; round < 2; round++) {
			const started = Date.now();
			const results = await Promise.all(calls.map((call) => call()));
			expect(results.map((r) => r.status).filter((s) => s >= 300)).toEqual([]);
			if (round === 0) await sleep(1000 - (Date.now() - started) + 100);
		}
	});

	test('§2 rate429: 1 makes every API call answer 429 with Retry-After', async () => {
		await env.ac.admin('POST', '/rate-limit', { enabled: false });
		await env.ac.admin('POST', '/faults', { rate429: 1 });
		const results = await Promise.all([...validCalls(0).map((call) => call()), env.ac.api('GET', '/users/me'), env.ac.api('GET', '/contacts/1')]);
		for (const res of results) {
			expect(res.status).toBe(429);
			expect(res.headers.get('retry-after')).toMatch(/^\d+$/);
		}
		expect((await env.ac.admin('GET', '/state')).status).toBe(200);
	});

	test.each(['bucket', 'window'] as const)('§2 §5 rateModel %s: 50 concurrent callers get 5 a second through, no more', async (model) => {
		await env.ac.admin('POST', '/rate-limit', { model });
		const deadline = Date.now() + 2200;
		const statuses: number[] = [];
		const retryAfter = new Set<string | null>();
		const worker = async () => {
			while (Date.now() < deadline) {
				const res = await env.ac.api('GET', '/contacts?limit=1');
				statuses.push(res.status);
				if (res.status === 429) {
					retryAfter.add(res.headers.get('retry-after'));
					expect(res.headers.get('ratelimit-limit')).toBe('5');
					expect(res.headers.get('ratelimit-remaining')).toBe('0');
					await sleep(50 + Math.random() * 100);
				}
			}
		};
		await Promise.all(Array.from({ length: 50 }, worker));
		const rate = await env.ac.admin<RateState>('GET', '/rate-limit');
		expect(rate.body.model).toBe(model);
		if (model === 'window') {
			expect(maxPerWindow(rate.body.accepted, 1000)).toBeLessThanOrEqual(5);
			expect(rate.body.maxAcceptedPerSecond).toBeLessThanOrEqual(5);
		} else {
			// A bucket of 5 refilled at 5/s: any stretch of time lets through at most 5 plus 5 per second of its length.
			expect(mostOverRate(rate.body.accepted, 5)).toBeLessThanOrEqual(5);
		}
		expect(statuses.filter((s) => s === 200).length).toBe(rate.body.accepted.length);
		// Over ~2.2 s the bucket refills twice: the limiter throttles, it does not starve.
		expect(rate.body.accepted.length).toBeGreaterThanOrEqual(10);
		expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
		expect([...retryAfter].every((v) => v !== null && /^[1-9]\d*$/.test(v))).toBe(true);
	});

	test('§2 §5 the default token bucket takes a burst of 5 and then one request every 200 ms; rateModel window refuses that', async () => {
		const paced = async () => {
			const statuses = (await Promise.all(Array.from({ length: 5 }, () => env.ac.api('GET', '/users/me')))).map((r) => r.status);
			for (let i = 0; i < 4; i++) {
				await sleep(230);
				statuses.push((await env.ac.api('GET', '/users/me')).status);
			}
			return statuses;
		};
		expect((await env.ac.admin<RateState>('GET', '/rate-limit')).body.model).toBe('bucket');
		expect(await paced()).toEqual(Array(9).fill(200));

		await env.ac.admin('POST', '/rate-limit', { model: 'window' });
		const strict = await paced();
		expect(strict.slice(0, 5)).toEqual(Array(5).fill(200));
		expect(strict.slice(5)).toContain(429);
		expect(maxPerWindow((await env.ac.admin<RateState>('GET', '/rate-limit')).body.accepted, 1000)).toBeLessThanOrEqual(5);
	});

	test('§2 POST /__sandbox/rate-limit refuses an unknown model', async () => {
		const res = await env.ac.admin<{ message: string }>('POST', '/rate-limit', { model: 'leaky' });
		expect(res.status).toBe(400);
		expect(res.body.message).toMatch(/'model' is 'bucket' .* or 'window'/);
	});

	test('§2 successful responses carry RateLimit-Limit and RateLimit-Remaining', async () => {
		const first = await env.ac.api('GET', '/users/me');
		expect(first.headers.get('ratelimit-limit')).toBe('5');
		expect(first.headers.get('ratelimit-remaining')).toBe('4');
		const second = await env.ac.api('GET', '/users/me');
		expect(second.headers.get('ratelimit-remaining')).toBe('3');
	});

	test('§2 POST /__sandbox/rate-limit switches the limiter off and on and sets the budget', async () => {
		const off = await env.ac.admin<RateState>('POST', '/rate-limit', { enabled: false });
		expect(off.body.enabled).toBe(false);
		const burst = await Promise.all(Array.from({ length: 30 }, () => env.ac.api('GET', '/users/me')));
		expect(burst.every((r) => r.status === 200)).toBe(true);
		expect(burst[0].headers.get('ratelimit-limit')).toBeNull();
		await env.ac.admin('POST', '/rate-limit', { enabled: true, perSecond: 2 });
		const limited = await Promise.all(Array.from({ length: 6 }, () => env.ac.api('GET', '/users/me')));
		expect(limited.filter((r) => r.status === 200)).toHaveLength(2);
	});

	test('§2 §4.6 trackcmp /event is another host: it is not counted against the v3 budget', async () => {
		await env.ac.admin('POST', '/rate-limit', { model: 'window' }); // no refill while the events go through
		const v3 = await Promise.all(Array.from({ length: 5 }, () => env.ac.api('GET', '/users/me')));
		expect(v3.every((r) => r.status === 200)).toBe(true);
		const events = await Promise.all(
			Array.from({ length: 10 }, () =>
				env.ac.track({ actid: '1000', key: 'sandbox-event-key', event: 'webinar_registered', visit: JSON.stringify({ email: 'ada@example.com' }) }),
			),
		);
		expect(events.map((r) => r.body)).toEqual(Array(10).fill({ success: 1, message: 'Event spawned' }));
		expect((await env.ac.api('GET', '/users/me')).status).toBe(429);
	});

	test('§1 §2 an unauthenticated call is refused before it spends the budget', async () => {
		const anonymous = new SandboxClient(env.sandbox.url, 'wrong');
		const refused = await Promise.all(Array.from({ length: 10 }, () => anonymous.api('GET', '/users/me')));
		expect(refused.every((r) => r.status === 403)).toBe(true);
		expect((await env.ac.api('GET', '/users/me')).status).toBe(200);
	});
});
