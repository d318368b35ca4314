import { acSandbox } from '../support';

const ac = acSandbox();

describe('Automation', () => {
	beforeEach(() => ac.seed({ automations: ['Onboarding', 'Lead Nurture'], contacts: [{ email: 'ada@example.com' }] }));

	it('adds a contact by email to an automation by name, then removes it (finding the contactAutomation)', async () => {
		const added = await ac.run({ resource: 'automation', operation: 'addContact', contact: 'ada@example.com', automation: 'Onboarding' });
		expect(added.outputs[0][0].json).toMatchObject({ automationName: 'Onboarding' });
		expect((await ac.contact('ada@example.com'))?.automations.map((a) => a.name)).toEqual(['Onboarding']);

		const removed = await ac.run({ resource: 'automation', operation: 'removeContact', contact: 'ada@example.com', automation: 'onboarding' });

		expect(removed.outputs[0][0].json).toMatchObject({ automationName: 'Onboarding', removed: true });
		expect((await ac.contact('ada@example.com'))?.automations).toEqual([]);
	});

	it('removing from an automation the contact is not in reports removed: false', async () => {
		const { outputs } = await ac.run({ resource: 'automation', operation: 'removeContact', contact: 'ada@example.com', automation: 'Lead Nurture' });

		expect(outputs[0][0].json).toMatchObject({ removed: false });
	});

	it('an unknown automation or contact email is an error naming it', async () => {
		const automation = await ac.run({ resource: 'automation', operation: 'addContact', contact: 'ada@example.com', automation: 'Onbording' });
		const contact = await ac.run({ resource: 'automation', operation: 'addContact', contact: 'who@example.com', automation: 'Onboarding' });

		expect(automation.error?.message).toBe('Automation: no automation named or with ID "Onbording" exists in ActiveCampaign [item 0]');
		expect(contact.error?.message).toBe('No contact with email who@example.com exists in ActiveCampaign [item 0]');
	});

	it('gets many automations', async () => {
		const { outputs } = await ac.run({ resource: 'automation', operation: 'getMany', returnAll: true });

		expect(outputs[0].map((i) => i.json.name)).toEqual(['Onboarding', 'Lead Nurture']);
	});
});
