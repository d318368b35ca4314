import type { IDataObject } from 'n8n-workflow';

export type TriggerEvent = 'created' | 'updated' | 'deleted';
export type TriggerMode = 'instant' | 'polling' | 'hybrid';

/**
 * Caspio's event type for each trigger event, and the sources of changes an event may fire for:
 * https://howto.caspio.com/integrate-your-apps/webhooks/creating-and-managing-events
 */
export const EVENT_TYPES: Record<TriggerEvent, string> = {
	created: 'table.recordInsert',
	updated: 'table.recordUpdate',
	deleted: 'table.recordDelete',
};

export function eventOf(eventType: unknown): TriggerEvent | undefined {
	return (Object.keys(EVENT_TYPES) as TriggerEvent[]).find((event) => EVENT_TYPES[event] === eventType);
}

/** Every source but the REST API, so the workflow's own writes through the Caspio node don't re-trigger it. */
export const SOURCES_WITHOUT_REST = ['Datasheet', 'DataPages', 'DataParts', 'Extensions', 'TriggeredActions', 'Tasks'];

/** One output item: the same shape whether a webhook or a poll found the record. */
export function outputItem(
	event: TriggerEvent,
	table: string,
	record: IDataObject,
	meta: { eventDate?: unknown; messageId?: unknown; via: 'webhook' | 'poll' },
): IDataObject {
	return {
		event,
		table,
		eventDate: typeof meta.eventDate === 'string' ? meta.eventDate : null,
		messageId: typeof meta.messageId === 'string' ? meta.messageId : null,
		via: meta.via,
		record,
	};
}

/** Identifies one change of one record, so a webhook and a backstop poll don't both emit it (hybrid mode). */
export function recordKey(event: TriggerEvent, record: IDataObject, stampField?: string): string | undefined {
	if (record.PK_ID === undefined || record.PK_ID === null) return undefined;
	if (event === 'created') return `created:${String(record.PK_ID)}`;
	if (event === 'updated' && stampField) {
		const stamp = Object.entries(record).find(([name]) => name.toLowerCase() === stampField.toLowerCase())?.[1];
		return stamp ? `updated:${String(record.PK_ID)}:${String(stamp)}` : undefined;
	}
	return undefined;
}
