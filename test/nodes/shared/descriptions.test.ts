import { limit, returnAll, returnAllProperties } from '../../../nodes/shared/descriptions';

describe('Return All and Limit', () => {
	test("are n8n's standard pair: Limit is shown only while Return All is off", () => {
		expect(returnAllProperties).toEqual([returnAll, limit]);
		expect(returnAll).toMatchObject({ name: 'returnAll', type: 'boolean', default: false });
		expect(limit).toMatchObject({ name: 'limit', type: 'number', default: 50, typeOptions: { minValue: 1 } });
		expect(limit.displayOptions).toEqual({ show: { returnAll: [false] } });
	});
});
