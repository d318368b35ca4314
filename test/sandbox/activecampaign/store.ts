import { randomBytes } from 'node:crypto';
import { idOf, sameText } from './util';
import type { Connection, EcomCustomer, EcomOrder, EcomOrderDiscount, EcomOrderProduct } from './ecommerce';

/** In-memory data of the one sandbox account; times are ms since epoch, formatted on the way out. */

export interface Contact {
	id: number;
	email: string;
	firstName: string;
	lastName: string;
	phone: string;
	orgname: string;
	ip: string;
	hash: string;
	cdate: number;
	udate: number;
}

export interface Tag {
	id: number;
	tag: string;
	tagType: string;
	description: string;
	cdate: number;
}

export interface ContactTag {
	id: number;
	contact: number;
	tag: number;
	cdate: number;
}

export interface List {
	id: number;
	name: string;
	stringid: string;
	senderUrl: string;
	senderReminder: string;
	sendLastBroadcast: string;
	carboncopy: string;
	subscriptionNotify: string;
	unsubscriptionNotify: string;
	channel: string;
	cdate: number;
	udate: number;
}

/** Status 1 = active, 2 = unsubscribed. */
export interface ContactList {
	id: number;
	contact: number;
	list: number;
	status: number;
	sourceid: number;
	sdate: number;
	udate: number | null;
	unsubreason: string;
}

export const FIELD_TYPES = [
	'text',
	'textarea',
	'date',
	'datetime',
	'dropdown',
	'listbox',
	'radio',
	'checkbox',
	'hidden',
	'number',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface Field {
	id: number;
	title: string;
	descript: string;
	type: FieldType;
	perstag: string;
	defval: string;
	isrequired: string;
	visible: string;
	ordernum: string;
	cdate: number;
	udate: number;
}

export interface FieldOption {
	id: number;
	field: number;
	orderid: number;
	value: string;
	label: string;
	isdefault: boolean;
	cdate: number;
}

/** relid 0 = the field is on every list. */
export interface FieldRel {
	id: number;
	field: number;
	relid: number;
	cdate: number;
}

export interface FieldValue {
	id: number;
	contact: number;
	field: number;
	value: string;
	cdate: number;
	udate: number;
}

/** Status 1 = active, 2 = inactive. */
export interface Automation {
	id: number;
	name: string;
	status: number;
	entered: number;
	exited: number;
	cdate: number;
	mdate: number;
}

export interface ContactAutomation {
	id: number;
	contact: number;
	automation: number;
	adddate: number;
}

export interface Note {
	id: number;
	note: string;
	reltype: string;
	relid: number;
	cdate: number;
	mdate: number;
}

export interface DealGroup {
	id: number;
	title: string;
	currency: string;
	cdate: number;
}

export interface DealStage {
	id: number;
	title: string;
	group: number;
	order: number;
	cdate: number;
}

/** value in cents; status 0 open, 1 won, 2 lost. */
export interface Deal {
	id: number;
	title: string;
	description: string;
	contact: number | null;
	/** The customer account (§4.7 `account`), cleared when the account is deleted. */
	account: number | null;
	value: number;
	currency: string;
	group: number;
	stage: number;
	owner: number;
	percent: number;
	status: number;
	cdate: number;
	mdate: number;
}

/** A user of the account, e.g. a deal's owner; user 1 is the admin behind the API key. */
export interface User {
	id: number;
	username: string;
	firstName: string;
	lastName: string;
	email: string;
}

/** A customer account (company), §9.1; names are unique. */
export interface CustomerAccount {
	id: number;
	name: string;
	accountUrl: string | null;
	owner: number;
	created: number;
	updated: number;
}

/** A contact's place on an account (§9.3); a contact has at most one. */
export interface AccountContact {
	id: number;
	account: number;
	contact: number;
	jobTitle: string;
	created: number;
	updated: number;
}

/** An account custom field (§9.2); the singular on the wire is `accountCustomFieldMetum`. */
export interface AccountFieldMeta {
	id: number;
	fieldLabel: string;
	fieldType: string;
	fieldOptions: string[] | null;
	fieldDefault: string;
	fieldDefaultCurrency: string;
	isFormVisible: number;
	isRequired: number;
	displayOrder: number;
	created: number;
	updated: number;
}

/** One account's value of one account field (currency values in cents with their currency). */
export interface AccountFieldDatum {
	id: number;
	account: number;
	field: number;
	value: string;
	currency: string | null;
	created: number;
	updated: number;
}

export interface Webhook {
	id: number;
	name: string;
	url: string;
	events: string[];
	sources: string[];
	listid: number;
	cdate: number;
	/** Cleared for good when a receiver answers 410. */
	active: boolean;
}

export interface TrackedEvent {
	event: string;
	eventdata: string;
	email: string;
	contact: number | null;
	date: number;
}

export interface ImportBatch {
	id: string;
	queued: number;
	contacts: number;
	done: boolean;
	success: string[];
	failure: string[];
}

/** One collection with its own id sequence, like a table. */
export class Table<T extends { id: number }> {
	private rows = new Map<number, T>();
	private next = 1;
	/** The first row per key, for tables with a natural key: lookups by it stay O(1) with 100,000 rows. */
	private byKey = new Map<string, T>();

	/** `keyOf`: the row's natural key (undefined = not indexed), e.g. contact + tag of a contactTag. */
	constructor(private readonly keyOf?: (row: T) => string | undefined) {}

	insert(row: Omit<T, 'id'>): T {
		const created = { ...row, id: this.next++ } as T;
		this.rows.set(created.id, created);
		this.index(created);
		return created;
	}

	/** The first row (by insertion) whose natural key is `key`, as the row is now. */
	findByKey(key: string): T | undefined {
		const row = this.byKey.get(key);
		return row && this.rows.get(row.id) === row && this.keyOf?.(row) === key ? row : undefined;
	}

	/** After a row's key field was changed in place (a contact's email). */
	reindex(row: T): void {
		for (const [key, indexed] of this.byKey) if (indexed === row) this.byKey.delete(key);
		this.index(row);
	}

	private index(row: T): void {
		const key = this.keyOf?.(row);
		if (key !== undefined && !this.findByKey(key)) this.byKey.set(key, row);
	}

	get(id: unknown): T | undefined {
		const n = idOf(id);
		return n === undefined ? undefined : this.rows.get(n);
	}

	all(): T[] {
		return [...this.rows.values()];
	}

	where(test: (row: T) => boolean): T[] {
		return this.all().filter(test);
	}

	find(test: (row: T) => boolean): T | undefined {
		for (const row of this.rows.values()) if (test(row)) return row;
		return undefined;
	}

	delete(id: number): boolean {
		const row = this.rows.get(id);
		const deleted = this.rows.delete(id);
		const key = row && this.keyOf?.(row);
		if (key !== undefined && this.byKey.get(key) === row) {
			this.byKey.delete(key);
			// Another row with the same key (if any) becomes the first.
			const next = this.find((r) => this.keyOf!(r) === key);
			if (next) this.byKey.set(key, next);
		}
		return deleted;
	}

	/** Goes on numbering after `previous`, so no id it handed out is handed out again. */
	continueAfter(previous: Table<T>): void {
		this.next = Math.max(this.next, previous.next);
	}

	deleteWhere(test: (row: T) => boolean): void {
		for (const row of this.where(test)) this.delete(row.id);
	}
}

/** Multi-select values travel as `||a||b||`; arrays are accepted and stored that way. */
export function fieldValueText(value: unknown): string {
	if (Array.isArray(value)) return `||${value.map(String).join('||')}||`;
	if (value === null || value === undefined) return '';
	return String(value);
}

export class Store {
	contacts = new Table<Contact>((c) => (c.email === '' ? undefined : c.email.toLowerCase()));
	tags = new Table<Tag>();
	contactTags = new Table<ContactTag>((ct) => `${ct.contact}:${ct.tag}`);
	lists = new Table<List>();
	contactLists = new Table<ContactList>((cl) => `${cl.contact}:${cl.list}`);
	fields = new Table<Field>();
	fieldOptions = new Table<FieldOption>();
	fieldRels = new Table<FieldRel>();
	fieldValues = new Table<FieldValue>((v) => `${v.contact}:${v.field}`);
	automations = new Table<Automation>();
	contactAutomations = new Table<ContactAutomation>();
	notes = new Table<Note>();
	dealGroups = new Table<DealGroup>();
	dealStages = new Table<DealStage>();
	deals = new Table<Deal>();
	users = new Table<User>();
	accounts = new Table<CustomerAccount>();
	accountContacts = new Table<AccountContact>();
	accountFieldMeta = new Table<AccountFieldMeta>();
	accountFieldData = new Table<AccountFieldDatum>();
	connections = new Table<Connection>();
	ecomCustomers = new Table<EcomCustomer>();
	ecomOrders = new Table<EcomOrder>();
	ecomOrderProducts = new Table<EcomOrderProduct>();
	ecomOrderDiscounts = new Table<EcomOrderDiscount>();
	webhooks = new Table<Webhook>();
	eventTracking = { enabled: false };
	/** Registered event names, in creation order. */
	eventNames: string[] = [];
	trackedEvents: TrackedEvent[] = [];
	imports = new Map<string, ImportBatch>();

	/** Keeps every table's id sequence going from `previous` (ActiveCampaign never reuses an id). */
	continueIdsAfter(previous: Store): void {
		for (const [name, table] of Object.entries(this)) {
			const before = (previous as unknown as Record<string, unknown>)[name];
			if (table instanceof Table && before instanceof Table) table.continueAfter(before);
		}
	}

	contactByEmail(email: string): Contact | undefined {
		return email === '' ? undefined : this.contacts.findByKey(email.toLowerCase());
	}

	tagByName(name: string): Tag | undefined {
		return this.tags.find((t) => sameText(t.tag, name));
	}

	tagsOf(contact: number): Tag[] {
		return this.contactTags
			.where((ct) => ct.contact === contact)
			.map((ct) => this.tags.get(ct.tag))
			.filter((t): t is Tag => t !== undefined);
	}

	valuesOf(contact: number): FieldValue[] {
		return this.fieldValues.where((v) => v.contact === contact);
	}

	createContact(input: Partial<Pick<Contact, 'email' | 'firstName' | 'lastName' | 'phone' | 'orgname'>>, now: number): Contact {
		return this.contacts.insert({
			email: input.email ?? '',
			firstName: input.firstName ?? '',
			lastName: input.lastName ?? '',
			phone: input.phone ?? '',
			orgname: input.orgname ?? '',
			ip: '0',
			hash: randomBytes(16).toString('hex'),
			cdate: now,
			udate: now,
		});
	}

	/** Upserts the one value per (contact, field). */
	setFieldValue(contact: Contact, field: Field, value: unknown, now: number): { value: FieldValue; created: boolean } {
		const stored = fieldValueText(value);
		contact.udate = now;
		const existing = this.fieldValues.findByKey(`${contact.id}:${field.id}`);
		if (existing) {
			existing.value = stored;
			existing.udate = now;
			return { value: existing, created: false };
		}
		const created = this.fieldValues.insert({ contact: contact.id, field: field.id, value: stored, cdate: now, udate: now });
		return { value: created, created: true };
	}

	/** Adds the association unless it exists; `created` says which. */
	addContactTag(contact: number, tag: number, now: number): { link: ContactTag; created: boolean } {
		const existing = this.contactTags.findByKey(`${contact}:${tag}`);
		if (existing) return { link: existing, created: false };
		return { link: this.contactTags.insert({ contact, tag, cdate: now }), created: true };
	}

	/** One association per (contact, list); `changed` is false when the status was already that. */
	setListStatus(
		contact: number,
		list: number,
		status: number,
		now: number,
		extra: { sourceid?: number; unsubreason?: string } = {},
	): { link: ContactList; changed: boolean } {
		const existing = this.contactLists.findByKey(`${contact}:${list}`);
		if (existing) {
			const changed = existing.status !== status;
			if (changed && status === 1) existing.sdate = now;
			if (changed && status === 2) existing.udate = now;
			existing.status = status;
			existing.sourceid = extra.sourceid ?? existing.sourceid;
			existing.unsubreason = status === 2 ? (extra.unsubreason ?? existing.unsubreason) : '';
			return { link: existing, changed };
		}
		const link = this.contactLists.insert({
			contact,
			list,
			status,
			sourceid: extra.sourceid ?? 0,
			sdate: now,
			udate: status === 2 ? now : null,
			unsubreason: status === 2 ? (extra.unsubreason ?? '') : '',
		});
		return { link, changed: true };
	}

	deleteContact(id: number): void {
		this.contacts.delete(id);
		this.contactTags.deleteWhere((r) => r.contact === id);
		this.contactLists.deleteWhere((r) => r.contact === id);
		this.fieldValues.deleteWhere((r) => r.contact === id);
		this.contactAutomations.deleteWhere((r) => r.contact === id);
		this.notes.deleteWhere((r) => r.reltype === 'Subscriber' && r.relid === id);
		this.accountContacts.deleteWhere((r) => r.contact === id);
		for (const deal of this.deals.where((d) => d.contact === id)) deal.contact = null;
		for (const event of this.trackedEvents) if (event.contact === id) event.contact = null;
	}

	/** §9.12 #8 leaves the cascade open; the sandbox takes the account's people, values and notes with it. */
	deleteAccount(id: number): void {
		this.accounts.delete(id);
		this.accountContacts.deleteWhere((r) => r.account === id);
		this.accountFieldData.deleteWhere((r) => r.account === id);
		this.notes.deleteWhere((r) => r.reltype === 'CustomerAccount' && r.relid === id);
		for (const deal of this.deals.where((d) => d.account === id)) deal.account = null;
	}

	/** The account with this name (surrounding spaces ignored; case too unless `ignoreCase` is false). */
	accountByName(name: string, ignoreCase = true): CustomerAccount | undefined {
		const same = (a: string) => (ignoreCase ? sameText(a.trim(), name.trim()) : a.trim() === name.trim());
		return this.accounts.find((a) => same(a.name));
	}

	deleteTag(id: number): void {
		this.tags.delete(id);
		this.contactTags.deleteWhere((r) => r.tag === id);
	}

	deleteList(id: number): void {
		this.lists.delete(id);
		this.contactLists.deleteWhere((r) => r.list === id);
		this.fieldRels.deleteWhere((r) => r.relid === id);
	}

	deleteField(id: number): void {
		this.fields.delete(id);
		this.fieldOptions.deleteWhere((r) => r.field === id);
		this.fieldRels.deleteWhere((r) => r.field === id);
		this.fieldValues.deleteWhere((r) => r.field === id);
	}
}
