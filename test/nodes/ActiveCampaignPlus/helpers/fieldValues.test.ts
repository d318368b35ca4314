import { fieldValuesByTag } from '../../../../nodes/ActiveCampaignPlus/helpers/fieldValues';

const FIELDS = [
	{ id: '1', title: 'Company', perstag: 'COMPANY', type: 'text', options: [] },
	{ id: '2', title: 'Job Title', perstag: 'JOB_TITLE', type: 'text', options: [] },
];

describe('fieldValuesByTag', () => {
	it('keys values by personalization tag with the field id, title, value and change time', () => {
		expect(
			fieldValuesByTag(
				[
					{ field: '1', value: 'Acme', cdate: '2026-01-01T00:00:00-05:00', udate: '2026-02-01T10:00:00-05:00' },
					{ field: 2, value: null, cdate: '2026-01-01T00:00:00-05:00' },
				],
				FIELDS,
			),
		).toEqual({
			COMPANY: { field: '1', title: 'Company', value: 'Acme', udate: '2026-02-01T10:00:00-05:00' },
			// No udate yet: the value was set once, at cdate; an empty value stays empty, not "null".
			JOB_TITLE: { field: '2', title: 'Job Title', value: '', udate: '2026-01-01T00:00:00-05:00' },
		});
	});

	it('leaves out values of fields the account no longer has', () => {
		expect(fieldValuesByTag([{ field: '9', value: 'x', udate: '2026-02-01T10:00:00-05:00' }], FIELDS)).toEqual({});
	});
});
