import { attachmentField, attachmentFileName } from '../../../../nodes/Caspio/helpers/attachments';
import { NODE } from '../support/node';

const FIELDS = [
	{ Name: 'Title', Type: 'STRING' },
	{ Name: 'Scan', Type: 'ATTACHMENT' },
	{ Name: 'Photo', Type: 'ATTACHMENT' },
];

describe('Caspio attachments', () => {
	it('names a file from its name and extension, as fileInfo gives them apart', () => {
		expect(attachmentFileName({ FileName: 'b.report', FileType: 'pdf' })).toBe('b.report.pdf');
		expect(attachmentFileName({ FileName: 'README' })).toBe('README');
		expect(attachmentFileName({ FileType: 'png' })).toBe('file.png');
		expect(attachmentFileName({})).toBe('file');
	});

	it('finds the attachment field whatever its case', () => {
		expect(attachmentField(NODE, 0, 'Docs', FIELDS, 'scan').Name).toBe('Scan');
	});

	it('refuses a field that is not an attachment, listing the ones the table has', () => {
		expect(() => attachmentField(NODE, 1, 'Docs', FIELDS, 'Title')).toThrow('"Title" is not an attachment field of table "Docs" [item 1]');
		try {
			attachmentField(NODE, 1, 'Docs', FIELDS, 'Nope');
		} catch (error) {
			expect((error as { description?: string }).description).toBe("Pick one of the table's attachment fields: Scan, Photo.");
		}
		expect.assertions(2);
	});

	it('says so when the table has no attachment field', () => {
		expect(() => attachmentField(NODE, 0, 'Leads', [{ Name: 'Title', Type: 'STRING' }], 'Title')).toThrow(
			expect.objectContaining({ description: 'Table "Leads" has no ATTACHMENT field.' }),
		);
	});
});
