import {
	isDateField,
	isFilterable,
	isListField,
	isNumberValuedField,
	isNumericFilterField,
	isReadable,
	isReadOnlyField,
	isSortable,
	isWritable,
	timestampField,
} from '../../../../nodes/Caspio/helpers/fieldTypes';

const field = (Type: string, IsFormula?: boolean) => ({ Type, IsFormula });

describe('Caspio field types', () => {
	it.each([
		['STRING', true, true],
		['string', true, true],
		['NUMBER', true, true],
		['LIST-STRING', true, true],
		['PASSWORD', true, false],
		['ATTACHMENT', false, false],
		['AUTONUMBER', false, false],
		['PREFIXED AUTONUMBER', false, false],
		['GUID', false, false],
		['RANDOM ID', false, false],
		['TIMESTAMP', false, false],
	])('a record write may set %s: on create %s, on update %s', (type, create, update) => {
		expect(isWritable(field(type), 'create')).toBe(create);
		expect(isWritable(field(type), 'update')).toBe(update);
	});

	it('treats a formula field as read-only whatever its type', () => {
		expect(isReadOnlyField(field('NUMBER', true))).toBe(true);
		expect(isWritable(field('STRING', true), 'create')).toBe(false);
		expect(isReadOnlyField(field('NUMBER'))).toBe(false);
	});

	it.each([
		['STRING', true, true, true],
		['YES/NO', true, true, true],
		['PASSWORD', false, false, false],
		['ATTACHMENT', false, true, true],
		['LIST-STRING', false, true, false],
		['LIST-DATE/TIME', false, true, false],
	])('%s: filterable %s, readable %s, sortable %s', (type, filterable, readable, sortable) => {
		expect(isFilterable(field(type))).toBe(filterable);
		expect(isReadable(field(type))).toBe(readable);
		expect(isSortable(field(type))).toBe(sortable);
	});

	it('compares counters as numbers in a filter, but maps only the plain counter to a number', () => {
		expect(['NUMBER', 'INTEGER', 'CURRENCY', 'AUTONUMBER', 'PREFIXED AUTONUMBER'].every((t) => isNumericFilterField(field(t)))).toBe(true);
		expect(isNumericFilterField(field('STRING'))).toBe(false);
		expect(isNumberValuedField(field('AUTONUMBER'))).toBe(true);
		expect(isNumberValuedField(field('PREFIXED AUTONUMBER'))).toBe(false);
	});

	it('knows dates, lists, and a field typed only as the update timestamp', () => {
		expect([isDateField(field('DATE/TIME')), isDateField(field('TIMESTAMP')), isDateField(field('STRING'))]).toEqual([true, true, false]);
		expect([isListField(field('LIST-NUMBER')), isListField(field('STRING'))]).toEqual([true, false]);
		expect(isDateField(timestampField('Updated'))).toBe(true);
		expect(timestampField('Updated').Name).toBe('Updated');
	});
});
