import { NodeApiError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { activeCampaignFind, activeCampaignGetAll, activeCampaignRequest } from '../transport';
import { badInput, type ContactRef } from './input';

/** Resolves tag, list, field and automation names (and contacts by email) to ids, each name once per execution. */

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

const key = (name: string) => name.trim().toLowerCase();
const isId = (ref: string) => /^\d+$/.test(ref.trim());

/** Ids and names in one index; a name wins over an id that happens to read the same. */
function byIdAndName<T extends { id: string; name: string }>(all: T[]): Map<string, T> {
	return new Map([...all.map((r): [string, T] => [r.id, r]), ...all.map((r): [string, T] => [key(r.name), r])]);
}

/**
 * One per node run, created by the router and handed to every operation: a name looked up for item 0 costs
 * nothing for item 1. Lookups in flight are shared, failures are not kept (the next item asks again).
 */
export class ExecutionCache {
	private memo = new Map<string, Promise<unknown>>();

	constructor(readonly context: IExecuteFunctions) {}

	/** Runs `work` once for `name` in this execution and hands every caller the same result. */
	async once<T>(name: string, work: () => Promise<T>): Promise<T> {
		let pending = this.memo.get(name) as Promise<T> | undefined;
		if (!pending) {
			pending = work();
			this.memo.set(name, pending);
			pending.catch(() => this.memo.delete(name));
		}
		return await pending;
	}

	/** Forgets a memoised result, e.g. a catalog that changed because we created something. */
	forget(name: string): void {
		this.memo.delete(name);
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
		this.memo.set(`tag:${key(name)}`, Promise.resolve(created));
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
		const catalog = await this.lists();
		const found = catalog.byKey.get(key(ref));
		if (found) return found;
		throw badInput(
			this.context,
			itemIndex,
			`${field}: no list named or with ID "${ref.trim()}" exists in ActiveCampaign`,
			`Use one of: ${catalog.all.map((l) => l.name).join(', ') || '(the account has no lists)'}.`,
		);
	}

	async lists(): Promise<Catalog<ListInfo>> {
		return await this.once('lists', async () => {
			const rows = await activeCampaignGetAll.call(this.context, '/lists', 'lists');
			const all = rows.map((l) => ({ id: String(l.id), name: String(l.name) }));
			return { all, byKey: byIdAndName(all) };
		});
	}

	/** A custom field by title, perstag (with or without %…%) or id. */
	async field(ref: string, itemIndex: number): Promise<FieldInfo> {
		const catalog = await this.fields();
		const found = catalog.byKey.get(key(ref.replace(/^%|%$/g, '')));
		if (found) return found;
		throw badInput(
			this.context,
			itemIndex,
			`Custom field "${ref.trim()}" does not exist in ActiveCampaign`,
			`Use a field title, personalization tag or ID. Known fields: ${catalog.all.map((f) => f.title).join(', ') || '(none)'}.`,
		);
	}

	async fields(): Promise<Catalog<FieldInfo>> {
		return await this.once('fields', async () => {
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
		});
	}

	async automation(ref: string, itemIndex: number): Promise<AutomationInfo> {
		const catalog = await this.once('automations', async () => {
			const rows = await activeCampaignGetAll.call(this.context, '/automations', 'automations');
			const all = rows.map((a) => ({ id: String(a.id), name: String(a.name) }));
			return { all, byKey: byIdAndName(all) };
		});
		const found = catalog.byKey.get(key(ref));
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
