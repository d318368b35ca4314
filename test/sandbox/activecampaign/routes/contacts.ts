import type { SandboxRequest } from '../../server';
import type { Ctx } from '../context';
import { type Api, envelope, invalid, message, notFound, ok, order, page } from '../http';
import type { Contact } from '../store';
import { idOf, type Json, parseDate, sameText, text, validEmail } from '../util';
import { contactAutomationView, contactDetail, contactListView, contactView, dealView, fieldValueView } from '../views';
import { applyFieldValues } from './fields';

/** Contacts: create, sync (upsert by email), get with side-loads, list/search/filter, update, delete (§4.1). */

const emailInvalid = () =>
	invalid([
		{ title: 'Contact Email Address is not valid.', code: 'email_invalid', error: 'must_be_valid_email_address', pointer: 'email' },
	]);

const emailTaken = () => invalid([{ title: 'Email address already exists in the system', code: 'duplicate', pointer: 'email' }]);

/** The writable person fields of a request, only those present. */
function personFields(input: Json): Partial<Pick<Contact, 'email' | 'firstName' | 'lastName' | 'phone'>> {
	const out: Partial<Pick<Contact, 'email' | 'firstName' | 'lastName' | 'phone'>> = {};
	const email = text(input.email);
	if (email !== undefined) out.email = email.trim();
	for (const key of ['firstName', 'lastName', 'phone'] as const) {
		const value = text(input[key]);
		if (value !== undefined) out[key] = value;
	}
	return out;
}

/** Filters of `GET /contacts` (§3): top-level params, date filters and, when switched on, `filters[tagName]`. */
function filterContacts(ctx: Ctx, req: SandboxRequest, rows: Contact[]): Contact[] {
	const q = req.query;
	const store = ctx.store;
	const has = (name: string) => q.get(name) !== null && q.get(name) !== '';
	const lower = (name: string) => (q.get(name) ?? '').toLowerCase();
	if (has('email')) rows = rows.filter((c) => sameText(c.email, q.get('email') ?? ''));
	if (has('email_like')) rows = rows.filter((c) => c.email.toLowerCase().includes(lower('email_like')));
	if (has('search')) {
		const term = lower('search');
		rows = rows.filter((c) =>
			[c.email, c.firstName, c.lastName, `${c.firstName} ${c.lastName}`, c.orgname, c.phone].some((v) =>
				v.toLowerCase().includes(term),
			),
		);
	}
	if (has('phone')) rows = rows.filter((c) => c.phone.includes(q.get('phone') ?? ''));
	if (has('ids')) {
		const ids = new Set((q.get('ids') ?? '').split(',').map((s) => idOf(s)));
		rows = rows.filter((c) => ids.has(c.id));
	}
	const status = has('status') ? Number(q.get('status')) : -1;
	const listid = idOf(q.get('listid'));
	if (listid !== undefined || status !== -1) {
		rows = rows.filter((c) =>
			store.contactLists
				.where((cl) => cl.contact === c.id && (listid === undefined || cl.list === listid))
				.some((cl) => status === -1 || cl.status === status),
		);
	}
	const tagid = idOf(q.get('tagid'));
	if (tagid !== undefined) rows = rows.filter((c) => store.contactTags.find((ct) => ct.contact === c.id && ct.tag === tagid));
	const seriesid = idOf(q.get('seriesid'));
	if (seriesid !== undefined) {
		rows = rows.filter((c) => store.contactAutomations.find((ca) => ca.contact === c.id && ca.automation === seriesid));
	}
	const exclude = idOf(q.get('exclude'));
	if (exclude !== undefined) rows = rows.filter((c) => c.id !== exclude);
	const greater = idOf(q.get('id_greater'));
	if (greater !== undefined) rows = rows.filter((c) => c.id > greater);
	const less = idOf(q.get('id_less'));
	if (less !== undefined) rows = rows.filter((c) => c.id < less);
	const dates: Array<[string, (c: Contact) => number, 1 | -1]> = [
		['created_before', (c) => c.cdate, -1],
		['created_after', (c) => c.cdate, 1],
		['updated_before', (c) => c.udate, -1],
		['updated_after', (c) => c.udate, 1],
	];
	for (const [name, get, side] of dates) {
		const bound = parseDate(q.get(`filters[${name}]`) ?? '');
		if (bound !== undefined) rows = rows.filter((c) => (side === 1 ? get(c) > bound : get(c) < bound));
	}
	const tagName = q.get('filters[tagName]');
	if (ctx.quirks.tagNameFilter && tagName) {
		rows = rows.filter((c) => store.tagsOf(c.id).some((t) => sameText(t.tag, tagName)));
	}
	return rows;
}

export function contactRoutes(api: Api, ctx: Ctx): void {
	const withValues = (contact: Contact, status: number) =>
		ok(
			{
				fieldValues: ctx.store.valuesOf(contact.id).map((v) => fieldValueView(ctx, v)),
				contact: contactDetail(ctx, contact),
			},
			status,
		);

	/** Creates the contact with its inline values (all or nothing) and fires `subscribe`. */
	const create = (person: Partial<Contact>, fieldValues: unknown) => {
		const now = Date.now();
		const contact = ctx.store.createContact(person, now);
		const refused = applyFieldValues(ctx, contact, fieldValues, now);
		if (refused) {
			ctx.store.deleteContact(contact.id);
			return refused;
		}
		ctx.hooks.emit('subscribe', 'api', { contact, extra: [['form[id]', '0']] });
		return withValues(contact, 201);
	};

	api.post('/contacts', (req) => {
		const input = envelope(req, 'contact');
		const person = personFields(input);
		const phoneOnly = input.allowNullEmail === true && !person.email && Boolean(person.phone);
		if (!phoneOnly && !validEmail(person.email ?? '')) return emailInvalid();
		if (person.email && ctx.store.contactByEmail(person.email)) return emailTaken();
		return create(person, input.fieldValues);
	});

	api.post('/contact/sync', (req) => {
		const input = envelope(req, 'contact');
		const person = personFields(input);
		if (!validEmail(person.email ?? '')) return emailInvalid();
		const now = Date.now();
		const existing = ctx.store.contactByEmail(person.email ?? '');
		if (!existing) return create(person, input.fieldValues);
		const refused = applyFieldValues(ctx, existing, input.fieldValues, now);
		if (refused) return refused;
		Object.assign(existing, { ...person, email: existing.email, udate: now });
		ctx.hooks.emit('update', 'api', { contact: existing });
		return withValues(existing, ctx.quirks.syncUpdateStatus);
	});

	api.get('/contacts', (req) => {
		const filtered = filterContacts(ctx, req, ctx.store.contacts.all());
		const sorted = order(
			req,
			filtered,
			{
				id: (c) => c.id,
				cdate: (c) => c.cdate,
				email: (c) => c.email,
				first_name: (c) => c.firstName,
				last_name: (c) => c.lastName,
				name: (c) => `${c.firstName} ${c.lastName}`,
				score: () => 0,
			},
			ctx.quirks.strictOrderDirection,
		);
		if (!Array.isArray(sorted)) return sorted;
		const { items, total } = page(req, sorted);
		const q = req.query;
		const num = (name: string, fallback: number) => Number(q.get(name) ?? fallback) || fallback;
		return ok({
			scoreValues: [],
			contacts: items.map((c) => contactView(ctx, c)),
			meta: {
				total,
				page_input: {
					segmentid: q.get('segmentid'),
					formid: num('formid', 0),
					listid: num('listid', 0),
					tagid: num('tagid', 0),
					limit: Math.min(num('limit', 20), 100),
					offset: num('offset', 0),
					search: q.get('search'),
					sort: q.get('sort'),
					seriesid: num('seriesid', 0),
					waitid: num('waitid', 0),
					status: num('status', -1),
					forceQuery: num('forceQuery', 0),
					cacheid: '',
				},
			},
		});
	});

	api.get('/contacts/:id', (req) => {
		const contact = ctx.store.contacts.get(req.params.id);
		if (!contact) return notFound('Subscriber', req.params.id);
		const store = ctx.store;
		const automations = store.contactAutomations.where((ca) => ca.contact === contact.id);
		const lists = store.contactLists.where((cl) => cl.contact === contact.id);
		const deals = store.deals.where((d) => d.contact === contact.id);
		const ids = (rows: Array<{ id: number }>) => rows.map((r) => String(r.id));
		return ok({
			contactAutomations: automations.map((ca) => contactAutomationView(ctx, ca)),
			contactLists: lists.map((cl) => contactListView(ctx, cl)),
			deals: deals.map((d) => dealView(ctx, d)),
			fieldValues: store.valuesOf(contact.id).map((v) => fieldValueView(ctx, v)),
			geoAddresses: [],
			geoIps: [],
			contact: {
				...contactDetail(ctx, contact),
				contactAutomations: ids(automations),
				contactLists: ids(lists),
				geoIps: [],
				deals: ids(deals),
				accountContacts: ids(store.accountContacts.where((ac) => ac.contact === contact.id)),
			},
		});
	});

	api.put('/contacts/:id', (req) => {
		const contact = ctx.store.contacts.get(req.params.id);
		if (!contact) return notFound('Subscriber', req.params.id);
		const input = envelope(req, 'contact');
		const person = personFields(input);
		if (person.email !== undefined) {
			if (!validEmail(person.email)) return emailInvalid();
			const other = ctx.store.contactByEmail(person.email);
			if (other && other.id !== contact.id) return emailTaken();
		}
		const now = Date.now();
		const refused = applyFieldValues(ctx, contact, input.fieldValues, now);
		if (refused) return refused;
		Object.assign(contact, person, { udate: now });
		if (person.email !== undefined) ctx.store.contacts.reindex(contact);
		ctx.hooks.emit('update', 'api', { contact });
		return withValues(contact, 200);
	});

	api.delete('/contacts/:id', (req) => {
		const contact = ctx.store.contacts.get(req.params.id);
		if (!contact) return message(404, `No result found for contact with id ${req.params.id}`);
		ctx.store.deleteContact(contact.id);
		return ok({});
	});
}
