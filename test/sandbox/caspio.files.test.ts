import { CaspioTestClient, qs, V3 } from './caspio/test-client';

/** Contract tests for the Files area and attachments (§2.1, §5.1, §8.5), driven over HTTP with Node's own FormData. */

const BYTES = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff, 0x0d, 0x0a, 0x2d, 0x2d, 0x80]);
const DOCS = {
	name: 'Docs',
	fields: [
		{ Name: 'Title', Type: 'STRING' },
		{ Name: 'Scan', Type: 'ATTACHMENT' },
	],
	records: [{ Title: 'a' }, { Title: 'b' }],
};

let caspio: CaspioTestClient;

beforeAll(async () => {
	caspio = await CaspioTestClient.start();
	await caspio.authenticate();
});
afterAll(() => caspio.close());
beforeEach(async () => {
	await caspio.admin('POST', 'reset');
	await caspio.admin('POST', 'seed', { tables: [DOCS], folders: ['/Reports/2026'] });
});

const form = (field: string, files: Array<[string, Buffer, string?]>) => {
	const body = new FormData();
	for (const [name, data, type] of files) body.append(field, new Blob([new Uint8Array(data)], { type: type ?? 'application/octet-stream' }), name);
	return body;
};
const send = async (method: string, path: string, body?: FormData | string, headers: Record<string, string> = {}) =>
	await fetch(caspio.url + V3 + path, { method, body, headers: { authorization: `Bearer ${caspio.token}`, ...headers } });
const bytesOf = async (res: Response) => Buffer.from(await res.arrayBuffer());
const folderKey = async (path: string) => ((await caspio.admin('GET', 'state')).body.folders as Array<{ Path: string; ExternalKey: string }>).find((f) => f.Path === path)?.ExternalKey;

describe('Files area', () => {
	it('POST /files stores each `Files` part byte for byte and answers 201 with names and keys', async () => {
		const res = await send('POST', '/files', form('Files', [['a.png', BYTES, 'image/png'], ['b.txt', Buffer.from('hi'), 'text/plain']]));

		expect(res.status).toBe(201);
		const body = (await res.json()) as { Result: Array<{ Name: string; ExternalKey: string }> };
		expect(body.Result.map((r) => r.Name)).toEqual(['a.png', 'b.txt']);
		const download = await send('GET', `/files/${body.Result[0].ExternalKey}`);
		expect(download.headers.get('content-type')).toBe('image/png');
		expect((await bytesOf(download)).equals(BYTES)).toBe(true);
		const info = await caspio.api('GET', `${V3}/files/${body.Result[0].ExternalKey}/fileInfo`);
		expect(info.body.Result).toMatchObject({ Name: 'a.png', ExternalKey: body.Result[0].ExternalKey, ContentType: 'image/png', Size: BYTES.length });
	});

	it('POST answers 409 for a name the folder already holds (any case) and stores nothing of that request', async () => {
		await send('POST', '/files', form('Files', [['Report.pdf', Buffer.from('1')]]));

		const res = await send('POST', '/files', form('Files', [['new.txt', Buffer.from('2')], ['report.PDF', Buffer.from('3')]]));

		expect(res.status).toBe(409);
		expect(await res.json()).toMatchObject({ Code: 'FileAlreadyExists', RequestId: expect.any(String) });
		expect((await caspio.api('GET', `${V3}/files`)).body.Result.map((f: { Name: string }) => f.Name)).toEqual(['Report.pdf']);
	});

	it('PUT /files with a `File` part overwrites (200) or creates (201), in the folder given by externalKey', async () => {
		const key = await folderKey('/Reports/2026');
		const created = await send('PUT', `/files${qs({ externalKey: key! })}`, form('File', [['r.txt', Buffer.from('one')]]));
		const replaced = await send('PUT', `/files${qs({ externalKey: key! })}`, form('File', [['R.txt', Buffer.from('two')]]));

		expect([created.status, replaced.status]).toEqual([201, 200]);
		const byPath = await send('GET', `/files/path${qs({ filePath: '/Reports/2026/r.txt' })}`);
		expect((await bytesOf(byPath)).toString()).toBe('two');
	});

	it('lists files and folders with un-prefixed paging: pageSize 5–1000, a total, sort by Name or DateCreated', async () => {
		for (const name of ['c', 'a', 'e', 'b', 'd', 'f']) await send('POST', '/files', form('Files', [[`${name}.txt`, Buffer.from(name)]]));

		const page2 = await caspio.api('GET', `${V3}/files${qs({ pageSize: 5, pageNumber: 2 })}`);
		expect(page2.body.Result.map((f: { Name: string }) => f.Name)).toEqual(['f.txt']);
		expect(page2.body.Pagination).toEqual({ TotalCount: 6, PageNumber: 2, PageSize: 5 });
		const desc = await caspio.api('GET', `${V3}/files${qs({ pageSize: 5, sortField: 'Name', sortDescending: 'true' })}`);
		expect(desc.body.Result[0].Name).toBe('f.txt');
		expect((await caspio.api('GET', `${V3}/files${qs({ pageSize: 4 })}`)).body).toMatchObject({ Code: 'IncorrectQueryParameter' });
		expect((await caspio.api('GET', `${V3}/files${qs({ sortField: 'Size' })}`)).status).toBe(400);

		const root = await caspio.api('GET', `${V3}/files/folders`);
		expect(root.body.Result.map((f: { Name: string }) => f.Name)).toEqual(['Reports']);
		const sub = await caspio.api('GET', `${V3}/files/folders${qs({ externalKey: root.body.Result[0].ExternalKey })}`);
		expect(sub.body.Result.map((f: { Name: string }) => f.Name)).toEqual(['2026']);
		const one = await caspio.api('GET', `${V3}/files/folders/${root.body.Result[0].ExternalKey}`);
		expect(one.body.Result).toMatchObject({ Name: 'Reports' });
	});

	it('reads and deletes by path; unknown files, folders and paths are 404 ObjectNotFound', async () => {
		await send('POST', `/files${qs({ externalKey: (await folderKey('/Reports/2026'))! })}`, form('Files', [['x.txt', Buffer.from('x')]]));

		const info = await caspio.api('GET', `${V3}/files/path/fileInfo${qs({ filePath: '/reports/2026/X.TXT' })}`);
		expect(info.body.Result).toMatchObject({ Name: 'x.txt', Size: 1 });
		expect((await send('DELETE', `/files/path${qs({ filePath: '/Reports/2026/x.txt' })}`)).status).toBe(200);
		for (const path of [`/files/path${qs({ filePath: '/Reports/2026/x.txt' })}`, '/files/no-such-key', `/files${qs({ externalKey: 'nope' })}`]) {
			const res = await caspio.api('GET', V3 + path);
			expect([res.status, res.body.Code]).toEqual([404, 'ObjectNotFound']);
		}
	});

	it('refuses a body that is not multipart, and a call without a token', async () => {
		const plain = await send('POST', '/files', 'not a form', { 'content-type': 'text/plain' });
		expect([plain.status, ((await plain.json()) as { Code: string }).Code]).toEqual([400, 'IncorrectBodyParameter']);

		const anonymous = await fetch(`${caspio.url}${V3}/files`, { method: 'POST', body: form('Files', [['a.txt', Buffer.from('a')]]) });
		expect(anonymous.status).toBe(401);
	});
});

describe('Attachments', () => {
	const path = (pk: number | string = 1, field = 'Scan') => `/tables/Docs/attachments/${field}/${pk}`;

	it('PUT stores the `File` part on the record; GET returns its bytes and type; the record reads back the name', async () => {
		const put = await send('PUT', path(2), form('File', [['scan.v2.png', BYTES, 'image/png']]));
		expect(put.status).toBe(200);

		const get = await send('GET', path(2));
		expect(get.headers.get('content-type')).toBe('image/png');
		expect((await bytesOf(get)).equals(BYTES)).toBe(true);
		const records = await caspio.api('GET', `${V3}/tables/Docs/records`);
		expect(records.body.Result.map((r: { Scan: string | null }) => r.Scan)).toEqual([null, 'scan.v2.png']);
	});

	it('fileInfo lists FileName without extension, FileType and Size for records matching q.where', async () => {
		await send('PUT', path(1), form('File', [['one.pdf', Buffer.from('1')]]));
		await send('PUT', path(2), form('File', [['two', Buffer.from('22')]]));

		const all = await caspio.api('GET', `${V3}/tables/Docs/attachments/Scan/fileInfo`);
		expect(all.body).toEqual({ Result: [{ FileName: 'one', FileType: 'pdf', Size: 1 }, { FileName: 'two', FileType: '', Size: 2 }] });
		const one = await caspio.api('GET', `${V3}/tables/Docs/attachments/Scan/fileInfo${qs({ 'q.where': "Title = 'b'" })}`);
		expect(one.body.Result).toEqual([{ FileName: 'two', FileType: '', Size: 2 }]);
	});

	it('DELETE by where clears the matched records\' files and answers RecordsAffected; a missing where is refused', async () => {
		await send('PUT', path(1), form('File', [['one.pdf', Buffer.from('1')]]));
		await send('PUT', path(2), form('File', [['two.pdf', Buffer.from('2')]]));

		expect((await caspio.api('DELETE', `${V3}/tables/Docs/attachments/Scan`)).body).toMatchObject({ Code: 'IncorrectQueryParameter' });
		const res = await caspio.api('DELETE', `${V3}/tables/Docs/attachments/Scan${qs({ where: 'PK_ID = 1' })}`);
		expect(res.body).toEqual({ RecordsAffected: 1 });
		expect((await send('GET', path(1))).status).toBe(404);
		expect((await send('GET', path(2))).status).toBe(200);
	});

	it('answers 404 for a missing file, record or field, and 400 for a field that is not an attachment', async () => {
		const codes = async (p: string) => {
			const res = await caspio.api('GET', V3 + p);
			return [res.status, res.body.Code];
		};
		expect(await codes(path(1))).toEqual([404, 'ObjectNotFound']);
		expect(await codes(path(9))).toEqual([404, 'ObjectNotFound']);
		expect(await codes(path(1, 'Nope'))).toEqual([404, 'FieldNotFound']);
		expect(await codes(path(1, 'Title'))).toEqual([400, 'IncorrectQueryParameter']);
	});
});
