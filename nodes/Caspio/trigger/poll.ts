import { NodeOperationError, type IDataObject, type INodeExecutionData, type IPollFunctions } from 'n8n-workflow';

import { timestampField } from '../helpers/fieldTypes';
import { isObjectName } from '../helpers/names';
import { buildWhere } from '../helpers/where';
import { caspioGetAllRecords } from '../transport';
import { recordsPath } from '../transport/records';
import { catchUp, EARLIEST, idsStamped, rememberEmitted, stampOf, type Cursor } from './cursor';
import { outputItem, recordKey, type TriggerEvent, type TriggerMode } from './events';
import { pickFields } from './payload';
import { relayOf, relayRecords, type Relay } from './relay';
import { SeenWindow, triggerStore } from './window';

/** A poll emits at most this many records; the cursor keeps the rest for the next poll. */
export const MAX_RECORDS_PER_POLL = 10_000;

/** What one poll reads: the table, the event, and for Record Updated the field Caspio stamps on every change. */
interface PollSettings {
	mode: TriggerMode;
	event: Exclude<TriggerEvent, 'deleted'>;
	table: string;
	path: string;
	stampField?: string;
	emitExisting: boolean;
	/** The fields an item carries (all when empty), as a webhook delivery would. */
	payloadFields?: string[];
}

/** The node's settings for a poll, or undefined when its mode and event have nothing to poll. */
function pollSettings(this: IPollFunctions): PollSettings | undefined {
	const mode = this.getNodeParameter('mode') as TriggerMode;
	const event = this.getNodeParameter('event') as TriggerEvent;
	if (mode === 'instant') return undefined;
	if (event === 'deleted') {
		if (mode === 'hybrid') return undefined;
		throw new NodeOperationError(this.getNode(), 'Record Deleted cannot be polled: a deleted record leaves nothing to read', {
			description: 'Use the Instant mode for Record Deleted.',
		});
	}
	const table = this.getNodeParameter('table', '', { extractValue: true }) as string;
	const stampField = event === 'updated' ? (this.getNodeParameter('stampField', '') as string) : undefined;
	if (event === 'updated' && !isObjectName(stampField ?? '')) {
		throw new NodeOperationError(this.getNode(), 'Record Updated needs an "Updated-At Field" to poll', {
			description: 'Choose the timestamp field that Caspio sets when a record changes (a Timestamp field with "on update").',
		});
	}
	const options = this.getNodeParameter('options', {}) as { emitExisting?: boolean; payloadFields?: string[] };
	return { mode, event, table, path: recordsPath(table), stampField, emitExisting: options.emitExisting === true, payloadFields: options.payloadFields };
}

const newestFirst = (settings: PollSettings) => (settings.stampField ? `${settings.stampField} DESC,PK_ID DESC` : 'PK_ID DESC');

/** Fetch Test Event: the newest record, leaving the cursor alone. */
async function testEvent(this: IPollFunctions, settings: PollSettings): Promise<INodeExecutionData[][]> {
	const [latest] = await caspioGetAllRecords.call(this, settings.path, { 'q.orderBy': newestFirst(settings) }, 1);
	if (!latest) {
		throw new NodeOperationError(this.getNode(), `Table "${settings.table}" has no records to show`, {
			description: 'Add a record in Caspio, then fetch the test event again.',
		});
	}
	return [[{ json: outputItem(settings.event, settings.table, pickFields(latest, settings.payloadFields), { via: 'poll' }) }]];
}

/** First activation: places the cursor after what exists now, without replaying history. */
async function placeCursor(this: IPollFunctions, settings: PollSettings, cursor: Cursor): Promise<void> {
	const { stampField } = settings;
	const qs = { 'q.orderBy': newestFirst(settings), ...(stampField ? { 'q.where': `${stampField} IS NOT NULL` } : {}) };
	const newest = await caspioGetAllRecords.call(this, settings.path, qs, stampField ? 1000 : 5);
	if (stampField) {
		cursor.lastStamp = (newest[0] && stampOf(newest[0], stampField)) ?? EARLIEST;
		cursor.idsAtStamp = idsStamped(newest, stampField, cursor.lastStamp);
	} else {
		cursor.lastId = Number(newest[0]?.PK_ID ?? 0);
	}
}

/** Record Created: every record with a PK_ID above the cursor, which moves to the last one. */
async function readCreated(this: IPollFunctions, path: string, cursor: Cursor): Promise<IDataObject[]> {
	const where = `PK_ID > ${Number(cursor.lastId ?? 0)}`;
	const rows = await caspioGetAllRecords.call(this, path, { 'q.where': where, 'q.orderBy': 'PK_ID ASC' }, MAX_RECORDS_PER_POLL);
	if (rows.length > 0) cursor.lastId = Number(rows.at(-1)!.PK_ID);
	return rows;
}

/** Record Updated: every record stamped at or after the cursor, less those already emitted at that exact stamp. */
async function readUpdated(this: IPollFunctions, path: string, stampField: string, cursor: Cursor): Promise<IDataObject[]> {
	const since = cursor.lastStamp ?? EARLIEST;
	// Typed as a timestamp without reading /fields, so an idle poll stays one request.
	const built = buildWhere([{ field: stampField, operator: 'greaterOrEqual', value: since }], 'AND', [timestampField(stampField)]);
	if (built.problem !== undefined) {
		throw new NodeOperationError(this.getNode(), built.problem, { description: 'Choose a date or timestamp field as the Updated-At Field.' });
	}
	const fetched = await caspioGetAllRecords.call(this, path, { 'q.where': built.where, 'q.orderBy': `${stampField} ASC,PK_ID ASC` }, MAX_RECORDS_PER_POLL);
	const done = new Set(cursor.idsAtStamp ?? []);
	const rows = fetched.filter((r) => !(stampOf(r, stampField) === since && done.has(Number(r.PK_ID))));
	const last = fetched.at(-1);
	const lastStamp = last ? stampOf(last, stampField) : undefined;
	if (lastStamp !== undefined && lastStamp !== since) {
		cursor.lastStamp = lastStamp;
		cursor.idsAtStamp = idsStamped(fetched, stampField, lastStamp);
	} else if (rows.length > 0) {
		cursor.idsAtStamp = [...done, ...rows.map((r) => Number(r.PK_ID))];
	}
	return rows;
}

/** Hybrid: hands the records to the trigger's webhook; if that fails, the cursor goes back so the next poll retries. */
async function handOver(this: IPollFunctions, relay: Relay, settings: PollSettings, rows: IDataObject[], rewind: () => void): Promise<void> {
	if (rows.length === 0) return;
	try {
		await relayRecords.call(this, relay, settings.event, settings.table, rows);
	} catch (error) {
		rewind();
		throw new NodeOperationError(this.getNode(), `The backstop poll could not hand ${rows.length} records to this trigger's webhook`, {
			description: `${(error as Error).message}. n8n's production webhook URL must be reachable from the n8n process that polls; the records are handed over again on the next poll.`,
		});
	}
}

/** Hybrid without a relay: the records the webhook has not emitted yet, remembered so a late delivery is dropped. */
function notYetEmitted(this: IPollFunctions, settings: PollSettings, rows: IDataObject[]): IDataObject[] {
	const seen = new SeenWindow(triggerStore(this.getWorkflowStaticData('global'), this.getWorkflow().id, this.getNode().id), 'records');
	return rows.filter((r) => {
		const key = recordKey(settings.event, r, settings.stampField);
		return key === undefined || seen.add(key);
	});
}

/**
 * Polling and the hybrid backstop. Created: every record with a PK_ID above the cursor. Updated: every record
 * whose updated-at field is at or after the cursor, less the ones already emitted at that exact value. An idle
 * poll costs one request; the first poll only places the cursor, unless asked to emit what exists.
 */
export async function poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const settings = pollSettings.call(this);
	if (!settings) return null;
	if (this.getMode() === 'manual') return await testEvent.call(this, settings);

	const cursor = this.getWorkflowStaticData('node') as Cursor & IDataObject;
	const inFlightKey = `${this.getWorkflow().id ?? ''}/${this.getNode().id}`;
	catchUp(cursor, inFlightKey);
	const started = settings.event === 'created' ? cursor.lastId !== undefined : cursor.lastStamp !== undefined;
	if (!started && !settings.emitExisting) {
		await placeCursor.call(this, settings, cursor);
		return null;
	}

	const before: Cursor = { lastId: cursor.lastId, lastStamp: cursor.lastStamp, idsAtStamp: cursor.idsAtStamp };
	const { path, stampField } = settings;
	const rows = stampField ? await readUpdated.call(this, path, stampField, cursor) : await readCreated.call(this, path, cursor);
	const relay = settings.mode === 'hybrid' ? relayOf(this.getWorkflowStaticData('global'), this.getNode().id) : undefined;
	if (relay) {
		// The webhook's window drops what Caspio already delivered and emits the rest; nothing is emitted here.
		await handOver.call(this, relay, settings, rows, () => Object.assign(cursor, before));
		return null;
	}

	if (rows.length > 0) rememberEmitted(inFlightKey, cursor);
	// Hybrid: records the webhook already delivered are left out; the ones emitted here are remembered for late deliveries.
	const fresh = settings.mode === 'hybrid' ? notYetEmitted.call(this, settings, rows) : rows;
	if (fresh.length === 0) return null;
	return [fresh.map((record) => ({ json: outputItem(settings.event, settings.table, pickFields(record, settings.payloadFields), { via: 'poll' }) }))];
}
