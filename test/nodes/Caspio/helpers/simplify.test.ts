import { SIMPLIFY_RULE, simplifiedFieldNames, simplifyRecord } from '../../../../nodes/Caspio/helpers/simplify';
import { demoSeed } from '../../../sandbox/caspio';

/** The demo Leads table's record keys: PK_ID and 15 fields. */
const LEADS = ['PK_ID', ...demoSeed().tables.find((t) => t.name === 'Leads')!.fields.map((f) => f.Name)];

describe('Caspio Simplify', () => {
	test('a record of 10 fields or fewer stays whole', () => {
		const names = ['PK_ID', 'Email', 'Newsletter', 'Product_Updates', 'Events', 'Unsubscribed_All', 'AC_Contact_ID', 'Updated'];

		expect(simplifiedFieldNames(names)).toEqual(names);
		expect(simplifiedFieldNames(LEADS.slice(0, 10))).toEqual(LEADS.slice(0, 10));
	});

	test('a wider record keeps PK_ID, names, email, phone, status and dates, then fills up in table order', () => {
		expect(LEADS).toHaveLength(16);
		expect(simplifiedFieldNames(LEADS)).toEqual(['PK_ID', 'First_Name', 'Last_Name', 'Email', 'Phone', 'Company', 'Sync_Status', 'Synced_At', 'Created', 'Updated']);
	});

	test('reads the words of a name however it is written', () => {
		const names = ['Notes', 'Score', 'Active', 'Tags', 'Code', 'Secret', 'Extra1', 'Extra2', 'Extra3', 'DateCreated', 'fullName', 'e-mail', 'EmailAddress', 'mobilePhone', 'Registered_On'];

		expect(simplifiedFieldNames(names)).toEqual(['Notes', 'Score', 'Active', 'Tags', 'DateCreated', 'fullName', 'e-mail', 'EmailAddress', 'mobilePhone', 'Registered_On']);
	});

	test('the tie between fields of one kind goes to the one earlier in the table', () => {
		const names = Array.from({ length: 12 }, (_, i) => `Name_${i + 1}`);

		expect(simplifiedFieldNames(names)).toEqual(names.slice(0, 10));
	});

	test('simplifyRecord keeps the values of the kept fields, in table order', () => {
		const record = Object.fromEntries(LEADS.map((name, i) => [name, i]));

		expect(simplifyRecord(record)).toEqual({ PK_ID: 0, First_Name: 1, Last_Name: 2, Email: 3, Phone: 4, Company: 5, Sync_Status: 12, Synced_At: 13, Created: 14, Updated: 15 });
	});

	test('the option says the rule', () => {
		expect(SIMPLIFY_RULE).toMatch(/more than 10 fields keeps 10: PK_ID, then names and titles, emails, phones, statuses, dates and times/);
	});
});
