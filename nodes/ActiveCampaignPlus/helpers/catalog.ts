/** What the account's names stand for, and how a name or id typed by a user is matched to one. */

export interface TagInfo {
	id: string;
	tag: string;
}

/** A list or an automation: both are found by name or id. */
export interface NamedInfo {
	id: string;
	name: string;
}

export type ListInfo = NamedInfo;
export type AutomationInfo = NamedInfo;

export interface FieldInfo {
	id: string;
	title: string;
	perstag: string;
	type: string;
	/** Option values of dropdown, listbox, radio and checkbox fields. */
	options: string[];
}

/** A customer account (company); names are unique within ActiveCampaign. */
export interface AccountInfo {
	id: string;
	name: string;
}

/** A user of the ActiveCampaign account, e.g. a deal owner; found by username, email, full name or id. */
export interface UserInfo {
	id: string;
	username: string;
	email: string;
	name: string;
}

/** An account custom field: a field whose perstag is empty and whose currency values carry this currency. */
export interface AccountFieldInfo extends FieldInfo {
	currency: string;
}

export interface PipelineInfo {
	id: string;
	title: string;
}

export interface StageInfo {
	id: string;
	title: string;
	pipeline: string;
	order: number;
}

/** Every entry of one kind, and an index by each name or id a user may type. */
export interface Catalog<T> {
	byKey: Map<string, T>;
	all: T[];
}

/** Names are matched ignoring case and surrounding spaces, as ActiveCampaign's own screens do. */
export const nameKey = (name: string): string => name.trim().toLowerCase();

export const isNumericId = (ref: string): boolean => /^\d+$/.test(ref.trim());

/** Lists and automations in one index by id and by name; a name wins over an id that happens to read the same. */
export function namedCatalog(all: NamedInfo[]): Catalog<NamedInfo> {
	return {
		all,
		byKey: new Map([...all.map((r): [string, NamedInfo] => [r.id, r]), ...all.map((r): [string, NamedInfo] => [nameKey(r.name), r])]),
	};
}

/** Fields by id, title and personalization tag (without its %…%). */
export function fieldCatalog<T extends FieldInfo>(all: T[]): Catalog<T> {
	const byKey = new Map<string, T>();
	for (const f of all) for (const k of [f.id, f.title, f.perstag]) if (k) byKey.set(nameKey(k), f);
	return { all, byKey };
}

/** The key a field reference is looked up by: `%COMPANY_SIZE%` and `company_size` are the same field. */
export const fieldKey = (ref: string): string => nameKey(ref.replace(/^%|%$/g, ''));

/** A pipeline or stage by title (ignoring case) or else by id. */
export function byTitleOrId<T extends { id: string; title: string }>(all: T[], ref: string): T | undefined {
	return all.find((p) => nameKey(p.title) === nameKey(ref)) ?? all.find((p) => p.id === ref.trim());
}
