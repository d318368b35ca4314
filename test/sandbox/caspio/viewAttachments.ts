import type { SandboxRequest, SandboxResponse } from '../server';
import { CaspioError } from './errors';
import { filterRows, qParam, viewSource } from './query';
import type { CaspioService } from './service';

type Add = (method: string, path: string, handler: (req: SandboxRequest) => SandboxResponse) => void;

/**
 * A view's attachments (§16: views have the same calls under `/views/{view}/attachments/…`): the files of the view's
 * underlying table, for the records and fields the view shows. Reads only, as Caspio's own node uses them.
 */
export function viewAttachmentRoutes(service: CaspioService, add: Add): void {
	const { files, store } = service;
	const target = (req: SandboxRequest) => {
		const view = store.view(req.params.view);
		const table = store.table(view.table);
		const source = viewSource(view, table);
		const column = source.columns.find((c) => c.name.toLowerCase() === req.params.field.toLowerCase());
		const field = column && table.fields.find((f) => f.Name === column.name);
		if (!field) throw new CaspioError(404, 'FieldNotFound', `Field '${req.params.field}' does not exist.`);
		if (field.Type !== 'ATTACHMENT') throw new CaspioError(400, 'IncorrectQueryParameter', `Field '${field.Name}' is not an attachment field.`);
		return { table, field: field.Name, source };
	};

	add('GET', '/views/:view/attachments/:field/fileInfo', (req) => {
		const { table, field, source } = target(req);
		const infos = filterRows(source, qParam(req.query, 'where')).flatMap((row) => {
			const file = files.attachment(table, field, row.PK_ID);
			return file ? [{ FileName: file.FileName, FileType: file.FileType, Size: file.bytes.length }] : [];
		});
		return { status: 200, body: { Result: infos } };
	});
	add('GET', '/views/:view/attachments/:field/:pk', (req) => {
		const { table, field, source } = target(req);
		const row = source.rows.find((r) => String(r.PK_ID) === req.params.pk);
		const file = row && files.attachment(table, field, row.PK_ID);
		if (!file) throw new CaspioError(404, 'ObjectNotFound', `Attachment of record '${req.params.pk}' does not exist.`);
		return { status: 200, headers: { 'content-type': file.ContentType }, body: file.bytes };
	});
}
