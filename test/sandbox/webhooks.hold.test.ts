import { startReceiver, useSandbox } from './activecampaign/testkit';

/** `POST /__sandbox/webhooks/hold`: deliveries wait while held and go out in order when released (edits "at once"). */

const env = useSandbox({ rateLimit: false });
let receiver: Awaited<ReturnType<typeof startReceiver>>;

beforeAll(async () => {
	receiver = await startReceiver();
});
afterAll(() => receiver.close());
beforeEach(async () => {
	receiver.received.length = 0;
	await env.ac.admin('POST', '/seed', { fields: [{ title: 'Company', type: 'text' }], contacts: [{ email: 'ada@example.com', firstName: 'Ada' }] });
	await env.ac.api('POST', '/webhooks', { webhook: { name: 'hold', url: receiver.url, events: ['update'], sources: ['admin'] } });
});

const edit = (firstName: string) => env.ac.admin('POST', '/contact-events', { email: 'ada@example.com', type: 'update', firstName, source: 'admin' });

test('held deliveries are not sent until released, then all go out in the order of the edits, each as it was sent', async () => {
	await env.ac.admin('POST', '/webhooks/hold', { hold: true });
	await edit('Ada 1');
	await edit('Ada 2');
	await new Promise((resolve) => setTimeout(resolve, 300));
	expect(receiver.received).toEqual([]);

	const released = await env.ac.admin('POST', '/webhooks/hold', { hold: false });
	await env.ac.admin('POST', '/idle');
	expect(released.body).toEqual({ hold: false });
	expect(receiver.received.map((r) => r.fields['contact[first_name]'])).toEqual(['Ada 1', 'Ada 2']);
});

test('a reset lets held deliveries go', async () => {
	await env.ac.admin('POST', '/webhooks/hold', { hold: true });
	await edit('Ada 3');
	await env.ac.admin('POST', '/reset');
	await env.ac.admin('POST', '/idle');
	expect(receiver.received.map((r) => r.fields.type)).toEqual(['update']);
});
