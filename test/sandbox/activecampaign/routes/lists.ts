import type { Ctx } from '../context';
import { type Api, contactChildren, envelope, invalid, notFound, ok, order, page, statusError, textFilter, type ValidationError } from '../http';
import { idOf, text } from '../util';
import { contactListView, contactView, listView } from '../views';
import type { Source } from '../webhooks';
import type { Contact, List } from '../store';

/** Lists and contact↔list subscriptions (§4.3). */

const REQUIRED = [
	['name', 'name'],
	['stringid', 'stringid'],
	['sender_url', 'sender url'],
	['sender_reminder', 'sender reminder'],
] as const;

/** Subscribes (1) or unsubscribes (2) and fires the matching webhook when the status changed. */
export function setSubscription(
	ctx: Ctx,
	contact: Contact,
	list: List,
	status: number,
	source: Source,
	extra: { sourceid?: number; unsubreason?: string } = {},
) {
	const result = ctx.store.setListStatus(contact.id, list.id, status, Date.now(), extra);
	if (result.changed && status === 1) ctx.hooks.emit('subscribe', source, { contact, list: list.id, extra: [['form[id]', '0']] });
	if (result.changed && status === 2) {
		ctx.hooks.emit('unsubscribe', source, {
			contact,
			list: list.id,
			extra: [
				['list[0][id]', String(list.id)],
				['unsubscribe[reason]', result.link.unsubreason],
			],
		});
	}
	return result.link;
}

export function listRoutes(api: Api, ctx: Ctx): void {
	api.get('/lists', (req) => {
		const name = textFilter(req, 'name', 'eq');
		const rows = ctx.store.lists.where((l) => name(l.name));
		const sorted = order(req, rows, { name: (l) => l.name, id: (l) => l.id, cdate: (l) => l.cdate }, ctx.quirks.strictOrderDirection);
		if (!Array.isArray(sorted)) return sorted;
		const { items, total } = page(req, sorted);
		return ok({ lists: items.map((l) => listView(ctx, l)), meta: { total } });
	});

	api.post('/lists', (req) => {
		const input = envelope(req, 'list');
		const missing: ValidationError[] = REQUIRED.filter(([key]) => !text(input[key])?.trim()).map(([key, label]) => ({
			title: `The list ${label} was not provided.`,
			code: 'field_missing',
			pointer: key,
		}));
		if (missing.length > 0) return invalid(missing);
		const now = Date.now();
		const list = ctx.store.lists.insert({
			name: text(input.name) ?? '',
			stringid: text(input.stringid) ?? '',
			senderUrl: text(input.sender_url) ?? '',
			senderReminder: text(input.sender_reminder) ?? '',
			sendLastBroadcast: text(input.send_last_broadcast) ?? '0',
			carboncopy: text(input.carboncopy) ?? '',
			subscriptionNotify: text(input.subscription_notify) ?? '',
			unsubscriptionNotify: text(input.unsubscription_notify) ?? '',
			channel: text(input.channel) ?? 'email',
			cdate: now,
			udate: now,
		});
		return ok({ list: listView(ctx, list) });
	});

	api.get('/lists/:id', (req) => {
		const list = ctx.store.lists.get(req.params.id);
		if (!list) return notFound('_List', req.params.id);
		return ok({ list: listView(ctx, list) });
	});

	api.put('/lists/:id', (req) => {
		const list = ctx.store.lists.get(req.params.id);
		if (!list) return notFound('_List', req.params.id);
		const input = envelope(req, 'list');
		list.name = text(input.name) ?? list.name;
		list.stringid = text(input.stringid) ?? list.stringid;
		list.senderUrl = text(input.sender_url) ?? list.senderUrl;
		list.senderReminder = text(input.sender_reminder) ?? list.senderReminder;
		list.udate = Date.now();
		return ok({ list: listView(ctx, list) });
	});

	// Quirk kept from the spec: a missing list answers 403, not 404.
	api.delete('/lists/:id', (req) => {
		const list = ctx.store.lists.get(req.params.id);
		if (!list) return notFound('_List', req.params.id, 403);
		ctx.store.deleteList(list.id);
		return ok({});
	});

	api.post('/contactLists', (req) => {
		const input = envelope(req, 'contactList');
		for (const key of ['contact', 'list', 'status'] as const) {
			if (input[key] === undefined) return statusError(422, 'Missing attribute', undefined, key);
		}
		const contact = ctx.store.contacts.get(input.contact);
		if (!contact) return notFound('Subscriber', text(input.contact) ?? '');
		const list = ctx.store.lists.get(input.list);
		if (!list) return notFound('_List', text(input.list) ?? '');
		const status = idOf(input.status);
		if (status !== 1 && status !== 2) {
			return invalid([{ title: 'The status must be 1 (subscribe) or 2 (unsubscribe).', code: 'field_invalid', pointer: 'status' }]);
		}
		const link = setSubscription(ctx, contact, list, status, 'api', { sourceid: idOf(input.sourceid) });
		return ok({ contacts: [contactView(ctx, contact)], contactList: contactListView(ctx, link) });
	});

	contactChildren(api, ctx, 'contactLists', (id) =>
		ctx.store.contactLists.where((cl) => cl.contact === id).map((cl) => contactListView(ctx, cl)),
	);
}
