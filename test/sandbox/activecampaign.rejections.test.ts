import { picked } from './activecampaign/rejections';
import { useSandbox } from './activecampaign/testkit';

/** The permanent fault of the failure-capture tests: a share of contacts whose syncs are refused until it is cleared. */

const env = useSandbox({ seedDemo: true, rateLimit: false });
const sync = (email: string) => env.ac.api('POST', '/contact/sync', { contact: { email, firstName: 'Fault' } });
const emails = Array.from({ length: 120 }, (_, i) => `fault-${i}@example.com`);

describe('POST /__sandbox/reject-syncs', () => {
	test('refuses the syncs of the same contacts on every attempt with a 422, stores nothing for them, passes the rest', async () => {
		await env.ac.admin('POST', '/reject-syncs', { share: 0.05 });
		const refused = emails.filter((e) => picked(e, 0.05));
		expect(refused.length).toBeGreaterThan(1);
		expect(refused.length).toBeLessThan(16);
		for (let attempt = 0; attempt < 2; attempt++) {
			const statuses = await Promise.all(emails.map(async (e) => [e, (await sync(e)).status] as const));
			expect(statuses.filter(([, s]) => s === 422).map(([e]) => e)).toEqual(refused);
			expect(statuses.filter(([, s]) => s !== 422 && s >= 300)).toEqual([]);
		}
		const answer = await sync(refused[0]);
		expect(answer.body).toMatchObject({ errors: [{ code: 'contact_rejected', source: { pointer: '/data/attributes/email' } }] });
		const state = await env.ac.admin<{ share: number; refused: string[] }>('GET', '/reject-syncs');
		expect(state.body).toEqual({ share: 0.05, refused: [...refused].sort() });
		const stored = new Set(((await env.ac.admin<{ contacts: Array<{ email: string }> }>('GET', '/state')).body.contacts).map((c) => c.email));
		expect(refused.filter((e) => stored.has(e))).toEqual([]);
	});

	test('share 0 clears it (and a reset does too); a share outside 0..1 is refused', async () => {
		const refused = emails.find((e) => picked(e, 0.05))!;
		await env.ac.admin('POST', '/reject-syncs', { share: 0.05 });
		expect((await sync(refused)).status).toBe(422);
		expect((await env.ac.admin('POST', '/reject-syncs', { share: 0 })).body).toEqual({ share: 0, refused: [] });
		expect([200, 201]).toContain((await sync(refused)).status);

		await env.ac.admin('POST', '/reject-syncs', { share: 1 });
		await env.ac.admin('POST', '/reset');
		expect((await env.ac.admin('GET', '/reject-syncs')).body).toEqual({ share: 0, refused: [] });
		expect((await env.ac.admin('POST', '/reject-syncs', { share: 2 })).status).toBe(400);
	});
});
