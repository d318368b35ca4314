import { maxPerWindow, Router, type SandboxResponse } from '../server';
import { type Ctx, defaultQuirks, type Quirks } from './context';
import { rateMeter } from './limiter';
import { crmState } from './crm-data';
import { ecommerceState } from './ecommerce';
import { setSubscription } from './routes/lists';
import { ensureTag, findField, findList, findTag } from './seed';
import type { Contact, List } from './store';
import { isObject, iso, type Json, text, validEmail } from './util';
import { SOURCES, type Source } from './webhooks';

/** Sandbox-only routes beside the core's reset/seed/state/faults/stats. */

const bad = (message: string): SandboxResponse => ({ status: 400, body: { message } });

/** Every contact with its tags (names), lists (with status), field values (by perstag), automations and events. */
export function contactStates(ctx: Ctx) {
	const store = ctx.store;
	// One pass per association table (not one per contact): the state of 50,000 contacts is read in seconds.
	const byContact = <R extends { contact: number | null }>(rows: R[]) => {
		const out = new Map<number | null, R[]>();
		for (const row of rows) {
			const list = out.get(row.contact);
			if (list) list.push(row);
			else out.set(row.contact, [row]);
		}
		return (id: number) => out.get(id) ?? [];
	};
	const contactTags = byContact(store.contactTags.all());
	const contactLists = byContact(store.contactLists.all());
	const fieldValues = byContact(store.fieldValues.all());
	const contactAutomations = byContact(store.contactAutomations.all());
	const trackedEvents = byContact(store.trackedEvents);
	return store.contacts.all().map((c) => ({
		id: String(c.id),
		email: c.email,
		firstName: c.firstName,
		lastName: c.lastName,
		phone: c.phone,
		orgname: c.orgname,
		cdate: iso(c.cdate),
		udate: iso(c.udate),
		tags: contactTags(c.id).flatMap((ct) => store.tags.get(ct.tag)?.tag ?? []),
		lists: contactLists(c.id).map((cl) => ({ id: String(cl.list), name: store.lists.get(cl.list)?.name ?? '', status: cl.status })),
		fieldValues: Object.fromEntries(fieldValues(c.id).map((v) => [store.fields.get(v.field)?.perstag ?? String(v.field), v.value])),
		automations: contactAutomations(c.id).map((ca) => ({
			id: String(ca.automation),
			name: store.automations.get(ca.automation)?.name ?? '',
			contactAutomation: String(ca.id),
		})),
		events: trackedEvents(c.id).map((e) => ({ event: e.event, eventdata: e.eventdata, date: iso(e.date) })),
	}));
}

/** Everything stored. */
export function snapshot(ctx: Ctx) {
	const store = ctx.store;
	return {
		eventTracking: { enabled: store.eventTracking.enabled, events: store.eventNames },
		lists: store.lists.all().map((l) => ({ id: String(l.id), name: l.name, stringid: l.stringid })),
		tags: store.tags.all().map((t) => ({ id: String(t.id), tag: t.tag, tagType: t.tagType, description: t.description })),
		fields: store.fields.all().map((f) => ({
			id: String(f.id),
			title: f.title,
			type: f.type,
			perstag: f.perstag,
			options: store.fieldOptions.where((o) => o.field === f.id).map((o) => o.value),
			lists: store.fieldRels.where((r) => r.field === f.id).map((r) => String(r.relid)),
		})),
		automations: store.automations.all().map((a) => ({ id: String(a.id), name: a.name, status: a.status, entered: a.entered, exited: a.exited })),
		contacts: contactStates(ctx),
		notes: store.notes.all().map((n) => ({ id: String(n.id), note: n.note, reltype: n.reltype, relid: String(n.relid) })),
		...ecommerceState(ctx),
		deals: store.deals.all().map((d) => ({
			id: String(d.id),
			title: d.title,
			contact: d.contact === null ? null : String(d.contact),
			value: d.value,
			currency: d.currency,
			stage: String(d.stage),
			status: d.status,
			pipeline: String(d.group),
			owner: String(d.owner),
			percent: d.percent,
			account: d.account === null ? null : String(d.account),
		})),
		...crmState(ctx),
		webhooks: store.webhooks.all().map((w) => ({ ...w, id: String(w.id), listid: String(w.listid), cdate: iso(w.cdate) })),
		webhookDeliveries: ctx.hooks.deliveries,
		trackedEvents: store.trackedEvents.map((e) => ({
			...e,
			contact: e.contact === null ? null : String(e.contact),
			date: iso(e.date),
		})),
		imports: [...store.imports.values()].map((b) => ({
			batchId: b.id,
			status: b.done ? 'completed' : 'waiting',
			success: b.success,
			failure: b.failure,
		})),
	};
}

/** `POST /__sandbox/contact-events`: a change made by the person (public), an AC user (admin) or the system. */
function contactEvent(ctx: Ctx, body: Json): SandboxResponse {
	const store = ctx.store;
	const type = text(body.type) ?? '';
	const email = text(body.email) ?? '';
	const source = (text(body.source) ?? (type === 'subscribe' || type === 'unsubscribe' ? 'public' : 'admin')) as Source;
	if (!SOURCES.includes(source)) return bad(`source must be one of ${SOURCES.join(', ')}`);
	const listRef = body.list;
	const list = listRef === undefined ? undefined : findList(store, listRef);
	if (listRef !== undefined && !list) return bad(`Unknown list '${String(listRef)}'`);
	const now = Date.now();
	let contact = store.contactByEmail(email);

	if (type === 'subscribe') {
		if (!list) return bad('subscribe needs a list');
		if (!contact && !validEmail(email)) return bad(`'${email}' is not a valid email`);
		contact ??= store.createContact({ email, firstName: text(body.firstName), lastName: text(body.lastName) }, now);
		setSubscription(ctx, contact, list, 1, source);
		return { status: 200, body: { ok: true, contact: String(contact.id) } };
	}
	if (!contact) return { status: 404, body: { message: `No contact with email '${email}'` } };
	const target: Contact = contact;

	switch (type) {
		case 'unsubscribe': {
			const lists: List[] = list
				? [list]
				: store.contactLists
						.where((cl) => cl.contact === target.id && cl.status === 1)
						.map((cl) => store.lists.get(cl.list))
						.filter((l): l is List => l !== undefined);
			for (const l of lists) setSubscription(ctx, target, l, 2, source, { unsubreason: text(body.reason) ?? '' });
			break;
		}
		case 'update': {
			const fields = isObject(body.fields) ? Object.entries(body.fields) : [];
			for (const [ref] of fields) if (!findField(store, ref)) return bad(`Unknown field '${ref}'`);
			for (const [ref, value] of fields) {
				const field = findField(store, ref);
				if (field) store.setFieldValue(target, field, value, now);
			}
			for (const key of ['firstName', 'lastName', 'phone'] as const) {
				const value = text(body[key]);
				if (value !== undefined) target[key] = value;
			}
			target.udate = now;
			ctx.hooks.emit('update', source, { contact: target });
			break;
		}
		case 'contact_tag_added':
		case 'contact_tag_removed': {
			const name = text(body.tag);
			if (!name) return bad(`${type} needs a tag`);
			const tag = type === 'contact_tag_added' ? ensureTag(store, name, now) : findTag(store, name);
			if (!tag) return bad(`Unknown tag '${name}'`);
			if (type === 'contact_tag_added') {
				if (!store.addContactTag(target.id, tag.id, now).created) break;
			} else {
				const link = store.contactTags.find((ct) => ct.contact === target.id && ct.tag === tag.id);
				if (!link) break;
				store.contactTags.delete(link.id);
			}
			ctx.hooks.emit(type, source, { contact: target, extra: [['tag', tag.tag]] });
			break;
		}
		case 'subscriber_note': {
			const note = text(body.note);
			if (!note) return bad('subscriber_note needs a note');
			store.notes.insert({ note, reltype: 'Subscriber', relid: target.id, cdate: now, mdate: now });
			ctx.hooks.emit('subscriber_note', source, { contact: target, extra: [['note', note]] });
			break;
		}
		default:
			return bad(`Unsupported type '${type}'`);
	}
	return { status: 200, body: { ok: true, contact: String(target.id) } };
}

export function adminRoutes(ctx: Ctx): Router {
	const idle = async (): Promise<SandboxResponse> => {
		await ctx.hooks.idle();
		return { status: 200, body: { ok: true, deliveries: ctx.hooks.deliveries.length } };
	};
	const rateState = () => ({
		status: 200,
		body: {
			enabled: ctx.rate.enabled,
			model: ctx.rate.model,
			perSecond: ctx.rate.window.limit,
			accepted: ctx.rate.accepted,
			refused: ctx.rate.refused,
			maxAcceptedPerSecond: maxPerWindow(ctx.rate.accepted, 1000),
		},
	});
	return new Router()
		.add('POST', '/__sandbox/contact-events', (req) => contactEvent(ctx, isObject(req.body) ? req.body : {}))
		.add('GET', '/__sandbox/idle', idle)
		.add('POST', '/__sandbox/idle', idle)
		.add('GET', '/__sandbox/rate-limit', rateState)
		.add('POST', '/__sandbox/rate-limit', (req) => {
			const body = isObject(req.body) ? req.body : {};
			if (body.model !== undefined && body.model !== 'bucket' && body.model !== 'window') {
				return bad("'model' is 'bucket' (a token bucket of perSecond, refilled continuously) or 'window' (no second sees more than perSecond)");
			}
			if (typeof body.enabled === 'boolean') ctx.rate.enabled = body.enabled;
			if (typeof body.perSecond === 'number' && body.perSecond > 0) ctx.rate.window.limit = body.perSecond;
			if (body.model === 'bucket' || body.model === 'window') {
				ctx.rate.model = body.model;
				ctx.rate.window = rateMeter(body.model, ctx.rate.window.limit, 1000);
			}
			ctx.rate.window.clear();
			ctx.rate.accepted = [];
			ctx.rate.refused = 0;
			return rateState();
		})
		.add('GET', '/__sandbox/options', () => ({ status: 200, body: ctx.quirks }))
		.add('POST', '/__sandbox/options', (req) => {
			const body = isObject(req.body) ? req.body : {};
			const known = defaultQuirks();
			const unknown = Object.keys(body).find((k) => !(k in known) || typeof body[k] !== typeof known[k as keyof Quirks]);
			if (unknown) return bad(`Unknown option or wrong type: '${unknown}'`);
			ctx.quirks = { ...ctx.quirks, ...(body as Partial<Quirks>) };
			return { status: 200, body: ctx.quirks };
		});
}
