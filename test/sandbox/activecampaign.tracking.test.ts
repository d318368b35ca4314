import { startReceiver, useSandbox } from './activecampaign/testkit';

/** Event tracking (§4.6) and bulk import (§4.8). */

const env = useSandbox({ rateLimit: false });

const visit = (email: string) => JSON.stringify({ email });
const event = (fields: Record<string, string> = {}) => ({
	actid: '1000',
	key: 'sandbox-event-key',
	event: 'webinar_registered',
	eventdata: 'Webinar 2026',
	visit: visit('ada@example.com'),
	...fields,
});

interface State {
	contacts: Array<{
		email: string;
		firstName: string;
		tags: string[];
		lists: Array<{ name: string; status: number }>;
		fieldValues: Record<string, string>;
		events: Array<{ event: string; eventdata: string }>;
	}>;
	trackedEvents: Array<{ event: string; email: string; contact: string | null }>;
	tags: Array<{ tag: string }>;
}
const state = async () => (await env.ac.admin<State>('GET', '/state')).body;

describe('§4.6 event tracking', () => {
	test('§4.6 GET/PUT /eventTracking switches tracking on and off', async () => {
		expect((await env.ac.api('GET', '/eventTracking')).body).toEqual({ eventTracking: { enabled: false } });
		const put = await env.ac.api('PUT', '/eventTracking', { eventTracking: { enabled: true } });
		expect(put.body).toEqual({ eventTracking: { enabled: true } });
		expect((await env.ac.api('GET', '/eventTracking')).body).toEqual({ eventTracking: { enabled: true } });
	});

	test('§4.6 /eventTrackingEvents creates (201), lists with a numeric meta.total, deletes by URL-encoded name', async () => {
		const created = await env.ac.api('POST', '/eventTrackingEvents', { eventTrackingEvent: { name: 'my new fab event' } });
		expect(created.status).toBe(201);
		expect(created.body).toEqual({ eventTrackingEvent: { name: 'my new fab event' } });
		await env.ac.api('POST', '/eventTrackingEvents', { eventTrackingEvent: { name: 'second' } });
		const list = await env.ac.api('GET', '/eventTrackingEvents');
		expect(list.body).toEqual({ eventTrackingEvents: [{ name: 'my new fab event' }, { name: 'second' }], meta: { total: 2 } });
		const del = await env.ac.api('DELETE', `/eventTrackingEvents/${encodeURIComponent('my new fab event')}`);
		expect(del.status).toBe(200);
		expect(del.body).toEqual({});
		expect((await env.ac.api('GET', '/eventTrackingEvents')).body).toMatchObject({ meta: { total: 1 } });
	});

	test('§4.6 POST /event (form-encoded, no Api-Token) answers "Event spawned" and records the event on the contact', async () => {
		await env.ac.admin('POST', '/seed', { contacts: [{ email: 'ada@example.com' }], eventTracking: { enabled: true } });
		const res = await env.ac.track(event());
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ success: 1, message: 'Event spawned' });
		const nested = await env.ac.track({ ...event({ event: 'form_submitted' }), visit: '', 'visit[email]': 'ada@example.com' });
		expect(nested.body).toEqual({ success: 1, message: 'Event spawned' });
		expect((await state()).contacts[0].events).toEqual([
			expect.objectContaining({ event: 'webinar_registered', eventdata: 'Webinar 2026' }),
			expect.objectContaining({ event: 'form_submitted' }),
		]);
	});

	test('§4.6 trackcmp failures answer 200 {"success":0,"message":…}: bad key or actid, tracking off, bad visit, long name', async () => {
		await env.ac.admin('POST', '/seed', { contacts: [{ email: 'ada@example.com' }] });
		const off = await env.ac.track(event());
		expect(off.status).toBe(200);
		expect(off.body).toMatchObject({ success: 0 });
		await env.ac.api('PUT', '/eventTracking', { eventTracking: { enabled: true } });
		const broken: Array<Record<string, string>> = [
			{ key: 'wrong' },
			{ actid: '2' },
			{ visit: 'not json' },
			{ visit: '{}' },
			{ event: 'x'.repeat(33) },
			{ event: '' },
		];
		for (const fields of broken) {
			const res = await env.ac.track(event(fields));
			expect(res.body).toEqual({ success: 0, message: expect.any(String) });
		}
		expect((await state()).trackedEvents).toEqual([]);
	});
});

describe('§4.8 bulk import', () => {
	const importBody = (contacts: unknown[], extra: Record<string, unknown> = {}) => ({ contacts, ...extra });

	test('§4.8 an import creates and updates contacts with tags by name, fields by id, subscribe and unsubscribe', async () => {
		await env.ac.admin('POST', '/seed', {
			lists: ['Newsletter', 'Events', 'Old'],
			fields: [{ title: 'Company Size' }, { title: 'Interest', type: 'listbox' }],
			tags: ['existing'],
			contacts: [{ email: 'jane@example.com', firstName: 'Old', lists: ['Old'] }],
		});
		const res = await env.ac.api<{ Success: number; queued_contacts: number; batchId: string; message: string }>(
			'POST',
			'/import/bulk_import',
			importBody([
				{
					email: 'jane@example.com',
					first_name: 'Jane',
					last_name: 'Doe',
					phone: '123-456-7890',
					customer_acct_name: 'ActiveCampaign',
					tags: ['existing', 'brand-new'],
					fields: [
						{ id: 1, value: '50' },
						{ id: 2, value: '||foo||bar||' },
					],
					subscribe: [{ listid: 1 }, { listid: 2 }],
					unsubscribe: [{ listid: 3 }],
				},
				{ email: 'invalid.email@invalidDomain', first_name: 'Bad' },
			]),
		);
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ Success: 1, queued_contacts: 2, batchId: expect.any(String), message: 'Contact import queued' });
		const info = await env.ac.api('GET', `/import/info?batchId=${res.body.batchId}`);
		expect(info.body).toEqual({ status: 'completed', success: ['1'], failure: ['invalid.email@invalidDomain'] });
		const jane = (await state()).contacts[0];
		expect(jane).toMatchObject({
			firstName: 'Jane',
			tags: ['existing', 'brand-new'],
			fieldValues: { COMPANY_SIZE: '50', INTEREST: '||foo||bar||' },
			lists: [
				{ name: 'Old', status: 2 },
				{ name: 'Newsletter', status: 1 },
				{ name: 'Events', status: 1 },
			],
		});
		const overview = await env.ac.api<{ outstanding: unknown[]; recentlyCompleted: Array<{ batches: number; contacts: number }> }>('GET', '/import/bulk_import');
		expect(overview.body.outstanding).toEqual([]);
		expect(overview.body.recentlyCompleted[0]).toMatchObject({ batches: 1, contacts: 2 });
	});

	test('§4.3 §4.8 the importer cannot re-subscribe a contact who unsubscribed from that list', async () => {
		await env.ac.admin('POST', '/seed', { lists: ['News'], contacts: [{ email: 'gone@example.com', lists: [{ list: 'News', status: 2 }] }] });
		await env.ac.api('POST', '/import/bulk_import', importBody([{ email: 'gone@example.com', subscribe: [{ listid: 1 }] }]));
		expect((await state()).contacts[0].lists).toEqual([expect.objectContaining({ status: 2 })]);
	});

	test('§4.8 §4.9 imports fire no webhooks', async () => {
		const receiver = await startReceiver();
		try {
			await env.ac.api('POST', '/webhooks', {
				webhook: { name: 'all', url: receiver.url, events: ['subscribe', 'update', 'contact_tag_added'], sources: ['public', 'admin', 'api', 'system'] },
			});
			await env.ac.api('POST', '/import/bulk_import', importBody([{ email: 'quiet@example.com', tags: ['t'] }]));
			await env.sandbox.idle();
			expect(receiver.received).toEqual([]);
		} finally {
			await receiver.close();
		}
	});

	test('§4.8 validation: more than 250 contacts, more than 400000 bytes, a bad email answer the documented 400', async () => {
		const tooMany = await env.ac.api<{ success: number; message: string }>(
			'POST',
			'/import/bulk_import',
			importBody(Array.from({ length: 251 }, (_, i) => ({ email: `c${i}@example.com` }))),
		);
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.success).toBe(0);
		expect(tooMany.body.message).toMatch(/^JSON payload did not pass validation/);
		const huge = importBody([{ email: 'a@example.com', first_name: 'x'.repeat(400_000) }, { email: 'b@example.com' }]);
		const big = await env.ac.api('POST', '/import/bulk_import', huge);
		expect(big.status).toBe(400);
		const badEmail = await env.ac.api('POST', '/import/bulk_import', importBody([{ email: 'a@example.com' }, { email: 'nope' }]));
		expect(badEmail.status).toBe(400);
		expect(badEmail.body).toEqual({
			success: 0,
			message: 'JSON payload did not pass validation. Please fix failure Reasons and retry. The import was not queued for processing.',
			failureReasons: [{ contact: 1, failureReason: 'Field‘ email’ incorrect format' }],
		});
		expect((await state()).contacts).toEqual([]);
	});

	test('§2 §4.8 20 single-contact imports a minute, then the documented 400 "Rate limit exceeded."', async () => {
		for (let i = 0; i < 20; i++) {
			const ok = await env.ac.api('POST', '/import/bulk_import', importBody([{ email: `s${i}@example.com` }]));
			expect(ok.status).toBe(200);
		}
		const refused = await env.ac.api('POST', '/import/bulk_import', importBody([{ email: 'late@example.com' }]));
		expect(refused.status).toBe(400);
		expect(refused.body).toEqual({
			success: 0,
			message: 'Rate limit exceeded.',
			failureReasons: [expect.stringMatching(/^Up to 20 imports may be requested per minute\./)],
		});
		// Multi-contact requests have their own budget.
		const multi = await env.ac.api('POST', '/import/bulk_import', importBody([{ email: 'm1@example.com' }, { email: 'm2@example.com' }]));
		expect(multi.status).toBe(200);
	});

	test('§2 §4.8 100 multi-contact imports a minute, then the documented 400 body', async () => {
		const pair = (i: number) => importBody([{ email: `a${i}@example.com` }, { email: `b${i}@example.com` }]);
		const results = await Promise.all(Array.from({ length: 100 }, (_, i) => env.ac.api('POST', '/import/bulk_import', pair(i))));
		expect(results.every((r) => r.status === 200)).toBe(true);
		const refused = await env.ac.api('POST', '/import/bulk_import', pair(100));
		expect(refused.status).toBe(400);
		expect(refused.body).toEqual({
			success: 0,
			message: 'Rate limit exceeded.',
			failureReasons: [
				'Up to 100 imports may be requested per minute.Please batch contacts into larger requests, or retry this request in a minute.',
			],
		});
	});

	test('§4.8 GET /import/info without batchId answers the documented 400', async () => {
		const res = await env.ac.api('GET', '/import/info');
		expect(res.status).toBe(400);
		expect(res.body).toEqual({ success: 0, message: "'batchId' is a required field." });
	});

	test('§4.8 the callback is called once the import completes, with its params and counts', async () => {
		const receiver = await startReceiver();
		try {
			await env.ac.api(
				'POST',
				'/import/bulk_import',
				importBody([{ email: 'ok@example.com' }, { email: 'bad@nodot' }], {
					callback: { url: receiver.url, requestType: 'POST', detailed_results: 'true', params: [{ key: 'run', value: '7' }] },
				}),
			);
			await env.sandbox.idle();
			expect(receiver.received).toHaveLength(1);
			expect(receiver.received[0].fields).toMatchObject({ run: '7', status: 'completed', success: '1', failure: '1', 'failures[0][email]': 'bad@nodot' });
		} finally {
			await receiver.close();
		}
	});
});
