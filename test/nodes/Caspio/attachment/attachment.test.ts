import { runNode } from '../../../support/n8n';
import { fileItem, outputFile, PNG } from '../support/binary';
import { caspioTestbed, json, table, wheres, type CaspioTestbed } from '../support/testbed';

const DOCS = {
	name: 'Docs',
	fields: [
		{ Name: 'Title', Type: 'STRING' },
		{ Name: 'Scan', Type: 'ATTACHMENT' },
	],
	records: [{ Title: 'one' }, { Title: "it's two" }, { Title: 'three' }],
};

const base = { resource: 'attachment', table: table('Docs'), attachmentField: 'Scan' };

describe('Caspio attachment: Upload, Download, Get Properties, Delete', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => await bed.reset([DOCS]));

	const state = async () => (await bed.sandbox.service.state()) as unknown as { attachments: Array<Record<string, unknown>> };
	const upload = async (items = [fileItem(PNG, 'scan.png', 'image/png')], parameters: Record<string, unknown> = {}, onError?: 'continueErrorOutput') =>
		await runNode({ type: 'caspio', parameters: { ...base, operation: 'upload', recordId: '={{ $json.id ?? 2 }}', ...parameters }, input: items, credentials: bed.credentials, onError });

	it('uploads the item\'s bytes to the record, byte for byte, with name and type', async () => {
		const run = await upload();

		expect(run.run.status).toBe('success');
		expect(json(run)).toEqual([{ table: 'Docs', field: 'Scan', recordId: 2, fileName: 'scan.png', mimeType: 'image/png', size: PNG.length }]);
		const [stored] = (await state()).attachments;
		expect(stored).toMatchObject({ table: 'Docs', field: 'Scan', PK_ID: 2, FileName: 'scan', FileType: 'png', ContentType: 'image/png', Size: PNG.length });
		expect(Buffer.from(String(stored.content), 'base64').equals(PNG)).toBe(true);
		expect((await bed.records('Docs')).map((r) => r.Scan)).toEqual([null, 'scan.png', null]);
		expect(bed.seen.filter((r) => r.method === 'PUT').map((r) => r.path)).toEqual(['/integrations/rest/v3/tables/Docs/attachments/Scan/2']);
	});

	it('round-trips: Download returns the uploaded bytes with the file name and mime type', async () => {
		await upload([fileItem(PNG, 'Scan Ünïcode.png', 'image/png', 'data', { id: 3 })]);

		const run = await bed.run({ ...base, operation: 'download', recordId: '3', binaryPropertyName: 'scan' });

		expect(json(run)).toEqual([{ table: 'Docs', field: 'Scan', recordId: 3, fileName: 'Scan Ünïcode.png', extension: 'png', size: PNG.length }]);
		const file = outputFile(run, 0, 'scan');
		expect(file.bytes.equals(PNG)).toBe(true);
		expect(file).toMatchObject({ fileName: 'Scan Ünïcode.png', mimeType: 'image/png' });
		expect(wheres(bed.seen)).toContain('PK_ID = 3');
		expect(run.outputs[0][0].pairedItem).toEqual({ item: 0 });
	});

	it('refuses an item without the binary field, naming item and field; Continue On Fail goes on', async () => {
		const items = [fileItem(PNG, 'a.png', 'image/png', 'data', { id: 1 }), { json: { id: 2 } }, fileItem(PNG, 'c.png', 'image/png', 'other', { id: 3 })];

		const failed = await upload(items);
		expect(failed.error?.message).toBe('The item has no binary field "data" [item 1]');
		expect(failed.error?.description).toMatch(/carries no file/);

		await bed.reset([DOCS]);
		const run = await upload(items, {}, 'continueErrorOutput');
		expect(json(run)).toHaveLength(1);
		expect(run.outputs[1].map((i) => [i.json.error, i.pairedItem])).toEqual([
			['The item has no binary field "data" [item 1]', { item: 1 }],
			['The item has no binary field "data" [item 2]', { item: 2 }],
		]);
		expect(run.outputs[1][1].json.details).toMatch(/one of the item's binary fields: other/);
		expect((await state()).attachments.map((a) => a.PK_ID)).toEqual([1]);
	});

	it('names a field that is not an attachment field, and a bad record id, before any upload', async () => {
		const wrongField = await upload(undefined, { attachmentField: 'Title' });
		expect(wrongField.error?.message).toBe('"Title" is not an attachment field of table "Docs" [item 0]');
		expect(wrongField.error?.description).toMatch(/Scan/);

		const badId = await upload(undefined, { recordId: "2 OR 1=1" });
		expect(badId.error?.message).toMatch(/Record ID must be a whole number/);
		expect(bed.seen.filter((r) => r.method === 'PUT')).toHaveLength(0);
	});

	it('reports a missing file on Download as an error naming the record', async () => {
		const run = await bed.run({ ...base, operation: 'download', recordId: '1' });

		expect(run.error?.message).toBe('record 1 of "Docs" has no file in Scan [item 0]');
	});

	it('Get Properties lists the files of matching records through the safe filter builder', async () => {
		await upload([fileItem(PNG, 'a.png', 'image/png', 'data', { id: 1 }), fileItem(Buffer.from('%PDF'), 'b.report.pdf', 'application/pdf', 'data', { id: 2 })]);
		bed.seen.length = 0;

		const all = await bed.run({ ...base, operation: 'getProperties' });
		expect(json(all)).toEqual([
			{ FileName: 'a', FileType: 'png', Size: PNG.length, fileName: 'a.png' },
			{ FileName: 'b.report', FileType: 'pdf', Size: 4, fileName: 'b.report.pdf' },
		]);

		const one = await bed.run({ ...base, operation: 'getProperties', filters: { conditions: [{ field: 'Title', operator: 'equals', value: "it's two" }] } });
		expect(json(one)).toEqual([{ FileName: 'b.report', FileType: 'pdf', Size: 4, fileName: 'b.report.pdf' }]);
		expect(wheres(bed.seen)).toEqual(["Title = N'it''s two'"]);
	});

	it('Delete removes the files of matching records only, and refuses an empty filter', async () => {
		await upload([fileItem(PNG, 'a.png', 'image/png', 'data', { id: 1 }), fileItem(PNG, 'b.png', 'image/png', 'data', { id: 2 })]);

		const refused = await bed.run({ ...base, operation: 'delete' });
		expect(refused.error?.message).toMatch(/Delete refused: no filter given/);
		expect((await state()).attachments).toHaveLength(2);

		const run = await bed.run({ ...base, operation: 'delete', filters: { conditions: [{ field: 'PK_ID', operator: 'equals', value: '1' }] } });
		expect(json(run)).toEqual([{ table: 'Docs', field: 'Scan', recordsAffected: 1 }]);
		expect((await state()).attachments.map((a) => a.PK_ID)).toEqual([2]);
		expect((await bed.records('Docs')).map((r) => [r.Title, r.Scan])).toEqual([['one', null], ["it's two", 'b.png'], ['three', null]]);
	});

	it('resends the multipart upload once after the token is refused on the PUT itself', async () => {
		await bed.run({ ...base, operation: 'getProperties' });
		const { service } = bed.sandbox;
		const before = service.before.bind(service);
		let expired = false;
		// The token dies between the field lookup and the upload, so the PUT is the request that gets the 401.
		service.before = (req) => {
			if (req.method === 'PUT' && !expired) {
				expired = true;
				service.tokens.expireAll();
			}
			return before(req);
		};
		const tokensBefore = bed.credentials.preAuthCalls.caspioApi ?? 0;
		try {
			const run = await upload([fileItem(PNG, 'a.png', 'image/png', 'data', { id: 1 })]);
			expect(run.run.status).toBe('success');
		} finally {
			service.before = before;
		}

		expect(bed.credentials.preAuthCalls.caspioApi).toBe(tokensBefore + 1);
		expect((await bed.requests())['PUT /integrations/rest/v3/tables/:table/attachments/:field/:pk']).toBe(2);
		const [stored] = (await state()).attachments;
		expect(Buffer.from(String(stored.content), 'base64').equals(PNG)).toBe(true);
	});
});
