import { CaspioTestClient, qs, V3 } from './caspio/test-client';

/** Contract tests for directories and their users (§2.1), driven over HTTP. */

const ADA = '11111111-1111-4111-8111-111111111111';
const BOB = '22222222-2222-4222-8222-222222222222';
const CUSTOMERS = {
	Name: 'Customers',
	fields: [
		{ Name: 'First_Name', Type: 'STRING' },
		{ Name: 'Age', Type: 'NUMBER' },
	],
	users: [
		{ UserGUID: ADA, Email: 'ada@example.com', First_Name: 'Ada', Age: 36, Status: 'active', Password: 'secret1' },
		{ UserGUID: BOB, Email: 'bob@example.com', First_Name: "O'Brien", Age: 41 },
		{ Email: 'cy@example.com', First_Name: 'Cy', Age: 29 },
	],
};

interface StateUser {
	UserGUID: string;
	Email: string;
	Status: string;
	Password: string | null;
	[field: string]: unknown;
}
interface DirectoryState {
	Id: string;
	Name: string;
	NumberOfUsers: number;
	users: StateUser[];
}

let caspio: CaspioTestClient;
let id: string;

beforeAll(async () => {
	caspio = await CaspioTestClient.start();
	await caspio.authenticate();
});
afterAll(() => caspio.close());
beforeEach(async () => {
	await caspio.admin('POST', 'reset');
	expect((await caspio.admin('POST', 'seed', { directories: [CUSTOMERS, { Name: 'Staff', users: [{ Email: 'x@corp.test', Badge: 7 }] }] })).status).toBe(200);
	id = (await caspio.api('GET', `${V3}/directories`)).body.Result[0].Id;
});

const state = async () => (await caspio.admin('GET', 'state')).body as { directories: DirectoryState[]; activations: unknown[] };
const users = async (name = 'Customers') => (await state()).directories.find((d) => d.Name === name)?.users ?? [];
const emails = async () => (await users()).map((u) => u.Email);
const usersPath = (query: Record<string, string | number> = {}) => `${V3}/directories/${id}/users${Object.keys(query).length ? qs(query) : ''}`;

describe('directories', () => {
	it('GET /directories lists Id, Name and NumberOfUsers; the field list is the table named after the directory', async () => {
		const list = await caspio.api('GET', `${V3}/directories`);

		expect(list.status).toBe(200);
		expect(list.body.Result).toEqual([
			{ Id: expect.stringMatching(/^[0-9a-f-]{36}$/), Name: 'Customers', NumberOfUsers: 3, DateCreated: expect.any(String) },
			{ Id: expect.any(String), Name: 'Staff', NumberOfUsers: 1, DateCreated: expect.any(String) },
		]);
		const fields = await caspio.api('GET', `${V3}/tables/Customers/fields`);
		expect(fields.body.Result.map((f: { Name: string; Type: string }) => `${f.Name}:${f.Type}`)).toEqual([
			'UserGUID:GUID',
			'Email:STRING',
			'Password:PASSWORD',
			'Status:STRING',
			'First_Name:STRING',
			'Age:NUMBER',
		]);
		// Without declared fields, a seed's extra keys become fields typed by their values.
		const staff = await caspio.api('GET', `${V3}/tables/Staff/fields`);
		expect(staff.body.Result.at(-1)).toMatchObject({ Name: 'Badge', Type: 'NUMBER' });
	});

	it('an unknown directory id is 404 ObjectNotFound', async () => {
		const res = await caspio.api('GET', `${V3}/directories/nope/users`);
		expect(res.status).toBe(404);
		expect(res.body).toMatchObject({ Code: 'ObjectNotFound' });
	});

	it('reset clears directories and their users', async () => {
		await caspio.admin('POST', 'reset');
		expect((await state()).directories).toEqual([]);
		expect((await caspio.api('GET', `${V3}/directories`)).body.Result).toEqual([]);
	});
});

describe('directory users', () => {
	it('GET lists users without passwords, filtered with q.where and paged like records', async () => {
		const all = await caspio.api('GET', usersPath());
		expect(all.body.Result).toHaveLength(3);
		expect(all.body.Result[0]).toEqual({ PK_ID: 1, UserGUID: ADA, Email: 'ada@example.com', Status: 'active', First_Name: 'Ada', Age: 36 });
		expect(all.body.Result.map((u: StateUser) => u.Status)).toEqual(['active', 'inactive', 'inactive']);

		const older = await caspio.api('GET', usersPath({ 'q.where': 'Age > 30', 'q.orderBy': 'Email DESC' }));
		expect(older.body.Result.map((u: StateUser) => u.Email)).toEqual(['bob@example.com', 'ada@example.com']);
		const page = await caspio.api('GET', usersPath({ 'q.pageSize': 5, 'q.pageNumber': 1 }));
		expect(page.body.Result).toHaveLength(3);
		expect((await caspio.api('GET', usersPath({ 'q.where': 'Nope = 1' }))).body).toMatchObject({ Code: 'SqlServerError' });
	});

	it('POST adds one inactive user, stores the password, and never returns it', async () => {
		const res = await caspio.api('POST', usersPath({ response: 'rows' }), { Email: 'dee@example.com', First_Name: 'Dee', Age: '52', Password: 'pw' });

		expect(res.status).toBe(201);
		expect(res.body.Result[0]).toEqual({ PK_ID: 4, UserGUID: expect.stringMatching(/^[0-9a-f-]{36}$/), Email: 'dee@example.com', Status: 'inactive', First_Name: 'Dee', Age: 52 });
		expect((await users()).at(-1)).toMatchObject({ Email: 'dee@example.com', Password: 'pw', Status: 'inactive' });
		expect((await state()).directories[0].NumberOfUsers).toBe(4);
	});

	it('POST refuses a taken email, an unknown field, a generated UserGUID and the Status', async () => {
		const taken = await caspio.api('POST', usersPath(), { Email: 'ADA@example.com' });
		expect(taken).toMatchObject({ status: 400, body: { Code: 'SqlServerError' } });
		expect((await caspio.api('POST', usersPath(), { Email: 'n@x.test', Nope: 1 })).body).toMatchObject({ Code: 'FieldNotFound' });
		expect((await caspio.api('POST', usersPath(), { Email: 'n@x.test', UserGUID: ADA })).body).toMatchObject({ Code: 'AlterReadOnlyData' });
		expect((await caspio.api('POST', usersPath(), { Email: 'n@x.test', Status: 'active' })).body).toMatchObject({ Code: 'AlterReadOnlyData' });
		expect(await emails()).toEqual(['ada@example.com', 'bob@example.com', 'cy@example.com']);
	});

	it('PUT with the capitalised Where changes exactly the matching users; a quote in a literal is only text', async () => {
		const res = await caspio.api('PUT', usersPath({ Where: "First_Name = N'O''Brien'", response: 'rows' }), { Age: 42 });

		expect(res.body).toMatchObject({ RecordsAffected: 1, Result: [{ Email: 'bob@example.com', Age: 42 }] });
		expect((await users()).map((u) => u.Age)).toEqual([36, 42, 29]);
		const hostile = await caspio.api('PUT', usersPath({ Where: "First_Name = N'x'' OR 1=1 --'" }), { Age: 0 });
		expect(hostile.body).toMatchObject({ RecordsAffected: 0 });
		expect((await users()).map((u) => u.Age)).toEqual([36, 42, 29]);
	});

	it('PUT refuses a missing Where, a system attribute in it, a password and the Status', async () => {
		expect((await caspio.api('PUT', usersPath(), { Age: 1 })).body).toMatchObject({ Code: 'IncorrectQueryParameter' });
		const system = await caspio.api('PUT', usersPath({ Where: "_status = 'active'" }), { Age: 1 });
		expect(system).toMatchObject({ status: 400, body: { Code: 'IncorrectQueryParameter', Message: expect.stringContaining('_status') } });
		// A system attribute's name inside a quoted value is only text.
		expect((await caspio.api('PUT', usersPath({ Where: "First_Name = '_status'" }), { Age: 1 })).body).toMatchObject({ RecordsAffected: 0 });
		expect((await caspio.api('PUT', usersPath({ Where: 'Age > 0' }), { Password: 'new' })).body).toMatchObject({ Code: 'AlterReadOnlyData' });
		expect((await caspio.api('PUT', usersPath({ Where: 'Age > 0' }), { Status: 'active' })).body).toMatchObject({ Code: 'AlterReadOnlyData' });
		expect((await users()).map((u) => [u.Age, u.Status, u.Password])).toEqual([
			[36, 'active', 'secret1'],
			[41, 'inactive', null],
			[29, 'inactive', null],
		]);
	});

	it('DELETE with Where removes exactly the matching users and answers the count', async () => {
		const res = await caspio.api('DELETE', usersPath({ Where: "Email LIKE N'bob%'" }));

		expect(res.body).toEqual({ RecordsAffected: 1 });
		expect(await emails()).toEqual(['ada@example.com', 'cy@example.com']);
		expect((await caspio.api('DELETE', usersPath({ Where: '_2fa_status = 1' }))).status).toBe(400);
		expect((await caspio.api('DELETE', usersPath())).status).toBe(400);
		expect((await state()).directories[0].NumberOfUsers).toBe(2);
	});

	it('POST …/users/activate takes {UserGUID, SendEmail}, answers an ActivationUrl and activates the user', async () => {
		const res = await caspio.api('POST', `${V3}/directories/${id}/users/activate`, { UserGUID: BOB.toUpperCase(), SendEmail: true });

		expect(res.status).toBe(200);
		expect(res.body).toEqual({ ActivationUrl: expect.stringMatching(/^http:\/\/.+\/activate\//) });
		expect((await users()).find((u) => u.UserGUID === BOB)?.Status).toBe('active');
		expect((await state()).activations).toEqual([{ directory: 'Customers', UserGUID: BOB, SendEmail: true, ActivationUrl: res.body.ActivationUrl }]);
	});

	it('activate refuses an unknown user, a missing UserGUID and a SendEmail that is not a boolean', async () => {
		const activate = (body: unknown) => caspio.api('POST', `${V3}/directories/${id}/users/activate`, body);
		expect(await activate({ UserGUID: '33333333-3333-4333-8333-333333333333', SendEmail: false })).toMatchObject({ status: 404, body: { Code: 'ObjectNotFound' } });
		expect(await activate({ SendEmail: false })).toMatchObject({ status: 400, body: { Code: 'IncorrectBodyParameter' } });
		expect(await activate({ UserGUID: ADA, SendEmail: 'yes' })).toMatchObject({ status: 400, body: { Code: 'IncorrectBodyParameter' } });
		expect((await state()).activations).toEqual([]);
	});
});
