import { randomBytes, randomInt, randomUUID } from 'node:crypto';

import { CaspioError } from './errors';
import { nowText } from './fields';
import type { Change, ChangeKind, Store } from './store';

/** The union of every source list in §7.2 (exact enum UNCERTAIN); an event with none listed fires for all. */
export const EVENT_SOURCES = ['Datasheet', 'DataPages', 'DataParts', 'Extensions', 'RESTAPIs', 'TriggeredActions', 'Tasks'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

const EVENT_TYPES: Record<ChangeKind, string> = {
	insert: 'table.recordInsert',
	update: 'table.recordUpdate',
	delete: 'table.recordDelete',
};

export interface WebhookEvent {
	Id: string;
	EventType: string;
	ObjectName: string;
	ObjectFields: string[];
	EventSources: EventSource[];
	CustomPayloadFields: unknown[];
	CustomPayloadTemplate: string | null;
	Enabled: boolean;
}

export interface Webhook {
	Id: string;
	Name: string;
	Description: string;
	OutgoingUrls: string[];
	Secret: string;
	CallThrottling: number;
	Enabled: boolean;
}

/** Delivery counters shown by the single-event GET (§7.2). */
interface Counters {
	Messages: number;
	Calls: number;
	Errors: number;
}

/** One message to one URL; `statuses` holds each attempt's HTTP status (none when dropped or unreachable). */
export interface Delivery {
	webhookId: string;
	eventId: string;
	messageId: string;
	url: string;
	contentType: string;
	body: unknown;
	statuses: number[];
}

export type Send = (url: string, body: string, contentType: string, onStatus: (status: number) => void) => Promise<void>;

export interface WebhookRules {
	accountId: string;
	/** UNCERTAIN §7.3: one message per changed row, or one message whose `data` holds every row of a bulk write. */
	webhookMessages: 'perRow' | 'batched';
	/** UNCERTAIN §7.3: a custom template's single-quoted text turned into JSON with string values, or sent verbatim. */
	templateOutput: 'json' | 'raw';
	/** UNCERTAIN §7.2: the official node reports a 400 on create as "Webhook with this URL already exists". */
	duplicateWebhookUrl: 'reject' | 'allow';
}

const badBody = (message: string) => new CaspioError(400, 'IncorrectBodyParameter', message);
const shortId = () => Array.from({ length: 6 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[randomInt(36)]).join('');
const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Outgoing webhooks and their events (§7.2), and the emitter that posts messages on record changes (§7.3). */
export class Webhooks {
	private hooks = new Map<string, { hook: Webhook; events: Map<string, WebhookEvent>; counters: Map<string, Counters> }>();
	private pending = new Set<Promise<void>>();
	deliveries: Delivery[] = [];
	/** The temporary download URL a template's `[@field:X/]` asks for (§15.4); none without a link issuer. */
	attachmentLink: (table: string, field: string, pk: number) => string = () => '';

	constructor(
		private readonly store: Store,
		private readonly send: Send,
	) {}

	clear(): void {
		this.hooks.clear();
		this.deliveries = [];
	}

	/** Resolves once every delivery started so far has finished. */
	async idle(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	list(): Webhook[] {
		return [...this.hooks.values()].map((h) => h.hook);
	}

	get(id: string): Webhook {
		return this.entry(id).hook;
	}

	/** `fixed` lets a seed choose the Id and Secret that Caspio would generate. */
	create(body: unknown, rules: WebhookRules, fixed: { Id?: string; Secret?: string } = {}): Webhook {
		if (!isObject(body)) throw badBody('The request body must be one JSON object.');
		const Id = fixed.Id ?? shortId();
		if (this.hooks.has(Id)) throw badBody(`Webhook id '${Id}' is taken.`);
		const Secret = fixed.Secret ?? randomBytes(24).toString('base64url');
		const hook = this.validHook({ Description: '', CallThrottling: 0, Enabled: true, ...body, Id, Secret }, undefined, rules);
		this.hooks.set(hook.Id, { hook, events: new Map(), counters: new Map() });
		return hook;
	}

	/** A seeded webhook may fix its Id and Secret and bring its events along. */
	seed(body: unknown, rules: WebhookRules): void {
		const { Id, Secret, events } = (isObject(body) ? body : {}) as { Id?: string; Secret?: string; events?: unknown[] };
		const hook = this.create(body, rules, { Id, Secret });
		for (const event of events ?? []) this.createEvent(hook.Id, event);
	}

	update(id: string, body: unknown, rules: WebhookRules): Webhook {
		if (!isObject(body)) throw badBody('The request body must be one JSON object.');
		const entry = this.entry(id);
		entry.hook = this.validHook({ ...entry.hook, ...body, Id: id, Secret: entry.hook.Secret }, id, rules);
		return entry.hook;
	}

	/** Deleting a webhook deletes its events too (§7.2). */
	remove(id: string): void {
		this.entry(id);
		this.hooks.delete(id);
	}

	listEvents(id: string): WebhookEvent[] {
		return [...this.entry(id).events.values()];
	}

	getEvent(id: string, eventId: string): WebhookEvent & Counters {
		return { ...this.event(id, eventId), ...(this.entry(id).counters.get(eventId) as Counters) };
	}

	createEvent(id: string, body: unknown): WebhookEvent {
		if (!isObject(body)) throw badBody('The request body must be one JSON object.');
		const entry = this.entry(id);
		const defaults = { ObjectFields: [], EventSources: [], CustomPayloadFields: [], CustomPayloadTemplate: null, Enabled: true };
		const event = this.validEvent({ ...defaults, ...body, Id: shortId() }, entry.events, undefined);
		entry.events.set(event.Id, event);
		entry.counters.set(event.Id, { Messages: 0, Calls: 0, Errors: 0 });
		return event;
	}

	updateEvent(id: string, eventId: string, body: unknown): WebhookEvent {
		if (!isObject(body)) throw badBody('The request body must be one JSON object.');
		const entry = this.entry(id);
		const event = this.validEvent({ ...this.event(id, eventId), ...body, Id: eventId }, entry.events, eventId);
		entry.events.set(eventId, event);
		return event;
	}

	removeEvent(id: string, eventId: string): void {
		this.event(id, eventId);
		this.entry(id).events.delete(eventId);
	}

	dump() {
		return this.list().map((hook) => ({ ...hook, events: this.listEvents(hook.Id).map((event) => this.getEvent(hook.Id, event.Id)) }));
	}

	/** Fires every enabled event the change and its source match; deliveries run in the background (§7.1, §7.3). */
	emit(change: Change, source: EventSource, rules: WebhookRules): void {
		for (const { hook, events, counters } of this.hooks.values()) {
			if (!hook.Enabled) continue;
			for (const event of events.values()) {
				if (!event.Enabled || event.EventType !== EVENT_TYPES[change.kind]) continue;
				if (event.ObjectName.toLowerCase() !== change.table.name.toLowerCase()) continue;
				if (event.EventSources.length > 0 && !event.EventSources.includes(source)) continue;
				const watched = event.ObjectFields.map((f) => f.toLowerCase());
				// An update fires only when a value really changed, and only in the chosen fields when there are any.
				const rows = change.rows.filter(
					(r) => change.kind !== 'update' || r.changed.some((f) => watched.length === 0 || watched.includes(f.toLowerCase())),
				);
				if (rows.length === 0) continue;
				// A custom template describes one record, so it always goes out per row.
				const perRow = event.CustomPayloadTemplate !== null || rules.webhookMessages === 'perRow';
				const groups = perRow ? rows.map((r) => [r.record]) : [rows.map((r) => r.record)];
				const counter = counters.get(event.Id) as Counters;
				for (const records of groups) this.post(hook, event, counter, change.table.name, records, rules);
			}
		}
	}

	private post(
		hook: Webhook,
		event: WebhookEvent,
		counter: Counters,
		objectName: string,
		records: Record<string, unknown>[],
		rules: WebhookRules,
	): void {
		const meta = {
			eventId: event.Id,
			messageId: randomUUID(),
			webhookId: hook.Id,
			accountId: rules.accountId,
			secret: hook.Secret,
			eventDate: nowText(),
			eventType: event.EventType,
			objectName,
		};
		const text = event.CustomPayloadTemplate
			? renderTemplate(event.CustomPayloadTemplate, { ...meta, callId: randomUUID() }, records[0], rules.templateOutput, (field) =>
					this.attachmentLink(objectName, field, Number(records[0]?.PK_ID)),
				)
			: JSON.stringify({ ...meta, data: records });
		counter.Messages++;
		for (const url of hook.OutgoingUrls) {
			const delivery: Delivery = {
				webhookId: hook.Id,
				eventId: event.Id,
				messageId: meta.messageId,
				url,
				contentType: 'application/json',
				body: parsed(text),
				statuses: [],
			};
			this.deliveries.push(delivery);
			const done = this.send(url, text, delivery.contentType, (status) => {
				delivery.statuses.push(status);
				counter.Calls++;
				if (status >= 300) counter.Errors++;
			}).finally(() => this.pending.delete(done));
			this.pending.add(done);
		}
	}

	private entry(id: string) {
		const entry = this.hooks.get(id);
		if (!entry) throw new CaspioError(404, 'ObjectNotFound', `Outgoing webhook '${id}' does not exist.`);
		return entry;
	}

	private event(id: string, eventId: string): WebhookEvent {
		const event = this.entry(id).events.get(eventId);
		if (!event) throw new CaspioError(404, 'ObjectNotFound', `Event '${eventId}' of outgoing webhook '${id}' does not exist.`);
		return event;
	}

	private validHook(input: Record<string, unknown>, self: string | undefined, rules: WebhookRules): Webhook {
		const { Id, Name, Description, OutgoingUrls, Secret, CallThrottling, Enabled } = input;
		if (typeof Name !== 'string' || Name.trim() === '') throw badBody('Name is required.');
		const urls = Array.isArray(OutgoingUrls) ? OutgoingUrls : [];
		if (urls.length === 0 || !urls.every((u) => typeof u === 'string' && /^https?:\/\/\S+$/.test(u))) {
			throw badBody('OutgoingUrls must hold at least one http(s) URL.');
		}
		const others = this.list().filter((h) => h.Id !== self);
		if (others.some((h) => h.Name.toLowerCase() === Name.toLowerCase())) throw badBody('Webhook with this name already exists.');
		if (rules.duplicateWebhookUrl === 'reject' && others.some((h) => h.OutgoingUrls.some((u) => urls.includes(u)))) {
			throw badBody('Webhook with this URL already exists.');
		}
		return {
			Id: String(Id),
			Name,
			Description: String(Description ?? ''),
			OutgoingUrls: urls as string[],
			Secret: String(Secret),
			CallThrottling: Number(CallThrottling) || 0,
			Enabled: Enabled !== false,
		};
	}

	/** Per table and webhook: one insert, one delete, and update events that are all-fields alone or on distinct fields (§7.1). */
	private validEvent(input: Record<string, unknown>, siblings: Map<string, WebhookEvent>, self: string | undefined): WebhookEvent {
		const { Id, EventType, ObjectName, ObjectFields, EventSources, CustomPayloadFields, CustomPayloadTemplate, Enabled } = input;
		const types = Object.values(EVENT_TYPES);
		if (!types.includes(String(EventType))) throw badBody(`EventType must be one of ${types.join(', ')}.`);
		const table = this.store.tableNames().find((n) => n.toLowerCase() === String(ObjectName).toLowerCase());
		if (!table) throw badBody(`ObjectName '${String(ObjectName)}' is not a table.`);
		const fields = Array.isArray(ObjectFields) ? ObjectFields.map(String) : [];
		if (fields.length > 0 && EventType !== EVENT_TYPES.update) throw badBody('ObjectFields apply to table.recordUpdate events only.');
		const known = this.store.table(table).fields.filter((f) => f.Type !== 'PASSWORD');
		const canonical = fields.map((name) => {
			const field = known.find((f) => f.Name.toLowerCase() === name.toLowerCase());
			if (!field) throw badBody(`Unknown field '${name}'.`);
			return field.Name;
		});
		const sources = (Array.isArray(EventSources) ? EventSources : []).map((s) => {
			const source = EVENT_SOURCES.find((e) => e.toLowerCase() === String(s).toLowerCase());
			if (!source) throw badBody(`Unknown event source '${String(s)}'.`);
			return source;
		});
		if (CustomPayloadTemplate !== null && CustomPayloadTemplate !== undefined && typeof CustomPayloadTemplate !== 'string') {
			throw badBody('CustomPayloadTemplate must be a string.');
		}
		const event: WebhookEvent = {
			Id: String(Id),
			EventType: String(EventType),
			ObjectName: table,
			ObjectFields: canonical,
			EventSources: sources,
			CustomPayloadFields: Array.isArray(CustomPayloadFields) ? CustomPayloadFields : [],
			CustomPayloadTemplate: (CustomPayloadTemplate as string | null | undefined) || null,
			Enabled: Enabled !== false,
		};
		const same = [...siblings.values()].filter((e) => e.Id !== self && e.EventType === event.EventType && e.ObjectName === table);
		const clash =
			event.EventType !== EVENT_TYPES.update
				? same.length > 0
				: same.some((e) => !e.ObjectFields.length || !event.ObjectFields.length || e.ObjectFields.join() === event.ObjectFields.join());
		if (clash) throw badBody(`This webhook already has a ${event.EventType} event for ${table} that overlaps this one.`);
		return event;
	}
}

const parsed = (text: string): unknown => {
	try {
		return JSON.parse(text);
	} catch {
		return text;
	}
};

/** A value as template text: lists as their values joined, empty values as ''. */
function asText(value: unknown): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'object') return Object.values(value).join(', ');
	return String(value);
}

/**
 * Fills `[@out-hook:x]` and `[@field:X]` (§7.3). In 'json' mode the single-quoted, JSON-like template becomes JSON:
 * quoted placeholders give strings, bare ones keep their JSON type. `[@field:X/]` is a temporary download URL of the
 * record's attachment in field X.
 */
function renderTemplate(
	template: string,
	meta: Record<string, string>,
	record: Record<string, unknown> | undefined,
	mode: 'json' | 'raw',
	linkOf: (field: string) => string,
): string {
	const lookup = (kind: string, name: string, link: string): unknown => {
		if (link) return kind === 'field' ? linkOf(name) : '';
		if (kind === 'out-hook') return meta[name];
		const key = Object.keys(record ?? {}).find((k) => k.toLowerCase() === name.toLowerCase());
		return key === undefined ? null : record?.[key];
	};
	const placeholder = /\[@(out-hook|field):([A-Za-z0-9_]+)(\/?)\]/g;
	const fill = (text: string, escape: (s: string) => string) =>
		text.replace(placeholder, (_m, kind: string, name: string, link: string) => escape(asText(lookup(kind, name, link))));
	if (mode === 'raw') return fill(template, (s) => s);
	let out = '';
	for (let i = 0; i < template.length; ) {
		const quote = template[i];
		if (quote === "'" || quote === '"') {
			const end = template.indexOf(quote, i + 1);
			const inner = template.slice(i + 1, end === -1 ? template.length : end);
			out += JSON.stringify(fill(inner, (s) => s));
			i = end === -1 ? template.length : end + 1;
			continue;
		}
		placeholder.lastIndex = i;
		const m = placeholder.exec(template);
		if (m && m.index === i) {
			out += JSON.stringify(lookup(m[1], m[2], m[3]) ?? null);
			i += m[0].length;
		} else out += template[i++];
	}
	return out;
}
