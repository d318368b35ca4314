import { runNode, TestCredentials } from '../../../support/n8n';
import { acSandbox, counts } from '../support';

const ac = acSandbox();

describe('Event → Track', () => {
	beforeEach(() => ac.seed({ eventTracking: { enabled: true }, contacts: [{ email: 'ada@example.com' }] }));

	it('records the event with its data for the contact, registering the name first', async () => {
		const { outputs } = await ac.run(
			{ resource: 'event', operation: 'track', email: 'ada@example.com', event: 'webinar_joined', eventData: 'room 2', register: true },
			[{}, {}],
		);

		expect(outputs[0].map((i) => i.json.success)).toEqual([true, true]);
		const state = await ac.state();
		expect(state.eventTracking.events).toEqual(['webinar_joined']);
		expect(state.contacts[0].events.map((e) => [e.event, e.eventdata])).toEqual([
			['webinar_joined', 'room 2'],
			['webinar_joined', 'room 2'],
		]);
		// The name is checked and registered once per execution, not per item; each item is one trackcmp call.
		expect(counts(await ac.stats())).toEqual({
			'GET /api/3/eventTrackingEvents': 1,
			'POST /api/3/eventTrackingEvents': 1,
			'POST /event': 2,
		});
	});

	it('a refusal from event tracking is an error, and the event key never shows', async () => {
		await ac.env.ac.api('PUT', '/eventTracking', { eventTracking: { enabled: false } });

		const { error, run } = await ac.run({ resource: 'event', operation: 'track', email: 'ada@example.com', event: 'x' });

		expect(error?.message).toBe('ActiveCampaign did not record event "x" for ada@example.com: Event tracking is not enabled for this account');
		expect(JSON.stringify(run.data)).not.toContain('sandbox-event-key');
	});

	it('a bad email is refused before anything is sent', async () => {
		const { error } = await ac.run({ resource: 'event', operation: 'track', email: 'ada@', event: 'x' });

		expect(error?.message).toBe('Email "ada@" is not a valid email address [item 0]');
		expect((await ac.state()).contacts[0].events).toEqual([]);
	});

	it('a credential without the event tracking account and key says what to fill in; nothing is sent', async () => {
		const credentials = new TestCredentials().set('activeCampaignPlusApi', { apiUrl: ac.env.sandbox.url, apiKey: 'sandbox-key' });

		const { error } = await runNode({
			type: 'activeCampaignPlus',
			parameters: { resource: 'event', operation: 'track', email: 'ada@example.com', event: 'x' },
			credentials,
		});

		expect(error?.message).toBe('Event tracking needs the Event Tracking Account ID and Event Key [item 0]');
		expect(error?.description).toContain('Settings → Tracking → Event Tracking');
		expect(counts(await ac.stats())['POST /event']).toBeUndefined();
	});
});
