import { bulkOutcomes, chunked, fieldsNamedIn } from '../../../../nodes/Caspio/helpers/bulk';

const fields = [
	{ Name: 'Email', Type: 'STRING' },
	{ Name: 'Age', Type: 'INTEGER' },
	{ Name: 'Name', Type: 'STRING' },
];

describe('Caspio v4 bulk answers', () => {
	it('cuts rows into requests of at most 1,000', () => {
		expect(chunked(Array.from({ length: 2500 }, (_, i) => i)).map((c) => c.length)).toEqual([1000, 1000, 500]);
		expect(chunked([])).toEqual([]);
	});

	it('reads a 201: every row created, PK_IDs as numbers, echoed records beside them', () => {
		expect(bulkOutcomes({ PK_ID: ['101', '102'] }, 2)).toEqual([
			{ created: true, pkId: 101 },
			{ created: true, pkId: 102 },
		]);
		expect(bulkOutcomes({ PK_ID: ['7'], data: [{ PK_ID: 7, Name: 'a' }] }, 1)).toEqual([{ created: true, pkId: 7, record: { PK_ID: 7, Name: 'a' } }]);
	});

	it('reads a 207 row by row: created, or refused with Caspio sentence (string or envelope)', () => {
		expect(
			bulkOutcomes({ data: [{ status: 201, PK_ID: '5' }, { status: 422, error: 'bad Age' }, { status: 400, error: { Code: 'X', Message: 'no' } }] }, 3),
		).toEqual([
			{ created: true, pkId: 5 },
			{ created: false, status: 422, message: 'bad Age' },
			{ created: false, status: 400, message: 'X: no' },
		]);
	});

	it('an answer that does not account for every row is unreadable (outcome unknown)', () => {
		expect(bulkOutcomes({ PK_ID: ['1'] }, 2)).toBeUndefined();
		expect(bulkOutcomes({ data: [{ status: 201, PK_ID: '1' }] }, 2)).toBeUndefined();
		expect(bulkOutcomes('', 1)).toBeUndefined();
		expect(bulkOutcomes(undefined, 1)).toBeUndefined();
	});

	it("finds the fields Caspio's sentence names, a unique constraint's too", () => {
		expect(fieldsNamedIn("value doesn't match the data type of the following field(s): Age", fields)).toEqual(['Age']);
		expect(fieldsNamedIn("Violation of UNIQUE KEY constraint 'UQ_My_Leads_Email'. Cannot insert duplicate key", fields)).toEqual(['Email']);
		expect(fieldsNamedIn('Nameless problem', fields)).toEqual([]);
	});
});
