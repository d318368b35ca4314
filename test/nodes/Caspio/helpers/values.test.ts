import type { CaspioField } from '../../../../nodes/Caspio/helpers/fieldTypes';
import { decimal, isoDate, recordBody, toCaspioValue, yesNo } from '../../../../nodes/Caspio/helpers/values';
import { NODE } from '../support/node';

const TAGS: CaspioField = { Name: 'Tags', Type: 'LIST-STRING', ListField: { 1: 'Hot', 2: 'Cold', 3: 'VIP' } };
const FIELDS: CaspioField[] = [
	{ Name: 'Name', Type: 'STRING' },
	{ Name: 'Score', Type: 'NUMBER' },
	{ Name: 'Count', Type: 'INTEGER' },
	{ Name: 'Active', Type: 'YES/NO' },
	{ Name: 'Joined', Type: 'DATE/TIME' },
	{ Name: 'Code', Type: 'AUTONUMBER' },
	{ Name: 'Secret', Type: 'PASSWORD' },
	TAGS,
];
const byName = (name: string) => FIELDS.find((f) => f.Name === name)!;
const convert = (name: string, value: unknown) => toCaspioValue(NODE, 3, byName(name), value);

describe('Caspio value conversion', () => {
	it('reads decimal numbers only', () => {
		expect([decimal(7), decimal('12.5'), decimal(' -3 '), decimal('.5'), decimal('1e3')]).toEqual([7, 12.5, -3, 0.5, 1000]);
		for (const text of ['0x10', '0b1', '', '1,5', 'ten']) expect(decimal(text)).toBeNaN();
	});

	it('writes dates as YYYY-MM-DDTHH:mm:ss, keeping a zoneless date as written', () => {
		expect(isoDate('2026-11-27')).toBe('2026-11-27T00:00:00');
		expect(isoDate('2026-11-27 10:05')).toBe('2026-11-27T10:05:00');
		expect(isoDate('2026-11-27T10:00:00.000Z')).toBe('2026-11-27T10:00:00');
		expect(isoDate(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02T03:04:05');
		for (const bad of ['2026-02-30', '2026-11-27T25:00:00', 'next tuesday', '', null, true]) expect(isoDate(bad)).toBeUndefined();
	});

	it('reads Yes/No from booleans, 1/0 and words', () => {
		expect([yesNo(true), yesNo('Yes'), yesNo(1), yesNo(' TRUE ')]).toEqual([true, true, true, true]);
		expect([yesNo(false), yesNo('no'), yesNo(0), yesNo('0')]).toEqual([false, false, false, false]);
		expect([yesNo('maybe'), yesNo('')]).toEqual([undefined, undefined]);
	});

	it('converts each type for a record write', () => {
		expect(convert('Score', '12.5')).toBe(12.5);
		expect(convert('Score', '')).toBeNull();
		expect(convert('Count', 4)).toBe(4);
		expect([convert('Active', 'no'), convert('Active', ''), convert('Active', '  '), convert('Active', 'YES')]).toEqual([false, false, false, true]);
		expect(convert('Joined', '2026-11-27T10:00:00Z')).toBe('2026-11-27T10:00:00');
		expect(convert('Joined', '')).toBeNull();
		expect(convert('Tags', 'Hot, VIP')).toBe('[1], [3]');
		expect(convert('Tags', ['2', 'hot'])).toBe('[2], [1]');
		expect(convert('Tags', '[3]')).toBe('[3]');
		expect(convert('Tags', [])).toBeNull();
		expect(convert('Name', 42)).toBe('42');
		expect(convert('Name', null)).toBeNull();
	});

	it.each([
		['Count', '2.5', 'Field "Count" (INTEGER) needs a whole number, got "2.5" [item 3]'],
		['Score', 'lots', 'Field "Score" (NUMBER) needs a number, got "lots" [item 3]'],
		['Active', 'maybe', 'Field "Active" (YES/NO) needs Yes or No (true/false), got "maybe" [item 3]'],
		['Joined', 'soon', 'Field "Joined" (DATE/TIME) needs a date such as 2026-11-27T10:00:00, got "soon" [item 3]'],
		['Tags', 'Warm', 'Field "Tags" (LIST-STRING) needs list items by id or label (1 = Hot, 2 = Cold, 3 = VIP), got "Warm" [item 3]'],
		['Name', { a: 1 }, 'Field "Name" (STRING) needs text, got {"a":1} [item 3]'],
	])('refuses %s = %j, naming the field and the item', (name, value, message) => {
		expect(() => convert(name, value)).toThrow(message);
	});

	describe('the body of a record write', () => {
		it('converts each value under the field’s own name and leaves out undefined ones', () => {
			expect(recordBody(NODE, 0, FIELDS, { name: 'Ada', SCORE: '5', Active: 'yes', Joined: undefined }, 'create', false)).toEqual({
				Name: 'Ada',
				Score: 5,
				Active: true,
			});
		});

		it('refuses unknown and read-only fields, and passwords on update, naming field and item', () => {
			expect(() => recordBody(NODE, 1, FIELDS, { Nope: 1 }, 'create', false)).toThrow('Field "Nope" is not a field of this table [item 1]');
			expect(() => recordBody(NODE, 1, FIELDS, { Code: 1 }, 'create', false)).toThrow(
				'Field "Code" is AUTONUMBER and cannot be written by a record create [item 1]',
			);
			expect(() => recordBody(NODE, 0, FIELDS, { Secret: 'x' }, 'update', false)).toThrow(
				'Field "Secret" is PASSWORD and cannot be written by a record update [item 0]',
			);
			expect(recordBody(NODE, 0, FIELDS, { Secret: 'x' }, 'create', false)).toEqual({ Secret: 'x' });
		});

		it('skips what it cannot write when the input was auto-mapped', () => {
			expect(recordBody(NODE, 0, FIELDS, { PK_ID: 9, Code: 3, Name: 'Ada', extra: true }, 'update', true)).toEqual({ Name: 'Ada' });
		});
	});
});
