/**
 * REST v4's bulk insert (§2.3), the one v4 route the nodes use, and the table list that gives a table's v4 id.
 *
 * v4 is a field-source-only version (§0): the shapes below follow that source and its UNCERTAIN points are switches.
 * - `v4`: 'on' serves the routes; 'off' is an account without v4, where every v4 path answers 404 `ObjectNotFound`
 *   like any unknown path (UNCERTAIN: no source shows what an account without v4 answers).
 * - `bulkEcho`: 'records' returns each created record beside its PK_ID when the request asks `echo=true`; 'ignored'
 *   answers PK_IDs only (UNCERTAIN: "every write accepts echo=true", but no source shows a bulk answer with it).
 */
import { createHash } from 'node:crypto';

import type { Router, SandboxRequest, SandboxResponse } from '../server';
import { CaspioError, envelope } from './errors';
import { qParam } from './query';
import type { CaspioService } from './service';

export const V4_ROOT = '/integrations/rest/v4';
/** At most this many rows per bulk request (§2.3). */
export const BULK_MAX_ROWS = 1000;

export interface V4Rules {
	v4: 'on' | 'off';
	bulkEcho: 'records' | 'ignored';
}

/** A table's 6-character v4 id (§0): stable for its name, so a test can compute it too. */
export function v4TableId(name: string): string {
	const digest = createHash('sha256').update(name.toLowerCase()).digest();
	return Array.from(digest.subarray(0, 6), (byte) => 'abcdefghijklmnopqrstuvwxyz0123456789'[byte % 36]).join('');
}

/** v4's error envelope: v3's keys plus `DocumentationUrl` and `Hint` (§5.1). */
function v4Envelope(req: SandboxRequest, status: number, code: string, message: string): SandboxResponse {
	const base = envelope(req, status, code, message);
	return {
		...base,
		body: { ...(base.body as object), DocumentationUrl: `${V4_ROOT}/errors/${code}`, Hint: { Note: message, Remediation: 'Correct the request and send it again.' } },
	};
}

function v4Guarded(service: CaspioService, handler: (req: SandboxRequest) => SandboxResponse) {
	return (req: SandboxRequest): SandboxResponse => {
		if (service.behaviour.v4 === 'off') return service.errorResponse(404, req, `No route for ${req.method} ${req.path}`);
		try {
			return handler(req);
		} catch (error) {
			if (error instanceof CaspioError) return v4Envelope(req, error.status, error.code, error.message);
			throw error;
		}
	};
}

/** One row's answer in a 207: created (201 with its PK_ID) or refused (with Caspio's sentence). */
type RowResult = { status: 201; PK_ID: string; record?: Record<string, unknown> } | { status: number; error: string; code: string };

export function v4Routes(service: CaspioService, router: Router): void {
	const add = (method: string, path: string, handler: (req: SandboxRequest) => SandboxResponse) =>
		router.add(method, V4_ROOT + path, v4Guarded(service, handler), { caseInsensitive: true });

	// `{data, pagination}` and un-prefixed paging parameters (§0).
	add('GET', '/tables', (req) => {
		const names = service.store.tableNames();
		const pageSize = Number(qParam(req.query, 'pageSize') ?? 25);
		const pageNumber = Number(qParam(req.query, 'pageNumber') ?? 1);
		if (!Number.isInteger(pageSize) || pageSize < 5 || pageSize > 1000 || !Number.isInteger(pageNumber) || pageNumber < 1) {
			throw new CaspioError(400, 'IncorrectQueryParameter', 'pageSize must be 5–1000 and pageNumber 1 or more.');
		}
		const data = names.slice((pageNumber - 1) * pageSize, pageNumber * pageSize).map((name) => ({ id: v4TableId(name), name }));
		return { status: 200, body: { data, pagination: { totalCount: names.length, pageNumber, pageSize } } };
	});

	// An array of at most 1,000 rows: 201 `{PK_ID: [...]}` when all were created, else 207 with one result per row.
	// One request, so one billed call however many rows it carries (§2.3).
	add('POST', '/tables/:tableId/records/bulk', (req) => {
		const table = service.store.tableNames().find((name) => v4TableId(name) === req.params.tableId.toLowerCase());
		if (!table) throw new CaspioError(404, 'ObjectNotFound', `Table with id '${req.params.tableId}' does not exist.`);
		const rows = req.body;
		if (!Array.isArray(rows) || rows.length === 0) throw new CaspioError(400, 'IncorrectBodyParameter', 'The request body must be a non-empty JSON array of records.');
		if (rows.length > BULK_MAX_ROWS) {
			throw new CaspioError(400, 'IncorrectBodyParameter', `A bulk request takes at most ${BULK_MAX_ROWS} records; this one has ${rows.length}.`);
		}
		const echo = qParam(req.query, 'echo')?.toLowerCase() === 'true' && service.behaviour.bulkEcho === 'records';
		const results: RowResult[] = rows.map((row) => {
			try {
				const record = service.insert(table, row, 'RESTAPIs');
				return { status: 201, PK_ID: String(record.PK_ID), ...(echo ? { record } : {}) };
			} catch (error) {
				if (!(error instanceof CaspioError)) throw error;
				return { status: 422, code: error.code, error: error.message };
			}
		});
		if (results.every((r) => r.status === 201)) {
			const created = results as Array<Extract<RowResult, { status: 201 }>>;
			return { status: 201, body: { PK_ID: created.map((r) => r.PK_ID), ...(echo ? { data: created.map((r) => r.record) } : {}) } };
		}
		return { status: 207, body: { data: results } };
	});
}
