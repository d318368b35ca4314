import { pickFields, SIMPLIFIED_FIELD_LIMIT } from '../../../nodes/shared/simplify';

describe('pickFields', () => {
	test('keeps the named keys in the order named, and adds none the record lacks', () => {
		expect(pickFields({ b: 2, a: 1, c: null, d: 4 }, ['a', 'c', 'missing', 'b'])).toEqual({ a: 1, c: null, b: 2 });
		expect(Object.keys(pickFields({ b: 2, a: 1 }, ['a', 'b']))).toEqual(['a', 'b']);
	});

	test("n8n's guideline: a simplified record has at most 10 fields", () => {
		expect(SIMPLIFIED_FIELD_LIMIT).toBe(10);
	});
});
