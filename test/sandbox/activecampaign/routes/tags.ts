import type { Ctx } from '../context';
import { type Api, contactChildren, envelope, invalid, notFound, ok, order, page, statusError, textFilter } from '../http';
import type { Tag } from '../store';
import { idOf, parseDate, sameText, text } from '../util';
import { contactTagView, tagView } from '../views';

const tagTaken = (name: string) => invalid([{ title: `The tag "${name}" already exists.`, code: 'duplicate', pointer: 'tag' }]);

/** Tags and contact↔tag associations (§4.2). */
export function tagRoutes(api: Api, ctx: Ctx): void {
	api.get('/tags', (req) => {
		const search = (req.query.get('search') ?? '').toLowerCase();
		const byFilter = textFilter(req, 'search', 'contains');
		const rows = ctx.store.tags.where((t) => t.tag.toLowerCase().includes(search) && byFilter(t.tag));
		const exactTerm = search || (req.query.get('filters[search][eq]') ?? '').toLowerCase();
		// `orders[search]=weight` puts exact matches first.
		const weight = (value: string) =>
			value === 'weight'
				? (a: Tag, b: Tag) => Number(b.tag.toLowerCase() === exactTerm) - Number(a.tag.toLowerCase() === exactTerm)
				: undefined;
		const sorted = order(req, rows, { search: (t) => t.tag, id: (t) => t.id, cdate: (t) => t.cdate }, ctx.quirks.strictOrderDirection, {
			search: weight,
		});
		if (!Array.isArray(sorted)) return sorted;
		const { items, total } = page(req, sorted);
		return ok({ tags: items.map((t) => tagView(ctx, t)), meta: { total } });
	});

	api.post('/tags', (req) => {
		const input = envelope(req, 'tag');
		const name = text(input.tag)?.trim();
		if (!name) return invalid([{ title: 'The tag name was not provided.', code: 'field_missing', pointer: 'tag' }]);
		const tagType = text(input.tagType) ?? 'contact';
		if (tagType !== 'contact' && tagType !== 'template') {
			return invalid([{ title: `The tag type '${tagType}' is not valid.`, code: 'field_invalid', pointer: 'tagType' }]);
		}
		if (ctx.quirks.uniqueTagNames && ctx.store.tagByName(name)) {
			return tagTaken(name);
		}
		const tag = ctx.store.tags.insert({ tag: name, tagType, description: text(input.description) ?? '', cdate: Date.now() });
		return ok({ tag: tagView(ctx, tag) }, 201);
	});

	api.get('/tags/:id', (req) => {
		const tag = ctx.store.tags.get(req.params.id);
		if (!tag) return notFound('Tag', req.params.id);
		const count = ctx.store.contactTags.where((ct) => ct.tag === tag.id).length;
		return ok({ tag: { ...tagView(ctx, tag), subscriber_count: String(count) } });
	});

	api.put('/tags/:id', (req) => {
		const tag = ctx.store.tags.get(req.params.id);
		if (!tag) return notFound('Tag', req.params.id);
		const input = envelope(req, 'tag');
		const name = text(input.tag)?.trim();
		if (name && ctx.quirks.uniqueTagNames && ctx.store.tags.find((t) => t.id !== tag.id && sameText(t.tag, name))) {
			return tagTaken(name);
		}
		if (name) tag.tag = name;
		tag.tagType = text(input.tagType) ?? tag.tagType;
		tag.description = text(input.description) ?? tag.description;
		return ok({ tag: tagView(ctx, tag) });
	});

	api.delete('/tags/:id', (req) => {
		const tag = ctx.store.tags.get(req.params.id);
		if (!tag) return notFound('Tag', req.params.id);
		ctx.store.deleteTag(tag.id);
		return ok({});
	});

	api.post('/contactTags', (req) => {
		const input = envelope(req, 'contactTag');
		if (input.contact === undefined) return statusError(422, 'Missing attribute', undefined, 'contact');
		if (input.tag === undefined) return statusError(422, 'Missing attribute', undefined, 'tag');
		const contact = ctx.store.contacts.get(input.contact);
		if (!contact) return statusError(404, 'Not Found', 'Contact not found');
		const tag = ctx.store.tags.get(input.tag);
		if (!tag) {
			return ctx.quirks.unknownTagStatus === 404
				? statusError(404, 'Not Found', 'Tag not found')
				: statusError(422, 'Invalid attribute', 'Tag not found', 'tag');
		}
		const { link, created } = ctx.store.addContactTag(contact.id, tag.id, Date.now());
		if (!created && ctx.quirks.duplicateContactTag === 'error') {
			return invalid([{ title: 'The contact already has this tag', code: 'duplicate', pointer: 'tag' }]);
		}
		if (created) ctx.hooks.emit('contact_tag_added', 'api', { contact, extra: [['tag', tag.tag]] });
		return ok({ contactTag: contactTagView(ctx, link) }, 201);
	});

	api.get('/contactTags', (req) => {
		const q = req.query;
		const contact = idOf(q.get('filters[subscriberid]'));
		const tag = idOf(q.get('filters[tagid]'));
		const cdate = parseDate(q.get('filters[cdate]') ?? '');
		// Unrecognised filters are ignored, as documented.
		const rows = ctx.store.contactTags.where(
			(ct) =>
				(contact === undefined || ct.contact === contact) &&
				(tag === undefined || ct.tag === tag) &&
				(cdate === undefined || Math.floor(ct.cdate / 1000) === Math.floor(cdate / 1000)),
		);
		const { items, total } = page(req, rows);
		return ok({ contactTags: items.map((ct) => contactTagView(ctx, ct)), meta: { total } });
	});

	api.get('/contactTags/:id', (req) => {
		const link = ctx.store.contactTags.get(req.params.id);
		if (!link) return notFound('SubscriberTag', req.params.id);
		return ok({ contactTag: contactTagView(ctx, link) });
	});

	api.delete('/contactTags/:id', (req) => {
		const link = ctx.store.contactTags.get(req.params.id);
		if (!link) return notFound('SubscriberTag', req.params.id);
		ctx.store.contactTags.delete(link.id);
		const contact = ctx.store.contacts.get(link.contact);
		const tag = ctx.store.tags.get(link.tag);
		if (contact && tag) ctx.hooks.emit('contact_tag_removed', 'api', { contact, extra: [['tag', tag.tag]] });
		return ok({});
	});

	// Not in the OpenAPI file but linked from every contact: all associations, paging ignored (§4.1).
	contactChildren(api, ctx, 'contactTags', (id) =>
		ctx.store.contactTags.where((ct) => ct.contact === id).map((ct) => contactTagView(ctx, ct)),
	);
}
