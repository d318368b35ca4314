import { acSandbox, counts } from '../support';

const ac = acSandbox();

describe('Custom Field', () => {
	beforeEach(() =>
		ac.seed({
			fields: [
				{ title: 'Interest', type: 'listbox', options: ['Analytics', 'Automation', 'Reporting'] },
				{ title: 'Industry', type: 'dropdown', options: ['Education', 'Other'] },
				{ title: 'Event Date', type: 'date' },
				{ title: 'Met At', type: 'datetime' },
				{ title: 'Seats', type: 'number' },
			],
			contacts: [{ email: 'ada@example.com' }],
		}),
	);

	it('sets values by title, perstag or id with type-aware formatting', async () => {
		const fields = (await ac.state()).fields;
		const { outputs } = await ac.run({
			resource: 'customField',
			operation: 'setValues',
			contact: 'ada@example.com',
			customFields: {
				field: [
					{ name: 'interest', value: '={{ ["Reporting", "analytics"] }}' },
					{ name: '%INDUSTRY%', value: 'education' },
					{ name: fields[2].id, value: '2026-07-04T23:30:00-05:00' },
					{ name: 'Met At', value: '2026-07-04 10:00:00Z' },
					{ name: 'Seats', value: '12' },
				],
			},
		});

		expect(outputs[0][0].json.fieldValues).toHaveLength(5);
		expect((await ac.contact('ada@example.com'))?.fieldValues).toEqual({
			INTEREST: '||Reporting||Analytics||',
			INDUSTRY: 'Education',
			EVENT_DATE: '2026-07-04',
			MET_AT: '2026-07-04T10:00:00.000Z',
			SEATS: '12',
		});
	});

	it('a value that does not fit the field type names the field and the fix', async () => {
		const { error } = await ac.run({
			resource: 'customField',
			operation: 'setValues',
			contact: 'ada@example.com',
			customFields: { field: [{ name: 'Seats', value: 'twelve' }] },
		});

		expect(error?.message).toBe('Custom field "Seats" (number): "twelve" is not a number [item 0]');
		expect((await ac.contact('ada@example.com'))?.fieldValues).toEqual({});
	});

	it('creates a multi-select field with options, on all lists', async () => {
		await ac.run({ resource: 'customField', operation: 'create', title: 'Colors', type: 'listbox', choices: 'Red, Green' });

		expect((await ac.state()).fields.find((f) => f.title === 'Colors')).toMatchObject({
			type: 'listbox',
			perstag: 'COLORS',
			options: ['Red', 'Green'],
			lists: ['0'],
		});
	});

	it('get many reads every page, 100 at most per request', async () => {
		await ac.seed({ fields: Array.from({ length: 150 }, (_, i) => ({ title: `F${i}` })) });

		const { outputs } = await ac.run({ resource: 'customField', operation: 'getMany', returnAll: true });

		expect(outputs[0]).toHaveLength(155);
		expect(counts(await ac.stats())['GET /api/3/fields']).toBe(2);
	});
});
