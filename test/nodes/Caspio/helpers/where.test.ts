import { buildWhere, type FieldInfo, type FilterCondition } from '../../../../nodes/Caspio/helpers/where';
import { startCaspioSandbox, type RunningCaspioSandbox } from '../../../sandbox/caspio';

const FIELDS: FieldInfo[] = [
	{ Name: 'Name', Type: 'STRING' },
	{ Name: 'Notes', Type: 'TEXT' },
	{ Name: 'Score', Type: 'NUMBER' },
	{ Name: 'Active', Type: 'YES/NO' },
	{ Name: 'Joined', Type: 'DATE/TIME' },
	{ Name: 'Secret', Type: 'PASSWORD' },
];

/** Values chosen to break naive quoting; each is stored in one row and must match only that row. */
const HOSTILE = [
	"O'Brien",
	"x' OR '1'='1",
	"'; DELETE FROM People; --",
	'50%',
	'a_b',
	'[abc]',
	'close]bracket',
	"N'prefixed'",
	'back\\slash',
	'emoji 🎉 and ünïcödé',
	'שלום עולם',
	'line\nbreak',
	"''",
	'%',
	'_',
];

describe('Caspio where builder', () => {
	describe('renders clauses', () => {
		it.each<[FilterCondition, string]>([
			[{ field: 'Name', operator: 'equals', value: "O'Brien" }, "Name = N'O''Brien'"],
			[{ field: 'name', operator: 'notEquals', value: 'x' }, "Name <> N'x'"],
			[{ field: 'Score', operator: 'greaterThan', value: '42' }, 'Score > 42'],
			[{ field: 'Score', operator: 'lessOrEqual', value: 3.5 }, 'Score <= 3.5'],
			[{ field: 'Active', operator: 'equals', value: true }, 'Active = 1'],
			[{ field: 'Active', operator: 'equals', value: 'no' }, 'Active = 0'],
			[{ field: 'Joined', operator: 'lessThan', value: '2026-01-02T03:04:05Z' }, "Joined < N'2026-01-02T03:04:05'"],
			[{ field: 'Name', operator: 'contains', value: '50%_[x]' }, "Name LIKE N'%50[%][_][[]x]%'"],
			[{ field: 'Name', operator: 'startsWith', value: 'Ab' }, "Name LIKE N'Ab%'"],
			[{ field: 'Name', operator: 'endsWith', value: "'s" }, "Name LIKE N'%''s'"],
			[{ field: 'Name', operator: 'notContains', value: 'spam' }, "Name NOT LIKE N'%spam%'"],
			[{ field: 'Score', operator: 'in', value: '1, 2,3' }, 'Score IN (1, 2, 3)'],
			[{ field: 'Name', operator: 'notIn', value: ['a', "b'c"] }, "Name NOT IN (N'a', N'b''c')"],
			[{ field: 'Name', operator: 'isEmpty' }, "(Name IS NULL OR Name = N'')"],
			[{ field: 'Score', operator: 'isNotEmpty' }, 'Score IS NOT NULL'],
			[{ field: 'PK_ID', operator: 'equals', value: '7' }, 'PK_ID = 7'],
		])('%j → %s', (condition, expected) => {
			expect(buildWhere([condition], 'AND', FIELDS)).toEqual({ where: expected });
		});

		it('joins several conditions with parentheses', () => {
			const result = buildWhere(
				[
					{ field: 'Name', operator: 'equals', value: 'a' },
					{ field: 'Score', operator: 'greaterThan', value: 1 },
				],
				'OR',
				FIELDS,
			);
			expect(result).toEqual({ where: "(Name = N'a') OR (Score > 1)" });
		});
	});

	describe('refuses what it cannot render safely, naming the field', () => {
		it.each<[FilterCondition, RegExp]>([
			[{ field: 'Name; DROP TABLE x', operator: 'equals', value: 'a' }, /Filter field "Name; DROP TABLE x" is not a field of this table/],
			[{ field: 'Unknown', operator: 'equals', value: 'a' }, /"Unknown" is not a field of this table/],
			[{ field: 'Secret', operator: 'equals', value: 'a' }, /Field "Secret" \(PASSWORD\) cannot be used in a filter/],
			[{ field: 'Score', operator: 'equals', value: '1 OR 1=1' }, /Filter on "Score" needs a number, got "1 OR 1=1"/],
			[{ field: 'Active', operator: 'equals', value: 'maybe' }, /Filter on "Active" needs Yes or No/],
			[{ field: 'Joined', operator: 'equals', value: 'next tuesday' }, /Filter on "Joined" needs a date/],
			[{ field: 'Name', operator: 'equals', value: undefined }, /Filter on "Name" has no value/],
			[{ field: 'Name', operator: 'equals', value: { a: 1 } }, /Filter on "Name" needs a single value/],
			[{ field: 'Name', operator: 'drop' as never, value: 'a' }, /Filter on "Name" has an unknown operator "drop"/],
			[{ field: 'Score', operator: 'in', value: '' }, /Filter on "Score" needs at least one value/],
			[{ field: 'Name', operator: 'contains', value: '' }, /Filter on "Name" needs text to match, got ""; an empty value would match every row/],
			[{ field: 'Name', operator: 'startsWith', value: null }, /Filter on "Name" needs text to match/],
			[{ field: 'Joined', operator: 'equals', value: '2026-02-30' }, /Filter on "Joined" needs a date/],
			[{ field: 'Joined', operator: 'equals', value: '2026-11-27T25:00:00' }, /Filter on "Joined" needs a date/],
		])('%j', (condition, message) => {
			const result = buildWhere([condition], 'AND', FIELDS);
			expect(result.where).toBeUndefined();
			expect(result.problem).toMatch(message);
		});

		it('accepts only plain identifiers when the field list is unknown', () => {
			expect(buildWhere([{ field: 'Email', operator: 'equals', value: 'a' }]).where).toBe("Email = N'a'");
			expect(buildWhere([{ field: 'Email]--', operator: 'equals', value: 'a' }]).problem).toMatch(/not a field/);
		});
	});

	describe('keeps hostile values literal in a real query (Caspio sandbox)', () => {
		let sandbox: RunningCaspioSandbox;
		let token: string;

		beforeAll(async () => {
			sandbox = await startCaspioSandbox();
			const seeded = await fetch(`${sandbox.url}/__sandbox/seed`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({
					tables: [
						{
							name: 'People',
							fields: [
								{ Name: 'Name', Type: 'STRING' },
								{ Name: 'Score', Type: 'NUMBER' },
							],
							records: [...HOSTILE, 'plain', 'OBrien', 'x', '50', 'ab', 'aXb', 'abc'].map((Name, i) => ({ Name, Score: i })),
						},
					],
				}),
			});
			expect(seeded.status).toBe(200);
			const auth = await fetch(`${sandbox.url}/oauth/token`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: 'grant_type=client_credentials&client_id=sandbox-client&client_secret=sandbox-secret',
			});
			token = ((await auth.json()) as { access_token: string }).access_token;
		});
		afterAll(async () => await sandbox.close());

		const names = async (condition: FilterCondition) => {
			const { where } = buildWhere([condition], 'AND', [{ Name: 'Name', Type: 'STRING' }]);
			const url = `${sandbox.url}/integrations/rest/v3/tables/People/records?q.where=${encodeURIComponent(where!)}&q.limit=1000`;
			const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
			expect(response.status).toBe(200);
			return ((await response.json()) as { Result: Array<{ Name: string }> }).Result.map((r) => r.Name);
		};

		it.each(HOSTILE)('equals %j matches only its own row', async (value) => {
			expect(await names({ field: 'Name', operator: 'equals', value })).toEqual([value]);
		});

		it.each(HOSTILE)('contains %j matches only rows that contain it literally', async (value) => {
			const expected = [...HOSTILE, 'plain', 'OBrien', 'x', '50', 'ab', 'aXb', 'abc'].filter((n) =>
				n.toLowerCase().includes(value.toLowerCase()),
			);
			expect((await names({ field: 'Name', operator: 'contains', value })).sort()).toEqual(expected.sort());
		});
	});
});
