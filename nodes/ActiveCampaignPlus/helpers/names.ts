import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { serviceBaseUrl } from '../../shared/transport';
import { activeCampaignFind, activeCampaignGetAll, activeCampaignRequest } from '../transport';
import { activeCampaignService } from '../transport/service';
import { badInput, type ContactRef } from './input';

/**
 * Resolves tag, list, field and automation names (and contacts by email) to ids: each name once per execution, and
 * what was found is kept for the next executions of this n8n process for a few minutes, so a webhook-driven workflow
 * spends its requests on writes, not on the same lookups for every event.
 */

export interface TagInfo {
	id: string;
	tag: string;
}

export interface ListInfo {
	id: string;
	name: string;
}

export interface FieldInfo {
	id: string;
	title: string;
	perstag: string;
	type: string;
	/** Option values of dropdown, listbox, radio and checkbox fields. */
	options: string[];
}

export interface AutomationInfo {
	id: string;
	name: string;
}

interface Catalog<T> {
	byKey: Map<string, T>;
	all: T[];
}

/**
 * How long a name found in one execution is trusted by the next ones. Deleted and new names are noticed at once
 * (see below); only a rename that hands an old name to another tag or list waits for this to run out.
 */
export const SHARED_NAMES_TTL_MS = 15 * 60_000;

/**
 * Names found per account (API host) in this process. ActiveCampaign never reuses an id, so an entry goes stale only
 * when a tag, list, field or automation is renamed or deleted: a catalog miss reloads once, and an item that fails
 * with 404/422 after using a kept entry is run again with fresh lookups (see `ExecutionCache.runItem`). Only what
 * was found is kept; "no such tag" is asked again next time.
 */
class AccountNames {
	private entries = new Map<string, { value: unknown; until: number }>();

	get(name: string): unknown {
		const entry = this.entries.get(name);
		if (entry && entry.until > Date.now()) return entry.value;
		this.entries.delete(name);
		return undefined;
	}

	set(name: string, value: unknown): void {
		if (value !== undefined) this.entries.set(name, { value, until: Date.now() + SHARED_NAMES_TTL_MS });
	}

	delete(name: string): void {
		this.entries.delete(name);
	}

	clear(): void {
		this.entries.clear();
	}
}

const accounts = new Map<string, AccountNames>();

/** Forgets every kept name in this process (a sandbox reset in tests reuses ids that real accounts never do). */
export function forgetSharedNames(): void {
	accounts.clear();
}

/** The memo keys whose results are kept across executions. */
const SHARED = /^(tag|tag-id|lists|fields|automations)(:|$)/;

/** An item failure that a stale kept name can cause: the thing behind a kept id is gone, or the input no longer fits. */
const isStaleReference = (error: unknown) =>
	error instanceof NodeOperationError || (error instanceof NodeApiError && (error.httpCode === '404' || error.httpCode === '422'));

const key = (name: string) => name.trim().toLowerCase();
const isId = (ref: string) => /^\d+$/.test(ref.trim());

/** Ids and names in one index; a name wins over an id that happens to read the same. */
function byIdAndName<T extends { id: string; name: string }>(all: T[]): Map<string, T> {
	return new Map([...all.map((r): [string, T] => [r.id, r]), ...all.map((r): [string, T] => [key(r.name), r])]);
}

/**
 * One per node run, created by the router and handed to every operation: a name looked up for item 0 costs
 * nothing for item 1, and one found by an earlier execution costs nothing either. Lookups in flight are shared,
 * failures are not kept (the next item asks again).
 */
export class ExecutionCache {
	private memo = new Map<string, Promise<unknown>>();
	private account?: Promise<AccountNames>;
	/** Memo keys this execution answered from the account's kept names rather than from the API. */
	private kept = new Set<string>();
	/** Set when the current item used a kept name, so a 404/422 may mean that name went stale. */
	private itemUsedKept = false;

	constructor(readonly context: IExecuteFunctions) {}

	private async names(): Promise<AccountNames> {
		this.account ??= (async () => {
			const base = await serviceBaseUrl.call(this.context, activeCampaignService);
			let names = accounts.get(base);
			if (!names) {
				names = new AccountNames();
				accounts.set(base, names);
			}
			return names;
		})();
		return await this.account;
	}

	/** Runs `work` once for `name` in this execution and hands every caller the same result. */
	async once<T>(name: string, work: () => Promise<T>): Promise<T> {
		let pending = this.memo.get(name) as Promise<T> | undefined;
		if (!pending) {
			pending = SHARED.test(name) ? this.keptOr(name, work) : work();
			this.memo.set(name, pending);
			pending.catch(() => this.memo.delete(name));
		}
		const value = await pending;
		if (this.kept.has(name)) this.itemUsedKept = true;
		return value;
	}

	/** The account's kept answer for `name`, or `work`'s, which is then kept. */
	private async keptOr<T>(name: string, work: () => Promise<T>): Promise<T> {
		const names = await this.names();
		const kept = names.get(name) as T | undefined;
		if (kept !== undefined) {
			this.kept.add(name);
			return kept;
		}
		const value = await work();
		names.set(name, value);
		return value;
	}

	/** Records `value` as the answer for `name`, in this execution and for the next ones. */
	private async remember<T>(name: string, value: T): Promise<void> {
		this.memo.set(name, Promise.resolve(value));
		this.kept.delete(name);
		if (SHARED.test(name)) (await this.names()).set(name, value);
	}

	/** Forgets a result, here and in the kept names, e.g. a catalog that changed because we created something. */
	async forget(name: string): Promise<void> {
		this.memo.delete(name);
		this.kept.delete(name);
		if (SHARED.test(name)) (await this.names()).delete(name);
	}

	/** True when `name`'s answer came from an earlier execution: worth one reload before saying "not found". */
	cameFromKeptNames(name: string): boolean {
		return this.kept.has(name);
	}

	/**
	 * Runs one item's work. When it fails after using a name kept from an earlier execution — ActiveCampaign answers
	 * 404/422, or the item's input no longer fits the kept catalog (a dropdown option added since) — the kept names
	 * are dropped and the item runs once more with fresh lookups, so the error, if any, is about today's account. The
	 * writes that ran before the failure are upserts and associations, which ActiveCampaign treats as no-ops the
	 * second time.
	 */
	async runItem<T>(work: () => Promise<T>): Promise<T> {
		this.itemUsedKept = false;
		try {
			return await work();
		} catch (error) {
			if (!this.itemUsedKept || !isStaleReference(error)) {
				// n8n's error classes hand back an instance of their own kind unchanged.
				throw error instanceof NodeApiError
					? new NodeApiError(this.context.getNode(), error as unknown as JsonObject)
					: new NodeOperationError(this.context.getNode(), error as Error);
			}
			(await this.names()).clear();
			this.memo.clear();
			this.kept.clear();
			this.itemUsedKept = false;
			return await work();
		}
	}

	/** A catalog entry by key; a miss in a catalog kept from an earlier execution reloads the catalog once. */
	private async lookUp<T>(catalogName: string, load: () => Promise<Catalog<T>>, ref: string): Promise<{ found?: T; catalog: Catalog<T> }> {
		let catalog = await this.once(catalogName, load);
		let found = catalog.byKey.get(ref);
		if (!found && this.cameFromKeptNames(catalogName)) {
			await this.forget(catalogName);
			catalog = await this.once(catalogName, load);
			found = catalog.byKey.get(ref);
		}
		return { found, catalog };
	}

	/**
	 * A tag by exact name (case-insensitive), or with `allowId` by id when `ref` is numeric and no tag has that name. With
	 * `create`, a missing name is created; otherwise the error says which name is unknown.
	 */
	async tag(
		ref: string,
		itemIndex: number,
		options: { create?: boolean; field?: string; allowId?: boolean } = {},
	): Promise<TagInfo & { created?: boolean }> {
		const name = ref.trim();
		const found = await this.existingTag(name, options.allowId);
		if (found) return found;
		if (!options.create) {
			throw badInput(
				this.context,
				itemIndex,
				`${options.field ?? 'Tag'}: no tag named "${name}" exists in ActiveCampaign`,
				'Check the spelling, or turn on "Create Missing Tags".',
			);
		}
		const created = await this.once(`tag-create:${key(name)}`, async () => {
			try {
				const response = await activeCampaignRequest.call(this.context, {
					method: 'POST',
					path: '/tags',
					body: { tag: { tag: name, tagType: 'contact', description: '' } },
					what: `creating tag "${name}"`,
				});
				const tag = response.tag as IDataObject;
				return { id: String(tag.id), tag: String(tag.tag) };
			} catch (error) {
				// Another execution may have created the same tag a moment ago: use that one.
				const existing = error instanceof NodeApiError && error.httpCode === '422' ? await this.findTag(name) : undefined;
				if (existing) return existing;
				throw new NodeApiError(this.context.getNode(), error as JsonObject);
			}
		});
		await this.remember(`tag:${key(name)}`, created);
		return { ...created, created: true };
	}

	/** The tag by name (or, with `allowId`, a numeric id no tag is named), or undefined when there is none. */
	async existingTag(ref: string, allowId = false): Promise<TagInfo | undefined> {
		const name = ref.trim();
		const found = await this.once(`tag:${key(name)}`, async () => await this.findTag(name));
		if (found || !allowId || !isId(name)) return found;
		return await this.tagById(name);
	}

	/** The tag with this id, or undefined when there is none. */
	async tagById(id: string): Promise<TagInfo | undefined> {
		return await this.once(`tag-id:${id}`, async () => {
			const response = await activeCampaignFind.call(this.context, { method: 'GET', path: `/tags/${id}`, what: `reading tag ${id}` });
			const tag = response?.tag as IDataObject | undefined;
			return tag ? { id: String(tag.id), tag: String(tag.tag) } : undefined;
		});
	}

	private async findTag(name: string): Promise<TagInfo | undefined> {
		const response = await activeCampaignRequest.call(this.context, {
			method: 'GET',
			path: '/tags',
			qs: { 'filters[search][eq]': name, limit: 100 },
			what: `looking up tag "${name}"`,
		});
		const match = ((response.tags as IDataObject[] | undefined) ?? []).find((t) => key(String(t.tag)) === key(name));
		return match ? { id: String(match.id), tag: String(match.tag) } : undefined;
	}

	async list(ref: string, itemIndex: number, field = 'List'): Promise<ListInfo> {
		const { found, catalog } = await this.lookUp('lists', async () => await this.loadLists(), key(ref));
		if (found) return found;
		throw badInput(
			this.context,
			itemIndex,
			`${field}: no list named or with ID "${ref.trim()}" exists in ActiveCampaign`,
			`Use one of: ${catalog.all.map((l) => l.name).join(', ') || '(the account has no lists)'}.`,
		);
	}

	async lists(): Promise<Catalog<ListInfo>> {
		return await this.once('lists', async () => await this.loadLists());
	}

	private async loadLists(): Promise<Catalog<ListInfo>> {
		const rows = await activeCampaignGetAll.call(this.context, '/lists', 'lists');
		const all = rows.map((l) => ({ id: String(l.id), name: String(l.name) }));
		return { all, byKey: byIdAndName(all) };
	}

	/** A custom field by title, perstag (with or without %…%) or id. */
	async field(ref: string, itemIndex: number): Promise<FieldInfo> {
		const { found, catalog } = await this.lookUp('fields', async () => await this.loadFields(), key(ref.replace(/^%|%$/g, '')));
		if (found) return found;
		throw badInput(
			this.context,
			itemIndex,
			`Custom field "${ref.trim()}" does not exist in ActiveCampaign`,
			`Use a field title, personalization tag or ID. Known fields: ${catalog.all.map((f) => f.title).join(', ') || '(none)'}.`,
		);
	}

	async fields(): Promise<Catalog<FieldInfo>> {
		return await this.once('fields', async () => await this.loadFields());
	}

	private async loadFields(): Promise<Catalog<FieldInfo>> {
		const options = new Map<string, string[]>();
		const rows = await activeCampaignGetAll.call(this.context, '/fields', 'fields', {}, undefined, (page) => {
			for (const o of (page.fieldOptions as IDataObject[] | undefined) ?? []) {
				options.set(String(o.field), [...(options.get(String(o.field)) ?? []), String(o.value)]);
			}
		});
		const all: FieldInfo[] = rows.map((f) => ({
			id: String(f.id),
			title: String(f.title),
			perstag: String(f.perstag ?? ''),
			type: String(f.type),
			options: [],
		}));
		for (const f of all) f.options = options.get(f.id) ?? [];
		const byKey = new Map<string, FieldInfo>();
		for (const f of all) for (const k of [f.id, f.title, f.perstag]) if (k) byKey.set(key(k), f);
		return { all, byKey };
	}

	async automation(ref: string, itemIndex: number): Promise<AutomationInfo> {
		const { found, catalog } = await this.lookUp('automations', async () => {
			const rows = await activeCampaignGetAll.call(this.context, '/automations', 'automations');
			const all = rows.map((a) => ({ id: String(a.id), name: String(a.name) }));
			return { all, byKey: byIdAndName(all) };
		}, key(ref));
		if (found) return found;
		throw badInput(
			this.context,
			itemIndex,
			`Automation: no automation named or with ID "${ref.trim()}" exists in ActiveCampaign`,
			`Use one of: ${catalog.all.map((a) => a.name).join(', ') || '(the account has no automations)'}.`,
		);
	}

	/** The contact with this email, or undefined. Not cached: contacts change within an execution. */
	async contactByEmail(email: string): Promise<IDataObject | undefined> {
		const response = await activeCampaignRequest.call(this.context, {
			method: 'GET',
			path: '/contacts',
			qs: { email },
			what: `looking up contact ${email}`,
		});
		return ((response.contacts as IDataObject[] | undefined) ?? []).find((c) => key(String(c.email)) === key(email));
	}

	/** The id of a contact given by email or id; an unknown email is an error naming the item. */
	async contactId(ref: ContactRef, itemIndex: number): Promise<string> {
		if ('id' in ref) return ref.id;
		const contact = await this.contactByEmail(ref.email);
		if (!contact) {
			throw badInput(
				this.context,
				itemIndex,
				`No contact with email ${ref.email} exists in ActiveCampaign`,
				'Create it first with Contact → Upsert, or check the address.',
			);
		}
		return String(contact.id);
	}
}
