import type { FieldInfo } from '../../../../nodes/ActiveCampaignPlus/helpers/catalog';
import { checkFieldsStored, formatFieldValue } from '../../../../nodes/ActiveCampaignPlus/helpers/values';
import { node } from '../../shared/support';

const field = (type: string, options: string[] = []): FieldInfo => ({ id: '7', title: 'Interest', perstag: 'INTEREST', type, options });
const format = (type: string, value: unknown, options?: string[]) => formatFieldValue(node, 0, field(type, options), value);

describe('custom field values', () => {
	it('stores multi-select choices as ||a||b|| spelled as the field spells them', () => {
		const options = ['Analytics', 'Reporting'];
		expect(format('listbox', 'analytics, Reporting', options)).toBe('||Analytics||Reporting||');
		expect(format('checkbox', ['REPORTING'], options)).toBe('||Reporting||');
		expect(format('listbox', '||Analytics||', options)).toBe('||Analytics||');
	});

	it('takes one option for a dropdown or radio field, and names the field when it does not fit', () => {
		const options = ['Small', 'Large'];
		expect(format('dropdown', 'small', options)).toBe('Small');
		expect(() => format('radio', 'Small, Large', options)).toThrow('Custom field "Interest" (radio): only one option can be chosen, got 2 [item 0]');
		expect(() => format('dropdown', 'Huge', options)).toThrow('Custom field "Interest" (dropdown): "Huge" is not one of its options [item 0]');
	});

	it('keeps the calendar day a user wrote for a date field, whatever the offset', () => {
		expect(format('date', '2026-03-31')).toBe('2026-03-31');
		expect(format('date', '2026-07-04T23:30:00-05:00')).toBe('2026-07-04');
		expect(() => format('date', '2026-02-30')).toThrow('Custom field "Interest" (date): "2026-02-30" is not a date [item 0]');
	});

	it('keeps a full timestamp for a date-and-time field and normalises anything else to UTC', () => {
		expect(format('datetime', '2026-07-04T10:00:00+02:00')).toBe('2026-07-04T10:00:00+02:00');
		expect(format('datetime', '2026-07-04 10:00:00Z')).toBe('2026-07-04T10:00:00.000Z');
	});

	it('accepts digits only for a number field; an empty value clears any field', () => {
		expect(format('number', ' 3.5 ')).toBe('3.5');
		expect(() => format('number', 'twelve')).toThrow('Custom field "Interest" (number): "twelve" is not a number [item 0]');
		expect(format('number', '')).toBe('');
	});
});

describe('fields ActiveCampaign did not store', () => {
	const sent = [
		{ field: '7', value: 'x' },
		{ field: '8', value: '' },
	];

	it('are an error naming the field id when the ids came from names kept by an earlier execution', () => {
		expect(() => checkFieldsStored(node, 1, true, sent, [])).toThrow('ActiveCampaign did not store custom field id 7 [item 1]');
		expect(() => checkFieldsStored(node, 1, true, sent, [{ field: '7', value: 'x' }])).not.toThrow();
	});

	it('are not checked when the ids were read in this execution', () => {
		expect(() => checkFieldsStored(node, 1, false, sent, [])).not.toThrow();
	});
});
