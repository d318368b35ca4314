import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { buildWhere } from '../helpers/where';
import { caspioGetAllRecords } from '../transport';
import { outputItem, recordKey, type TriggerEvent, type TriggerMode } from './events';
import { relayOf, relayRecords } from './relay';
import { SeenWindow, triggerStore } from './window';

/** A poll emits at most this many records; the cursor keeps the rest for the next poll. */
export const MAX_RECORDS_PER_POLL = 10_000;
const EARLIEST = '1900-01-01T00:00:00';

interface Cursor {
	/** Record Created: the highest PK_ID emitted. */
	lastId?: number;
	/** Record Updated: the latest value of the updated-at field emitted, and the records emitted at exactly that value. */
	lastStamp?: string;
	idsAtStamp?: number[];
}

/**
 * n8n 2.41 saves a poll's cursor only when the execution it started has finished, so a poll that comes round while
 * a large execution is still running would read the old cursor and emit the same records again. The cursor each
 * poll emitted up to is kept here for a while and wins when it is ahead; if that execution fails, n8n's cursor
 * stays behind and, once this entry has expired, the records are emitted again (nothing is lost).
 */
const inFlight = new Map<string, { cursor: Cursor; at: number }>();
const IN_FLIGHT_MS = 15 * 60_000;

function catchUp(cursor: Cursor, pending: { cursor: Cursor; at: number } | undefined): void {
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

const stampOf = (record: IDataObject, field: string): string | undefined => {
	const value = Object.entries(record).find(([name]) => name.toLowerCase() === field.toLowerCase())?.[1];
	return typeof value === 'string' && value !== '' ? value : undefined;
};

/**
 * Polling and the hybrid backstop. Created: every record with a PK_ID above the cursor. Updated: every record
 * whose updated-at field is at or after the cursor, less the ones already emitted at that exact value. An idle
 * poll costs one request; the first poll only places the cursor, unless asked to emit what exists.
 */
export async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const mode = this.getNodeParameter('mode') as TriggerMode;
	const event = this.getNodeParameter('event') as TriggerEvent;
	if (mode === 'instant') return null;
	if (event === 'deleted') {
		if (mode === 'hybrid') return null;
		throw new NodeOperationError(this.getNode(), 'Record Deleted cannot be polled: a deleted record leaves nothing to read', {
			description: 'Use the Instant mode for Record Deleted.',
		});
	}
	const table = this.getNodeParameter('table', '', { extractValue: true }) as string;
	const stampField = event === 'updated' ? (this.getNodeParameter('stampField', '') as string) : undefined;
	if (event === 'updated' && !/^[A-Za-z][A-Za-z0-9_]{0,63}$/.test(stampField ?? '')) {
		throw new NodeOperationError(this.getNode(), 'Record Updated needs an "Updated-At Field" to poll', {
			description: 'Choose the timestamp field that Caspio sets when a record changes (a Timestamp field with "on update").',
		});
	}
	const options = this.getNodeParameter('options', {}) as { emitExisting?: boolean };
	const path = `/tables/${encodeURIComponent(table)}/records`;
	const order = stampField ? `${stampField} DESC,PK_ID DESC` : 'PK_ID DESC';

	if (this.getMode() === 'manual') {
		const [latest] = await caspioGetAllRecords.call(this, path, { 'q.orderBy': order }, 1);
		if (!latest) {
			throw new NodeOperationError(this.getNode(), `Table "${table}" has no records to show`, {
				description: 'Add a record in Caspio, then fetch the test event again.',
			});
		}
		return [[{ json: outputItem(event, table, latest, { via: 'poll' }) }]];
	}

	const cursor = this.getWorkflowStaticData('node') as Cursor & IDataObject;
	const inFlightKey = `${this.getWorkflow().id ?? ''}/${this.getNode().id}`;
	catchUp(cursor, inFlight.get(inFlightKey));
	const started = event === 'created' ? cursor.lastId !== undefined : cursor.lastStamp !== undefined;
	if (!started && !options.emitExisting) {
		// First activation: start after what exists now, without replaying history.
		const newest = await caspioGetAllRecords.call(this, path, { 'q.orderBy': order, ...(stampField ? { 'q.where': `${stampField} IS NOT NULL` } : {}) }, stampField ? 1000 : 5);
		if (stampField) {
			cursor.lastStamp = (newest[0] && stampOf(newest[0], stampField)) ?? EARLIEST;
			cursor.idsAtStamp = newest.filter((r) => stampOf(r, stampField) === cursor.lastStamp).map((r) => Number(r.PK_ID));
		} else {
			cursor.lastId = Number(newest[0]?.PK_ID ?? 0);
		}
		return null;
	}

	const before: Cursor = { lastId: cursor.lastId, lastStamp: cursor.lastStamp, idsAtStamp: cursor.idsAtStamp };
	let rows: IDataObject[];
	if (stampField) {
		const since = cursor.lastStamp ?? EARLIEST;
		// Typed as a timestamp without reading /fields, so an idle poll stays one request.
		const built = buildWhere([{ field: stampField, operator: 'greaterOrEqual', value: since }], 'AND', [{ Name: stampField, Type: 'TIMESTAMP' }]);
		if (built.problem !== undefined) {
			throw new NodeOperationError(this.getNode(), built.problem, { description: 'Choose a date or timestamp field as the Updated-At Field.' });
		}
		const fetched = await caspioGetAllRecords.call(this, path, { 'q.where': built.where, 'q.orderBy': `${stampField} ASC,PK_ID ASC` }, MAX_RECORDS_PER_POLL);
		const done = new Set(cursor.idsAtStamp ?? []);
		rows = fetched.filter((r) => !(stampOf(r, stampField) === since && done.has(Number(r.PK_ID))));
		const last = fetched.at(-1);
		const lastStamp = last ? stampOf(last, stampField) : undefined;
		if (lastStamp !== undefined && lastStamp !== since) {
			cursor.lastStamp = lastStamp;
			cursor.idsAtStamp = fetched.filter((r) => stampOf(r, stampField) === lastStamp).map((r) => Number(r.PK_ID));
		} else if (rows.length > 0) {
			cursor.idsAtStamp = [...done, ...rows.map((r) => Number(r.PK_ID))];
		}
	} else {
		const where = `PK_ID > ${Number(cursor.lastId ?? 0)}`;
		rows = await caspioGetAllRecords.call(this, path, { 'q.where': where, 'q.orderBy': 'PK_ID ASC' }, MAX_RECORDS_PER_POLL);
		if (rows.length > 0) cursor.lastId = Number(rows.at(-1)!.PK_ID);
	}

	const relay = mode === 'hybrid' ? relayOf(this.getWorkflowStaticData('global'), this.getNode().id) : undefined;
	if (relay) {
		// The webhook's window drops what Caspio already delivered and emits the rest; nothing is emitted here.
		if (rows.length > 0) {
			try {
				await relayRecords.call(this, relay, event, table, rows);
			} catch (error) {
				Object.assign(cursor, before);
				throw new NodeOperationError(this.getNode(), `The backstop poll could not hand ${rows.length} records to this trigger's webhook`, {
					description: `${(error as Error).message}. n8n's production webhook URL must be reachable from the n8n process that polls; the records are handed over again on the next poll.`,
				});
			}
		}
		return null;
	}

	if (rows.length > 0) inFlight.set(inFlightKey, { cursor: { ...cursor }, at: Date.now() });

	if (mode === 'hybrid') {
		// Records the webhook already delivered are left out; the ones emitted here are remembered for late deliveries.
		const seen = new SeenWindow(triggerStore(this.getWorkflowStaticData('global'), this.getWorkflow().id, this.getNode().id), 'records');
		rows = rows.filter((r) => {
			const key = recordKey(event, r, stampField);
			return key === undefined || seen.add(key);
		});
	}
	if (rows.length === 0) return null;
	return [rows.map((record) => ({ json: outputItem(event, table, record, { via: 'poll' }) }))];
}
