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

/** Caspio's spelling of the REST API source (note the plural). */
export const REST_API_SOURCE = 'RESTAPIs';

/** The Event Sources option: Caspio's values, labelled as its UI names them. */
export const EVENT_SOURCE_OPTIONS = [
	{ name: 'DataPages', value: 'DataPages' },
	{ name: 'DataParts', value: 'DataParts' },
	{ name: 'Datasheet', value: 'Datasheet' },
	{ name: 'Extensions', value: 'Extensions' },
	{ name: 'REST API', value: REST_API_SOURCE },
	{ name: 'Tasks', value: 'Tasks', description: 'Application tasks (data import/export tasks never fire events)' },
	{ name: 'Triggered Actions', value: 'TriggeredActions' },
];

/** The Event Sources option as saved: the sources picked, and the older switch that added the REST API to the default. */
export interface SourceOptions {
	eventSources?: string[];
	includeRestApi?: boolean;
}

/**
 * The `EventSources` an event is created with. Without a choice, every source but the REST API; the older
 * "Include Changes Made Through the REST API" switch still adds it, so a workflow saved with it means what it meant.
 * An empty list is undefined: Caspio would read it as every source, the REST API included.
 */
export function eventSourcesOf(options: SourceOptions): string[] | undefined {
	const chosen = options.eventSources ?? SOURCES_WITHOUT_REST;
	const sources = options.includeRestApi && !chosen.includes(REST_API_SOURCE) ? [...chosen, REST_API_SOURCE] : chosen;
	return sources.length > 0 ? sources : undefined;
}

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
