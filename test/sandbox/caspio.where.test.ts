import { compileWhere, WhereError, type SqlKind, type WhereValue } from './caspio/where';

/** §6: the sandbox's T-SQL WHERE subset, checked clause by clause against a small fixed table. */

type Row = Record<string, WhereValue>;
const KINDS: Record<string, SqlKind> = { pk_id: 'number', name: 'text', age: 'number', active: 'bit', born: 'date', code: 'text' };
const resolve = (name: string) => {
	const key = name.toLowerCase();
	return KINDS[key] ? { kind: KINDS[key], read: (row: Row) => row[key] ?? null } : undefined;
};

const ROWS: Row[] = [
	{ pk_id: 1, name: 'Alice', age: 30, active: true, born: '1995-04-02T00:00:00', code: 'A_1' },
	{ pk_id: 2, name: "x' OR '1'='1", age: null, active: false, born: null, code: 'B%2' },
	{ pk_id: 3, name: 'bob', age: 5, active: true, born: '2019-12-31T23:59:59', code: 'AB1' },
	{ pk_id: 4, name: "O'Brien", age: 42, active: false, born: '1982-07-15T08:30:00', code: '[x]' },
	{ pk_id: 5, name: 'Alicé', age: 30, active: true, born: '1995-04-02T00:00:00', code: 'c-9' },
];

const run = (clause: string) => ROWS.filter(compileWhere(clause, resolve)).map((r) => r.pk_id);

describe('§6 where: valid clauses select the right rows', () => {
	const cases: [string, number[]][] = [
		// comparisons
		['Age = 30', [1, 5]],
		['Age <> 30', [3, 4]],
		['Age != 30', [3, 4]],
		['Age < 30', [3]],
		['Age > 30', [4]],
		['Age <= 30', [1, 3, 5]],
		['Age >= 30', [1, 4, 5]],
		['Age > -1', [1, 3, 4, 5]],
		['Age = 3e1', [1, 5]],
		['Age = 30.0', [1, 5]],
		// numbers and numeric strings convert (PK_ID='5' works, §6)
		["PK_ID = '3'", [3]],
		['PK_ID = 3', [3]],
		// text follows the case-insensitive, accent-sensitive collation and ignores trailing spaces
		["Name = 'ALICE'", [1]],
		["Name = 'alice   '", [1]],
		["Name = N'Alicé'", [5]],
		["Name > 'b'", [2, 3, 4]],
		// literals: '' is one quote; N'' works the same
		["Name = 'O''Brien'", [4]],
		["Name = N'O''Brien'", [4]],
		// field names: any case, [bracketed] or "quoted"
		["[Name] = 'bob'", [3]],
		['"name" = \'bob\'', [3]],
		['nAmE IS NOT NULL AND [AGE] IS NULL', [2]],
		// Yes/No as 1/0, or strings SQL Server converts to bit
		['Active = 1', [1, 3, 5]],
		['Active = 0', [2, 4]],
		["Active = 'true'", [1, 3, 5]],
		// dates as strings, several formats
		["Born = '1995-04-02'", [1, 5]],
		["Born > '2000-01-01T00:00:00'", [3]],
		["Born = '19950402'", [1, 5]],
		["Born BETWEEN '1980-01-01' AND '1995-04-02'", [1, 4, 5]],
		["Born < '12/31/1990'", [4]],
		// NULL
		['Age IS NULL', [2]],
		['Age IS NOT NULL', [1, 3, 4, 5]],
		['Age = NULL', []],
		// LIKE: %, _, classes, negated classes, ranges, escapes
		["Name LIKE 'ali%'", [1, 5]],
		["Name LIKE '_ob'", [3]],
		["Name NOT LIKE '%i%'", [2, 3]],
		["Name LIKE '[ab]%'", [1, 3, 5]],
		["Name LIKE '[^ab]%'", [2, 4]],
		["Name LIKE '[o-p]%'", [4]],
		["Code LIKE '%[_]%'", [1]],
		["Code LIKE '%[%]%'", [2]],
		["Code LIKE '[[]x]'", [4]],
		["Code LIKE '[a-c][-]9'", [5]],
		["Code LIKE 'B!%2' ESCAPE '!'", [2]],
		["Code LIKE 'A_1'", [1, 3]],
		// IN / NOT IN, with NULL's three-valued logic
		["Name IN ('bob', N'ALICE')", [1, 3]],
		['Age NOT IN (5, 42)', [1, 5]],
		['Age NOT IN (5, NULL)', []],
		['Age IN (NULL)', []],
		// BETWEEN
		['Age BETWEEN 5 AND 30', [1, 3, 5]],
		['Age NOT BETWEEN 5 AND 30', [4]],
		// AND binds tighter than OR; NOT tighter than AND
		['Age = 5 OR Age = 42 AND Active = 1', [3]],
		['(Age = 5 OR Age = 42) AND Active = 0', [4]],
		['NOT Age = 30 AND Active = 1', [3]],
		['NOT (Age = 30 OR Age = 5)', [4]],
		['NOT Age = 30', [3, 4]],
		['((Age)) = 30', [1, 5]],
		['(PK_ID) IN (1, 2)', [1, 2]],
		// column to column
		['PK_ID < Age', [1, 3, 4, 5]],
		// an unescaped quote really does end the literal: this clause is a tautology, and that is the caller's bug
		["Name = 'x' OR '1'='1'", [1, 2, 3, 4, 5]],
	];
	test.each(cases)('%s', (clause, expected) => {
		expect(run(clause)).toEqual(expected);
	});
});

describe('§6 where: injection attempts stay literal strings', () => {
	const cases: [string, number[]][] = [
		// the escaped value x' OR '1'='1 matches only the row that holds exactly that text
		["Name = 'x'' OR ''1''=''1'", [2]],
		["Name = N'x'' OR ''1''=''1'", [2]],
		["Name = 'Alice'' OR 1=1 --'", []],
		["Name = 'bob''; DROP TABLE Leads; --'", []],
		["Name LIKE '%'' OR ''a''=''a%'", []],
		["Name IN ('a'') OR (''1''=''1', 'bob')", [3]],
		["Name = ''''", []],
		["Name = ']'' OR 1=1 OR [Name]=''x'", []],
	];
	test.each(cases)('%s', (clause, expected) => {
		expect(run(clause)).toEqual(expected);
	});
});

describe('§6 where: invalid clauses fail with SQL Server wording', () => {
	const cases: [string, RegExp][] = [
		['Age =', /Incorrect syntax near '='/],
		['= 5', /Incorrect syntax near '='/],
		['Age 5', /Incorrect syntax near '5'/],
		['Age = 5 AND', /Incorrect syntax near the keyword 'AND'/],
		['(Age = 5', /Incorrect syntax/],
		['Age = 5)', /Incorrect syntax near '\)'/],
		["Name = 'abc", /Unclosed quotation mark after the character string 'abc'/],
		['[Name = 1', /Unclosed quotation mark/],
		['Age IN ()', /Incorrect syntax near '\)'/],
		['Age BETWEEN 1', /Incorrect syntax/],
		['Name LIKE', /Incorrect syntax/],
		['Age IS 5', /Incorrect syntax near '5'/],
		['Age NOT = 5', /Incorrect syntax near '='/],
		['Name', /non-boolean type/],
		// Yes/No compared with true/false: `true` is read as a column name
		['Active = true', /Invalid column name 'true'/],
		['Active = false', /Invalid column name 'false'/],
		['Missing = 1', /Invalid column name 'Missing'/],
		// double quotes delimit names, not strings (§6)
		['Name = "Alice"', /Invalid column name 'Alice'/],
		// syntax errors are reported before unknown columns, as SQL Server does
		['Missing = 1 AND', /Incorrect syntax near the keyword 'AND'/],
		['UPPER(Name) = 1', /'UPPER' is not a recognized built-in function name/],
		["Age = 'abc'", /Conversion failed when converting the nvarchar value 'abc' to data type int/],
		['Name = 5', /Conversion failed/],
		["Born = 'yesterday'", /Conversion failed when converting date and\/or time/],
		["Active = 'maybe'", /to data type bit/],
		['Age = @x', /Incorrect syntax near '@'/],
		["Code LIKE 'a' ESCAPE 'ab'", /invalid escape character/],
		// injection shapes that break out of a literal never run
		["Name = 'a'; DROP TABLE Leads", /Incorrect syntax near ';'/],
		["Name = 'a' --", /Incorrect syntax near '-'/],
		["Name = 'a' /* x */", /Incorrect syntax near '\/'/],
		["Name = 'a' UNION SELECT 1", /Incorrect syntax near the keyword 'UNION'/],
		['EXISTS (SELECT 1)', /Incorrect syntax near the keyword 'EXISTS'/],
		['', /Incorrect syntax/],
	];
	test.each(cases)('%p', (clause, message) => {
		expect(() => run(clause)).toThrow(WhereError);
		expect(() => run(clause)).toThrow(message);
	});
});
