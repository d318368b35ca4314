import { randomUUID } from 'node:crypto';

import type { SandboxRequest, SandboxResponse } from '../server';
import { CaspioError } from './errors';
import { nowText } from './fields';
import { fileParts, type Part } from './multipart';
import { filterRows, qParam, tableSource } from './query';
import type { CaspioService } from './service';
import type { Table } from './store';

/** A folder of the Files area; `Parent` null = the root. */
interface Folder {
	ExternalKey: string;
	Name: string;
	Parent: string | null;
	DateCreated: string;
}

interface StoredFile {
	ExternalKey: string;
	Name: string;
	Folder: string | null;
	ContentType: string;
	DateCreated: string;
	LastModified: string;
	bytes: Buffer;
}

/** A record's attachment: Caspio reports the name without its extension, which is `FileType` (§2.1). */
interface Attachment {
	FileName: string;
	FileType: string;
	ContentType: string;
	bytes: Buffer;
}

const notFound = (what: string) => new CaspioError(404, 'ObjectNotFound', `${what} does not exist.`);
const badQuery = (message: string) => new CaspioError(400, 'IncorrectQueryParameter', message);
const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

function splitName(name: string): { base: string; extension: string } {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? { base: name.slice(0, dot), extension: name.slice(dot + 1) } : { base: name, extension: '' };
}

/** The Files area (§2.1, v3 split files from folders) and the ATTACHMENT field contents of records. */
export class FileArea {
	private folders: Folder[] = [];
	private files: StoredFile[] = [];
	private attachments = new Map<string, Attachment>();

	clear(): void {
		this.folders = [];
		this.files = [];
		this.attachments.clear();
	}

	/** Seeds `/A/B` folders (parents created as needed) and files `{path, content (base64) | text, contentType?}`. */
	seed(folders: unknown[] = [], files: unknown[] = []): void {
		for (const path of folders) this.ensureFolder(String(path));
		for (const raw of files) {
			const file = (raw ?? {}) as { path?: string; content?: string; text?: string; contentType?: string };
			const path = String(file.path ?? '');
			const slash = path.lastIndexOf('/');
			const folder = slash > 0 ? this.ensureFolder(path.slice(0, slash)) : null;
			const bytes = file.content !== undefined ? Buffer.from(file.content, 'base64') : Buffer.from(file.text ?? '', 'utf8');
			this.store(folder, path.slice(slash + 1), file.contentType ?? 'application/octet-stream', bytes, 'overwrite');
		}
	}

	dump() {
		return {
			folders: this.folders.map((f) => ({ ...f, Path: this.folderPath(f.ExternalKey) })),
			files: this.files.map(({ bytes, ...f }) => ({ ...f, Path: `${this.folderPath(f.Folder)}/${f.Name}`, Size: bytes.length, content: bytes.toString('base64') })),
			attachments: [...this.attachments.entries()].map(([key, { bytes, ...a }]) => {
				const [table, field, pk] = key.split('/');
				return { table, field, PK_ID: Number(pk), ...a, Size: bytes.length, content: bytes.toString('base64') };
			}),
		};
	}

	folderKey(req: SandboxRequest): string | null {
		const key = qParam(req.query, 'externalKey');
		if (key === undefined || key === '') return null;
		if (!this.folders.some((f) => f.ExternalKey === key)) throw notFound(`Folder '${key}'`);
		return key;
	}

	listFiles(req: SandboxRequest) {
		const folder = this.folderKey(req);
		return page(req, this.files.filter((f) => f.Folder === folder).map(publicFile));
	}

	listFolders(req: SandboxRequest, parent: string | null) {
		return page(req, this.folders.filter((f) => f.Parent === parent).map(publicFolder));
	}

	folder(key: string) {
		const folder = this.folders.find((f) => f.ExternalKey === key);
		if (!folder) throw notFound(`Folder '${key}'`);
		return publicFolder(folder);
	}

	byKey(key: string): StoredFile {
		const file = this.files.find((f) => f.ExternalKey === key);
		if (!file) throw notFound(`File '${key}'`);
		return file;
	}

	/** `/a/b.png`, folder names and the file name matched case-insensitively. */
	byPath(req: SandboxRequest): StoredFile {
		const path = qParam(req.query, 'filePath');
		if (!path) throw badQuery('filePath is required.');
		const names = path.split('/').filter((n) => n !== '');
		let folder: string | null = null;
		for (const name of names.slice(0, -1)) {
			const found = this.folders.find((f) => f.Parent === folder && same(f.Name, name));
			if (!found) throw notFound(`File '${path}'`);
			folder = found.ExternalKey;
		}
		const file = this.files.find((f) => f.Folder === folder && same(f.Name, names.at(-1) ?? ''));
		if (!file) throw notFound(`File '${path}'`);
		return file;
	}

	taken(folder: string | null, name: string): boolean {
		return this.files.some((f) => f.Folder === folder && same(f.Name, name));
	}

	remove(file: StoredFile): void {
		this.files = this.files.filter((f) => f !== file);
	}

	/** POST (`new`: a taken name is 409) or PUT (`overwrite`: 200 when replaced, 201 when created). */
	store(folder: string | null, name: string, contentType: string, bytes: Buffer, mode: 'new' | 'overwrite'): { file: StoredFile; replaced: boolean } {
		if (!name || /[\\/:*?"<>|]/.test(name)) throw new CaspioError(400, 'IncorrectBodyParameter', `Invalid file name '${name}'.`);
		const existing = this.files.find((f) => f.Folder === folder && same(f.Name, name));
		const now = nowText();
		if (existing) {
			if (mode === 'new') throw new CaspioError(409, 'FileAlreadyExists', `A file named '${name}' already exists in this folder.`);
			Object.assign(existing, { ContentType: contentType, LastModified: now, bytes });
			return { file: existing, replaced: true };
		}
		const file: StoredFile = { ExternalKey: randomUUID(), Name: name, Folder: folder, ContentType: contentType, DateCreated: now, LastModified: now, bytes };
		this.files.push(file);
		return { file, replaced: false };
	}

	attachment(table: Table, field: string, pk: number): Attachment | undefined {
		return this.attachments.get(`${table.name}/${field}/${pk}`);
	}

	setAttachment(table: Table, field: string, pk: number, part: Part | undefined): void {
		const key = `${table.name}/${field}/${pk}`;
		if (!part) {
			this.attachments.delete(key);
			return;
		}
		const { base, extension } = splitName(part.fileName ?? 'file');
		this.attachments.set(key, { FileName: base, FileType: extension, ContentType: part.contentType ?? 'application/octet-stream', bytes: part.data });
	}

	private ensureFolder(path: string): string | null {
		let parent: string | null = null;
		for (const name of path.split('/').filter((n) => n !== '')) {
			let folder = this.folders.find((f) => f.Parent === parent && same(f.Name, name));
			if (!folder) {
				folder = { ExternalKey: randomUUID(), Name: name, Parent: parent, DateCreated: nowText() };
				this.folders.push(folder);
			}
			parent = folder.ExternalKey;
		}
		return parent;
	}

	private folderPath(key: string | null): string {
		const names: string[] = [];
		for (let at = this.folders.find((f) => f.ExternalKey === key); at; at = this.folders.find((f) => f.ExternalKey === at?.Parent)) names.unshift(at.Name);
		return names.map((n) => `/${n}`).join('');
	}
}

const publicFile = (f: StoredFile) => ({
	Name: f.Name,
	ExternalKey: f.ExternalKey,
	ContentType: f.ContentType,
	Size: f.bytes.length,
	DateCreated: f.DateCreated,
	LastModified: f.LastModified,
});
const publicFolder = (f: Folder) => ({ Name: f.Name, ExternalKey: f.ExternalKey, DateCreated: f.DateCreated });

/** Un-prefixed `pageNumber` / `pageSize` (5–1000, default 25), `sortField` Name or DateCreated (§2.1). */
function page<T extends { Name: string; DateCreated: string }>(req: SandboxRequest, items: T[]) {
	const pageNumber = Number(qParam(req.query, 'pageNumber') ?? 1);
	const pageSize = Number(qParam(req.query, 'pageSize') ?? 25);
	if (!Number.isInteger(pageNumber) || pageNumber < 1) throw badQuery('pageNumber must be a positive whole number.');
	if (!Number.isInteger(pageSize) || pageSize < 5 || pageSize > 1000) throw badQuery('pageSize must be between 5 and 1000.');
	const sortField = qParam(req.query, 'sortField') ?? 'Name';
	if (!['name', 'datecreated'].includes(sortField.toLowerCase())) throw badQuery(`Cannot sort by '${sortField}'.`);
	const key = sortField.toLowerCase() === 'name' ? 'Name' : 'DateCreated';
	const descending = qParam(req.query, 'sortDescending')?.toLowerCase() === 'true';
	const sorted = [...items].sort((a, b) => a[key].localeCompare(b[key], 'en', { sensitivity: 'base' }) * (descending ? -1 : 1));
	return {
		Result: sorted.slice((pageNumber - 1) * pageSize, pageNumber * pageSize),
		Pagination: { TotalCount: items.length, PageNumber: pageNumber, PageSize: pageSize },
	};
}

type Add = (method: string, path: string, handler: (req: SandboxRequest) => SandboxResponse) => void;
const ok = (body: unknown, status = 200): SandboxResponse => ({ status, body });
const download = (contentType: string, bytes: Buffer): SandboxResponse => ({ status: 200, headers: { 'content-type': contentType }, body: bytes });

/** Files, folders and attachments (§2.1). Fixed segments (`folders`, `path`, `fileInfo`) come before `:key` routes. */
export function fileRoutes(service: CaspioService, add: Add): void {
	const { files, store } = service;

	add('GET', '/files', (req) => ok(files.listFiles(req)));
	add('POST', '/files', (req) => {
		const folder = files.folderKey(req);
		const parts = fileParts(req, 'Files');
		if (parts.length === 0) throw new CaspioError(400, 'IncorrectBodyParameter', "No 'Files' part in the request.");
		// All or nothing: one taken name refuses the whole request.
		const taken = parts.find((p) => files.taken(folder, p.fileName ?? ''));
		if (taken) throw new CaspioError(409, 'FileAlreadyExists', `A file named '${taken.fileName}' already exists in this folder.`);
		const stored = parts.map((p) => files.store(folder, p.fileName ?? '', p.contentType ?? 'application/octet-stream', p.data, 'new').file);
		return ok({ Result: stored.map((f) => ({ Name: f.Name, ExternalKey: f.ExternalKey })) }, 201);
	});
	add('PUT', '/files', (req) => {
		const folder = files.folderKey(req);
		const [part, ...more] = fileParts(req, 'File');
		if (!part || more.length > 0) throw new CaspioError(400, 'IncorrectBodyParameter', "Send exactly one 'File' part.");
		const { file, replaced } = files.store(folder, part.fileName ?? '', part.contentType ?? 'application/octet-stream', part.data, 'overwrite');
		return ok({ Result: { Name: file.Name, ExternalKey: file.ExternalKey } }, replaced ? 200 : 201);
	});
	add('GET', '/files/folders', (req) => ok(files.listFolders(req, files.folderKey(req))));
	add('GET', '/files/folders/:key', (req) => ok({ Result: files.folder(req.params.key) }));
	add('GET', '/files/path/fileInfo', (req) => ok({ Result: publicFile(files.byPath(req)) }));
	add('GET', '/files/path', (req) => {
		const file = files.byPath(req);
		return download(file.ContentType, file.bytes);
	});
	add('DELETE', '/files/path', (req) => {
		files.remove(files.byPath(req));
		return { status: 200 };
	});
	add('GET', '/files/:key/fileInfo', (req) => ok({ Result: publicFile(files.byKey(req.params.key)) }));
	add('GET', '/files/:key', (req) => {
		const file = files.byKey(req.params.key);
		return download(file.ContentType, file.bytes);
	});
	add('DELETE', '/files/:key', (req) => {
		files.remove(files.byKey(req.params.key));
		return { status: 200 };
	});

	const attachmentField = (req: SandboxRequest) => {
		const table = store.table(req.params.table);
		const field = store.field(table, req.params.field);
		if (!field) throw new CaspioError(404, 'FieldNotFound', `Field '${req.params.field}' does not exist.`);
		if (field.Type !== 'ATTACHMENT') throw new CaspioError(400, 'IncorrectQueryParameter', `Field '${field.Name}' is not an attachment field.`);
		return { table, field: field.Name };
	};
	const record = (table: Table, pk: string) => {
		const row = /^\d+$/.test(pk) ? table.rows.find((r) => r.PK_ID === Number(pk)) : undefined;
		if (!row) throw notFound(`Record '${pk}'`);
		return row;
	};

	add('GET', '/tables/:table/attachments/:field/fileInfo', (req) => {
		const { table, field } = attachmentField(req);
		const rows = filterRows(tableSource(table), qParam(req.query, 'where'));
		const infos = rows.flatMap((row) => {
			const a = files.attachment(table, field, row.PK_ID);
			return a ? [{ FileName: a.FileName, FileType: a.FileType, Size: a.bytes.length }] : [];
		});
		return ok({ Result: infos });
	});
	// Since 73.0 a missing file is 404, no longer 400 (§5.1).
	add('GET', '/tables/:table/attachments/:field/:pk', (req) => {
		const { table, field } = attachmentField(req);
		const a = files.attachment(table, field, record(table, req.params.pk).PK_ID);
		if (!a) throw notFound(`Attachment of record '${req.params.pk}'`);
		return download(a.ContentType, a.bytes);
	});
	add('PUT', '/tables/:table/attachments/:field/:pk', (req) => {
		const { table, field } = attachmentField(req);
		const row = record(table, req.params.pk);
		const [part, ...more] = fileParts(req, 'File');
		if (!part || more.length > 0) throw new CaspioError(400, 'IncorrectBodyParameter', "Send exactly one 'File' part.");
		files.setAttachment(table, field, row.PK_ID, part);
		// The record reads back the file name in its attachment field.
		row[field] = part.fileName ?? null;
		return { status: 200 };
	});
	add('DELETE', '/tables/:table/attachments/:field', (req) => {
		const { table, field } = attachmentField(req);
		const where = qParam(req.query, 'where');
		if ((where === undefined || where.trim() === '') && service.behaviour.missingWhere === 'reject') {
			throw badQuery('where is required for this operation.');
		}
		const rows = filterRows(tableSource(table), where);
		for (const row of rows) {
			files.setAttachment(table, field, row.PK_ID, undefined);
			row[field] = null;
		}
		return ok({ RecordsAffected: rows.length });
	});
}
