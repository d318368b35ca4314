import { CONTACT_FIELDS, DEAL_FIELDS, keepsHint, simplifyContact, simplifyDeal } from '../../../../nodes/ActiveCampaignPlus/helpers/simplify';

const CONTACT = {
	cdate: '2026-01-05T09:12:00-06:00',
	email: 'ada@example.com',
	phone: '+1 555-010-0001',
	firstName: 'Ada',
	lastName: 'Lovelace',
	orgid: '0',
	segmentio_id: '',
	bounced_hard: '0',
	hash: 'abc',
	udate: '2026-01-06T10:00:00-06:00',
	links: { notes: 'https://x/api/3/contacts/1/notes' },
	id: '1',
	orgname: 'Analytical Engines Ltd',
	fieldValues: [{ field: '1', value: '120' }],
};

describe('ActiveCampaign Simplify', () => {
	test('a contact keeps who it is, how to reach them, when it changed and its field values, in that order', () => {
		expect(simplifyContact(CONTACT)).toEqual({
			id: '1',
			email: 'ada@example.com',
			firstName: 'Ada',
			lastName: 'Lovelace',
			phone: '+1 555-010-0001',
			orgname: 'Analytical Engines Ltd',
			cdate: '2026-01-05T09:12:00-06:00',
			udate: '2026-01-06T10:00:00-06:00',
			fieldValues: [{ field: '1', value: '120' }],
		});
		expect(Object.keys(simplifyContact(CONTACT))).toEqual(CONTACT_FIELDS);
	});

	test('a contact from a list read (no orgname, no field values) keeps the fields it has', () => {
		const { orgname: _orgname, fieldValues: _fieldValues, ...listed } = CONTACT;

		expect(Object.keys(simplifyContact(listed))).toEqual(['id', 'email', 'firstName', 'lastName', 'phone', 'cdate', 'udate']);
	});

	test('a deal keeps what it is worth, where it stands and whose it is', () => {
		const deal = { owner: '1', contact: '1', organization: null, group: '1', stage: '2', title: 'Renewal', description: '', percent: '0', cdate: 'c', mdate: 'm', nextdate: null, value: '149999', currency: 'usd', status: '0', links: {}, id: '7' };

		expect(simplifyDeal(deal)).toEqual({ id: '7', title: 'Renewal', value: '149999', currency: 'usd', status: '0', stage: '2', group: '1', contact: '1', cdate: 'c', mdate: 'm' });
	});

	test('keeps at most 10 fields, and its hint lists them', () => {
		expect(CONTACT_FIELDS.length).toBeLessThanOrEqual(10);
		expect(DEAL_FIELDS.length).toBeLessThanOrEqual(10);
		expect(keepsHint(['id', 'email', 'phone'])).toBe('Keeps id, email and phone');
	});
});
