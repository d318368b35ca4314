import { limit, returnAll, returnAllProperties, simplifyProperty } from '../../../nodes/shared/descriptions';

describe('Return All and Limit', () => {
	test("are n8n's standard pair: Limit is shown only while Return All is off", () => {
		expect(returnAllProperties).toEqual([returnAll, limit]);
		expect(returnAll).toMatchObject({ name: 'returnAll', type: 'boolean', default: false });
		expect(limit).toMatchObject({ name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1 } });
		expect(limit.displayOptions).toEqual({ show: { returnAll: [false] } });
	});
});

describe('Simplify', () => {
	test("is n8n's standard option: `simple`, on by default, n8n's description, with a hint of what it keeps", () => {
		expect(simplifyProperty('Keeps id and email')).toEqual({
			displayName: 'Simplify',
			name: 'simple',
			type: 'boolean',
			default: true,
			description: 'Whether to return a simplified version of the response instead of the raw data',
			hint: 'Keeps id and email',
		});
	});
});
