import { randomUUID } from 'node:crypto';

import type { SandboxRequest, SandboxResponse } from '../server';
import { CaspioError } from './errors';
import { nowText } from './fields';
import { findColumn, listRecords, qParam, tableSource } from './query';
import type { CaspioService } from './service';
import { publicRow, type StoredRow, type Table } from './store';
import { compileWhere } from './where';

/**
 * A directory (v3 only, §2.1) is backed by a table of its name, which is how its field list is read
 * (`GET /tables/{DirectoryName}/fields`); its users are that table's rows.
 */
interface Directory {
	Id: string;
	Name: string;
	DateCreated: string;
	table: Table;
}

/** Every directory has these; a seed adds its own fields after them. */
const SYSTEM_FIELDS = [
	{ Name: 'UserGUID', Type: 'GUID', Unique: true },
	{ Name: 'Email', Type: 'STRING', Unique: true },
	{ Name: 'Password', Type: 'PASSWORD' },
	{ Name: 'Status', Type: 'STRING' },
];
const STATUS = 'Status';
/** UNCERTAIN: which statuses exist beyond active/inactive; a user created through the API starts inactive. */
const NEW_USER_STATUS = 'inactive';

/** One call of `POST …/users/activate`, for tests to see whether an email was asked for. */
interface Activation {
	directory: string;
	UserGUID: string;
	SendEmail: boolean;
	ActivationUrl: string;
}

const notFound = (what: string) => new CaspioError(404, 'ObjectNotFound', `${what} does not exist.`);
const badBody = (message: string) => new CaspioError(400, 'IncorrectBodyParameter', message);

/** A seed gives custom fields, or leaves them to be guessed from the users' values. */
function customFields(fields: unknown, users: Record<string, unknown>[]): unknown[] {
	if (Array.isArray(fields)) return fields;
	const system = new Set(SYSTEM_FIELDS.map((f) => f.Name.toLowerCase()));
	const types = new Map<string, string>();
	for (const user of users) {
		for (const [name, value] of Object.entries(user)) {
			if (system.has(name.toLowerCase()) || types.has(name)) continue;
			types.set(name, typeof value === 'number' ? 'NUMBER' : typeof value === 'boolean' ? 'YES/NO' : 'STRING');
		}
	}
	return [...types].map(([Name, Type]) => ({ Name, Type }));
}

export class Directories {
	private directories: Directory[] = [];
	readonly activations: Activation[] = [];

	constructor(private readonly service: CaspioService) {}

	clear(): void {
		this.directories = [];
		this.activations.length = 0;
	}

	/** `{Name, fields?, users?: [{Email, Status?, UserGUID?, Password?, …custom}]}`. */
	seed(input: unknown): void {
		const raw = (input ?? {}) as { Name?: unknown; fields?: unknown; users?: unknown };
		const users = (Array.isArray(raw.users) ? raw.users : []) as Record<string, unknown>[];
		const name = String(raw.Name ?? '');
		if (this.directories.some((d) => d.Name.toLowerCase() === name.toLowerCase())) throw new Error(`Directory ${name} already exists`);
		const table = this.service.store.addTable(
			{
				name,
				fields: [...SYSTEM_FIELDS, ...customFields(raw.fields, users)],
				records: users.map((user) => ({ [STATUS]: NEW_USER_STATUS, ...user })),
			},
			this.service.behaviour,
		);
		this.directories.push({ Id: randomUUID(), Name: table.name, DateCreated: nowText(), table });
	}

	list() {
		return this.directories.map((d) => ({ Id: d.Id, Name: d.Name, NumberOfUsers: d.table.rows.length, DateCreated: d.DateCreated }));
	}

	byId(id: string): Directory {
		const directory = this.directories.find((d) => d.Id.toLowerCase() === id.toLowerCase());
		if (!directory) throw notFound(`Directory '${id}'`);
		return directory;
	}

	/** The users as stored (password included), so a test can see exactly what each write did. */
	dump() {
		return {
			directories: this.list().map((d, i) => ({ ...d, users: this.directories[i].table.rows })),
			activations: this.activations,
		};
	}

	create(directory: Directory, body: unknown): Record<string, unknown> {
		refuseStatus(body);
		const change = this.service.store.insert(directory.table, body, this.service.behaviour);
		const row = directory.table.rows.find((r) => r.PK_ID === change.rows[0].record.PK_ID) as StoredRow;
		row[STATUS] = NEW_USER_STATUS;
		return publicRow(directory.table, row);
	}

	update(directory: Directory, where: string | undefined, body: unknown): Record<string, unknown>[] {
		refuseStatus(body);
		refuseSystemAttributes(directory.table, where);
		const { affected } = this.service.store.update(directory.table, where, body, this.service.behaviour);
		return affected.map((row) => publicRow(directory.table, row));
	}

	remove(directory: Directory, where: string | undefined): number {
		refuseSystemAttributes(directory.table, where);
		return this.service.store.remove(directory.table, where, this.service.behaviour).affected;
	}

	/** UNCERTAIN: the live service may leave the user pending until the link is used; here activation is immediate. */
	activate(directory: Directory, body: unknown, host: string): { ActivationUrl: string } {
		const { UserGUID, SendEmail } = (body ?? {}) as { UserGUID?: unknown; SendEmail?: unknown };
		if (typeof UserGUID !== 'string' || UserGUID === '') throw badBody('UserGUID is required.');
		if (SendEmail !== undefined && typeof SendEmail !== 'boolean') throw badBody('SendEmail must be true or false.');
		const user = directory.table.rows.find((r) => String(r.UserGUID).toLowerCase() === UserGUID.toLowerCase());
		if (!user) throw notFound(`User '${UserGUID}'`);
		user[STATUS] = 'active';
		const ActivationUrl = `http://${host}/activate/${directory.Id}/${randomUUID()}`;
		this.activations.push({ directory: directory.Name, UserGUID: String(user.UserGUID), SendEmail: SendEmail ?? false, ActivationUrl });
		return { ActivationUrl };
	}
}

/** The status changes only through activation. */
function refuseStatus(body: unknown): void {
	if (body && typeof body === 'object' && Object.keys(body).some((k) => k.toLowerCase() === STATUS.toLowerCase())) {
		throw new CaspioError(500, 'AlterReadOnlyData', `Cannot perform operation because the following field(s) are read-only: ${STATUS}`);
	}
}

/** `_status`, `_sign_in_method`, `_2fa_status` may not select users to update or delete (§2.1); only names are checked, not quoted text. */
function refuseSystemAttributes(table: Table, where: string | undefined): void {
	if (!where?.trim()) return;
	const source = tableSource(table);
	compileWhere(where, (name) => {
		if (name.startsWith('_')) {
			throw new CaspioError(400, 'IncorrectQueryParameter', `System attribute '${name}' cannot be used in the Where of an update or delete.`);
		}
		return findColumn(source, name);
	});
}

type Add = (method: string, path: string, handler: (req: SandboxRequest) => SandboxResponse) => void;
const ok = (body: unknown, status = 200): SandboxResponse => ({ status, body });
const wantsRows = (req: SandboxRequest) => qParam(req.query, 'response')?.toLowerCase() === 'rows';

/** Directories and their users (§2.1); PUT and DELETE read the capitalised `Where` the official node sends (any case, with or without `q.`). */
export function directoryRoutes(service: CaspioService, add: Add): void {
	const { directories } = service;
	add('GET', '/directories', () => ok({ Result: directories.list() }));
	add('GET', '/directories/:id/users', (req) => {
		const { table } = directories.byId(req.params.id);
		return ok(listRecords(tableSource(table), req.query, service.behaviour));
	});
	add('POST', '/directories/:id/users', (req) => {
		const user = directories.create(directories.byId(req.params.id), req.body);
		if (wantsRows(req)) return ok({ Result: [user] }, 201);
		return { status: 201, headers: { Location: `http://${req.headers.host ?? 'localhost'}${req.path.replace(/\/$/, '')}/${String(user.UserGUID)}` } };
	});
	add('PUT', '/directories/:id/users', (req) => {
		const rows = directories.update(directories.byId(req.params.id), qParam(req.query, 'where'), req.body);
		return ok({ RecordsAffected: rows.length, Result: wantsRows(req) ? rows : [] });
	});
	add('DELETE', '/directories/:id/users', (req) =>
		ok({ RecordsAffected: directories.remove(directories.byId(req.params.id), qParam(req.query, 'where')) }),
	);
	add('POST', '/directories/:id/users/activate', (req) =>
		ok(directories.activate(directories.byId(req.params.id), req.body, req.headers.host ?? 'localhost')),
	);
}
