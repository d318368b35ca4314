import { CaspioTestClient, V3 } from './caspio/test-client';
import { v4TableId } from './caspio/v4';

/** Contract tests of REST v4's bulk insert in the Caspio sandbox, driven over HTTP (§ = caspio-api.md, §2.3 and §0). */

const V4 = '/integrations/rest/v4';
const PEOPLE = {
	name: 'People',
	fields: [
		{ Name: 'Name', Type: 'STRING' },
		{ Name: 'Email', Type: 'STRING', Unique: true, UniqueAllowNulls: true },
		{ Name: 'Age', Type: 'INTEGER' },
		{ Name: 'Ref', Type: 'AUTONUMBER', Unique: true },
	],
	records: [{ Name: 'Ann', Email: 'ann@example.com', Age: 31 }],
};
const BULK = `${V4}/tables/${v4TableId('People')}/records/bulk`;

let caspio: CaspioTestClient;

beforeAll(async () => {
	caspio = await CaspioTestClient.start();
	await caspio.authenticate();
});
afterAll(() => caspio.close());
beforeEach(async () => {
	await caspio.admin('POST', 'reset');
	expect((await caspio.admin('POST', 'seed', { tables: [PEOPLE] })).status).toBe(200);
});

const stored = async () => ((await caspio.admin('GET', 'state')).body.tables as Array<{ name: string; records: Array<Record<string, unknown>> }>).find((t) => t.name === 'People')!.records;
const bulkCalls = async () => Object.values(((await caspio.admin('GET', 'stats')).body.requests[`POST ${V4}/tables/:tableId/records/bulk`] ?? {}) as Record<string, number>).reduce((a, b) => a + b, 0);
const rows = (count: number, from = 0) => Array.from({ length: count }, (_, i) => ({ Name: `n${from + i}`, Email: `n${from + i}@example.com`, Age: i }));

describe('§0 v4 table list', () => {
	test('the v3 token reads GET /v4/tables: {data, pagination}, each table with its 6-character id', async () => {
		const reply = await caspio.api('GET', `${V4}/tables?pageSize=1000`);
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ data: [{ id: v4TableId('People'), name: 'People' }], pagination: { totalCount: 1, pageNumber: 1, pageSize: 1000 } });
		expect(reply.body.data[0].id).toMatch(/^[a-z0-9]{6}$/);
	});

	test('without a token → 401', async () => {
		expect((await caspio.request('GET', `${V4}/tables`)).status).toBe(401);
	});
});

describe('§2.3 POST /v4/tables/{tableId}/records/bulk', () => {
	test('all rows created → 201 {PK_ID: [...]} in the order sent, stored once, one billed call for 1,000 rows', async () => {
		const reply = await caspio.api('POST', BULK, rows(1000));
		expect(reply.status).toBe(201);
		expect(reply.body).toEqual({ PK_ID: Array.from({ length: 1000 }, (_, i) => String(i + 2)) });
		const table = await stored();
		expect(table).toHaveLength(1001);
		expect(table.slice(1).map((r) => [r.PK_ID, r.Name, r.Ref])).toEqual(rows(1000).map((r, i) => [i + 2, r.Name, i + 2]));
		expect(await bulkCalls()).toBe(1);
	});

	test('echo=true answers each created record beside its PK_ID; switched to "ignored", PK_IDs only', async () => {
		const echoed = await caspio.api('POST', `${BULK}?echo=true`, rows(2));
		expect(echoed.status).toBe(201);
		expect(echoed.body.data).toEqual([
			{ PK_ID: 2, Name: 'n0', Email: 'n0@example.com', Age: 0, Ref: 2 },
			{ PK_ID: 3, Name: 'n1', Email: 'n1@example.com', Age: 1, Ref: 3 },
		]);
		await caspio.admin('POST', 'options', { bulkEcho: 'ignored' });
		const plain = await caspio.api('POST', `${BULK}?echo=true`, rows(1, 5));
		expect(plain.body).toEqual({ PK_ID: ['4'] });
	});

	test('some rows refused → 207 with one {status, PK_ID | error} per row; good rows stored once, bad ones not at all', async () => {
		const reply = await caspio.api('POST', BULK, [
			{ Name: 'ok1' },
			{ Name: 'dup', Email: 'ann@example.com' },
			{ Name: 'badAge', Age: 'old' },
			{ Name: 'unknown', Nope: 1 },
			{ Name: 'readOnly', Ref: 9 },
			{ Name: 'ok2' },
		]);
		expect(reply.status).toBe(207);
		expect(reply.body.data).toEqual([
			{ status: 201, PK_ID: '2' },
			{ status: 422, code: 'SqlServerError', error: expect.stringMatching(/UNIQUE KEY constraint 'UQ_People_Email'/) },
			{ status: 422, code: 'InvalidInputValue', error: expect.stringMatching(/data type of the following field\(s\): Age/) },
			{ status: 422, code: 'FieldNotFound', error: expect.stringMatching(/Nope/) },
			{ status: 422, code: 'AlterReadOnlyData', error: expect.stringMatching(/read-only: Ref/) },
			{ status: 201, PK_ID: '3' },
		]);
		expect((await stored()).map((r) => r.Name)).toEqual(['Ann', 'ok1', 'ok2']);
	});

	test('a duplicate inside one request is refused for the later row only', async () => {
		const reply = await caspio.api('POST', BULK, [{ Email: 'x@example.com' }, { Email: 'X@example.com' }]);
		expect(reply.status).toBe(207);
		expect(reply.body.data.map((r: { status: number }) => r.status)).toEqual([201, 422]);
	});

	test('more than 1,000 rows → 400 IncorrectBodyParameter and nothing stored', async () => {
		const reply = await caspio.api('POST', BULK, rows(1001));
		expect(reply.status).toBe(400);
		expect(reply.body).toMatchObject({ Code: 'IncorrectBodyParameter', Message: expect.stringMatching(/at most 1000/), DocumentationUrl: `${V4}/errors/IncorrectBodyParameter` });
		expect(reply.body.Hint).toEqual({ Note: expect.any(String), Remediation: expect.any(String) });
		expect(await stored()).toHaveLength(1);
	});

	test('a body that is not a non-empty array → 400', async () => {
		for (const body of [{ Name: 'one' }, []]) {
			expect((await caspio.api('POST', BULK, body)).status).toBe(400);
		}
		expect(await stored()).toHaveLength(1);
	});

	test('an unknown table id → 404 ObjectNotFound (v4 envelope)', async () => {
		const reply = await caspio.api('POST', `${V4}/tables/zzzzzz/records/bulk`, rows(1));
		expect(reply.status).toBe(404);
		expect(reply.body).toMatchObject({ Code: 'ObjectNotFound', RequestId: expect.any(String), DocumentationUrl: expect.any(String) });
	});

	test('an account without v4 (switch v4: off) → 404 on every v4 path; v3 still answers', async () => {
		await caspio.admin('POST', 'options', { v4: 'off' });
		expect((await caspio.api('GET', `${V4}/tables`)).status).toBe(404);
		expect((await caspio.api('POST', BULK, rows(1))).status).toBe(404);
		expect(await stored()).toHaveLength(1);
		expect((await caspio.api('GET', `${V3}/tables/People/records`)).status).toBe(200);
	});
});
