/**
 * Caspio REST v4 bulk inserts as plain values: the row cap, and one outcome per row read from the answer. v4 is
 * documented by a field source only (the reference's §2.3): all rows created → 201 `{PK_ID: [...]}`, some refused →
 * 207 `{data: [{status, PK_ID, error}]}`, one entry per row in the order sent.
 */
import type { IDataObject } from 'n8n-workflow';

import type { CaspioField } from './fieldTypes';

/** A bulk request carries at most this many rows. */
export const BULK_MAX_ROWS = 1000;

/** What happened to one row of a bulk insert. */
export type BulkRowOutcome =
	| { created: true; pkId: number | string; record?: IDataObject }
	| { created: false; status?: number; message: string };

export function chunked<T>(list: T[], size = BULK_MAX_ROWS): T[][] {
	const out: T[][] = [];
	for (let start = 0; start < list.length; start += size) out.push(list.slice(start, start + size));
	return out;
}

/** PK_IDs come back as strings in v4 (`"101"`) and as numbers in v3 records: a whole number is kept as a number. */
const asPkId = (value: unknown): number | string => (/^\d+$/.test(String(value)) ? Number(value) : String(value));

const isRecord = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Caspio's sentence for a refused row: a string, or `{Code, Message}` like the error envelope. */
function rowMessage(error: unknown): string {
	if (isRecord(error)) return [error.Code ?? error.code, error.Message ?? error.message].filter(Boolean).join(': ') || JSON.stringify(error);
	return String(error ?? 'no reason given');
}

/**
 * One outcome per row sent, or undefined when the answer does not account for every row (then whether each row was
 * created is unknown). With `echo=true` a created row may carry its stored record, as `record` of its 207 entry or
 * in a `data` array beside the 201's PK_IDs (UNCERTAIN: no source shows an echoed bulk answer; both are read).
 */
export function bulkOutcomes(answer: unknown, rows: number): BulkRowOutcome[] | undefined {
	if (!isRecord(answer)) return undefined;
	const ids = Array.isArray(answer.PK_ID) ? answer.PK_ID : undefined;
	const data = Array.isArray(answer.data) ? answer.data : undefined;
	if (ids && ids.length === rows) {
		return ids.map((id, i) => {
			const echoed = data?.[i];
			return { created: true, pkId: asPkId(id), ...(isRecord(echoed) ? { record: echoed } : {}) };
		});
	}
	if (!data || data.length !== rows || !data.every(isRecord)) return undefined;
	return (data as IDataObject[]).map((entry) => {
		const status = Number(entry.status);
		if (status >= 200 && status < 300 && entry.PK_ID !== undefined && entry.PK_ID !== null) {
			return { created: true, pkId: asPkId(entry.PK_ID), ...(isRecord(entry.record) ? { record: entry.record } : {}) };
		}
		return { created: false, status: Number.isFinite(status) ? status : undefined, message: rowMessage(entry.error) };
	});
}

/**
 * The table's fields that Caspio's sentence names, so the error can say which to fix: it lists them by name, and a
 * unique violation names its constraint `UQ_<table>_<field>`.
 */
export function fieldsNamedIn(message: string, fields: CaspioField[]): string[] {
	const named = (name: string) => new RegExp(`(^|[^A-Za-z0-9_]|UQ_[A-Za-z0-9_]*_)${name}([^A-Za-z0-9_]|$)`, 'i').test(message);
	return fields.filter((f) => named(f.Name)).map((f) => f.Name);
}
