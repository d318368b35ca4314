import type { Ctx } from '../context';
import { type Api, contactChildren, envelope, invalid, notFound, ok, order, page, textFilter, type ValidationError } from '../http';
import type { Deal, Note } from '../store';
import { idOf, iso, type Json, text } from '../util';
import { contactView, dealGroupView, dealStageView, dealView, noteView } from '../views';

/** The signed-in user, notes, and a basic deals pipeline (§1, §4.7). */

const NOTE_TYPES = ['Activity', 'Deal', 'DealTask', 'Subscriber', 'CustomerAccount'];

export function crmRoutes(api: Api, ctx: Ctx): void {
	api.get('/users/me', () =>
		ok({
			user: {
				username: 'admin',
				firstName: 'Sandbox',
				lastName: 'Admin',
				email: 'admin@sandbox.example',
				phone: '',
				signature: null,
				links: { lists: `${ctx.url}/api/3/users/1/lists`, userGroup: `${ctx.url}/api/3/users/1/userGroup` },
				id: '1',
			},
		}),
	);

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

	api.post('/deals/:id/notes', (req) => {
		const deal = ctx.store.deals.get(req.params.id);
		if (!deal) return notFound('Deal', req.params.id);
		const input = envelope(req, 'note');
		if (!text(input.note)) return noteMissing();
		return ok({ note: noteView(ctx, createNote(input, 'Deal', deal.id)) }, 201);
	});

	api.put('/deals/:id/notes/:noteId', (req) => {
		const note = ctx.store.notes.get(req.params.noteId);
		if (!note || note.reltype !== 'Deal' || String(note.relid) !== req.params.id) return notFound('Note', req.params.noteId);
		note.note = text(envelope(req, 'note').note) ?? note.note;
		note.mdate = Date.now();
		return ok({ note: noteView(ctx, note) });
	});

	api.get('/dealGroups', (req) => {
		const title = textFilter(req, 'title', 'eq');
		const { items, total } = page(req, ctx.store.dealGroups.where((g) => title(g.title)));
		return ok({ dealGroups: items.map((g) => dealGroupView(ctx, g)), meta: { total } });
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
		// A new pipeline without a stage starts the deal at that pipeline's first stage.
		const stage = ctx.store.dealStages.get(input.stage ?? (input.group === undefined ? current?.stage : undefined));
		const group = ctx.store.dealGroups.get(input.group ?? stage?.group ?? current?.group);
		const resolvedStage = stage ?? ctx.store.dealStages.where((s) => s.group === group?.id).sort((a, b) => a.order - b.order)[0];
		if (!group || !resolvedStage || resolvedStage.group !== group.id) {
			errors.push({ title: 'The deal needs an existing pipeline (group) and stage.', code: 'related_missing', pointer: 'stage' });
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
			value: value ?? 0,
			currency,
			group: group.id,
			stage: resolvedStage.id,
			owner: idOf(input.owner) ?? current?.owner ?? 1,
			percent: idOf(input.percent) ?? current?.percent ?? 0,
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
		const q = req.query;
		const search = textFilter(req, 'search', 'contains');
		const title = textFilter(req, 'title', 'eq');
		const number = (name: string) => idOf(q.get(`filters[${name}]`));
		const [stage, group, owner] = [number('stage'), number('group'), number('owner')];
		const rows = ctx.store.deals.where(
			(d) =>
				search(d.title) &&
				title(d.title) &&
				(stage === undefined || d.stage === stage) &&
				(group === undefined || d.group === group) &&
				(owner === undefined || d.owner === owner),
		);
		const sorted = order(req, rows, { title: (d) => d.title, value: (d) => d.value, cdate: (d) => d.cdate }, ctx.quirks.strictOrderDirection);
		if (!Array.isArray(sorted)) return sorted;
		const { items, total } = page(req, sorted);
		return ok({ deals: items.map((d) => dealView(ctx, d)), meta: { total } });
	});

	api.get('/deals/:id', (req) => {
		const deal = ctx.store.deals.get(req.params.id);
		if (!deal) return notFound('Deal', req.params.id);
		return ok({ deal: dealView(ctx, deal) });
	});

	api.put('/deals/:id', (req) => {
		const deal = ctx.store.deals.get(req.params.id);
		if (!deal) return notFound('Deal', req.params.id);
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
		if (!deal) return notFound('Deal', req.params.id);
		ctx.store.deals.delete(deal.id);
		return ok({});
	});

	contactChildren(api, ctx, 'deals', (id) => ctx.store.deals.where((d) => d.contact === id).map((d) => dealView(ctx, d)));
}
