import type { IDataObject } from 'n8n-workflow';

import { acSandbox, counts } from '../support';

const ac = acSandbox();

interface DealRow {
	id: string;
	title: string;
	contact: string | null;
	owner: string;
	percent: number;
}

async function deals(): Promise<DealRow[]> {
	const rows = (await ac.env.ac.admin<{ deals: DealRow[] }>('GET', '/state')).body.deals;
	return rows.map(({ id, title, contact, owner, percent }) => ({ id, title, contact, owner, percent }));
}

const create = (additionalFields: IDataObject): IDataObject => ({
	resource: 'deal',
	operation: 'create',
	title: 'Ada renewal',
	value: '1499.99',
	currency: 'usd',
	contact: 'ada@example.com',
	pipeline: 'Sales Pipeline',
	stage: '',
	additionalFields,
});

describe('Deal → owner, percentage and contact', () => {
	let ids: Record<string, Record<string, string>>;
	beforeEach(async () => {
		ids = await ac.seed({
			users: [
				{ username: 'sam', firstName: 'Sam', lastName: 'Seller', email: 'sam@example.com' },
				{ username: 'kim', firstName: 'Kim', lastName: 'Closer', email: 'kim@example.com' },
			],
			contacts: [{ email: 'ada@example.com' }, { email: 'bo@example.com' }],
		});
	});

	it('Create sets the owner by full name or id and the percentage; users are read once per run', async () => {
		const { outputs, error } = await ac.run(create({ owner: '={{ $json.owner }}', percent: '={{ $json.percent }}' }), [
			{ owner: 'Sam Seller', percent: 40 },
			{ owner: ids.users.kim, percent: '0' },
		]);

		expect(error).toBeUndefined();
		expect(outputs[0].map((o) => [o.json.owner, o.json.percent])).toEqual([
			[ids.users.sam, '40'],
			[ids.users.kim, '0'],
		]);
		expect(counts(await ac.stats())['GET /api/3/users']).toBe(1);
		expect((await deals()).map((d) => [d.owner, d.percent])).toEqual([
			[ids.users.sam, 40],
			[ids.users.kim, 0],
		]);
	});

	it('Update changes the contact (by email or id), the owner (by username or email) and the percentage', async () => {
		const id = String((await ac.run(create({}))).outputs[0][0].json.id);

		const first = await ac.run({ resource: 'deal', operation: 'update', dealId: id, updateFields: { contact: 'bo@example.com', owner: 'kim', percent: 75 } });
		expect(first.error).toBeUndefined();
		expect(first.outputs[0][0].json).toMatchObject({ id, contact: ids.contacts['bo@example.com'], owner: ids.users.kim, percent: '75' });
		expect(await deals()).toEqual([{ id, title: 'Ada renewal', contact: ids.contacts['bo@example.com'], owner: ids.users.kim, percent: 75 }]);

		const second = await ac.run({ resource: 'deal', operation: 'update', dealId: id, updateFields: { contact: ids.contacts['ada@example.com'], owner: 'SAM@example.com' } });
		expect(second.error).toBeUndefined();
		expect(await deals()).toEqual([{ id, title: 'Ada renewal', contact: ids.contacts['ada@example.com'], owner: ids.users.sam, percent: 75 }]);
	});

	it('an unknown owner or contact, or a percentage out of range, is an error naming the item and field; nothing is written', async () => {
		const owner = await ac.run(create({ owner: 'Pat' }));
		const percent = await ac.run(create({ percent: 150 }));
		const id = String((await ac.run(create({}))).outputs[0][0].json.id);
		const update = (updateFields: IDataObject) => ac.run({ resource: 'deal', operation: 'update', dealId: id, updateFields });
		const badOwner = await update({ owner: 'pat@example.com' });
		const badPercent = await update({ percent: '12.5' });
		const badContact = await update({ contact: 'bo' });
		const noContact = await update({ contact: 'who@example.com' });

		expect(owner.error?.message).toBe('Additional Fields → Owner: no user with the name, username, email or ID "Pat" exists in ActiveCampaign [item 0]');
		expect(owner.error?.description).toMatch(/^Use one of: .*Sam Seller, Kim Closer\.$/);
		expect(percent.error?.message).toBe('Additional Fields → Percentage "150" is not a percentage [item 0]');
		expect(percent.error?.description).toBe('Enter a whole number from 0 to 100 in "Additional Fields → Percentage".');
		expect(badOwner.error?.message).toBe('Update Fields → Owner: no user with the name, username, email or ID "pat@example.com" exists in ActiveCampaign [item 0]');
		expect(badPercent.error?.message).toBe('Update Fields → Percentage "12.5" is not a percentage [item 0]');
		expect(badContact.error?.message).toBe('Update Fields → Contact "bo" is neither an email address nor a contact ID [item 0]');
		expect(noContact.error?.message).toBe('No contact with email who@example.com exists in ActiveCampaign [item 0]');
		const sent = counts(await ac.stats());
		expect([sent['POST /api/3/deals'], sent['PUT /api/3/deals/:id'] ?? 0]).toEqual([1, 0]);
		expect(await deals()).toEqual([{ id, title: 'Ada renewal', contact: ids.contacts['ada@example.com'], owner: '1', percent: 0 }]);
	});
});
