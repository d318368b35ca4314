import { acSandbox, counts } from '../support';

const ac = acSandbox();

/** Each account's people as `name: email (job title)`. */
async function people(): Promise<string[]> {
	return (await ac.state()).accounts.flatMap((a) => a.contacts.map((c) => `${a.name}: ${c.email} (${c.jobTitle})`));
}

describe('Account Contact', () => {
	let ids: Record<string, Record<string, string>>;
	beforeEach(async () => {
		ids = await ac.seed({
			contacts: [{ email: 'ada@example.com' }, { email: 'bo@example.com' }, { email: 'cy@example.com' }],
			accounts: [{ name: 'Acme', contacts: [{ email: 'cy@example.com', jobTitle: 'CFO' }] }, { name: 'Globex' }],
		});
	});

	it('adds contacts by email or id to an account by name or id, with a job title', async () => {
		const { outputs, error } = await ac.run(
			{ resource: 'accountContact', operation: 'create', contact: '={{ $json.contact }}', account: '={{ $json.account }}', jobTitle: '={{ $json.title }}' },
			[
				{ contact: 'ada@example.com', account: 'acme', title: 'CTO' },
				{ contact: ids.contacts['bo@example.com'], account: ids.accounts.Globex, title: '' },
			],
		);

		expect(error).toBeUndefined();
		expect(outputs[0].map((o) => [o.json.account, o.json.contact, o.json.jobTitle, o.json.created])).toEqual([
			[ids.accounts.Acme, ids.contacts['ada@example.com'], 'CTO', true],
			[ids.accounts.Globex, ids.contacts['bo@example.com'], '', true],
		]);
		expect(await people()).toEqual(['Acme: cy@example.com (CFO)', 'Acme: ada@example.com (CTO)', 'Globex: bo@example.com ()']);
	});

	it('adding a contact to its own account again is not an error (the job title is set); to another account it is', async () => {
		const same = await ac.run({ resource: 'accountContact', operation: 'create', contact: 'cy@example.com', account: 'Acme', jobTitle: 'CEO' });
		const other = await ac.run({ resource: 'accountContact', operation: 'create', contact: 'cy@example.com', account: 'Globex' });

		expect(same.error).toBeUndefined();
		expect(same.outputs[0][0].json).toMatchObject({ account: ids.accounts.Acme, jobTitle: 'CEO', created: false });
		expect(other.error?.message).toBe('Contact cy@example.com is already on account "Acme"; a contact can be on one account only [item 0]');
		expect(other.error?.description).toBe('Remove it from "Acme" first (Account Contact → Delete), or use account "Acme".');
		expect(await people()).toEqual(['Acme: cy@example.com (CEO)']);
	});

	it('unknown contacts and accounts are errors naming the item and field; nothing is written', async () => {
		const contact = await ac.run({ resource: 'accountContact', operation: 'create', contact: 'who@example.com', account: 'Acme' });
		const account = await ac.run({ resource: 'accountContact', operation: 'create', contact: 'ada@example.com', account: 'Umbrella' });
		const empty = await ac.run({ resource: 'accountContact', operation: 'create', contact: 'ada@example.com', account: ' ' });

		expect(contact.error?.message).toBe('No contact with email who@example.com exists in ActiveCampaign [item 0]');
		expect(account.error?.message).toBe('Account: no account named "Umbrella" exists in ActiveCampaign [item 0]');
		expect(empty.error?.message).toBe('Account is empty [item 0]');
		expect(counts(await ac.stats())['POST /api/3/accountContacts']).toBeUndefined();
	});

	it('gets the contacts of an account, or the account of a contact', async () => {
		await ac.run({ resource: 'accountContact', operation: 'create', contact: 'ada@example.com', account: 'Acme', jobTitle: 'CTO' });

		const byAccount = await ac.run({ resource: 'accountContact', operation: 'getMany', by: 'account', account: 'Acme', returnAll: true });
		const limited = await ac.run({ resource: 'accountContact', operation: 'getMany', by: 'account', account: 'Acme', returnAll: false, limit: 1 });
		const byContact = await ac.run({ resource: 'accountContact', operation: 'getMany', by: 'contact', contact: 'ada@example.com', returnAll: true });
		const none = await ac.run({ resource: 'accountContact', operation: 'getMany', by: 'contact', contact: 'bo@example.com', returnAll: true });

		expect(byAccount.outputs[0].map((o) => [o.json.contact, o.json.jobTitle])).toEqual([
			[ids.contacts['cy@example.com'], 'CFO'],
			[ids.contacts['ada@example.com'], 'CTO'],
		]);
		expect(limited.outputs[0]).toHaveLength(1);
		expect(byContact.outputs[0].map((o) => o.json.account)).toEqual([ids.accounts.Acme]);
		expect(none.outputs[0]).toEqual([]);
	});

	it("updates a contact's job title on its account; a contact not on that account is an error", async () => {
		const { outputs } = await ac.run({ resource: 'accountContact', operation: 'update', contact: 'cy@example.com', account: 'Acme', jobTitle: 'COO' });
		const wrong = await ac.run({ resource: 'accountContact', operation: 'update', contact: 'cy@example.com', account: 'Globex', jobTitle: 'x' });

		expect(outputs[0][0].json).toMatchObject({ account: ids.accounts.Acme, contact: ids.contacts['cy@example.com'], jobTitle: 'COO' });
		expect(wrong.error?.message).toBe('Contact cy@example.com is not on account "Globex" [item 0]');
		expect(await people()).toEqual(['Acme: cy@example.com (COO)']);
	});

	it('removes a contact from an account; a contact not on it is reported, not an error', async () => {
		const removed = await ac.run({ resource: 'accountContact', operation: 'delete', contact: 'cy@example.com', account: 'Acme' });
		const again = await ac.run({ resource: 'accountContact', operation: 'delete', contact: 'cy@example.com', account: 'Acme' });

		expect(removed.outputs[0][0].json).toMatchObject({ contact: ids.contacts['cy@example.com'], account: ids.accounts.Acme, removed: true });
		expect(again.error).toBeUndefined();
		expect(again.outputs[0][0].json).toMatchObject({ removed: false });
		expect((await ac.state()).accountContacts).toEqual([]);
	});
});
