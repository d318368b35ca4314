import { CONTACT_FIELDS } from '../../../../nodes/ActiveCampaignPlus/helpers/simplify';
import { acSandbox } from '../support';
import { CONTACTS } from './seed';

const ac = acSandbox();

describe('Contact → Get', () => {
	beforeEach(() => ac.seed(CONTACTS));

	it('gets a contact by email and by id', async () => {
		const byEmail = await ac.run({ resource: 'contact', operation: 'get', contact: 'BO@example.com' });
		const id = byEmail.outputs[0][0].json.id as string;
		const byId = await ac.run({ resource: 'contact', operation: 'get', contact: (await ac.contact('ada@example.com'))!.id });

		expect(byEmail.outputs[0][0].json).toMatchObject({ email: 'bo@example.com', firstName: 'Bo' });
		expect(id).toEqual(expect.any(String));
		expect(byId.outputs[0][0].json).toMatchObject({ email: 'ada@example.com', fieldValues: [expect.objectContaining({ value: '3' })] });
	});

	it('Simplify (on by default) keeps the contact fields a person uses; off, the whole contact comes back', async () => {
		const id = (await ac.contact('ada@example.com'))!.id;
		const simple = await ac.run({ resource: 'contact', operation: 'get', contact: id });
		const raw = await ac.run({ resource: 'contact', operation: 'get', contact: id, simple: false });

		expect(Object.keys(simple.outputs[0][0].json)).toEqual(CONTACT_FIELDS);
		expect(simple.outputs[0][0].json).toMatchObject({ id, email: 'ada@example.com', firstName: 'Ada', fieldValues: [expect.objectContaining({ value: '3' })] });
		expect(raw.outputs[0][0].json).toMatchObject({ id, email: 'ada@example.com', hash: expect.any(String), links: expect.any(Object) });
		expect(Object.keys(raw.outputs[0][0].json).length).toBeGreaterThan(20);
	});

	it('an unknown email or a value that is neither email nor id says so', async () => {
		const unknown = await ac.run({ resource: 'contact', operation: 'get', contact: 'nobody@example.com' });
		const garbage = await ac.run({ resource: 'contact', operation: 'get', contact: 'Ada Lovelace' });

		expect(unknown.error?.message).toBe('No contact with email nobody@example.com exists in ActiveCampaign [item 0]');
		expect(garbage.error?.message).toBe('Contact "Ada Lovelace" is neither an email address nor a contact ID [item 0]');
	});
});
