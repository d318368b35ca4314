import type { SandboxResponse } from '../../server';
import type { Ctx, Quirks } from '../context';
import { type Api, contactChildren, envelope, invalid, notFound, ok, page, statusError, textFilter } from '../http';
import { type Contact, type Field, FIELD_TYPES, type FieldType } from '../store';
import { idOf, isObject, sameText, text } from '../util';
import { contactView, fieldOptionView, fieldRelView, fieldValueView, fieldView } from '../views';

/** Custom contact fields, their list relations and options, and per-contact values (§4.4). */

/** Personalisation tag from a title (or a given perstag), by the configured rule. */
export function perstagFrom(title: string, rule: Quirks['perstagRule']): string {
	const upper = title.toUpperCase();
	if (rule === 'replace') return upper.replace(/[^A-Z0-9]/g, '_');
	return upper.replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** With `requireFieldRel`, a value needs the field on all lists (relid 0) or on one of the contact's lists. */
function fieldUsable(ctx: Ctx, contact: Contact, field: Field): SandboxResponse | undefined {
	if (!ctx.quirks.requireFieldRel) return undefined;
	const lists = new Set(ctx.store.contactLists.where((cl) => cl.contact === contact.id).map((cl) => cl.list));
	const related = ctx.store.fieldRels.find((r) => r.field === field.id && (r.relid === 0 || lists.has(r.relid)));
	if (related) return undefined;
	return invalid([{ title: `Field ${field.id} is not available on any of this contact's lists`, code: 'field_invalid', pointer: 'field' }]);
}

/** Inline `fieldValues:[{field,value}]` of create/sync/update: upserts per field, skipping unknown field ids. */
export function applyFieldValues(ctx: Ctx, contact: Contact, raw: unknown, now: number): SandboxResponse | undefined {
	if (!Array.isArray(raw)) return undefined;
	const updates: Array<[Field, unknown]> = [];
	for (const item of raw) {
		if (!isObject(item)) continue;
		const field = ctx.store.fields.get(item.field);
		if (!field) continue;
		const refused = fieldUsable(ctx, contact, field);
		if (refused) return refused;
		updates.push([field, item.value]);
	}
	for (const [field, value] of updates) ctx.store.setFieldValue(contact, field, value, now);
	return undefined;
}

/** The documented 422 for a title in use (§4.4). */
const duplicateTitle = (title: string) =>
	invalid([
		{
			title: 'There is already a field with this title',
			detail: `There is already a field named '${title}' -- choose another name`,
			code: 'duplicate',
		},
	]);

const fieldMissing = (name: string) => ({ title: `The field ${name} was not provided.`, code: 'field_missing', pointer: name });

export function fieldRoutes(api: Api, ctx: Ctx): void {
	const sideLoads = (fields: Field[]) => {
		const ids = new Set(fields.map((f) => f.id));
		return {
			fieldOptions: ctx.store.fieldOptions.where((o) => ids.has(o.field)).map((o) => fieldOptionView(ctx, o)),
			fieldRels: ctx.store.fieldRels.where((r) => ids.has(r.field)).map((r) => fieldRelView(ctx, r)),
		};
	};

	api.get('/fields', (req) => {
		const perstag = textFilter(req, 'perstag', 'eq');
		const { items, total } = page(req, ctx.store.fields.where((f) => perstag(f.perstag)), 100);
		return ok({ ...sideLoads(items), fields: items.map((f) => fieldView(ctx, f)), meta: { total } });
	});

	api.get('/fields/:id', (req) => {
		const field = ctx.store.fields.get(req.params.id);
		if (!field) return notFound('Field', req.params.id);
		return ok({ field: fieldView(ctx, field), ...sideLoads([field]) });
	});

	api.post('/fields', (req) => {
		const input = envelope(req, 'field');
		const title = text(input.title)?.trim();
		const type = text(input.type);
		if (!title) return invalid([fieldMissing('title')]);
		if (!type) return invalid([fieldMissing('type')]);
		if (!FIELD_TYPES.includes(type as FieldType)) {
			return invalid([{ title: `The field type '${type}' is not valid.`, code: 'field_invalid', pointer: 'type' }]);
		}
		if (ctx.store.fields.find((f) => sameText(f.title, title))) return duplicateTitle(title);
		const now = Date.now();
		const field = ctx.store.fields.insert({
			title,
			type: type as FieldType,
			descript: text(input.descript) ?? '',
			perstag: perstagFrom(text(input.perstag) || title, ctx.quirks.perstagRule),
			defval: text(input.defval) ?? '',
			isrequired: text(input.isrequired) ?? '0',
			visible: text(input.visible) ?? '1',
			ordernum: text(input.ordernum) ?? String(ctx.store.fields.all().length + 1),
			cdate: now,
			udate: now,
		});
		if (ctx.quirks.fieldCreateEnvelope === 'fields') {
			return ok({ fieldOptions: [], fieldRels: [], fields: [fieldView(ctx, field)], meta: { total: '1' } }, 201);
		}
		return ok({ field: fieldView(ctx, field) }, 201);
	});

	api.put('/fields/:id', (req) => {
		const field = ctx.store.fields.get(req.params.id);
		if (!field) return notFound('Field', req.params.id);
		const input = envelope(req, 'field');
		const title = text(input.title)?.trim();
		if (title && ctx.store.fields.find((f) => f.id !== field.id && sameText(f.title, title))) return duplicateTitle(title);
		if (title) field.title = title;
		field.descript = text(input.descript) ?? field.descript;
		field.defval = text(input.defval) ?? field.defval;
		field.visible = text(input.visible) ?? field.visible;
		field.ordernum = text(input.ordernum) ?? field.ordernum;
		field.isrequired = text(input.isrequired) ?? field.isrequired;
		const perstag = text(input.perstag);
		if (perstag) field.perstag = perstagFrom(perstag, ctx.quirks.perstagRule);
		field.udate = Date.now();
		return ok({ field: fieldView(ctx, field) });
	});

	api.delete('/fields/:id', (req) => {
		const field = ctx.store.fields.get(req.params.id);
		if (!field) return notFound('Field', req.params.id);
		ctx.store.deleteField(field.id);
		return ok({});
	});

	api.post('/fieldRels', (req) => {
		const input = envelope(req, 'fieldRel');
		const field = ctx.store.fields.get(input.field);
		if (!field) return notFound('Field', text(input.field) ?? '');
		const relid = text(input.relid) === '0' ? 0 : idOf(input.relid);
		if (relid === undefined) return invalid([fieldMissing('relid')]);
		if (relid !== 0 && !ctx.store.lists.get(relid)) return notFound('_List', String(relid));
		const rel =
			ctx.store.fieldRels.find((r) => r.field === field.id && r.relid === relid) ??
			ctx.store.fieldRels.insert({ field: field.id, relid, cdate: Date.now() });
		return ok({ fieldRel: fieldRelView(ctx, rel) }, 201);
	});

	api.post('/fieldOption/bulk', (req) => {
		const raw = isObject(req.body) ? req.body.fieldOptions : undefined;
		if (!Array.isArray(raw) || raw.length === 0 || !raw.every(isObject)) {
			return ok({ errors: 'Bulk operation failed. Request must contain an array of fieldOption objects.' }, 422);
		}
		const items = raw.filter(isObject);
		const missing = items.find((o) => !ctx.store.fields.get(o.field));
		if (missing) return notFound('Field', text(missing.field) ?? '');
		const now = Date.now();
		const created = items.map((o, i) => {
			const value = text(o.value) ?? '';
			return ctx.store.fieldOptions.insert({
				field: idOf(o.field) as number,
				orderid: idOf(o.orderid) ?? i + 1,
				value,
				label: text(o.label) ?? value,
				isdefault: o.isdefault === true || text(o.isdefault) === '1',
				cdate: now,
			});
		});
		return ok({ fieldOptions: created.map((o) => fieldOptionView(ctx, o)) }, 201);
	});

	api.post('/fieldValues', (req) => {
		const input = envelope(req, 'fieldValue');
		if (input.contact === undefined) return statusError(422, 'Missing attribute', undefined, 'contact');
		if (input.field === undefined) return statusError(422, 'Missing attribute', undefined, 'field');
		const contact = ctx.store.contacts.get(input.contact);
		if (!contact) return notFound('Subscriber', text(input.contact) ?? '');
		const field = ctx.store.fields.get(input.field);
		if (!field) return notFound('Field', text(input.field) ?? '');
		const refused = fieldUsable(ctx, contact, field);
		if (refused) return refused;
		const exists = ctx.store.fieldValues.find((v) => v.contact === contact.id && v.field === field.id);
		if (exists && ctx.quirks.fieldValueDuplicate === 'error') {
			return invalid([{ title: 'A value for this field already exists for this contact', code: 'duplicate', pointer: 'field' }]);
		}
		const { value } = ctx.store.setFieldValue(contact, field, input.value, Date.now());
		ctx.hooks.emit('update', 'api', { contact });
		return ok({ contacts: [contactView(ctx, contact)], fieldValue: fieldValueView(ctx, value) });
	});

	api.get('/fieldValues/:id', (req) => {
		const value = ctx.store.fieldValues.get(req.params.id);
		if (!value) return notFound('FieldValue', req.params.id);
		return ok({ fieldValue: fieldValueView(ctx, value) });
	});

	api.put('/fieldValues/:id', (req) => {
		const existing = ctx.store.fieldValues.get(req.params.id);
		const contact = existing && ctx.store.contacts.get(existing.contact);
		const field = existing && ctx.store.fields.get(existing.field);
		if (!existing || !contact || !field) return notFound('FieldValue', req.params.id);
		const { value } = ctx.store.setFieldValue(contact, field, envelope(req, 'fieldValue').value, Date.now());
		ctx.hooks.emit('update', 'api', { contact });
		return ok({ contacts: [contactView(ctx, contact)], fieldValue: fieldValueView(ctx, value) });
	});

	api.delete('/fieldValues/:id', (req) => {
		const value = ctx.store.fieldValues.get(req.params.id);
		if (!value) return notFound('FieldValue', req.params.id);
		ctx.store.fieldValues.delete(value.id);
		return ok({});
	});

	contactChildren(api, ctx, 'fieldValues', (id) => ctx.store.valuesOf(id).map((v) => fieldValueView(ctx, v)));
}
