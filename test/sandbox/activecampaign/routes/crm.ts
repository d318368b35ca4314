import type { SandboxRequest } from '../../server';
import type { Ctx } from '../context';
import { type Api, contactChildren, envelope, invalid, missingRecord, notFound, ok, order, page, textFilter, type ValidationError } from '../http';
import type { Deal, DealGroup, Note, Store } from '../store';
import { idOf, iso, type Json, parseDate, text } from '../util';
import { contactView, dealGroupView, dealStageView, dealView, noteView, userView } from '../views';

/** The signed-in user, notes, and a basic deals pipeline (§1, §4.7). */

const NOTE_TYPES = ['Activity', 'Deal', 'DealTask', 'Subscriber', 'CustomerAccount'];

/** "First Last" of the deal's primary contact. */
const personOf = (ctx: Ctx, d: Deal): string => {
	const contact = d.contact === null ? undefined : ctx.store.contacts.get(d.contact);
	return contact ? `${contact.firstName} ${contact.lastName}`.trim() : '';
};

/** The deal's organization: its account's name, else its primary contact's organization. */
const orgOf = (ctx: Ctx, d: Deal): string => {
	const account = d.account === null ? undefined : ctx.store.accounts.get(d.account);
	const contact = d.contact === null ? undefined : ctx.store.contacts.get(d.contact);
	return account?.name ?? contact?.orgname ?? '';
};

/** §9.8 `filters[search]` in `filters[search_field]` (`all` when absent, §9.12 #9): contains, ignoring case. */
function searchMatches(ctx: Ctx, d: Deal, term: string, field: string): boolean {
	const has = (value: string) => value.toLowerCase().includes(term);
	const contact = d.contact === null ? undefined : ctx.store.contacts.get(d.contact);
	const byContact = () => {
		if (!contact) return false;
		// Several words: the first is looked for in the first name, the rest in the last name.
		const [first, ...rest] = term.split(/\s+/);
		if (rest.length === 0) return has(contact.firstName) || has(contact.lastName);
		return contact.firstName.toLowerCase().includes(first) && contact.lastName.toLowerCase().includes(rest.join(' '));
	};
	if (field === 'title') return has(d.title);
	if (field === 'contact') return byContact();
	if (field === 'org') return has(orgOf(ctx, d));
	return has(d.title) || byContact() || has(orgOf(ctx, d));
}

/** Every documented filter of `GET /deals` (§3, §9.8), ANDed; unknown filters are ignored. */
function dealFilter(ctx: Ctx, req: SandboxRequest): (d: Deal) => boolean {
	const q = req.query;
	const value = (name: string) => q.get(`filters[${name}]`) ?? '';
	const tests: Array<(d: Deal) => boolean> = [];
	const term = value('search').trim().toLowerCase();
	if (term) tests.push((d) => searchMatches(ctx, d, term, value('search_field') || 'all'));
	const title = textFilter(req, 'title', 'eq');
	tests.push((d) => title(d.title));
	const exact: Array<[string, (d: Deal) => number | null]> = [
		['stage', (d) => d.stage],
		['group', (d) => d.group],
		['status', (d) => d.status],
		['owner', (d) => d.owner],
		['organization', (d) => d.account],
	];
	for (const [name, get] of exact) {
		if (/^\d+$/.test(value(name))) tests.push((d) => get(d) === Number(value(name)));
	}
	if (/^-?\d+$/.test(value('tag'))) {
		const tag = Number(value('tag'));
		const tagsOf = (d: Deal) => (d.contact === null ? [] : ctx.store.tagsOf(d.contact));
		if (tag > 0) tests.push((d) => tagsOf(d).some((t) => t.id === tag));
		if (tag === -1) tests.push((d) => tagsOf(d).length > 0);
		if (tag === -2) tests.push((d) => tagsOf(d).length === 0);
	}
	// The sandbox has no deal tasks: every deal is "no-task".
	if (value('nextdate_range')) tests.push(() => value('nextdate_range') === 'no-task');
	const dates: Array<[string, (d: Deal) => number, 1 | -1]> = [
		['created_before', (d) => d.cdate, -1],
		['created_after', (d) => d.cdate, 1],
		['updated_before', (d) => d.mdate, -1],
		['updated_after', (d) => d.mdate, 1],
	];
	for (const [name, get, side] of dates) {
		const bound = parseDate(value(name));
		if (bound !== undefined) tests.push((d) => (side === 1 ? get(d) > bound : get(d) < bound));
	}
	// In dollars, while deals store cents.
	const min = Number.parseFloat(value('minimum_value'));
	if (Number.isFinite(min)) tests.push((d) => d.value >= min * 100);
	const max = Number.parseFloat(value('maximum_value'));
	if (Number.isFinite(max)) tests.push((d) => d.value <= max * 100);
	return (d) => tests.every((t) => t(d));
}

/** A pipeline with ActiveCampaign's three default stages. */
export function createPipeline(store: Store, title: string, currency: string, now: number): DealGroup {
	const group = store.dealGroups.insert({ title, currency, cdate: now });
	['To Contact', 'In Contact', 'Follow Up'].forEach((stage, i) => store.dealStages.insert({ title: stage, group: group.id, order: i + 1, cdate: now }));
	return group;
}

export function crmRoutes(api: Api, ctx: Ctx): void {
	// User 1 is the admin behind the API key (made at every reset); more come from the seed, e.g. deal owners.
	api.get('/users/me', () => {
		const me = ctx.store.users.get(1);
		return me ? ok({ user: userView(ctx, me) }) : notFound('User', '1');
	});

	api.get('/users', (req) => {
		const { items, total } = page(req, ctx.store.users.all());
		return ok({ users: items.map((u) => userView(ctx, u)), meta: { total } });
	});

	api.get('/users/:id', (req) => {
		const user = ctx.store.users.get(req.params.id);
		return user ? ok({ user: userView(ctx, user) }) : notFound('User', req.params.id);
	});

	/** `deal[...]` keys of a deal event (per the AsyncAPI; unverified in detail). */
	const dealPairs = (deal: Deal): Array<[string, string]> => {
		const stage = ctx.store.dealStages.get(deal.stage);
		const group = ctx.store.dealGroups.get(deal.group);
		const contact = deal.contact === null ? undefined : ctx.store.contacts.get(deal.contact);
		return [
			['deal[id]', String(deal.id)],
			['deal[title]', deal.title],
			['deal[create_date]', iso(deal.cdate)],
			['deal[stageid]', String(deal.stage)],
			['deal[stage_title]', stage?.title ?? ''],
			['deal[pipelineid]', String(deal.group)],
			['deal[pipeline_title]', group?.title ?? ''],
			['deal[value]', String(deal.value)],
			['deal[currency]', deal.currency],
			['deal[owner]', String(deal.owner)],
			['deal[contactid]', deal.contact === null ? '' : String(deal.contact)],
			['deal[contact_email]', contact?.email ?? ''],
			['deal[status]', String(deal.status)],
		];
	};
	const emitDeal = (type: string, deal: Deal, extra: Array<[string, string]> = []) => {
		const contact = deal.contact === null ? undefined : ctx.store.contacts.get(deal.contact);
		ctx.hooks.emit(type, 'api', { contact, extra: [...dealPairs(deal), ...extra] });
	};

	const createNote = (input: Json, reltype: string, relid: number): Note => {
		const now = Date.now();
		const note = ctx.store.notes.insert({ note: text(input.note) ?? '', reltype, relid, cdate: now, mdate: now });
		const contact = reltype === 'Subscriber' ? ctx.store.contacts.get(relid) : undefined;
		if (contact) ctx.hooks.emit('subscriber_note', 'api', { contact, extra: [['note', note.note]] });
		const deal = reltype === 'Deal' ? ctx.store.deals.get(relid) : undefined;
		if (deal) emitDeal('deal_note_add', deal, [['note', note.note]]);
		return note;
	};
	const noteMissing = () => invalid([{ title: 'The note text was not provided.', code: 'field_missing', pointer: 'note' }]);

	api.post('/notes', (req) => {
		const input = envelope(req, 'note');
		if (!text(input.note)) return noteMissing();
		const reltype = text(input.reltype) ?? '';
		if (!NOTE_TYPES.includes(reltype)) {
			return invalid([{ title: `The reltype '${reltype}' is not valid.`, code: 'field_invalid', pointer: 'reltype' }]);
		}
		const relid = idOf(input.relid) ?? 0;
		if (reltype === 'Subscriber' && !ctx.store.contacts.get(relid)) return notFound('Subscriber', String(relid));
		if (reltype === 'Deal' && !ctx.store.deals.get(relid)) return notFound('Deal', String(relid));
		return ok({ note: noteView(ctx, createNote(input, reltype, relid)) }, 201);
	});

	api.get('/notes/:id', (req) => {
		const note = ctx.store.notes.get(req.params.id);
		if (!note) return notFound('Note', req.params.id);
		return ok({ note: noteView(ctx, note) });
	});

	api.put('/notes/:id', (req) => {
		const note = ctx.store.notes.get(req.params.id);
		if (!note) return notFound('Note', req.params.id);
		note.note = text(envelope(req, 'note').note) ?? note.note;
		note.mdate = Date.now();
		return ok({ note: noteView(ctx, note) });
	});

	api.delete('/notes/:id', (req) => {
		const note = ctx.store.notes.get(req.params.id);
		if (!note) return notFound('Note', req.params.id);
		ctx.store.notes.delete(note.id);
		return ok({});
	});

	contactChildren(api, ctx, 'notes', (id) =>
		ctx.store.notes.where((n) => n.reltype === 'Subscriber' && n.relid === id).map((n) => noteView(ctx, n)),
	);

	// §9.8: the deal rides along as `deals`, on create (201) and update (200).
	api.post('/deals/:id/notes', (req) => {
		const deal = ctx.store.deals.get(req.params.id);
		if (!deal) return missingRecord(ctx, 'Deal', req.params.id);
		const input = envelope(req, 'note');
		if (!text(input.note)) return noteMissing();
		return ok({ deals: [dealView(ctx, deal)], note: noteView(ctx, createNote(input, 'Deal', deal.id)) }, 201);
	});

	api.put('/deals/:id/notes/:noteId', (req) => {
		const deal = ctx.store.deals.get(req.params.id);
		const note = ctx.store.notes.get(req.params.noteId);
		if (!deal || !note || note.reltype !== 'Deal' || note.relid !== deal.id) return notFound('Note', req.params.noteId);
		note.note = text(envelope(req, 'note').note) ?? note.note;
		note.mdate = Date.now();
		return ok({ deals: [dealView(ctx, deal)], note: noteView(ctx, note) });
	});

	api.get('/dealGroups', (req) => {
		const title = textFilter(req, 'title', 'eq');
		const { items, total } = page(req, ctx.store.dealGroups.where((g) => title(g.title)));
		return ok({ dealGroups: items.map((g) => dealGroupView(ctx, g)), meta: { total } });
	});

	// 200, not 201; a new pipeline comes with three default stages (§4.7, §9.8).
	api.post('/dealGroups', (req) => {
		const input = envelope(req, 'dealGroup');
		const title = text(input.title)?.trim();
		if (!title) return invalid([{ title: 'The pipeline title was not provided.', code: 'field_missing', pointer: 'title' }]);
		const group = createPipeline(ctx.store, title, text(input.currency)?.toLowerCase() ?? 'usd', Date.now());
		const stages = ctx.store.dealStages.where((st) => st.group === group.id);
		return ok({
			dealGroup: dealGroupView(ctx, group),
			dealGroupUsers: [{ dealGroup: String(group.id), user: '1', id: String(group.id) }],
			dealStages: stages.map((st) => dealStageView(ctx, st)),
		});
	});

	api.post('/dealStages', (req) => {
		const input = envelope(req, 'dealStage');
		const title = text(input.title)?.trim();
		const group = ctx.store.dealGroups.get(input.group);
		if (!title || !group) {
			return invalid([
				...(title ? [] : [{ title: 'The stage title was not provided.', code: 'field_missing', pointer: 'title' }]),
				...(group ? [] : [{ title: 'The stage needs an existing pipeline (group).', code: 'related_missing', pointer: 'group' }]),
			]);
		}
		const order = idOf(input.order) ?? ctx.store.dealStages.where((st) => st.group === group.id).length + 1;
		const stage = ctx.store.dealStages.insert({ title, group: group.id, order, cdate: Date.now() });
		return ok({ dealStage: dealStageView(ctx, stage) });
	});

	api.get('/dealStages', (req) => {
		const title = textFilter(req, 'title', 'eq');
		const group = idOf(req.query.get('filters[d_groupid]'));
		const rows = ctx.store.dealStages.where((s) => title(s.title) && (group === undefined || s.group === group));
		const { items, total } = page(req, rows);
		return ok({ dealStages: items.map((s) => dealStageView(ctx, s)), meta: { total } });
	});

	/** Checks a create/update body; `current` is the deal being updated. */
	const readDeal = (input: Json, current?: Deal): Omit<Deal, 'id' | 'cdate' | 'mdate'> | ValidationError[] => {
		const errors: ValidationError[] = [];
		const title = text(input.title) ?? current?.title;
		if (!title) errors.push({ title: 'The deal title was not provided.', code: 'field_missing', pointer: 'title' });
		const value = input.value === undefined ? current?.value : Number(input.value);
		if (value === undefined || !Number.isInteger(value) || value < 0) {
			errors.push({ title: 'The deal value must be a whole number of cents, 0 or more.', code: 'field_invalid', pointer: 'value' });
		}
		const currency = text(input.currency) ?? current?.currency ?? '';
		if (!/^[a-z]{3}$/.test(currency)) {
			errors.push({ title: 'The deal currency must be a 3-letter lower-case ISO code.', code: 'field_invalid', pointer: 'currency' });
		}
		const contactId = input.contact === undefined ? (current?.contact ?? null) : (idOf(input.contact) ?? null);
		if (contactId !== null && !ctx.store.contacts.get(contactId)) {
			errors.push({ title: 'The deal contact does not exist.', code: 'related_missing', pointer: 'contact' });
		}
		const accountId = input.account === undefined ? (current?.account ?? null) : (idOf(input.account) ?? null);
		if (accountId !== null && !ctx.store.accounts.get(accountId)) {
			errors.push({ title: 'The deal account does not exist.', code: 'related_missing', pointer: 'account' });
		}
		// A new pipeline without a stage starts the deal at that pipeline's first stage.
		const stage = ctx.store.dealStages.get(input.stage ?? (input.group === undefined ? current?.stage : undefined));
		const group = ctx.store.dealGroups.get(input.group ?? stage?.group ?? current?.group);
		const resolvedStage = stage ?? ctx.store.dealStages.where((s) => s.group === group?.id).sort((a, b) => a.order - b.order)[0];
		if (!group || !resolvedStage || resolvedStage.group !== group.id) {
			errors.push({ title: 'The deal needs an existing pipeline (group) and stage.', code: 'related_missing', pointer: 'stage' });
		}
		const percent = input.percent === undefined ? (current?.percent ?? 0) : Number(text(input.percent));
		if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
			errors.push({ title: 'The deal percent must be a whole number from 0 to 100.', code: 'field_invalid', pointer: 'percent' });
		}
		const status = Number(text(input.status) ?? current?.status ?? 0);
		if (![0, 1, 2].includes(status)) {
			errors.push({ title: 'The deal status must be 0 (open), 1 (won) or 2 (lost).', code: 'field_invalid', pointer: 'status' });
		}
		if (errors.length > 0 || !group || !resolvedStage) return errors;
		return {
			title: title ?? '',
			description: text(input.description) ?? current?.description ?? '',
			contact: contactId,
			account: accountId,
			value: value ?? 0,
			currency,
			group: group.id,
			stage: resolvedStage.id,
			owner: idOf(input.owner) ?? current?.owner ?? 1,
			percent,
			status,
		};
	};
	const withContact = (deal: Deal, status: number) => {
		const contact = deal.contact === null ? undefined : ctx.store.contacts.get(deal.contact);
		return ok({ contacts: contact ? [contactView(ctx, contact)] : [], deal: dealView(ctx, deal) }, status);
	};

	api.post('/deals', (req) => {
		const read = readDeal(envelope(req, 'deal'));
		if (Array.isArray(read)) return invalid(read);
		const now = Date.now();
		const deal = ctx.store.deals.insert({ ...read, cdate: now, mdate: now });
		emitDeal('deal_add', deal);
		return withContact(deal, 201);
	});

	api.get('/deals', (req) => {
		const rows = ctx.store.deals.where(dealFilter(ctx, req));
		const sorted = order(
			req,
			rows,
			{
				title: (d) => d.title,
				value: (d) => d.value,
				cdate: (d) => d.cdate,
				contact_name: (d) => personOf(ctx, d),
				contact_orgname: (d) => orgOf(ctx, d),
				'next-action': (d) => d.mdate,
			},
			ctx.quirks.strictOrderDirection,
		);
		if (!Array.isArray(sorted)) return sorted;
		const { items, total } = page(req, sorted);
		// §9.0: deals count with a number, and sum the filtered deals per currency.
		const currencies: Record<string, { currency: string; total: string; value: string }> = {};
		for (const d of sorted) {
			const code = d.currency.toUpperCase();
			const sum = (currencies[code] ??= { currency: code, total: '0', value: '0' });
			sum.total = String(Number(sum.total) + 1);
			sum.value = String(Number(sum.value) + d.value);
		}
		return ok({ deals: items.map((d) => dealView(ctx, d)), meta: { currencies, total: Number(total) } });
	});

	api.get('/deals/:id', (req) => {
		const deal = ctx.store.deals.get(req.params.id);
		if (!deal) return missingRecord(ctx, 'Deal', req.params.id);
		return ok({ deal: dealView(ctx, deal) });
	});

	api.put('/deals/:id', (req) => {
		const deal = ctx.store.deals.get(req.params.id);
		if (!deal) return missingRecord(ctx, 'Deal', req.params.id);
		const read = readDeal(envelope(req, 'deal'), deal);
		if (Array.isArray(read)) return invalid(read);
		const changed = (Object.keys(read) as Array<keyof typeof read>).filter((k) => read[k] !== deal[k]);
		Object.assign(deal, read, { mdate: Date.now() });
		emitDeal(
			'deal_update',
			deal,
			changed.map((k, i) => [`updated_fields[${i}]`, k]),
		);
		return withContact(deal, 200);
	});

	api.delete('/deals/:id', (req) => {
		const deal = ctx.store.deals.get(req.params.id);
		if (!deal) return missingRecord(ctx, 'Deal', req.params.id);
		ctx.store.deals.delete(deal.id);
		ctx.store.notes.deleteWhere((n) => n.reltype === 'Deal' && n.relid === deal.id);
		// The spec's example body is empty (§9.8).
		return { status: 200 };
	});

	contactChildren(api, ctx, 'deals', (id) => ctx.store.deals.where((d) => d.contact === id).map((d) => dealView(ctx, d)));
}
