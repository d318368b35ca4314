import { acSandbox, counts } from '../support';

const ac = acSandbox();

describe('Deal → Create Note and Update Note', () => {
	let deal: string;
	beforeEach(async () => {
		deal = (await ac.seed({ deals: [{ title: 'Big one' }] })).deals['Big one'];
	});

	it('adds a note to a deal and changes its text', async () => {
		const created = await ac.run({ resource: 'deal', operation: 'createNote', dealId: deal, note: 'Sent the proposal' });
		const noteId = String(created.outputs[0][0].json.id);
		const updated = await ac.run({ resource: 'deal', operation: 'updateNote', dealId: deal, noteId, note: 'Proposal accepted' });

		expect(created.outputs[0][0].json).toMatchObject({ note: 'Sent the proposal', reltype: 'Deal', relid: deal });
		expect(updated.outputs[0][0].json).toMatchObject({ id: noteId, note: 'Proposal accepted' });
		expect((await ac.state()).notes).toEqual([{ id: noteId, note: 'Proposal accepted', reltype: 'Deal', relid: deal }]);
	});

	it('an empty note, a bad note id or a note of another deal is an error naming the item and field', async () => {
		const empty = await ac.run({ resource: 'deal', operation: 'createNote', dealId: deal, note: ' ' });
		const badId = await ac.run({ resource: 'deal', operation: 'updateNote', dealId: deal, noteId: 'first', note: 'x' });
		const missingDeal = await ac.run({ resource: 'deal', operation: 'createNote', dealId: '999', note: 'x' });
		const missingNote = await ac.run({ resource: 'deal', operation: 'updateNote', dealId: deal, noteId: '77', note: 'x' });

		expect(empty.error?.message).toBe('Note is empty [item 0]');
		expect(badId.error?.message).toBe('Note ID "first" is not a number [item 0]');
		expect(missingDeal.error?.message).toMatch(/^ActiveCampaign answered HTTP 404 while adding a note to deal 999/);
		expect(missingNote.error?.message).toMatch(new RegExp(`^ActiveCampaign answered HTTP 404 while updating note 77 of deal ${deal}`));
		expect(counts(await ac.stats())['POST /api/3/deals/:id/notes']).toBe(1);
		expect((await ac.state()).notes).toEqual([]);
	});
});
