import type { IDataObject } from 'n8n-workflow';

import { runNode } from '../../../support/n8n';
import { fileItem, outputFile, PNG } from '../support/binary';
import { caspioTestbed, json, type CaspioTestbed } from '../support/testbed';

const pathOf = (value: string) => ({ __rl: true, mode: 'path', value });
const keyOf = (value: string) => ({ __rl: true, mode: 'externalKey', value });

interface FilesState {
	folders: Array<{ Name: string; ExternalKey: string; Path: string }>;
	files: Array<{ Name: string; ExternalKey: string; Path: string; ContentType: string; content: string }>;
}

describe('Caspio file: Upload, Download, Get File/Folder Properties, Delete', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());

	const seed = async (body: IDataObject) => {
		await bed.reset([]);
		const response = await fetch(`${bed.sandbox.url}/__sandbox/seed`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
		});
		expect(response.status).toBe(200);
	};
	beforeEach(async () =>
		await seed({
			folders: ['/Reports/2026', '/Reports/Archive', '/Images'],
			files: [
				{ path: '/Reports/report.pdf', text: 'old report', contentType: 'application/pdf' },
				{ path: '/Reports/report_1.pdf', text: 'old copy', contentType: 'application/pdf' },
				{ path: '/Images/logo.png', content: PNG.toString('base64'), contentType: 'image/png' },
				{ path: '/readme.txt', text: 'hello', contentType: 'text/plain' },
			],
		}),
	);

	const state = () => bed.sandbox.service.state() as unknown as FilesState;
	const file = (path: string) => state().files.find((f) => f.Path === path);
	const bytes = (path: string) => Buffer.from(file(path)?.content ?? '', 'base64');
	const upload = async (items: ReturnType<typeof fileItem>[], parameters: IDataObject = {}, onError?: 'continueErrorOutput') =>
		await runNode({ type: 'caspio', parameters: { resource: 'file', operation: 'upload', ...parameters }, input: items, credentials: bed.credentials, onError });
	const posts = () => bed.seen.filter((r) => r.method === 'POST' && r.path.endsWith('/files'));

	describe('Upload', () => {
		it('stores the bytes in the folder chosen by path and returns name, key and path', async () => {
			const run = await upload([fileItem(PNG, 'chart.png', 'image/png')], { folder: pathOf('/Reports/2026') });

			expect(run.run.status).toBe('success');
			const [out] = json(run);
			expect(out).toEqual({ Name: 'chart.png', ExternalKey: file('/Reports/2026/chart.png')?.ExternalKey, Path: '/Reports/2026/chart.png' });
			expect(bytes('/Reports/2026/chart.png').equals(PNG)).toBe(true);
			expect(file('/Reports/2026/chart.png')?.ContentType).toBe('image/png');
			const folderKey = state().folders.find((f) => f.Path === '/Reports/2026')?.ExternalKey;
			expect(posts().map((r) => r.query.get('externalKey'))).toEqual([folderKey]);
		});

		it('makes a copy on a name conflict: report.pdf → report_2.pdf after two 409s, the originals untouched', async () => {
			const run = await upload([fileItem(Buffer.from('new report'), 'report.pdf', 'application/pdf')], { folder: pathOf('Reports'), onConflict: 'makeCopy' });

			expect(json(run)[0]).toMatchObject({ Name: 'report_2.pdf', Path: '/Reports/report_2.pdf' });
			expect(bytes('/Reports/report_2.pdf').toString()).toBe('new report');
			expect(bytes('/Reports/report.pdf').toString()).toBe('old report');
			expect(bytes('/Reports/report_1.pdf').toString()).toBe('old copy');
			expect(await bed.requests()).toMatchObject({ 'POST /integrations/rest/v3/files': 3 });
		});

		it('overwrites with PUT when asked, keeping one file of that name', async () => {
			const run = await upload([fileItem(Buffer.from('new report'), 'report.pdf', 'application/pdf')], { folder: pathOf('/Reports'), onConflict: 'overwrite' });

			expect(json(run)[0]).toMatchObject({ Name: 'report.pdf', Path: '/Reports/report.pdf' });
			expect(bytes('/Reports/report.pdf').toString()).toBe('new report');
			expect(state().files.filter((f) => f.Path.startsWith('/Reports/report'))).toHaveLength(2);
			expect(bed.seen.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual(['/integrations/rest/v3/files']);
		});

		it('uploads to the root folder when no folder is given, and by folder key', async () => {
			const key = state().folders.find((f) => f.Path === '/Images')?.ExternalKey ?? '';
			const run = await upload(
				[fileItem(Buffer.from('a'), 'a.txt', 'text/plain'), fileItem(Buffer.from('b'), 'b.txt', 'text/plain', 'data', { key })],
				{ folder: keyOf('={{ $json.key ?? "" }}') },
			);

			expect(json(run).map((r) => r.Name)).toEqual(['a.txt', 'b.txt']);
			expect(json(run)[0].Path).toBe('/a.txt');
			expect(json(run)[1]).not.toHaveProperty('Path');
			expect(bytes('/a.txt').toString()).toBe('a');
			expect(bytes('/Images/b.txt').toString()).toBe('b');
		});

		it('does not resend a POST upload after a 5xx, since it may have been stored', async () => {
			await fetch(`${bed.sandbox.url}/__sandbox/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rate5xx: 1 }) });

			const run = await upload([fileItem(Buffer.from('x'), 'x.txt', 'text/plain')]);

			expect(run.error?.message).toMatch(/Caspio answered HTTP 503 while uploading "x.txt"/);
			expect(await bed.requests()).toEqual({ 'POST /integrations/rest/v3/files': 1 });
		});

		it('names a folder path that does not exist, and the item without a file', async () => {
			const missing = await upload([fileItem(Buffer.from('x'), 'x.txt', 'text/plain')], { folder: pathOf('/Reports/Nope') });
			expect(missing.error?.message).toBe('folder "Nope" not found in /Reports [item 0]');

			const noFile = await upload([{ json: {} } as never], { binaryPropertyName: 'upload' }, 'continueErrorOutput');
			expect(noFile.outputs[1].map((i) => i.json.error)).toEqual(['The item has no binary field "upload" [item 0]']);
			expect(posts()).toHaveLength(0);
		});
	});

	describe('Download', () => {
		it('by path: the bytes, the stored name and content type', async () => {
			const run = await bed.run({ resource: 'file', operation: 'download', file: pathOf('/Images/logo.png'), binaryPropertyName: 'logo' });

			const out = outputFile(run, 0, 'logo');
			expect(out.bytes.equals(PNG)).toBe(true);
			expect(out).toMatchObject({ fileName: 'logo.png', mimeType: 'image/png' });
			expect(json(run)[0]).toMatchObject({ Name: 'logo.png', ContentType: 'image/png', Size: PNG.length, ExternalKey: file('/Images/logo.png')?.ExternalKey });
		});

		it('by external key, one file per item', async () => {
			const keys = ['/readme.txt', '/Reports/report.pdf'].map((p) => ({ key: file(p)?.ExternalKey }));

			const run = await bed.run({ resource: 'file', operation: 'download', file: keyOf('={{ $json.key }}') }, keys);

			expect([0, 1].map((i) => outputFile(run, i)).map((f) => [f.bytes.toString(), f.fileName, f.mimeType])).toEqual([
				['hello', 'readme.txt', 'text/plain'],
				['old report', 'report.pdf', 'application/pdf'],
			]);
			expect(run.outputs[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		});

		it('a missing file is an error the user can act on; Continue On Fail keeps the others', async () => {
			const run = await bed.run(
				{ resource: 'file', operation: 'download', file: pathOf('={{ $json.path }}') },
				[{ path: '/nope.txt' }, { path: '/readme.txt' }],
				'continueErrorOutput',
			);

			expect(run.outputs[1].map((i) => i.json.error)).toEqual(['Caspio answered HTTP 404 while reading the properties of file /nope.txt: The table, view or record does not exist. Check its name in Caspio.']);
			expect(outputFile(run, 0).bytes.toString()).toBe('hello');
		});
	});

	describe('Get File Properties and Get Folder Properties', () => {
		it("lists a folder's files, paging with a limit or all of them", async () => {
			const many = Array.from({ length: 12 }, (_, i) => ({ path: `/Bulk/f${String(i).padStart(2, '0')}.txt`, text: String(i) }));
			await seed({ files: many });

			const limited = await bed.run({ resource: 'file', operation: 'getFileProperties', folder: pathOf('/Bulk'), returnAll: false, limit: 7 });
			expect(json(limited).map((f) => f.Name)).toEqual(many.slice(0, 7).map((f) => f.path.slice(6)));

			const all = await bed.run({ resource: 'file', operation: 'getFileProperties', folder: pathOf('/Bulk'), returnAll: true, options: { sortDescending: true } });
			expect(json(all).map((f) => f.Name)).toEqual(many.map((f) => f.path.slice(6)).reverse());
			expect(json(all)[0]).toEqual({ Name: 'f11.txt', ExternalKey: expect.any(String), ContentType: 'application/octet-stream', Size: 2, DateCreated: expect.any(String), LastModified: expect.any(String) });
		});

		it("lists a folder's subfolders, and the root's", async () => {
			const reports = await bed.run({ resource: 'file', operation: 'getFolderProperties', folder: pathOf('/Reports'), returnAll: true });
			expect(json(reports).map((f) => f.Name)).toEqual(['2026', 'Archive']);

			const root = await bed.run({ resource: 'file', operation: 'getFolderProperties', returnAll: true });
			expect(json(root).map((f) => f.Name)).toEqual(['Images', 'Reports']);
		});
	});

	describe('Delete', () => {
		it('removes the file by path or key and nothing else', async () => {
			const key = file('/Reports/report_1.pdf')?.ExternalKey ?? '';

			const run = await bed.run({ resource: 'file', operation: 'delete', file: pathOf('={{ $json.path }}') }, [{ path: 'Reports/report.pdf' }]);
			const byKey = await bed.run({ resource: 'file', operation: 'delete', file: keyOf(key) });

			expect(json(run)).toEqual([{ deleted: true, file: '/Reports/report.pdf' }]);
			expect(json(byKey)).toEqual([{ deleted: true, file: key }]);
			expect(state().files.map((f) => f.Path).sort()).toEqual(['/Images/logo.png', '/readme.txt']);
		});

		it('refuses an empty file reference before calling Caspio', async () => {
			const run = await bed.run({ resource: 'file', operation: 'delete', file: pathOf('/') });

			expect(run.error?.message).toBe('no file given [item 0]');
			expect(bed.seen).toHaveLength(0);
		});
	});
});
