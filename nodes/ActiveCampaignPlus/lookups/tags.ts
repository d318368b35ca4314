import type { IDataObject } from 'n8n-workflow';

import { answeredWith, asNodeError, inputError } from '../../shared/errors';
import type { ExecutionCache } from '../cache';
import { isNumericId, nameKey, type TagInfo } from '../helpers/catalog';
import { activeCampaignFind, activeCampaignRequest } from '../transport';

/** Tags by name or id: each looked up once per execution and kept for the next ones, created when asked. */

/**
 * A tag by exact name (case-insensitive), or with `allowId` by id when `ref` is numeric and no tag has that name. With
 * `create`, a missing name is created; otherwise the error says which name is unknown.
 */
export async function resolveTag(
	cache: ExecutionCache,
	ref: string,
	itemIndex: number,
	options: { create?: boolean; field?: string; allowId?: boolean } = {},
): Promise<TagInfo & { created?: boolean }> {
	const name = ref.trim();
	const found = await existingTag(cache, name, options.allowId);
	if (found) return found;
	if (!options.create) {
		throw inputError(
			cache.context.getNode(),
			itemIndex,
			`${options.field ?? 'Tag'}: no tag named "${name}" exists in ActiveCampaign`,
			'Check the spelling, or turn on "Create Missing Tags".',
		);
	}
	const created = await cache.once(`tag-create:${nameKey(name)}`, async () => await createTag(cache, name));
	await cache.remember(`tag:${nameKey(name)}`, created);
	return { ...created, created: true };
}

/** The tag by name (or, with `allowId`, a numeric id no tag is named), or undefined when there is none. */
export async function existingTag(cache: ExecutionCache, ref: string, allowId = false): Promise<TagInfo | undefined> {
	const name = ref.trim();
	const found = await cache.once(`tag:${nameKey(name)}`, async () => await findTag(cache, name));
	if (found || !allowId || !isNumericId(name)) return found;
	return await tagById(cache, name);
}

/** The tag with this id, or undefined when there is none. */
export async function tagById(cache: ExecutionCache, id: string): Promise<TagInfo | undefined> {
	return await cache.once(`tag-id:${id}`, async () => {
		const response = await activeCampaignFind.call(cache.context, { method: 'GET', path: `/tags/${id}`, what: `reading tag ${id}` });
		const tag = response?.tag as IDataObject | undefined;
		return tag ? toTag(tag) : undefined;
	});
}

async function findTag(cache: ExecutionCache, name: string): Promise<TagInfo | undefined> {
	const response = await activeCampaignRequest.call(cache.context, {
		method: 'GET',
		path: '/tags',
		qs: { 'filters[search][eq]': name, limit: 100 },
		what: `looking up tag "${name}"`,
	});
	const match = ((response.tags as IDataObject[] | undefined) ?? []).find((t) => nameKey(String(t.tag)) === nameKey(name));
	return match ? toTag(match) : undefined;
}

async function createTag(cache: ExecutionCache, name: string): Promise<TagInfo> {
	try {
		const response = await activeCampaignRequest.call(cache.context, {
			method: 'POST',
			path: '/tags',
			body: { tag: { tag: name, tagType: 'contact', description: '' } },
			what: `creating tag "${name}"`,
		});
		return toTag(response.tag as IDataObject);
	} catch (error) {
		// Another execution may have created the same tag a moment ago: use that one.
		const existing = answeredWith(error, 422) ? await findTag(cache, name) : undefined;
		if (existing) return existing;
		throw asNodeError(cache.context.getNode(), error);
	}
}

const toTag = (tag: IDataObject): TagInfo => ({ id: String(tag.id), tag: String(tag.tag) });

/** After a rename or a delete: the tag is no longer found under its old name or its id. */
export async function forgetTag(cache: ExecutionCache, tag: TagInfo): Promise<void> {
	await cache.forget(`tag:${nameKey(tag.tag)}`);
	await cache.forget(`tag-id:${tag.id}`);
}

/** After a write: the tag is found under its (new) name and its id. */
export async function rememberTag(cache: ExecutionCache, tag: TagInfo): Promise<void> {
	await cache.remember(`tag:${nameKey(tag.tag)}`, tag);
	await cache.remember(`tag-id:${tag.id}`, tag);
}
