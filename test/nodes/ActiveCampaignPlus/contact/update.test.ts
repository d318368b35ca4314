import { acSandbox, counts } from '../support';
import { CONTACTS } from './seed';

const ac = acSandbox();

describe('Contact → Update', () => {
	beforeEach(() => ac.seed(CONTACTS));

	it('changes the email address and name of a contact found by email; its tags, lists and fields stay', async () => {
		const { outputs, error } = await ac.run({
			resource: 'contact',
			operation: 'update',
			contact: 'ADA@example.com',
			updateFields: { email: 'ada.lovelace@example.com', lastName: 'Lovelace' },
		});

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toMatchObject({ email: 'ada.lovelace@example.com', firstName: 'Ada', lastName: 'Lovelace' });
		const state = await ac.state();
		expect(state.contacts.map((c) => c.email)).toEqual(['ada.lovelace@example.com', 'bo@example.com', 'cy@example.com']);
		expect(state.contacts[0]).toMatchObject({ firstName: 'Ada', lastName: 'Lovelace', tags: ['vip'] });
		expect(await ac.contact('ada@example.com')).toBeUndefined();
		expect(counts(await ac.stats())).toEqual({ 'GET /api/3/contacts': 1, 'PUT /api/3/contacts/:id': 1 });
	});

	it('by id, one request per item; fields left out are kept', async () => {
		const ids = (await ac.state()).contacts.map((c) => c.id);
		const { outputs, error } = await ac.run({ resource: 'contact', operation: 'update', contact: '={{ $json.id }}', updateFields: { phone: '={{ $json.phone }}' } }, [
			{ id: ids[1], phone: '+1 555 0101' },
			{ id: ids[2], phone: '+1 555 0102' },
		]);

		expect(error).toBeUndefined();
		expect(outputs[0].map((o) => [o.json.id, o.json.phone])).toEqual([
			[ids[1], '+1 555 0101'],
			[ids[2], '+1 555 0102'],
		]);
		expect((await ac.state()).contacts.map((c) => [c.email, c.firstName, c.phone])).toEqual([
			['ada@example.com', 'Ada', ''],
			['bo@example.com', 'Bo', '+1 555 0101'],
			['cy@example.com', 'Cy', '+1 555 0102'],
		]);
		expect(counts(await ac.stats())).toEqual({ 'PUT /api/3/contacts/:id': 2 });
	});

	it('a bad or taken new email, an unknown contact or no fields is an error naming the item; nothing changes', async () => {
		const update = (contact: string, updateFields: Record<string, string>) => ac.run({ resource: 'contact', operation: 'update', contact, updateFields });
		const bad = await update('ada@example.com', { email: 'ada at example' });
		const taken = await update('ada@example.com', { email: 'bo@example.com' });
		const unknown = await update('who@example.com', { firstName: 'Who' });
		const none = await update('ada@example.com', {});

		expect(bad.error?.message).toBe('Update Fields → Email "ada at example" is not a valid email address [item 0]');
		expect(taken.error?.message).toMatch(/^ActiveCampaign answered HTTP 422 while updating contact \d+/);
		expect(unknown.error?.message).toBe('No contact with email who@example.com exists in ActiveCampaign [item 0]');
		expect(none.error?.message).toBe('Update Fields is empty [item 0]');
		expect((await ac.state()).contacts.map((c) => [c.email, c.firstName])).toEqual([
			['ada@example.com', 'Ada'],
			['bo@example.com', 'Bo'],
			['cy@example.com', 'Cy'],
		]);
	});
});
