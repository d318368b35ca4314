/**
 * ActiveCampaign Plus in a real n8n 2.41 against the ActiveCampaign sandbox: every Account and Account Contact
 * operation, and the Deal (get many with filters, notes, delete) and Tag (update, delete) operations added for parity
 * with n8n's own node, each run as a step of two workflows; the sandbox's stored state is checked after each.
 */
import { acChain, first } from './acChain';
import { getHarness, type HarnessClient } from './harness';

interface ParityState {
	accounts: Array<{ id: string; name: string; accountUrl: string | null; fields: Record<string, string>; contacts: Array<{ email: string; jobTitle: string }> }>;
	deals: Array<{ id: string; title: string }>;
	notes: Array<{ note: string; reltype: string; relid: string }>;
	tags: Array<{ tag: string; description: string }>;
	contacts: Array<{ email: string; tags: string[] }>;
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
			users: [{ username: `owner-${tag}`, firstName: 'Parity', lastName: 'Owner' }],
			accountFields: [{ fieldLabel: `Tier ${tag}`, fieldType: 'dropdown', fieldOptions: ['Gold', 'Silver'] }],
			tags: [`old-${tag}`, `gone-${tag}`],
			contacts: [
				{ email: ada, tags: [`old-${tag}`, `gone-${tag}`] },
				{ email: bo, tags: [`gone-${tag}`] },
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
});
