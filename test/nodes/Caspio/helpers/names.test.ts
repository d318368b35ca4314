import { isObjectName, isPlainFieldName } from '../../../../nodes/Caspio/helpers/names';

describe('Caspio names', () => {
	it.each([
		['Leads', true, true],
		['Active_Leads2', true, true],
		['_status', false, true],
		['1Leads', false, false],
		['Lead-s', false, false],
		['Leads; DROP TABLE x', false, false],
		['Email]--', false, false],
		['', false, false],
		['L'.repeat(64), true, true],
		['L'.repeat(65), false, false],
	])('%j: object name %s, plain field name %s', (name, object, field) => {
		expect(isObjectName(name)).toBe(object);
		expect(isPlainFieldName(name)).toBe(field);
	});
});
