/**
 * ActiveCampaign Plus in a real n8n 2.41 against the ActiveCampaign sandbox: every Account and Account Contact
 * operation, and the Deal (get many with filters, notes, delete, owner and percentage), Tag (get, update, delete) and
 * Contact (update) operations added for parity with n8n's own node, each run as a step of three workflows; the
 * sandbox's stored state is checked after each.
 */
import { acChain, first } from './acChain';
import { getHarness, type HarnessClient } from './harness';

interface ParityState {
	accounts: Array<{ id: string; name: string; accountUrl: string | null; fields: Record<string, string>; contacts: Array<{ email: string; jobTitle: string }> }>;
	deals: Array<{ id: string; title: string; owner: string; percent: number; contact: string | null }>;
	notes: Array<{ note: string; reltype: string; relid: string }>;
	tags: Array<{ tag: string; description: string }>;
	contacts: Array<{ id: string; email: string; tags: string[]; firstName: string }>;
}

let h: HarnessClient;

beforeAll(() => {
	h = getHarness();
});

const state = async () => await h.ac!.state<ParityState>();

describe('ActiveCampaign Plus accounts, account contacts, deals and tags in n8n', () => {
	const tag = `e2e${Date.now()}`;
	const ada = `ada.${tag}@example.com`;
	const bo = `bo.${tag}@example.com`;
	let ids: Record<string, Record<string, string>>;

	beforeAll(async () => {
		({ ids } = await h.ac!.seed({
			users: [
				{ username: `owner-${tag}`, firstName: 'Parity', lastName: 'Owner' },
				{ username: `closer-${tag}`, firstName: 'Deal', lastName: 'Closer' },
			],
			accountFields: [{ fieldLabel: `Tier ${tag}`, fieldType: 'dropdown', fieldOptions: ['Gold', 'Silver'] }],
			tags: [`old-${tag}`, `gone-${tag}`, `kept-${tag}-get`],
			contacts: [
				{ email: ada, tags: [`old-${tag}`, `gone-${tag}`] },
				{ email: bo, tags: [`gone-${tag}`] },
				{ email: `cy.${tag}@example.org`, tags: [`kept-${tag}-get`] },
			],
			deals: [
				{ title: `Open ${tag}`, contact: ada, pipeline: 'Sales Pipeline', stage: 'In Contact', owner: `owner-${tag}` },
				{ title: `Lost ${tag}`, contact: ada, pipeline: 'Sales Pipeline', stage: 'In Contact', owner: `owner-${tag}`, status: 2 },
				{ title: `Doomed ${tag}`, contact: bo },
			],
		}) as { ids: Record<string, Record<string, string>> });
	});

	it('creates, finds, renames, reads and deletes accounts and puts contacts on them; the sandbox holds the result', async () => {
		const company = `Parity Co ${tag}`;
		const renamed = `Parity Co Ltd ${tag}`;
		const temp = `Parity Temp ${tag}`;
		const run = await h.runWorkflow(
			acChain(h, [
				[
					'Create Account',
					{ resource: 'account', operation: 'create', name: company, additionalFields: { accountUrl: 'https://parity.example' }, customFields: { field: [{ name: `Tier ${tag}`, value: 'gold' }] } },
				],
				['Find Account', { resource: 'account', operation: 'findOrCreate', name: company.toUpperCase() }],
				['Rename Account', { resource: 'account', operation: 'update', account: first('Create Account'), updateFields: { name: renamed } }],
				['Get Account', { resource: 'account', operation: 'get', account: renamed, includeFieldValues: true }],
				['List Accounts', { resource: 'account', operation: 'getMany', returnAll: true, search: tag }],
				['Add Ada', { resource: 'accountContact', operation: 'create', contact: ada, account: renamed, jobTitle: 'CTO' }],
				['Add Bo', { resource: 'accountContact', operation: 'create', contact: ids.contacts[bo], account: first('Create Account'), jobTitle: 'Analyst' }],
				['Promote Ada', { resource: 'accountContact', operation: 'update', contact: ada, account: renamed, jobTitle: 'CEO' }],
				['List People', { resource: 'accountContact', operation: 'getMany', by: 'account', account: renamed, returnAll: true }],
				['Remove Bo', { resource: 'accountContact', operation: 'delete', contact: bo, account: renamed }],
				['Temp Account', { resource: 'account', operation: 'findOrCreate', name: temp }],
				['Delete Temp', { resource: 'account', operation: 'delete', account: temp }],
			]),
		);

		if (run.status !== 'success') throw new Error(`execution ${run.executionId}: ${run.error}`);
		const id = (run.output('Create Account')[0] as { id: string }).id;
		expect(run.output('Find Account')).toEqual([expect.objectContaining({ id, name: company, created: false })]);
		expect(run.output('Rename Account')).toEqual([expect.objectContaining({ id, name: renamed })]);
		expect(run.output('Get Account')).toEqual([expect.objectContaining({ id, accountUrl: 'https://parity.example', fields: { [`Tier ${tag}`]: expect.objectContaining({ value: 'Gold' }) } })]);
		expect(run.output('List Accounts')).toEqual([expect.objectContaining({ id, name: renamed })]);
		expect(run.output('Add Ada')).toEqual([expect.objectContaining({ account: id, contact: ids.contacts[ada], jobTitle: 'CTO', created: true })]);
		expect(run.output('List People')).toHaveLength(2);
		expect(run.output('Remove Bo')).toEqual([expect.objectContaining({ removed: true })]);
		expect(run.output('Temp Account')).toEqual([expect.objectContaining({ name: temp, created: true })]);
		expect(run.output('Delete Temp')).toEqual([expect.objectContaining({ name: temp, deleted: true })]);
		const mine = (await state()).accounts.filter((a) => a.name.endsWith(tag));
		expect(mine).toEqual([
			expect.objectContaining({ id, name: renamed, accountUrl: 'https://parity.example', fields: { [`Tier ${tag}`]: 'Gold' }, contacts: [{ email: ada, jobTitle: 'CEO' }] }),
		]);
	});

	it('lists deals by pipeline, stage, status, owner and search text, notes on a deal, deletes a deal; renames and deletes tags', async () => {
		const run = await h.runWorkflow(
			acChain(h, [
				[
					'Find Deals',
					{
						resource: 'deal',
						operation: 'getMany',
						returnAll: true,
						filters: { pipeline: 'Sales Pipeline', stage: 'In Contact', status: '0', owner: 'Parity Owner', search: tag, searchField: 'title' },
					},
				],
				['Note Deal', { resource: 'deal', operation: 'createNote', dealId: first('Find Deals'), note: 'Called' }],
				['Edit Note', { resource: 'deal', operation: 'updateNote', dealId: first('Find Deals'), noteId: first('Note Deal'), note: 'Called twice' }],
				['Delete Deal', { resource: 'deal', operation: 'delete', dealId: ids.deals[`Doomed ${tag}`] }],
				['Rename Tag', { resource: 'tag', operation: 'update', tag: `old-${tag}`, updateFields: { name: `new-${tag}`, description: 'Renamed in n8n' } }],
				['Delete Tag', { resource: 'tag', operation: 'delete', tag: `gone-${tag}` }],
			]),
		);

		if (run.status !== 'success') throw new Error(`execution ${run.executionId}: ${run.error}`);
		const open = ids.deals[`Open ${tag}`];
		expect(run.output('Find Deals')).toEqual([expect.objectContaining({ id: open, title: `Open ${tag}` })]);
		expect(run.output('Edit Note')).toEqual([expect.objectContaining({ note: 'Called twice', relid: open })]);
		expect(run.output('Delete Deal')).toEqual([{ id: ids.deals[`Doomed ${tag}`], deleted: true }]);
		const after = await state();
		expect(after.deals.filter((d) => d.title.endsWith(tag)).map((d) => d.title)).toEqual([`Open ${tag}`, `Lost ${tag}`]);
		expect(after.notes.filter((n) => n.reltype === 'Deal' && n.relid === open)).toEqual([expect.objectContaining({ note: 'Called twice' })]);
		expect(after.tags.filter((t) => t.tag.endsWith(tag))).toEqual([expect.objectContaining({ tag: `new-${tag}`, description: 'Renamed in n8n' })]);
		expect(after.contacts.filter((c) => c.email.endsWith(`${tag}@example.com`)).map((c) => [c.email, c.tags])).toEqual([
			[ada, [`new-${tag}`]],
			[bo, []],
		]);
	});

	it('gets a tag, changes a contact\'s email address, gives a deal an owner, a percentage and a contact', async () => {
		const cy = `cy.${tag}@example.org`;
		const moved = `cy.moved.${tag}@example.org`;
		const run = await h.runWorkflow(
			acChain(h, [
				['Get Tag', { resource: 'tag', operation: 'get', tag: `KEPT-${tag}-GET` }],
				['Move Cy', { resource: 'contact', operation: 'update', contact: cy, updateFields: { email: moved, firstName: 'Cy' } }],
				[
					'Hand Over',
					{ resource: 'deal', operation: 'update', dealId: ids.deals[`Open ${tag}`], updateFields: { owner: 'Deal Closer', percent: 40, contact: moved } },
				],
			]),
		);

		if (run.status !== 'success') throw new Error(`execution ${run.executionId}: ${run.error}`);
		expect(run.output('Get Tag')).toEqual([expect.objectContaining({ tag: `kept-${tag}-get`, subscriber_count: '1' })]);
		const after = await state();
		const cyNow = after.contacts.find((c) => c.email === moved);
		expect(cyNow).toEqual(expect.objectContaining({ firstName: 'Cy', tags: [`kept-${tag}-get`] }));
		expect(after.contacts.some((c) => c.email === cy)).toBe(false);
		expect(after.deals.find((d) => d.title === `Open ${tag}`)).toEqual(
			expect.objectContaining({ owner: ids.users[`closer-${tag}`], percent: 40, contact: cyNow!.id }),
		);
	});
});
