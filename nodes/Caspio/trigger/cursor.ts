import type { IDataObject } from 'n8n-workflow';

/** Where the next poll starts. */
export interface Cursor {
	/** Record Created: the highest PK_ID emitted. */
	lastId?: number;
	/** Record Updated: the latest value of the updated-at field emitted, and the records emitted at exactly that value. */
	lastStamp?: string;
	idsAtStamp?: number[];
}

/** Where a Record Updated cursor starts when nothing has been stamped yet. */
export const EARLIEST = '1900-01-01T00:00:00';

/**
 * n8n 2.41 saves a poll's cursor only when the execution it started has finished, so a poll that comes round while
 * a large execution is still running would read the old cursor and emit the same records again. The cursor each
 * poll emitted up to is kept here for a while and wins when it is ahead; if that execution fails, n8n's cursor
 * stays behind and, once this entry has expired, the records are emitted again (nothing is lost).
 */
const inFlight = new Map<string, { cursor: Cursor; at: number }>();
const IN_FLIGHT_MS = 15 * 60_000;

/** Remembers the cursor a poll of this node (`key`: workflow and node) emitted up to. */
export function rememberEmitted(key: string, cursor: Cursor): void {
	inFlight.set(key, { cursor: { ...cursor }, at: Date.now() });
}

/** Moves the saved cursor up to what a recent poll of this node emitted, when that is ahead of it. */
export function catchUp(cursor: Cursor, key: string): void {
	const pending = inFlight.get(key);
	if (!pending || Date.now() - pending.at > IN_FLIGHT_MS) return;
	const ahead = pending.cursor;
	if (ahead.lastId !== undefined && (cursor.lastId === undefined || ahead.lastId > cursor.lastId)) cursor.lastId = ahead.lastId;
	if (ahead.lastStamp !== undefined && (cursor.lastStamp === undefined || ahead.lastStamp > cursor.lastStamp)) {
		cursor.lastStamp = ahead.lastStamp;
		cursor.idsAtStamp = ahead.idsAtStamp;
	} else if (ahead.lastStamp !== undefined && ahead.lastStamp === cursor.lastStamp) {
		cursor.idsAtStamp = [...new Set([...(cursor.idsAtStamp ?? []), ...(ahead.idsAtStamp ?? [])])];
	}
}

/** The record's value of the updated-at field, when it has one. */
export function stampOf(record: IDataObject, field: string): string | undefined {
	const value = Object.entries(record).find(([name]) => name.toLowerCase() === field.toLowerCase())?.[1];
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The ids of the records stamped with exactly `stamp`. */
export const idsStamped = (records: IDataObject[], field: string, stamp: string | undefined) =>
	records.filter((r) => stampOf(r, field) === stamp).map((r) => Number(r.PK_ID));
