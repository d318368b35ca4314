import type { IDataObject } from 'n8n-workflow';

import { acSandbox, counts } from '../support';

const ac = acSandbox();

interface DealRow {
	id: string;
	title: string;
	contact: string | null;
	value: number;
	currency: string;
	stage: string;
	status: number;
	pipeline: string;
	owner: string;
	percent: number;
	account: string | null;
}

async function deals(): Promise<DealRow[]> {
	return (await ac.env.ac.admin<{ deals: DealRow[] }>('GET', '/state')).body.deals;
}

/** Stage id by title, from the API (the sandbox starts with "Sales Pipeline": To Contact, In Contact, Follow Up). */
async function stageIds(): Promise<Record<string, string>> {
	for (;;) {
		const reply = await ac.env.ac.api<{ dealStages: Array<{ id: string; title: string }> }>('GET', '/dealStages');
		// Right after the node's burst the 5 req/s budget may be spent: wait for it like the node would.
		if (reply.status === 429) {
			await new Promise((resolve) => setTimeout(resolve, 1000));
			continue;
		}
		return Object.fromEntries(reply.body.dealStages.map((s) => [s.title, s.id]));
	}
}

const create = (extra: IDataObject = {}): IDataObject => ({
	resource: 'deal',
	operation: 'create',
	title: 'Ada renewal',
	value: '1499.99',
	currency: 'USD',
	contact: 'ada@example.com',
	pipeline: 'Sales Pipeline',
	stage: 'In Contact',
	...extra,
});

describe('Deal', () => {
	let ids: Record<string, Record<string, string>>;
	beforeEach(async () => {
		ids = await ac.seed({ contacts: [{ email: 'ada@example.com' }, { email: 'bo@example.com' }] });
	});

	it('creates a deal for a contact by email, pipeline and stage by name, value in cents', async () => {
		const { outputs, error } = await ac.run(create());
		const stages = await stageIds();

		expect(error).toBeUndefined();
		expect(outputs[0][0].json).toMatchObject({
			title: 'Ada renewal',
			value: '149999',
			currency: 'usd',
			contact: ids.contacts['ada@example.com'],
			stage: stages['In Contact'],
			pipelineName: 'Sales Pipeline',
			stageName: 'In Contact',
		});
		expect(await deals()).toEqual([
			{
				id: outputs[0][0].json.id,
				title: 'Ada renewal',
				contact: ids.contacts['ada@example.com'],
				value: 149999,
				currency: 'usd',
				stage: stages['In Contact'],
				status: 0,
				pipeline: '1',
				owner: '1',
				percent: 0,
				account: null,
			},
		]);
	});

	it('by contact id, without a stage, starts at the pipeline\'s first stage; whole amounts and one decimal become cents', async () => {
		const { outputs } = await ac.run(create({ contact: ids.contacts['bo@example.com'], stage: '', value: '={{ $json.value }}' }), [
			{ value: '2000' },
			{ value: 12.5 },
		]);
		// Pipelines and stages are looked up once per run, not per item.
		const sent = counts(await ac.stats());
		expect([sent['GET /api/3/dealGroups'], sent['GET /api/3/dealStages'], sent['POST /api/3/deals']]).toEqual([1, 1, 2]);
		const stages = await stageIds();

		expect(outputs[0].map((o) => o.json.stageName)).toEqual(['To Contact', 'To Contact']);
		expect((await deals()).map((d) => [d.contact, d.value, d.stage])).toEqual([
			[ids.contacts['bo@example.com'], 200000, stages['To Contact']],
			[ids.contacts['bo@example.com'], 1250, stages['To Contact']],
		]);
	});

	it('bad input is an error naming the item and field, before anything is written', async () => {
		const stage = await ac.run(create({ stage: 'Negotiation' }));
		const value = await ac.run(create({ value: '12,50' }));
		const contact = await ac.run(create({ contact: 'who@example.com' }));
		const pipeline = await ac.run(create({ pipeline: 'Enterprise' }));
		const currency = await ac.run(create({ currency: 'dollars' }));

		expect(stage.error?.message).toBe('Stage: no stage named or with ID "Negotiation" exists in pipeline "Sales Pipeline" [item 0]');
		expect(stage.error?.description).toBe('Use one of: To Contact, In Contact, Follow Up.');
		expect(value.error?.message).toBe('Value "12,50" is not an amount [item 0]');
		expect(contact.error?.message).toBe('No contact with email who@example.com exists in ActiveCampaign [item 0]');
		expect(pipeline.error?.message).toBe('Pipeline: no pipeline named or with ID "Enterprise" exists in ActiveCampaign [item 0]');
		expect(currency.error?.message).toBe('Currency "dollars" is not a 3-letter currency code [item 0]');
		expect(counts(await ac.stats())['POST /api/3/deals']).toBeUndefined();
		expect(await deals()).toEqual([]);
	});

	it('with Continue On Fail, a bad item goes to the error output and the others are created', async () => {
		const items = [
			{ email: 'ada@example.com', value: '10' },
			{ email: 'ada@example.com', value: 'ten' },
			{ email: 'who@example.com', value: '30' },
			{ email: 'bo@example.com', value: '40.5' },
		];
		const { outputs } = await ac.run(create({ contact: '={{ $json.email }}', value: '={{ $json.value }}' }), items, 'continueErrorOutput');

		expect(outputs[0].map((o) => [o.json.value, o.pairedItem])).toEqual([
			['1000', { item: 0 }],
			['4050', { item: 3 }],
		]);
		expect(outputs[1].map((o) => [o.json.error, o.pairedItem])).toEqual([
			['Value "ten" is not an amount [item 1]', { item: 1 }],
			['No contact with email who@example.com exists in ActiveCampaign [item 2]', { item: 2 }],
		]);
		expect((await deals()).map((d) => [d.contact, d.value])).toEqual([
			[ids.contacts['ada@example.com'], 1000],
			[ids.contacts['bo@example.com'], 4050],
		]);
	});

	it('updates a deal by id (title, value, stage by name in its pipeline, status) and gets it', async () => {
		const created = await ac.run(create());
		const id = String(created.outputs[0][0].json.id);

		const updated = await ac.run({
			resource: 'deal',
			operation: 'update',
			dealId: id,
			updateFields: { title: 'Ada renewal 2027', value: '2500', stage: 'follow up', status: '1' },
		});
		const stages = await stageIds();

		expect(updated.error).toBeUndefined();
		expect(updated.outputs[0][0].json).toMatchObject({ id, title: 'Ada renewal 2027', value: '250000', stageName: 'Follow Up', status: '1' });
		expect(await deals()).toEqual([
			{ id, title: 'Ada renewal 2027', contact: ids.contacts['ada@example.com'], value: 250000, currency: 'usd', stage: stages['Follow Up'], status: 1, pipeline: '1', owner: '1', percent: 0, account: null },
		]);

		const got = await ac.run({ resource: 'deal', operation: 'get', dealId: id });
		expect(got.outputs[0][0].json).toMatchObject({ id, title: 'Ada renewal 2027', value: '250000', stage: stages['Follow Up'], status: '1' });
	});

	it('Get simplifies the deal unless Simplify is off', async () => {
		const id = String((await ac.run(create())).outputs[0][0].json.id);

		const simple = await ac.run({ resource: 'deal', operation: 'get', dealId: id });
		const raw = await ac.run({ resource: 'deal', operation: 'get', dealId: id, simple: false });

		expect(Object.keys(simple.outputs[0][0].json)).toEqual(['id', 'title', 'value', 'currency', 'status', 'stage', 'group', 'contact', 'cdate', 'mdate']);
		expect(raw.outputs[0][0].json).toMatchObject({ id, title: 'Ada renewal', owner: expect.any(String), links: expect.any(Object) });
	});

	it('update errors: unknown stage, non-numeric value, no fields, unknown deal; nothing changes', async () => {
		const created = await ac.run(create());
		const id = String(created.outputs[0][0].json.id);
		const update = (updateFields: IDataObject, dealId = id) => ac.run({ resource: 'deal', operation: 'update', dealId, updateFields });

		const stage = await update({ stage: 'Closed' });
		const value = await update({ value: 'a lot' });
		const none = await update({});
		const missing = await update({ title: 'x' }, '999');
		const badId = await ac.run({ resource: 'deal', operation: 'get', dealId: 'abc' });
		const gone = await ac.run({ resource: 'deal', operation: 'get', dealId: '999' });

		expect(stage.error?.message).toBe('Stage: no stage named or with ID "Closed" exists in pipeline "Sales Pipeline" [item 0]');
		expect(value.error?.message).toBe('Value "a lot" is not an amount [item 0]');
		expect(none.error?.message).toBe('Update Fields is empty [item 0]');
		expect(missing.error?.message).toMatch(/^ActiveCampaign answered HTTP 404 while updating deal 999/);
		expect(badId.error?.message).toBe('Deal ID "abc" is not a number [item 0]');
		expect(gone.error?.message).toMatch(/^ActiveCampaign answered HTTP 404 while reading deal 999/);
		expect(counts(await ac.stats())['PUT /api/3/deals/:id'] ?? 0).toBe(1);
		expect((await deals()).map((d) => [d.title, d.value])).toEqual([['Ada renewal', 149999]]);
	});
});
