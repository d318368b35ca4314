import { demoSeed } from './caspio/demo-seed';
import { CaspioTestClient, qs, V3 } from './caspio/test-client';

const DEMO_TABLES = demoSeed().tables.map((t) => t.name);
/** The tables seeded below come after the demo's; one the demo already has (Contacts) is replaced in place. */
const SEEDED_TABLES = ['Contacts', 'Numbers'].filter((name) => !DEMO_TABLES.includes(name));

/** Contract tests: the Caspio sandbox driven over HTTP, one documented behaviour per test (§ = caspio-api.md). */

const CONTACTS = {
	name: 'Contacts',
	fields: [
		{ Name: 'Name', Type: 'STRING' },
		{ Name: 'Email', Type: 'STRING', Unique: true },
		{ Name: 'Age', Type: 'INTEGER' },
		{ Name: 'Score', Type: 'NUMBER' },
		{ Name: 'Active', Type: 'YES/NO' },
		{ Name: 'Born', Type: 'DATE/TIME' },
		{ Name: 'Secret', Type: 'PASSWORD' },
		{ Name: 'Ref', Type: 'AUTONUMBER', Unique: true },
		{ Name: 'Code', Type: 'PREFIXED AUTONUMBER', Unique: true, Prefix: 'C-', Format: '0001' },
		{ Name: 'Uid', Type: 'GUID', Unique: true },
		{ Name: 'Rid', Type: 'RANDOM ID', Unique: true, Length: 10 },
		{ Name: 'Created', Type: 'TIMESTAMP' },
		{ Name: 'Changed', Type: 'TIMESTAMP', OnInsert: false, OnUpdate: true },
		{ Name: 'Label_Text', Type: 'STRING', IsFormula: true },
		{ Name: 'Tags', Type: 'LIST-STRING', ListField: ['Red', 'Green', 'Blue'] },
	],
	records: [
		{ Name: 'Ann', Email: 'ann@example.com', Age: 31, Score: 7.5, Active: true, Born: '1994-03-01T00:00:00', Secret: 'pw1', Tags: [1] },
		{ Name: 'Ben', Email: 'ben@example.com', Age: 45, Score: null, Active: false, Born: null, Secret: 'pw2', Tags: [] },
		{ Name: 'Cy', Email: 'cy@example.com', Age: 23, Score: 9, Active: true, Born: '2001-11-20T08:00:00', Secret: 'pw3', Tags: [2, 3] },
	],
};
const NUMBERS = { name: 'Numbers', fields: [{ Name: 'N', Type: 'INTEGER' }], records: Array.from({ length: 1100 }, (_, i) => ({ N: i + 1 })) };

let caspio: CaspioTestClient;

beforeAll(async () => {
	caspio = await CaspioTestClient.start({ seedDemo: true });
	await caspio.authenticate();
});
afterAll(() => caspio.close());
beforeEach(async () => {
	await caspio.admin('POST', 'reset');
	expect((await caspio.admin('POST', 'seed', { tables: [CONTACTS, NUMBERS] })).status).toBe(200);
});

const records = (table: string, params: Record<string, string | number> = {}) =>
	caspio.api('GET', `${V3}/tables/${table}/records${Object.keys(params).length ? qs(params) : ''}`);

describe('§1 authentication', () => {
	test('§1.2/§1.3 client credentials in the form body give a bearer token of the documented shape', async () => {
		const reply = await caspio.authenticate();
		expect(reply.status).toBe(200);
		expect(reply.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 86399, refresh_token: expect.any(String) });
		expect(reply.body.access_token).toMatch(/^[-a-zA-Z0-9._~+/]+=*$/);
		expect(reply.body.access_token.split('.')).toHaveLength(1);
		expect(reply.body.refresh_token).toMatch(/^[0-9a-f]{64}$/);
	});

	test('§1.2 Form B: client credentials as HTTP Basic', async () => {
		const basic = Buffer.from('sandbox-client:sandbox-secret').toString('base64');
		const reply = await caspio.request('POST', '/oauth/token', { form: { grant_type: 'client_credentials' }, headers: { authorization: `Basic ${basic}` } });
		expect(reply.status).toBe(200);
		expect(reply.body.token_type).toBe('bearer');
	});

	test('§1.1 the token endpoint is not under the REST base path', async () => {
		const reply = await caspio.request('POST', `${V3}/oauth/token`, { form: { grant_type: 'client_credentials', client_id: 'sandbox-client', client_secret: 'sandbox-secret' } });
		expect(reply.status).toBe(404);
	});

	test('§11.1 bad client credentials → 401 with the error envelope, 400 when switched', async () => {
		const refused = await caspio.authenticate('sandbox-client', 'wrong');
		expect(refused.status).toBe(401);
		expect(refused.body).toEqual({ Code: 'Unauthorized', Message: expect.any(String), Resource: expect.stringContaining('/oauth/token'), RequestId: expect.any(String) });
		await caspio.admin('POST', 'options', { badClientStatus: 400 });
		expect((await caspio.authenticate('someone', 'sandbox-secret')).status).toBe(400);
	});

	test('§1.2 an unsupported grant_type → 400', async () => {
		const reply = await caspio.request('POST', '/oauth/token', { form: { grant_type: 'password', client_id: 'sandbox-client', client_secret: 'sandbox-secret' } });
		expect(reply.status).toBe(400);
		expect(reply.body.Code).toBe('IncorrectBodyParameter');
	});

	test('§1.4 grant_type=refresh_token gives a working access token; the refresh token is kept unless rotation is on', async () => {
		const first = (await caspio.authenticate()).body;
		const refreshed = await caspio.request('POST', '/oauth/token', { form: { grant_type: 'refresh_token', refresh_token: first.refresh_token } });
		expect(refreshed.status).toBe(200);
		expect(refreshed.body.refresh_token).toBe(first.refresh_token);
		expect(refreshed.body.access_token).not.toBe(first.access_token);
		caspio.token = refreshed.body.access_token;
		expect((await caspio.api('GET', `${V3}/tables`)).status).toBe(200);

		await caspio.admin('POST', 'options', { rotateRefreshToken: true });
		const rotated = await caspio.request('POST', '/oauth/token', { form: { grant_type: 'refresh_token', refresh_token: first.refresh_token } });
		expect(rotated.body.refresh_token).toMatch(/^[0-9a-f]{64}$/);
		expect(rotated.body.refresh_token).not.toBe(first.refresh_token);
		const reused = await caspio.request('POST', '/oauth/token', { form: { grant_type: 'refresh_token', refresh_token: first.refresh_token } });
		expect(reused.status).toBe(400);
	});

	test('§1.4 refreshRequiresClient: a refresh without client credentials is refused; with them it works', async () => {
		const { refresh_token } = (await caspio.authenticate()).body;
		await caspio.admin('POST', 'options', { refreshRequiresClient: true });
		expect((await caspio.request('POST', '/oauth/token', { form: { grant_type: 'refresh_token', refresh_token } })).status).toBe(401);
		const withClient = await caspio.request('POST', '/oauth/token', {
			form: { grant_type: 'refresh_token', refresh_token, client_id: 'sandbox-client', client_secret: 'sandbox-secret' },
		});
		expect(withClient.status).toBe(200);
	});

	test('§1.3 a new token does not invalidate earlier ones', async () => {
		await caspio.authenticate();
		const older = caspio.token;
		await caspio.authenticate();
		caspio.token = older;
		expect((await caspio.api('GET', `${V3}/tables`)).status).toBe(200);
	});

	test('§1.5/§1.6 missing or unknown bearer → 401 envelope; the scheme word is case-insensitive', async () => {
		const missing = await caspio.request('GET', `${V3}/tables`);
		expect(missing.status).toBe(401);
		expect(missing.body.Code).toBe('Unauthorized');
		const unknown = await caspio.request('GET', `${V3}/tables`, { headers: { authorization: 'Bearer not-a-token' } });
		expect(unknown.status).toBe(401);
		await caspio.authenticate();
		const lower = await caspio.request('GET', `${V3}/tables`, { headers: { authorization: `bearer ${caspio.token}` } });
		expect(lower.status).toBe(200);
	});

	test('§1.6 faults.tokenTtlSeconds forces expiry: the token works, then answers 401', async () => {
		await caspio.admin('POST', 'faults', { tokenTtlSeconds: 1 });
		const reply = await caspio.authenticate();
		expect(reply.body.expires_in).toBe(86399);
		expect((await caspio.api('GET', `${V3}/tables`)).status).toBe(200);
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const stale = await caspio.api('GET', `${V3}/tables`);
		expect(stale.status).toBe(401);
		expect(stale.body.Code).toBe('Unauthorized');
		await caspio.authenticate();
		expect((await caspio.api('GET', `${V3}/tables`)).status).toBe(200);
	});

	test('§1.6 staleTokenAnswer 400: an expired token gets 400 IncorrectQueryParameter, an unknown one still 401', async () => {
		await caspio.authenticate();
		await caspio.admin('POST', 'options', { staleTokenAnswer: 400 });
		await caspio.admin('POST', 'tokens/expire');
		const stale = await caspio.api('GET', `${V3}/tables/Leads/records`);
		expect(stale.status).toBe(400);
		expect(stale.body.Code).toBe('IncorrectQueryParameter');
		expect((await caspio.request('GET', `${V3}/tables`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
		await caspio.admin('POST', 'options', { staleTokenAnswer: 401 });
		expect((await caspio.api('GET', `${V3}/tables`)).status).toBe(401);
		await caspio.authenticate();
	});

	test('§1.6 staleTokenAnswer and client credentials can be set as server options', async () => {
		const other = await CaspioTestClient.start({ staleTokenAnswer: 400, clientId: 'id-2', clientSecret: 'secret-2' });
		try {
			expect((await other.authenticate()).status).toBe(401);
			expect((await other.authenticate('id-2', 'secret-2')).status).toBe(200);
			await other.admin('POST', 'tokens/expire');
			expect((await other.api('GET', `${V3}/tables`)).status).toBe(400);
		} finally {
			await other.close();
		}
	});
});

describe('§5 errors, request ids and faults', () => {
	beforeEach(() => caspio.authenticate());

	test('§1.5/§5.1 every response carries X-Caspio-Request-ID; an error body repeats it as RequestId', async () => {
		const good = await caspio.api('GET', `${V3}/tables`);
		expect(good.headers.get('x-caspio-request-id')).toMatch(/\S{8,}/);
		const bad = await caspio.api('GET', `${V3}/tables/Nope/records?q.limit=5`);
		expect(bad.status).toBe(404);
		expect(bad.body).toEqual({
			Code: 'ObjectNotFound',
			Message: expect.any(String),
			Resource: `${caspio.url}${V3}/tables/Nope/records?q.limit=5`,
			RequestId: bad.headers.get('x-caspio-request-id'),
		});
		const token = await caspio.request('POST', '/oauth/token', { form: { grant_type: 'client_credentials', client_id: 'sandbox-client', client_secret: 'sandbox-secret' } });
		expect(token.headers.get('x-caspio-request-id')).toBeTruthy();
	});

	test('§5.2 faults at 0 never fail a valid request', async () => {
		const calls = Array.from({ length: 40 }, (_, i) =>
			i % 2 === 0 ? caspio.api('GET', `${V3}/tables/Contacts/records`) : caspio.api('GET', `${V3}/tables/Leads/fields`),
		);
		const statuses = (await Promise.all(calls)).map((r) => r.status);
		expect(statuses.every((s) => s === 200)).toBe(true);
		const stats = (await caspio.admin('GET', 'stats')).body;
		expect(stats.faultsInjected).toBe(0);
		expect(stats.sent429).toBe(0);
	});

	test('§5.2 rate429: 1 makes every API call answer 429 with Retry-After and the envelope', async () => {
		await caspio.admin('POST', 'faults', { rate429: 1 });
		for (const reply of [
			await caspio.api('GET', `${V3}/tables`),
			await caspio.api('POST', `${V3}/tables/Contacts/records`, { Name: 'X' }),
			await caspio.request('POST', '/oauth/token', { form: { grant_type: 'client_credentials', client_id: 'sandbox-client', client_secret: 'sandbox-secret' } }),
		]) {
			expect(reply.status).toBe(429);
			expect(Number(reply.headers.get('retry-after'))).toBeGreaterThan(0);
			expect(reply.body.Code).toBe('TooManyRequests');
			expect(reply.body.RequestId).toBe(reply.headers.get('x-caspio-request-id'));
		}
		expect((await caspio.admin('GET', 'stats')).body.sent429).toBe(3);
		await caspio.admin('POST', 'faults', { rate429: 0 });
		expect((await caspio.api('GET', `${V3}/tables/Contacts/records`)).body.Result).toHaveLength(3);
	});

	test('§5.2 rate5xx: 1 answers 503 with the envelope', async () => {
		await caspio.admin('POST', 'faults', { rate5xx: 1 });
		const reply = await caspio.api('GET', `${V3}/tables`);
		expect(reply.status).toBe(503);
		expect(reply.body.Code).toBe('ServiceUnavailable');
	});

	test('§11.2 unknown routes answer the envelope too', async () => {
		const reply = await caspio.api('GET', `${V3}/nothing-here`);
		expect(reply.status).toBe(404);
		expect(reply.body.Code).toBe('ObjectNotFound');
	});
});

describe('§2/§3 tables and fields', () => {
	beforeEach(() => caspio.authenticate());

	test('§2.1 GET /tables lists plain names; v2 alias and any path case answer too', async () => {
		const v3 = await caspio.api('GET', `${V3}/tables`);
		expect(v3.body).toEqual({ Result: [...DEMO_TABLES, ...SEEDED_TABLES] });
		expect((await caspio.api('GET', '/rest/v2/tables')).body).toEqual(v3.body);
		expect((await caspio.api('GET', `${V3}/Tables/contacts/Records`)).body.Result).toHaveLength(3);
	});

	test('§2.1 GET /tables/{t} gives {Result:{Name, Note}}', async () => {
		const reply = await caspio.api('GET', `${V3}/tables/leads`);
		expect(reply.body).toEqual({ Result: { Name: 'Leads', Note: expect.any(String) } });
	});

	test('§3.1/§3.2 field objects: type tokens, Editable, Unique; PK_ID is not listed', async () => {
		const fields: Record<string, unknown>[] = (await caspio.api('GET', `${V3}/tables/Contacts/fields`)).body.Result;
		expect(fields.map((f) => f.Name)).not.toContain('PK_ID');
		const byName = Object.fromEntries(fields.map((f) => [f.Name, f]));
		expect(byName.Email).toMatchObject({ Type: 'STRING', Unique: true, Editable: true, DisplayOrder: 2 });
		expect(byName.Ref).toMatchObject({ Type: 'AUTONUMBER', Editable: false });
		expect(byName.Code).toMatchObject({ Type: 'PREFIXED AUTONUMBER', Prefix: 'C-', Format: '0001' });
		expect(byName.Rid).toMatchObject({ Type: 'RANDOM ID', Length: 10 });
		expect(byName.Created).toMatchObject({ Type: 'TIMESTAMP', OnInsert: true, OnUpdate: false, Editable: false });
		expect(byName.Label_Text).toMatchObject({ Type: 'STRING', IsFormula: true, Editable: false });
		expect(byName.Tags).toMatchObject({ Type: 'LIST-STRING', ListField: { 1: 'Red', 2: 'Green', 3: 'Blue' } });
		expect(byName.Secret).toMatchObject({ Type: 'PASSWORD' });
		const one = await caspio.api('GET', `${V3}/tables/Contacts/fields/email`);
		expect(one.body.Result.Name).toBe('Email');
		expect((await caspio.api('GET', `${V3}/tables/Contacts/passwordFields`)).body).toEqual({ Result: ['Secret'] });
	});

	test('§3.1/§8.6 records carry PK_ID but never a password field; lists read as {id: value}', async () => {
		const [ann, ben, cy] = (await records('Contacts')).body.Result;
		expect(Object.keys(ann)[0]).toBe('PK_ID');
		expect(ann.PK_ID).toBe(1);
		expect(ann).not.toHaveProperty('Secret');
		expect(ann.Tags).toEqual({ 1: 'Red' });
		expect(ben.Tags).toBeNull();
		expect(cy.Tags).toEqual({ 2: 'Green', 3: 'Blue' });
		expect(ann.Code).toBe('C-0001');
		expect(cy.Ref).toBe(3);
	});

	test('§5.1 unknown table → 404 ObjectNotFound', async () => {
		const reply = await caspio.api('GET', `${V3}/tables/Ghost/fields`);
		expect(reply.status).toBe(404);
		expect(reply.body.Code).toBe('ObjectNotFound');
	});
});

describe('§4.1 query parameters', () => {
	beforeEach(() => caspio.authenticate());

	test('default order is PK_ID ascending and the default limit is 100', async () => {
		const rows = (await records('Numbers')).body.Result;
		expect(rows).toHaveLength(100);
		expect(rows.map((r: { PK_ID: number }) => r.PK_ID)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
	});

	test('q.limit over 1000 is capped at 1000; q.limit=1 works unless rejectSmallLimit is on', async () => {
		expect((await records('Numbers', { 'q.limit': 5000 })).body.Result).toHaveLength(1000);
		expect((await records('Numbers', { 'q.limit': 1 })).body.Result).toEqual([{ PK_ID: 1, N: 1 }]);
		await caspio.admin('POST', 'options', { rejectSmallLimit: true });
		const small = await records('Numbers', { 'q.limit': 1 });
		expect(small.status).toBe(400);
		expect(small.body.Code).toBe('IncorrectQueryParameter');
		expect((await records('Numbers', { 'q.limit': 5 })).body.Result).toHaveLength(5);
	});

	test('q.pageSize must be 5–1000, else 400 IncorrectQueryParameter', async () => {
		for (const size of [4, 1001, 5000]) {
			const reply = await records('Numbers', { 'q.pageSize': size, 'q.pageNumber': 1 });
			expect(reply.status).toBe(400);
			expect(reply.body.Code).toBe('IncorrectQueryParameter');
		}
		expect((await records('Numbers', { 'q.pageSize': 'ten' })).status).toBe(400);
	});

	test('q.pageNumber/q.pageSize page through; pageSize defaults to 25 when only pageNumber is sent', async () => {
		const page2 = (await records('Numbers', { 'q.pageSize': 5, 'q.pageNumber': 2 })).body.Result;
		expect(page2.map((r: { N: number }) => r.N)).toEqual([6, 7, 8, 9, 10]);
		const defaultSize = (await records('Numbers', { 'q.pageNumber': 3 })).body.Result;
		expect(defaultSize).toHaveLength(25);
		expect(defaultSize[0].N).toBe(51);
		const last = (await records('Numbers', { 'q.pageSize': 1000, 'q.pageNumber': 2 })).body.Result;
		expect(last).toHaveLength(100);
	});

	test('Pagination is absent by default and present with includePagination', async () => {
		expect((await records('Numbers', { 'q.pageSize': 5 })).body).not.toHaveProperty('Pagination');
		await caspio.admin('POST', 'options', { includePagination: true });
		const reply = await records('Numbers', { 'q.pageSize': 5, 'q.where': 'N <= 12' });
		expect(reply.body.Pagination).toEqual({ TotalCount: 12 });
	});

	test('parameter names are case-insensitive and work without the q. prefix', async () => {
		for (const key of ['q.where', 'Q.WHERE', 'where', 'Where']) {
			expect((await records('Contacts', { [key]: "Name='cy'" })).body.Result.map((r: { Name: string }) => r.Name)).toEqual(['Cy']);
		}
		const ordered = await records('Contacts', { 'q.orderby': 'age desc', select: 'Name' });
		expect(ordered.body.Result).toEqual([{ Name: 'Ben' }, { Name: 'Ann' }, { Name: 'Cy' }]);
	});

	test('q.select picks fields (with AS aliases); unknown or password fields → 500', async () => {
		const reply = await records('Contacts', { 'q.select': 'Name, Age AS Years, [Email]', 'q.where': 'PK_ID=1' });
		expect(reply.body.Result).toEqual([{ Name: 'Ann', Years: 31, Email: 'ann@example.com' }]);
		expect((await records('Contacts', { 'q.select': 'Name,Nope' })).status).toBe(500);
		expect((await records('Contacts', { 'q.select': 'Secret' })).status).toBe(500);
	});

	test('q.groupBy with aggregates; an aggregate-only select answers one row', async () => {
		const grouped = await records('Contacts', { 'q.select': 'Active, COUNT(*) AS n, MAX(Age) AS oldest', 'q.groupBy': 'Active', 'q.orderBy': 'n DESC' });
		expect(grouped.body.Result).toEqual([
			{ Active: true, n: 2, oldest: 31 },
			{ Active: false, n: 1, oldest: 45 },
		]);
		const total = await records('Numbers', { 'q.select': 'COUNT(N) AS c, SUM(N) AS s, AVG(N) AS a, MIN(N) AS lo' });
		expect(total.body.Result).toEqual([{ c: 1100, s: 605550, a: 550.5, lo: 1 }]);
		const distinct = await records('Contacts', { 'q.select': 'COUNT(DISTINCT Active) AS kinds' });
		expect(distinct.body.Result).toEqual([{ kinds: 2 }]);
		// SQL Server orders groups only by grouped columns, aliases and aggregates: PK_ID is no longer a column.
		const byPk = await records('Contacts', { 'q.select': 'Active, COUNT(*) AS n', 'q.groupBy': 'Active', 'q.orderBy': 'PK_ID ASC' });
		expect([byPk.status, byPk.body.Code]).toEqual([400, 'SqlServerError']);
		expect((await records('Numbers', { 'q.select': 'COUNT(N) AS c', 'q.orderBy': 'N ASC' })).status).toBe(400);
	});

	test('q.orderBy sorts on several keys; NULLs first ascending; unknown field → 400 SqlServerError', async () => {
		const byScore = await records('Contacts', { 'q.orderBy': 'Score ASC, Name DESC', 'q.select': 'Name' });
		expect(byScore.body.Result).toEqual([{ Name: 'Ben' }, { Name: 'Ann' }, { Name: 'Cy' }]);
		const bad = await records('Contacts', { 'q.orderBy': 'Nope' });
		expect(bad.status).toBe(400);
		expect(bad.body.Code).toBe('SqlServerError');
	});

	test('q.distinct and q.sort are ignored', async () => {
		const reply = await records('Contacts', { 'q.distinct': 'true', 'q.sort': 'Name DESC' });
		expect(reply.status).toBe(200);
		expect(reply.body.Result.map((r: { PK_ID: number }) => r.PK_ID)).toEqual([1, 2, 3]);
	});

	test('§6 where: case-insensitive text, Yes/No as 1/0, dates as strings, quotes doubled', async () => {
		const names = async (where: string) => (await records('Contacts', { 'q.where': where })).body.Result.map((r: { Name: string }) => r.Name);
		expect(await names("email = 'ANN@example.com'")).toEqual(['Ann']);
		expect(await names('Active = 1')).toEqual(['Ann', 'Cy']);
		expect(await names("Born > '2000-01-01T00:00:00'")).toEqual(['Cy']);
		expect(await names("Name LIKE '[ab]%' AND NOT Age BETWEEN 40 AND 50")).toEqual(['Ann']);
		expect(await names('Born IS NULL')).toEqual(['Ben']);
		expect(await names("Name = 'x'' OR ''1''=''1'")).toEqual([]);
	});

	test('§6 where errors → 400 SqlServerError with SQL Server text: missing column, bad syntax, =true, password field', async () => {
		const cases: [string, RegExp][] = [
			['Missing = 1', /Invalid column name 'Missing'/],
			["Name = 'Ann' AND", /Incorrect syntax/],
			['Active = true', /Invalid column name 'true'/],
			["Secret = 'pw1'", /Invalid column name 'Secret'/],
		];
		for (const [where, message] of cases) {
			const reply = await records('Contacts', { 'q.where': where });
			expect(reply.status).toBe(400);
			expect(reply.body.Code).toBe('SqlServerError');
			expect(reply.body.Message).toMatch(message);
		}
	});

	test('§4.1/§4.5 views: list, definition, fields with TableFieldName, records with PK_ID as a string', async () => {
		expect((await caspio.api('GET', `${V3}/views`)).body).toEqual({ Result: ['Leads_Ready'] });
		expect((await caspio.api('GET', `${V3}/views/leads_ready`)).body.Result.Name).toBe('Leads_Ready');
		const fields = (await caspio.api('GET', `${V3}/views/Leads_Ready/fields`)).body.Result;
		expect(fields[0]).toMatchObject({ Name: 'First_Name', TableFieldName: 'Leads.First_Name' });
		const rows = (await caspio.api('GET', `${V3}/views/Leads_Ready/records${qs({ 'q.select': 'PK_ID, Email', 'q.orderBy': 'Email DESC' })}`)).body.Result;
		expect(rows).toEqual([
			{ PK_ID: '4', Email: 'katherine@example.com' },
			{ PK_ID: '1', Email: 'ada@example.com' },
		]);
		const filtered = await caspio.api('GET', `${V3}/views/Leads_Ready/records${qs({ 'q.where': 'PK_ID = 4' })}`);
		expect(filtered.body.Result).toHaveLength(1);
		expect((await caspio.api('GET', `${V3}/views/Nope/records`)).status).toBe(404);
	});

	test('a seeded view may show only some fields', async () => {
		await caspio.admin('POST', 'seed', { views: [{ name: 'Adults', table: 'Contacts', where: 'Age >= 30', fields: ['Name'] }] });
		const rows = (await caspio.api('GET', `${V3}/views/Adults/records`)).body.Result;
		expect(rows).toEqual([
			{ PK_ID: '1', Name: 'Ann' },
			{ PK_ID: '2', Name: 'Ben' },
		]);
	});
});

describe('§4.2 POST records', () => {
	beforeEach(() => caspio.authenticate());
	const post = (body: unknown, query = '') => caspio.api('POST', `${V3}/tables/Contacts/records${query}`, body);

	test('201 with an empty body and a Location whose last segment is the new PK_ID', async () => {
		const reply = await post({ Name: 'Dee', Email: 'dee@example.com' });
		expect(reply.status).toBe(201);
		expect(reply.body).toBeUndefined();
		const pk = reply.headers.get('location')?.split('/').pop();
		expect(pk).toBe('4');
		const row = (await records('Contacts', { 'q.where': `PK_ID=${pk}` })).body.Result[0];
		expect(row.Name).toBe('Dee');
	});

	test('response=rows gives {Result:[row]} with generated values and no password', async () => {
		const reply = await post({ Name: 'Eve', Email: 'eve@example.com', Secret: 'hidden' }, '?response=rows');
		expect(reply.status).toBe(201);
		const [row] = reply.body.Result;
		expect(reply.body.Result).toHaveLength(1);
		expect(row).toMatchObject({ PK_ID: 4, Name: 'Eve', Ref: 4, Code: 'C-0004', Active: false, Tags: null, Changed: null, Label_Text: null });
		expect(row.Uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
		expect(row.Rid).toMatch(/^[A-Z0-9]{10}$/);
		expect(row.Created).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
		expect(row).not.toHaveProperty('Secret');
		const stored = (await caspio.admin('GET', 'state')).body.tables.find((t: { name: string }) => t.name === 'Contacts');
		expect(stored.records[3].Secret).toBe('hidden');
	});

	test('unknown field → 404 FieldNotFound and nothing is inserted', async () => {
		const reply = await post({ Name: 'Fay', Nickname: 'F' });
		expect(reply.status).toBe(404);
		expect(reply.body.Code).toBe('FieldNotFound');
		expect(reply.body.Message).toContain('Nickname');
		expect((await records('Contacts')).body.Result).toHaveLength(3);
	});

	test('read-only fields (autonumber, timestamp, formula, GUID, PK_ID) → 500 AlterReadOnlyData', async () => {
		for (const body of [{ Ref: 9 }, { Created: '2024-01-01' }, { Label_Text: 'x' }, { Uid: 'x' }, { Code: 'C-9' }, { Rid: 'x' }, { PK_ID: 99 }]) {
			const reply = await post({ Name: 'Gus', ...body });
			expect(reply.status).toBe(500);
			expect(reply.body.Code).toBe('AlterReadOnlyData');
		}
	});

	test('§8 values are coerced: numeric strings, Yes/No spellings, dates, null and empty', async () => {
		const reply = await post({ Name: 'Hal', Email: null, Age: '42', Score: '', Active: 'true', Born: '2024-05-06', Tags: '[1], [3]' }, '?response=rows');
		expect(reply.body.Result[0]).toMatchObject({ Age: 42, Score: null, Active: true, Born: '2024-05-06T00:00:00', Tags: { 1: 'Red', 3: 'Blue' } });
		const second = await post({ Name: 'Ivy', Email: 'ivy@example.com', Active: 1, Born: '2024-05-06T07:08:09.123', Tags: 2 }, '?response=rows');
		expect(second.body.Result[0]).toMatchObject({ Active: true, Born: '2024-05-06T07:08:09', Tags: { 2: 'Green' } });
		const third = await post({ Name: 'Jo', Email: 'jo@example.com', Active: null, Tags: [1, 2] }, '?response=rows');
		expect(third.body.Result[0]).toMatchObject({ Active: false, Tags: { 1: 'Red', 2: 'Green' } });
	});

	test('§4.2 a value that does not fit its type → 500 InvalidInputValue (400 when switched)', async () => {
		for (const body of [{ Age: 'abc' }, { Age: 1.5 }, { Born: 'yesterday' }, { Active: 'maybe' }, { Tags: [9] }, { Name: 'x'.repeat(256) }, { Name: { a: 1 } }]) {
			const reply = await post(body);
			expect(reply.status).toBe(500);
			expect(reply.body.Code).toBe('InvalidInputValue');
			expect(reply.body.Message).toContain("doesn't match the data type");
		}
		await caspio.admin('POST', 'options', { typeMismatchStatus: 400 });
		expect((await post({ Age: 'abc' })).status).toBe(400);
	});

	test('§8.1 rejectMilliseconds refuses dates with fractional seconds', async () => {
		await caspio.admin('POST', 'options', { rejectMilliseconds: true });
		expect((await post({ Born: '2024-05-06T07:08:09.123' })).status).toBe(500);
		expect((await post({ Born: '2024-05-06T07:08:09' })).status).toBe(201);
	});

	test('§4.2 unique fields: a duplicate (any case) → 400 SqlServerError, or 500 when switched; UniqueAllowNulls off means one NULL', async () => {
		const dup = await post({ Email: 'ANN@example.com' });
		expect(dup.status).toBe(400);
		expect(dup.body.Code).toBe('SqlServerError');
		expect(dup.body.Message).toMatch(/Violation of UNIQUE KEY constraint/);
		expect((await post({ Name: 'no email' })).status).toBe(201);
		expect((await post({ Name: 'no email either' })).status).toBe(400);
		await caspio.admin('POST', 'options', { uniqueViolationStatus: 500 });
		expect((await post({ Email: 'ben@example.com' })).status).toBe(500);
	});

	test('§2.3 the body is one JSON object: an array → 400 IncorrectBodyParameter', async () => {
		const reply = await post([{ Name: 'A' }, { Name: 'B' }]);
		expect(reply.status).toBe(400);
		expect(reply.body.Code).toBe('IncorrectBodyParameter');
	});
});

describe('§4.3 PUT and §4.4 DELETE records', () => {
	beforeEach(() => caspio.authenticate());
	const put = (query: Record<string, string>, body: unknown) => caspio.api('PUT', `${V3}/tables/Contacts/records${qs(query)}`, body);
	const del = (query: Record<string, string>) => caspio.api('DELETE', `${V3}/tables/Contacts/records${qs(query)}`);

	test('PUT by where → 200 {RecordsAffected, Result:[]}; with response=rows the updated rows', async () => {
		const plain = await put({ 'q.where': 'Active = 1' }, { Score: 1 });
		expect(plain.status).toBe(200);
		expect(plain.body).toEqual({ RecordsAffected: 2, Result: [] });
		// field names in the body are case-insensitive, like everywhere else
		const rows = await put({ where: "Name = 'Ben'", response: 'rows' }, { age: 46, BORN: null });
		expect(rows.body.RecordsAffected).toBe(1);
		expect(rows.body.Result[0]).toMatchObject({ PK_ID: 2, Age: 46, Born: null });
		expect(rows.body.Result[0].Changed).toMatch(/^\d{4}-\d{2}-\d{2}T/);
		expect(rows.body.Result[0]).not.toHaveProperty('Secret');
	});

	test('PUT with no match → 200 RecordsAffected 0', async () => {
		expect((await put({ 'q.where': 'PK_ID = 99' }, { Age: 1 })).body).toEqual({ RecordsAffected: 0, Result: [] });
	});

	test('PUT/DELETE without a where → 400 IncorrectQueryParameter; missingWhere "all" changes every row', async () => {
		const put400 = await caspio.api('PUT', `${V3}/tables/Contacts/records`, { Age: 1 });
		expect(put400.status).toBe(400);
		expect(put400.body.Code).toBe('IncorrectQueryParameter');
		expect((await caspio.api('DELETE', `${V3}/tables/Contacts/records`)).status).toBe(400);
		await caspio.admin('POST', 'options', { missingWhere: 'all' });
		expect((await caspio.api('PUT', `${V3}/tables/Contacts/records`, { Age: 1 })).body.RecordsAffected).toBe(3);
		expect((await caspio.api('DELETE', `${V3}/tables/Contacts/records`)).body).toEqual({ RecordsAffected: 3 });
	});

	test('PUT rejects password and read-only fields (500 AlterReadOnlyData) and unknown fields (404)', async () => {
		expect((await put({ where: 'PK_ID=1' }, { Secret: 'new' })).body.Code).toBe('AlterReadOnlyData');
		expect((await put({ where: 'PK_ID=1' }, { Ref: 5 })).status).toBe(500);
		expect((await put({ where: 'PK_ID=1' }, { Nope: 5 })).status).toBe(404);
	});

	test('PUT enforces unique fields across the updated rows', async () => {
		expect((await put({ where: 'PK_ID=1' }, { Email: 'BEN@example.com' })).status).toBe(400);
		expect((await put({ where: 'PK_ID IN (1,2)' }, { Email: 'same@example.com' })).status).toBe(400);
		expect((await put({ where: 'PK_ID=1' }, { Email: 'ann@example.com' })).status).toBe(200);
	});

	test('PUT with a bad where → 400 SqlServerError', async () => {
		const reply = await put({ where: 'Nope = 1' }, { Age: 1 });
		expect(reply.status).toBe(400);
		expect(reply.body.Code).toBe('SqlServerError');
	});

	test('DELETE by where → 200 {RecordsAffected}; PK_ID quoted or not; no match → 0', async () => {
		expect((await del({ 'q.where': 'PK_ID=1' })).body).toEqual({ RecordsAffected: 1 });
		expect((await del({ where: "PK_ID='2'" })).body).toEqual({ RecordsAffected: 1 });
		expect((await del({ where: 'PK_ID=2' })).body).toEqual({ RecordsAffected: 0 });
		expect((await records('Contacts')).body.Result.map((r: { Name: string }) => r.Name)).toEqual(['Cy']);
	});

	test('new records after a delete get a fresh PK_ID', async () => {
		await del({ where: 'PK_ID=3' });
		const reply = await caspio.api('POST', `${V3}/tables/Contacts/records`, { Name: 'New' });
		expect(reply.headers.get('location')).toMatch(/\/4$/);
	});
});

describe('admin endpoints', () => {
	test('seed validates its input; state returns everything stored; reset restores the demo data', async () => {
		const bad = await caspio.admin('POST', 'seed', { tables: [{ name: 'Bad', fields: [{ Name: 'Id', Type: 'AUTONUMBER' }] }] });
		expect(bad.status).toBe(400);
		expect(bad.body.message).toMatch(/Unique/);
		const state = (await caspio.admin('GET', 'state')).body;
		expect(state.tables.map((t: { name: string }) => t.name)).toEqual([...DEMO_TABLES, ...SEEDED_TABLES]);
		const leads = state.tables[0];
		expect(leads.records).toHaveLength(6);
		expect(leads.fields.find((f: { Name: string }) => f.Name === 'Email').Unique).toBe(true);
		expect(state.views).toEqual([{ name: 'Leads_Ready', table: 'Leads', where: "Readiness = 'Ready to buy'" }]);
		expect(state.webhooks).toEqual([]);
		await caspio.admin('POST', 'reset');
		expect((await caspio.admin('GET', 'state')).body.tables.map((t: { name: string }) => t.name)).toEqual(DEMO_TABLES);
	});

	test('the demo seed has the documented tables and shapes', async () => {
		await caspio.authenticate();
		const preferences = (await records('Preferences')).body.Result;
		expect(preferences[0]).toEqual({
			PK_ID: 1,
			Email: 'ada@example.com',
			Newsletter: true,
			Product_Updates: true,
			Events: true,
			Unsubscribed_All: false,
			AC_Contact_ID: null,
			Updated: '2026-03-01T09:00:00',
		});
		const registrations = (await records('Registrations', { 'q.where': "Status = 'Registered'" })).body.Result;
		expect(registrations).toHaveLength(3);
		const leadFields = (await caspio.api('GET', `${V3}/tables/Leads/fields`)).body.Result.map((f: { Name: string }) => f.Name);
		expect(leadFields).toEqual(expect.arrayContaining(['First_Name', 'Email', 'Company_Size', 'Consent', 'AC_Contact_ID', 'Sync_Status', 'Created']));
	});

	test('options can be read and patched; unknown keys are ignored', async () => {
		const patched = (await caspio.admin('POST', 'options', { staleTokenAnswer: 400, bogus: 1 })).body;
		expect(patched.staleTokenAnswer).toBe(400);
		expect(patched).not.toHaveProperty('bogus');
		expect((await caspio.admin('GET', 'options')).body.staleTokenAnswer).toBe(400);
		await caspio.admin('POST', 'reset');
		expect((await caspio.admin('GET', 'options')).body.staleTokenAnswer).toBe(401);
	});
});
