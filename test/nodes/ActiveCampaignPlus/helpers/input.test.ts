import type { IExecuteFunctions } from 'n8n-workflow';

import { parseContactRef, requireEmail, requireText, splitNames } from '../../../../nodes/ActiveCampaignPlus/helpers/input';
import { node } from '../../shared/support';

const context = { getNode: () => node } as unknown as IExecuteFunctions;

describe('user input', () => {
	it('splits names from text or an array, dropping blanks and repeats that differ only in case', () => {
		expect(splitNames('customer, Customer , ,vip')).toEqual(['customer', 'vip']);
		expect(splitNames(['vip', ' gold ', 7])).toEqual(['vip', 'gold', '7']);
		expect(splitNames(undefined)).toEqual([]);
	});

	it('takes a contact as an email or a numeric id, and says which item holds anything else', () => {
		expect(parseContactRef(context, 0, ' Ada@Example.com ')).toEqual({ email: 'Ada@Example.com' });
		expect(parseContactRef(context, 0, 123)).toEqual({ id: '123' });
		expect(() => parseContactRef(context, 4, 'Ada Lovelace')).toThrow(
			'Contact "Ada Lovelace" is neither an email address nor a contact ID [item 4]',
		);
		expect(() => parseContactRef(context, 0, '', 'Deal Contact')).toThrow('Deal Contact is empty [item 0]');
	});

	it('accepts an apostrophe before the @ but not in the domain', () => {
		expect(requireEmail(context, 0, "o'brien@example.com", 'Email')).toBe("o'brien@example.com");
		expect(() => requireEmail(context, 0, "ada@o'brien.com", 'Email')).toThrow(`Email "ada@o'brien.com" is not a valid email address [item 0]`);
		expect(() => requireEmail(context, 3, 'ada@example', 'Email')).toThrow('Email "ada@example" is not a valid email address [item 3]');
	});

	it('refuses blank text, telling how to fix it', () => {
		expect(requireText(context, 0, ' Webinar ', 'Name')).toBe('Webinar');
		expect(() => requireText(context, 1, '  ', 'Name')).toThrow(
			expect.objectContaining({ message: 'Name is empty [item 1]', description: 'Fill in "Name".' }),
		);
	});
});
