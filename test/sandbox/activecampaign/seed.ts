import type { Ctx } from './context';
import { applyCrmSeed, type CrmSeedIds, type CrmSeedInput } from './crm-data';
import { applyEcomSeed, type EcomSeedIds, type EcomSeedInput } from './ecommerce';
import { perstagFrom } from './routes/fields';
import { type Automation, type Contact, type Field, FIELD_TYPES, type FieldType, type List, type Store, type Tag } from './store';
import { idOf, isObject, type Json, sameText, text } from './util';

/** `POST /__sandbox/seed` and the demo seed: adds fixtures by name, reusing what exists, without firing webhooks. */

export interface SeedField {
	title: string;
	type?: FieldType;
	perstag?: string;
	descript?: string;
	defval?: string;
	/** Option values for dropdown / listbox / radio / checkbox fields. */
	options?: string[];
	/** Lists (names or ids) the field is related to; all lists (relid 0) when absent. */
	lists?: Array<string | number>;
}

export interface SeedContact {
	email: string;
	firstName?: string;
	lastName?: string;
	phone?: string;
	/** Tag names; missing tags are created. */
	tags?: string[];
	/** List names or ids (subscribed), or `{list, status}` with status 1 or 2. */
	lists?: Array<string | number | { list: string | number; status?: 1 | 2 }>;
	/** Values by field id, perstag or title; arrays become `||a||b||`. */
	fieldValues?: Record<string, string | number | string[]> | Array<{ field: string | number; value: string | number | string[] }>;
	/** Automation names or ids the contact is enrolled in. */
	automations?: Array<string | number>;
}

export interface SeedInput extends EcomSeedInput, CrmSeedInput {
	fields?: SeedField[];
	lists?: Array<string | { name: string; stringid?: string; sender_url?: string; sender_reminder?: string }>;
	tags?: Array<string | { tag: string; description?: string; tagType?: 'contact' | 'template' }>;
	automations?: Array<string | { name: string; status?: 1 | 2 | '1' | '2' }>;
	contacts?: SeedContact[];
	eventTracking?: { enabled?: boolean; events?: string[] };
}

export interface SeedIds extends EcomSeedIds, CrmSeedIds {
	lists: Record<string, string>;
	tags: Record<string, string>;
	fields: Record<string, string>;
	automations: Record<string, string>;
	contacts: Record<string, string>;
}

class SeedError extends Error {}

const byRef = <T extends { id: number }>(store: T[], ref: unknown, names: (row: T) => string[]): T | undefined => {
	const id = idOf(ref);
	const name = text(ref) ?? '';
	return store.find((row) => row.id === id) ?? store.find((row) => names(row).some((n) => sameText(n, name)));
};

export const findList = (store: Store, ref: unknown): List | undefined => byRef(store.lists.all(), ref, (l) => [l.name, l.stringid]);
export const findTag = (store: Store, ref: unknown): Tag | undefined => byRef(store.tags.all(), ref, (t) => [t.tag]);
export const findField = (store: Store, ref: unknown): Field | undefined =>
	byRef(store.fields.all(), ref, (f) => [f.perstag, f.title]);
const findAutomation = (store: Store, ref: unknown): Automation | undefined => byRef(store.automations.all(), ref, (a) => [a.name]);

const must = <T>(found: T | undefined, what: string, ref: unknown): T => {
	if (found === undefined) throw new SeedError(`Unknown ${what} '${String(ref)}'`);
	return found;
};

export const ensureTag = (store: Store, name: string, now: number): Tag =>
	store.tagByName(name) ?? store.tags.insert({ tag: name, tagType: 'contact', description: '', cdate: now });

const slug = (name: string) => name.trim().replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');

function seedField(ctx: Ctx, input: SeedField, now: number): Field {
	const store = ctx.store;
	const existing = store.fields.find((f) => sameText(f.title, input.title));
	if (existing) return existing;
	const type = input.type ?? 'text';
	if (!FIELD_TYPES.includes(type)) throw new SeedError(`Unknown field type '${type}'`);
	const field = store.fields.insert({
		title: input.title,
		type,
		descript: input.descript ?? '',
		perstag: perstagFrom(input.perstag ?? input.title, ctx.quirks.perstagRule),
		defval: input.defval ?? '',
		isrequired: '0',
		visible: '1',
		ordernum: String(store.fields.all().length + 1),
		cdate: now,
		udate: now,
	});
	(input.options ?? []).forEach((value, i) =>
		store.fieldOptions.insert({ field: field.id, orderid: i + 1, value, label: value, isdefault: false, cdate: now }),
	);
	const relids = input.lists?.map((ref) => must(findList(store, ref), 'list', ref).id) ?? [0];
	for (const relid of relids) store.fieldRels.insert({ field: field.id, relid, cdate: now });
	return field;
}

function seedContact(ctx: Ctx, input: SeedContact, now: number): Contact {
	const store = ctx.store;
	const contact = store.contactByEmail(input.email) ?? store.createContact({ email: input.email }, now);
	contact.firstName = input.firstName ?? contact.firstName;
	contact.lastName = input.lastName ?? contact.lastName;
	contact.phone = input.phone ?? contact.phone;
	for (const name of input.tags ?? []) store.addContactTag(contact.id, ensureTag(store, name, now).id, now);
	for (const entry of input.lists ?? []) {
		const ref = isObject(entry) ? entry.list : entry;
		const status = isObject(entry) ? (entry.status ?? 1) : 1;
		store.setListStatus(contact.id, must(findList(store, ref), 'list', ref).id, status, now);
	}
	const values = Array.isArray(input.fieldValues)
		? input.fieldValues.map((v): [unknown, unknown] => [v.field, v.value])
		: Object.entries(input.fieldValues ?? {});
	for (const [ref, value] of values) store.setFieldValue(contact, must(findField(store, ref), 'field', ref), value, now);
	for (const ref of input.automations ?? []) {
		const automation = must(findAutomation(store, ref), 'automation', ref);
		automation.entered++;
		store.contactAutomations.insert({ contact: contact.id, automation: automation.id, adddate: now });
	}
	return contact;
}

/** Applies a seed; throws `SeedError` (reported as 400) on a reference it cannot resolve. */
export function applySeed(ctx: Ctx, input: SeedInput): SeedIds {
	const store = ctx.store;
	const now = Date.now();
	const ids: SeedIds = { lists: {}, tags: {}, fields: {}, automations: {}, contacts: {} };
	for (const entry of input.lists ?? []) {
		const spec = typeof entry === 'string' ? { name: entry } : entry;
		const list =
			findList(store, spec.name) ??
			store.lists.insert({
				name: spec.name,
				stringid: spec.stringid ?? slug(spec.name),
				senderUrl: spec.sender_url ?? 'https://sandbox.example',
				senderReminder: spec.sender_reminder ?? `You are receiving this email because you subscribed to ${spec.name}.`,
				sendLastBroadcast: '0',
				carboncopy: '',
				subscriptionNotify: '',
				unsubscriptionNotify: '',
				channel: 'email',
				cdate: now,
				udate: now,
			});
		ids.lists[list.name] = String(list.id);
	}
	for (const entry of input.tags ?? []) {
		const spec = typeof entry === 'string' ? { tag: entry } : entry;
		const tag = ensureTag(store, spec.tag, now);
		tag.description = spec.description ?? tag.description;
		tag.tagType = spec.tagType ?? tag.tagType;
		ids.tags[tag.tag] = String(tag.id);
	}
	for (const spec of input.fields ?? []) {
		const field = seedField(ctx, spec, now);
		ids.fields[field.perstag] = String(field.id);
	}
	for (const entry of input.automations ?? []) {
		const spec = typeof entry === 'string' ? { name: entry } : entry;
		const automation =
			findAutomation(store, spec.name) ??
			// ActiveCampaign's JSON shows the status as a string ("1"): a seed may too, and it means the same.
			store.automations.insert({ name: spec.name, status: Number(spec.status ?? 1), entered: 0, exited: 0, cdate: now, mdate: now });
		ids.automations[automation.name] = String(automation.id);
	}
	for (const spec of input.contacts ?? []) {
		const contact = seedContact(ctx, spec, now);
		ids.contacts[contact.email] = String(contact.id);
	}
	if (input.eventTracking?.enabled !== undefined) store.eventTracking.enabled = input.eventTracking.enabled;
	for (const name of input.eventTracking?.events ?? []) if (!store.eventNames.includes(name)) store.eventNames.push(name);
	Object.assign(ids, applyEcomSeed(ctx, input, now, (message) => {
		throw new SeedError(message);
	}));
	Object.assign(ids, applyCrmSeed(ctx, input, now, (message) => {
		throw new SeedError(message);
	}));
	return ids;
}

/** Checks the outer shape of an HTTP seed body; inner references are checked while applying. */
export function seedFromBody(ctx: Ctx, body: unknown): { ids: SeedIds } | { error: string } {
	if (!isObject(body)) return { error: 'Seed body must be a JSON object' };
	const arrays: Array<keyof SeedInput> = ['fields', 'lists', 'tags', 'automations', 'contacts', 'connections', 'ecomCustomers', 'ecomOrders', 'users', 'accountFields', 'accounts', 'pipelines', 'deals'];
	const bad = arrays.find((key) => body[key] !== undefined && !Array.isArray(body[key]));
	if (bad) return { error: `'${bad}' must be an array` };
	// Each entry needs its naming key; lists, tags and automations may also be plain names.
	const shapes: Array<[keyof SeedInput, string, boolean]> = [
		['contacts', 'email', false],
		['fields', 'title', false],
		['lists', 'name', true],
		['tags', 'tag', true],
		['automations', 'name', true],
	];
	for (const [key, name, plain] of shapes) {
		const entries = (body[key] ?? []) as unknown[];
		if (!entries.every((x) => (plain && typeof x === 'string') || (isObject(x) && typeof x[name] === 'string'))) {
			return { error: `Every entry of '${key}' needs a ${name}` };
		}
	}
	try {
		return { ids: applySeed(ctx, body as Json as SeedInput) };
	} catch (error) {
		if (error instanceof SeedError) return { error: error.message };
		throw error;
	}
}
