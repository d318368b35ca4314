import type { SeedInput } from '../../../sandbox/activecampaign';
import { acSandbox, counts } from '../support';

const ac = acSandbox();

const SEED: SeedInput = {
	fields: [
		{ title: 'Company', type: 'text' },
		{ title: 'Job Title', type: 'text' },
	],
	contacts: [
		{ email: 'ada@example.com', firstName: 'Ada', fieldValues: { Company: 'Engines Ltd', 'Job Title': 'Analyst' } },
		{ email: 'bo@example.com', firstName: 'Bo', fieldValues: { Company: 'Bo & Co' } },
	],
};

const ISO_WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An AC user edits one field in the AC UI (source admin), as the sandbox's contact-events does it. */
const editInUi = (email: string, fields: Record<string, string>) =>
	ac.env.ac.admin('POST', '/contact-events', { email, type: 'update', fields, source: 'admin' });

describe('Contact → Get / Get Many with Include Custom Field Values', () => {
	beforeEach(() => ac.seed(SEED));

	it('Get by email adds the values by personalization tag, each with its own change time', async () => {
		await sleep(1100);
		await editInUi('ada@example.com', { Company: 'Analytical Engines' });
		const run = await ac.run({ resource: 'contact', operation: 'get', contact: 'ada@example.com', includeFieldValues: true });

		const { fields, udate } = run.outputs[0][0].json as { fields: Record<string, { value: string; udate: string; title: string }>; udate: string };
		expect(fields).toEqual({
			COMPANY: { field: expect.any(String), title: 'Company', value: 'Analytical Engines', udate: expect.stringMatching(ISO_WITH_OFFSET) },
			JOB_TITLE: { field: expect.any(String), title: 'Job Title', value: 'Analyst', udate: expect.stringMatching(ISO_WITH_OFFSET) },
		});
		// Only the edited field got a new change time; the contact's own udate moved with it.
		expect(Date.parse(fields.COMPANY.udate)).toBeGreaterThan(Date.parse(fields.JOB_TITLE.udate));
		expect(udate).toBe(fields.COMPANY.udate);
	});

	it('Get by id uses the values side-loaded with the contact: no extra request', async () => {
		const id = (await ac.contact('ada@example.com'))!.id;
		const run = await ac.run({ resource: 'contact', operation: 'get', contact: id, includeFieldValues: true });

		expect((run.outputs[0][0].json.fields as Record<string, { value: string }>).COMPANY.value).toBe('Engines Ltd');
		expect(counts(await ac.stats())).toEqual({ 'GET /api/3/contacts/:id': 1, 'GET /api/3/fields': 1 });
	});

	it('Get Many with Updated After returns only contacts changed since, with their values; off, no "fields"', async () => {
		await sleep(1100);
		const since = new Date().toISOString();
		await sleep(1100);
		await editInUi('bo@example.com', { 'Job Title': 'Owner' });
		const changed = await ac.run({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { updatedAfter: since }, includeFieldValues: true });
		const plain = await ac.run({ resource: 'contact', operation: 'getMany', returnAll: true, filters: { updatedAfter: since } });

		expect(changed.outputs[0].map((i) => [i.json.email, i.json.fields])).toEqual([
			[
				'bo@example.com',
				{
					COMPANY: expect.objectContaining({ value: 'Bo & Co' }),
					JOB_TITLE: expect.objectContaining({ value: 'Owner', udate: expect.stringMatching(ISO_WITH_OFFSET) }),
				},
			],
		]);
		expect(plain.outputs[0].map((i) => i.json.fields)).toEqual([undefined]);
	});

	it('a contact without values gets an empty "fields"; the field list is read once per run', async () => {
		await ac.seed({ contacts: [{ email: 'cy@example.com', firstName: 'Cy' }] });
		const run = await ac.run({ resource: 'contact', operation: 'getMany', returnAll: true, includeFieldValues: true });

		expect(run.outputs[0].map((i) => [i.json.email, Object.keys(i.json.fields as object)])).toEqual([
			['ada@example.com', ['COMPANY', 'JOB_TITLE']],
			['bo@example.com', ['COMPANY']],
			['cy@example.com', []],
		]);
		expect(counts(await ac.stats())).toMatchObject({ 'GET /api/3/fields': 1, 'GET /api/3/contacts/:id/fieldValues': 3 });
	});
});
