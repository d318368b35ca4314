import { getAttachmentFields } from '../../../../nodes/Caspio/methods/loadOptions';
import { runNode } from '../../../support/n8n';
import { fileItem, outputFile, PNG } from '../support/binary';
import { loadOptionsContext } from '../support/loadOptions';
import { caspioTestbed, json, table, type CaspioTestbed } from '../support/testbed';

const DOCS = {
	name: 'Docs',
	fields: [
		{ Name: 'Title', Type: 'STRING' },
		{ Name: 'Signed', Type: 'YES/NO' },
		{ Name: 'Scan', Type: 'ATTACHMENT' },
	],
	records: [
		{ Title: 'one', Signed: true },
		{ Title: 'two', Signed: false },
	],
};
const VIEW = { name: 'Signed_Docs', table: 'Docs', where: 'Signed = 1' };
const throughView = { resource: 'attachment', attachmentSource: 'view', view: table('Signed_Docs'), attachmentField: 'Scan' };

describe('Caspio attachment through a view: Get Properties and Download', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());
	beforeEach(async () => {
		await bed.reset([DOCS]);
		await fetch(`${bed.sandbox.url}/__sandbox/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ views: [VIEW] }) });
		for (const id of [1, 2]) {
			const run = await runNode({
				type: 'caspio',
				parameters: { resource: 'attachment', operation: 'upload', table: table('Docs'), attachmentField: 'Scan', recordId: String(id) },
				input: [fileItem(PNG, `scan-${id}.png`, 'image/png')],
				credentials: bed.credentials,
			});
			expect(run.run.status).toBe('success');
		}
		bed.seen.length = 0;
	});

	it('Get Properties lists the files of the records the view shows, read through the view', async () => {
		const run = await bed.run({ ...throughView, operation: 'getProperties' });

		expect(json(run)).toEqual([{ FileName: 'scan-1', FileType: 'png', Size: PNG.length, fileName: 'scan-1.png' }]);
		expect(bed.seen.map((r) => r.path)).toEqual(['/integrations/rest/v3/views/Signed_Docs/fields', '/integrations/rest/v3/views/Signed_Docs/attachments/Scan/fileInfo']);
	});

	it('Download returns the file of a record the view shows; one it hides is said to have no file', async () => {
		const run = await bed.run({ ...throughView, operation: 'download', recordId: '1' });
		expect(json(run)).toEqual([{ table: 'Signed_Docs', field: 'Scan', recordId: 1, fileName: 'scan-1.png', extension: 'png', size: PNG.length }]);
		expect(outputFile(run).bytes.equals(PNG)).toBe(true);

		const hidden = await bed.run({ ...throughView, operation: 'download', recordId: '2' });
		expect(hidden.error?.message).toBe('record 2 of "Signed_Docs" has no file in Scan [item 0]');
	});

	it('the attachment field list follows the source: the view’s fields, or the table’s', async () => {
		const throughViewFields = await getAttachmentFields.call(loadOptionsContext(bed, { attachmentSource: 'view', view: table('Signed_Docs'), table: table('Nope') }));
		expect(throughViewFields).toEqual([{ name: 'Scan', value: 'Scan' }]);
		expect(bed.seen.map((r) => r.path)).toEqual(['/integrations/rest/v3/views/Signed_Docs/fields']);
		expect(await getAttachmentFields.call(loadOptionsContext(bed, { table: table('Docs') }))).toEqual([{ name: 'Scan', value: 'Scan' }]);
	});
});
