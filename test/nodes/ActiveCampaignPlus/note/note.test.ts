import { acSandbox, counts } from '../support';

const ac = acSandbox();

interface NoteRow {
	id: string;
	note: string;
	reltype: string;
	relid: string;
}

async function notes(): Promise<NoteRow[]> {
	return (await ac.env.ac.admin<{ notes: NoteRow[] }>('GET', '/state')).body.notes;
}

describe('Note', () => {
	let ids: Record<string, Record<string, string>>;
	beforeEach(async () => {
		ids = await ac.seed({ contacts: [{ email: 'ada@example.com' }, { email: 'bo@example.com' }] });
	});

	it('creates a note on a contact by email and by id (reltype Subscriber)', async () => {
		const byEmail = await ac.run({ resource: 'note', operation: 'create', contact: 'ada@example.com', note: 'Called, wants a demo' });
		const byId = await ac.run({ resource: 'note', operation: 'create', contact: ids.contacts['bo@example.com'], note: 'Sent pricing' });

		expect(byEmail.error).toBeUndefined();
		expect(byEmail.outputs[0][0].json).toMatchObject({ note: 'Called, wants a demo', reltype: 'Subscriber', relid: ids.contacts['ada@example.com'] });
		expect(byId.outputs[0][0].json).toMatchObject({ note: 'Sent pricing', relid: ids.contacts['bo@example.com'] });
		expect((await notes()).map(({ note, reltype, relid }) => ({ note, reltype, relid }))).toEqual([
			{ note: 'Called, wants a demo', reltype: 'Subscriber', relid: ids.contacts['ada@example.com'] },
			{ note: 'Sent pricing', reltype: 'Subscriber', relid: ids.contacts['bo@example.com'] },
		]);
	});

	it("gets a contact's notes, all or up to a limit", async () => {
		await ac.run({ resource: 'note', operation: 'create', contact: 'ada@example.com', note: '={{ $json.text }}' }, [
			{ text: 'one' },
			{ text: 'two' },
			{ text: 'three' },
		]);
		await ac.run({ resource: 'note', operation: 'create', contact: 'bo@example.com', note: 'not ada' });

		const all = await ac.run({ resource: 'note', operation: 'getMany', contact: 'ada@example.com', returnAll: true });
		const limited = await ac.run({ resource: 'note', operation: 'getMany', contact: ids.contacts['ada@example.com'], returnAll: false, limit: 2 });

		expect(all.outputs[0].map((i) => i.json.note)).toEqual(['one', 'two', 'three']);
		expect(limited.outputs[0].map((i) => i.json.note)).toEqual(['one', 'two']);
	});

	it('an unknown contact email, a bad contact or an empty note is an error naming the item and field; nothing is written', async () => {
		const unknown = await ac.run({ resource: 'note', operation: 'create', contact: 'who@example.com', note: 'x' });
		const bad = await ac.run({ resource: 'note', operation: 'create', contact: 'ada', note: 'x' });
		const empty = await ac.run({ resource: 'note', operation: 'create', contact: 'ada@example.com', note: '  ' });

		expect(unknown.error?.message).toBe('No contact with email who@example.com exists in ActiveCampaign [item 0]');
		expect(bad.error?.message).toBe('Contact "ada" is neither an email address nor a contact ID [item 0]');
		expect(empty.error?.message).toBe('Note is empty [item 0]');
		expect(counts(await ac.stats())['POST /api/3/notes']).toBeUndefined();
		expect(await notes()).toEqual([]);
	});

	it('with Continue On Fail, the bad item goes to the error output and the others are written', async () => {
		const { outputs } = await ac.run(
			{ resource: 'note', operation: 'create', contact: '={{ $json.email }}', note: 'Met at the fair' },
			[{ email: 'ada@example.com' }, { email: 'who@example.com' }, { email: 'bo@example.com' }],
			'continueErrorOutput',
		);

		expect(outputs[0].map((o) => [o.json.relid, o.pairedItem])).toEqual([
			[ids.contacts['ada@example.com'], { item: 0 }],
			[ids.contacts['bo@example.com'], { item: 2 }],
		]);
		expect(outputs[1].map((o) => [o.json.error, o.pairedItem])).toEqual([
			['No contact with email who@example.com exists in ActiveCampaign [item 1]', { item: 1 }],
		]);
		expect((await notes()).map((n) => n.relid)).toEqual([ids.contacts['ada@example.com'], ids.contacts['bo@example.com']]);
	});
});
