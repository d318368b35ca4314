import { acSandbox, counts } from '../support';

const ac = acSandbox();

const pause = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

describe('Contact → Get Many filters: automation, exclude, created and updated before', () => {
	let between: string;
	beforeEach(async () => {
		await ac.seed({
			automations: ['Onboarding', 'Win-back'],
			contacts: [
				{ email: 'ada@example.com', automations: ['Onboarding'] },
				{ email: 'bo@example.com', automations: ['Win-back'] },
			],
		});
		await pause(20);
		between = new Date().toISOString();
		await pause(20);
		await ac.seed({ contacts: [{ email: 'cy@example.com', automations: ['Onboarding'] }] });
		const touched = await ac.run({ resource: 'contact', operation: 'update', contact: 'ada@example.com', updateFields: { firstName: 'Ada' } });
		if (touched.error) throw touched.error;
	});

	const emails = async (filters: Record<string, string>) => {
		const { outputs, error } = await ac.run({ resource: 'contact', operation: 'getMany', returnAll: true, filters });
		if (error) throw error;
		return outputs[0].map((o) => o.json.email);
	};

	it('filters by automation name, by a contact to leave out, and by created or updated before a moment', async () => {
		expect(await emails({ automation: 'onboarding' })).toEqual(['ada@example.com', 'cy@example.com']);
		expect(await emails({ exclude: 'bo@example.com' })).toEqual(['ada@example.com', 'cy@example.com']);
		expect(await emails({ createdBefore: between })).toEqual(['ada@example.com', 'bo@example.com']);
		expect(await emails({ updatedBefore: between })).toEqual(['bo@example.com']);
		expect(await emails({ createdBefore: between, updatedBefore: between, automation: 'Win-back', exclude: 'ada@example.com' })).toEqual(['bo@example.com']);
	});

	it('an unknown automation or excluded contact is an error naming the item and field; nothing is listed', async () => {
		const before = counts(await ac.stats())['GET /api/3/contacts'] ?? 0;
		const automation = await ac.run({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { automation: 'Welcome' } });
		const exclude = await ac.run({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { exclude: 'nobody' } });

		expect(automation.error?.message).toBe('Filters → Automation: no automation named or with ID "Welcome" exists in ActiveCampaign [item 0]');
		expect(automation.error?.description).toBe('Use one of: Onboarding, Win-back.');
		expect(exclude.error?.message).toBe('Filters → Exclude Contact "nobody" is neither an email address nor a contact ID [item 0]');
		expect(counts(await ac.stats())['GET /api/3/contacts'] ?? 0).toBe(before);
	});
});
