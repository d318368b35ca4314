import type { SandboxRequest } from '../../server';
import type { Ctx } from '../context';
import { type Api, contactChildren, envelope, invalid, missingRecord, ok, page, refused, statusError, type ValidationError } from '../http';
import { type AccountContact, type AccountFieldDatum, type AccountFieldMeta, type CustomerAccount, fieldValueText } from '../store';
import { idOf, iso, isObject, type Json, text, utcStamp } from '../util';
import { noteView } from '../views';

/** Accounts, their custom fields and notes, and the contacts on them (§9.1–9.3). */

/** §9.2: the field types an account custom field may have. */
export const ACCOUNT_FIELD_TYPES = ['text', 'textarea', 'date', 'datetime', 'dropdown', 'multiselect', 'radio', 'checkbox', 'hidden', 'currency', 'number'];

const CHOICE_TYPES = ['dropdown', 'multiselect', 'radio', 'checkbox'];

/** §9.1: a list row; `count_deals=true` counts the contacts and deals, otherwise both are "0". */
export function accountRow(ctx: Ctx, a: CustomerAccount, counted: boolean) {
	const store = ctx.store;
	const base = `${ctx.url}/api/3/accounts/${a.id}`;
	return {
		name: a.name,
		accountUrl: a.accountUrl,
		createdTimestamp: iso(a.created),
		updatedTimestamp: iso(a.updated),
		contactCount: counted ? String(store.accountContacts.where((ac) => ac.account === a.id).length) : '0',
		dealCount: counted ? String(store.deals.where((d) => d.account === a.id).length) : '0',
		links: { notes: `${base}/notes`, accountCustomFieldData: `${base}/accountCustomFieldData`, accountContacts: `${base}/accountContacts` },
		id: String(a.id),
	};
}

/** §9.1: one account as get, create and update answer it (`links` is an empty array in every single-record example). */
export const accountView = (a: CustomerAccount) => ({
	name: a.name,
	accountUrl: a.accountUrl,
	createdTimestamp: iso(a.created),
	updatedTimestamp: iso(a.updated),
	links: [],
	id: String(a.id),
});

/** §9.1: the values echoed in `fields` on create and update. */
const fieldEcho = (d: AccountFieldDatum) => ({
	customFieldId: d.field,
	fieldValue: d.value,
	...(d.currency ? { fieldCurrency: d.currency } : {}),
	accountId: String(d.account),
});

export const accountContactView = (ctx: Ctx, ac: AccountContact, asNumbers = false) => ({
	// The create example shows numbers, every other example strings (§9.3).
	account: asNumbers ? ac.account : String(ac.account),
	contact: asNumbers ? ac.contact : String(ac.contact),
	jobTitle: ac.jobTitle,
	createdTimestamp: iso(ac.created),
	updatedTimestamp: iso(ac.updated),
	links: { account: `${ctx.url}/api/3/accountContacts/${ac.id}/account`, contact: `${ctx.url}/api/3/accountContacts/${ac.id}/contact` },
	id: String(ac.id),
});

/** §9.2: field metadata; its timestamps have no `T` and no offset. */
export const accountFieldMetaView = (ctx: Ctx, f: AccountFieldMeta) => ({
	id: String(f.id),
	fieldLabel: f.fieldLabel,
	fieldType: f.fieldType,
	fieldOptions: f.fieldOptions,
	fieldDefault: f.fieldDefault,
	...(f.fieldType === 'currency' ? { fieldDefaultCurrency: f.fieldDefaultCurrency } : {}),
	isFormVisible: f.isFormVisible,
	isRequired: f.isRequired,
	displayOrder: f.displayOrder,
	createdTimestamp: utcStamp(f.created),
	updatedTimestamp: utcStamp(f.updated),
	links: { accountCustomFieldData: `${ctx.url}/api/3/accountCustomFieldMeta/${f.id}/accountCustomFieldData` },
});

export const accountFieldDatumView = (d: AccountFieldDatum) => ({
	id: String(d.id),
	accountCustomFieldMetumId: d.field,
	accountId: d.account,
	customFieldId: d.field,
	fieldValue: d.value,
	...(d.currency ? { fieldCurrency: d.currency } : {}),
	createdTimestamp: utcStamp(d.created),
	updatedTimestamp: utcStamp(d.updated),
});

/** §9.2: GET/PUT/DELETE on a missing field id. */
const fieldNotFound = () => statusError(404, 'Not Found');

export function accountRoutes(api: Api, ctx: Ctx): void {
	const store = () => ctx.store;
	const taken = (name: string, except?: number) => {
		const other = store().accountByName(name, ctx.quirks.accountNamesIgnoreCase);
		return other !== undefined && other.id !== except;
	};
	const duplicate = (name: string) =>
		invalid([{ title: `An account named "${name}" already exists. Please choose a new name.`, code: 'duplicate', pointer: 'name' }]);

	/** Why `input` (one `{customFieldId, fieldValue, fieldCurrency?}`) cannot be stored, if it cannot. */
	const checkValue = (input: unknown): ValidationError | undefined => {
		const field = isObject(input) ? store().accountFieldMeta.get(input.customFieldId) : undefined;
		if (!isObject(input) || !field) {
			const id = isObject(input) ? String(input.customFieldId) : '';
			return { title: `The account custom field ${id} does not exist.`, code: 'related_missing', pointer: 'fields' };
		}
		if (field.fieldType === 'currency' && !text(input.fieldCurrency)) {
			return { title: `The currency of custom field "${field.fieldLabel}" was not provided.`, code: 'field_missing', pointer: 'fieldCurrency' };
		}
		return undefined;
	};

	/** Why the values of `fields[]` cannot be stored; empty when they all can. */
	const checkValues = (fields: unknown): ValidationError[] => {
		if (fields === undefined) return [];
		if (!Array.isArray(fields)) return [{ title: 'The fields attribute must be a list.', code: 'field_invalid', pointer: 'fields' }];
		return fields.map(checkValue).filter((e): e is ValidationError => e !== undefined);
	};

	/** Stores checked values, one per account and field. */
	const storeValues = (account: CustomerAccount, fields: unknown, now: number): void => {
		for (const input of (fields ?? []) as Json[]) {
			const field = idOf(input.customFieldId) ?? 0;
			const value = fieldValueText(input.fieldValue);
			const currency = text(input.fieldCurrency)?.toUpperCase() ?? null;
			const existing = store().accountFieldData.find((d) => d.account === account.id && d.field === field);
			if (existing) Object.assign(existing, { value, currency, updated: now });
			else store().accountFieldData.insert({ account: account.id, field, value, currency, created: now, updated: now });
		}
	};

	const withFields = (account: CustomerAccount, status: number) =>
		ok({ account: { ...accountView(account), fields: store().accountFieldData.where((d) => d.account === account.id).map(fieldEcho) } }, status);

	api.post('/accounts', (req) => {
		const input = envelope(req, 'account');
		const name = text(input.name)?.trim();
		if (!name) return refused(ctx, [{ title: 'The account name was not provided.', code: 'field_missing', pointer: 'name' }]);
		if (taken(name)) return duplicate(name);
		const errors = checkValues(input.fields);
		if (errors.length) return refused(ctx, errors);
		const now = Date.now();
		const account = store().accounts.insert({
			name,
			accountUrl: text(input.accountUrl) ?? null,
			owner: idOf(input.owner) ?? 1,
			created: now,
			updated: now,
		});
		storeValues(account, input.fields, now);
		return withFields(account, 201);
	});

	api.get('/accounts', (req) => {
		const search = (req.query.get('search') ?? '').trim().toLowerCase();
		const counted = req.query.get('count_deals') === 'true';
		const rows = store().accounts.where((a) => a.name.toLowerCase().includes(search));
		const { items, total } = page(req, rows);
		return ok({ accounts: items.map((a) => accountRow(ctx, a, counted)), meta: { total } });
	});

	// Before `/accounts/:id`, which would otherwise take "bulk_delete" for an id.
	api.delete('/accounts/bulk_delete', (req) => {
		// The spec spells the parameter `[]ids`; PHP's convention is `ids[]` (§9.12 #10): both are taken.
		const ids = [...req.query.getAll('ids[]'), ...req.query.getAll('[]ids'), ...req.query.getAll('ids')].map(idOf);
		for (const id of ids) if (id !== undefined && store().accounts.get(id)) store().deleteAccount(id);
		return ok({ meta: { success: true } });
	});

	const account = (req: SandboxRequest) => store().accounts.get(req.params.id);

	api.get('/accounts/:id', (req) => {
		const found = account(req);
		return found ? ok({ account: accountView(found) }) : missingRecord(ctx, 'CustomerAccount', req.params.id);
	});

	api.put('/accounts/:id', (req) => {
		const found = account(req);
		if (!found) return missingRecord(ctx, 'CustomerAccount', req.params.id);
		const input = envelope(req, 'account');
		const name = input.name === undefined ? undefined : text(input.name)?.trim();
		if (name === '' || (input.name !== undefined && name === undefined)) {
			return refused(ctx, [{ title: 'The account name was not provided.', code: 'field_missing', pointer: 'name' }]);
		}
		if (name && taken(name, found.id)) return duplicate(name);
		const errors = checkValues(input.fields);
		if (errors.length) return refused(ctx, errors);
		const now = Date.now();
		storeValues(found, input.fields, now);
		if (name) found.name = name;
		if (input.accountUrl !== undefined) found.accountUrl = text(input.accountUrl) ?? null;
		found.owner = idOf(input.owner) ?? found.owner;
		found.updated = now;
		return withFields(found, 200);
	});

	api.delete('/accounts/:id', (req) => {
		const found = account(req);
		if (!found) return missingRecord(ctx, 'CustomerAccount', req.params.id);
		store().deleteAccount(found.id);
		return ok({});
	});

	api.post('/accounts/:id/notes', (req) => {
		const found = account(req);
		if (!found) return missingRecord(ctx, 'CustomerAccount', req.params.id);
		const words = text(envelope(req, 'note').note);
		if (!words) return refused(ctx, [{ title: 'The note text was not provided.', code: 'field_missing', pointer: 'note' }]);
		const now = Date.now();
		const note = store().notes.insert({ note: words, reltype: 'CustomerAccount', relid: found.id, cdate: now, mdate: now });
		return ok({ accounts: [accountRow(ctx, found, false)], note: noteView(ctx, note) }, 201);
	});

	api.put('/accounts/:id/notes/:noteId', (req) => {
		const found = account(req);
		const note = store().notes.get(req.params.noteId);
		if (!found || !note || note.reltype !== 'CustomerAccount' || note.relid !== found.id) return missingRecord(ctx, 'Note', req.params.noteId);
		note.note = text(envelope(req, 'note').note) ?? note.note;
		note.mdate = Date.now();
		return ok({ accounts: [accountRow(ctx, found, false)], note: noteView(ctx, note) });
	});

	// §9.2 field definitions.
	const readFieldMeta = (input: Json, current?: AccountFieldMeta): Omit<AccountFieldMeta, 'id' | 'created' | 'updated'> | ValidationError[] => {
		const errors: ValidationError[] = [];
		const fieldLabel = text(input.fieldLabel)?.trim() ?? current?.fieldLabel;
		if (!fieldLabel) errors.push({ title: 'The field label field is required.', code: 'field_missing', pointer: 'fieldLabel' });
		const fieldType = text(input.fieldType) ?? current?.fieldType;
		if (!fieldType) errors.push({ title: 'The field type field is required.', code: 'field_missing', pointer: 'fieldType' });
		else if (!ACCOUNT_FIELD_TYPES.includes(fieldType)) {
			errors.push({ title: `The field type '${fieldType}' is not valid.`, code: 'field_invalid', pointer: 'fieldType' });
		}
		if (errors.length || !fieldLabel || !fieldType) return errors;
		const options = Array.isArray(input.fieldOptions) ? input.fieldOptions.map(String) : current?.fieldOptions;
		return {
			fieldLabel,
			fieldType,
			fieldOptions: CHOICE_TYPES.includes(fieldType) ? (options ?? []) : null,
			fieldDefault: text(input.fieldDefault) ?? current?.fieldDefault ?? '',
			fieldDefaultCurrency: text(input.fieldDefaultCurrency)?.toUpperCase() ?? current?.fieldDefaultCurrency ?? 'USD',
			isFormVisible: Number(input.isFormVisible ?? current?.isFormVisible ?? 1),
			isRequired: Number(input.isRequired ?? current?.isRequired ?? 0),
			displayOrder: Number(input.displayOrder ?? current?.displayOrder ?? store().accountFieldMeta.all().length + 1),
		};
	};

	api.post('/accountCustomFieldMeta', (req) => {
		const read = readFieldMeta(envelope(req, 'accountCustomFieldMetum'));
		if (Array.isArray(read)) return invalid(read);
		const now = Date.now();
		const field = store().accountFieldMeta.insert({ ...read, created: now, updated: now });
		// 200, not 201 (§9.2).
		return ok({ accountCustomFieldMetum: accountFieldMetaView(ctx, field) });
	});

	api.get('/accountCustomFieldMeta', (req) => {
		const { items, total } = page(req, store().accountFieldMeta.all(), 100);
		return ok({ accountCustomFieldMeta: items.map((f) => accountFieldMetaView(ctx, f)), meta: { total } });
	});

	api.get('/accountCustomFieldMeta/:id', (req) => {
		const field = store().accountFieldMeta.get(req.params.id);
		return field ? ok({ accountCustomFieldMetum: accountFieldMetaView(ctx, field) }) : fieldNotFound();
	});

	api.put('/accountCustomFieldMeta/:id', (req) => {
		const field = store().accountFieldMeta.get(req.params.id);
		if (!field) return fieldNotFound();
		const read = readFieldMeta(envelope(req, 'accountCustomFieldMetum'), field);
		if (Array.isArray(read)) return invalid(read);
		Object.assign(field, read, { updated: Date.now() });
		return ok({ accountCustomFieldMetum: accountFieldMetaView(ctx, field) });
	});

	api.delete('/accountCustomFieldMeta/:id', (req) => {
		const field = store().accountFieldMeta.get(req.params.id);
		if (!field) return fieldNotFound();
		store().accountFieldMeta.delete(field.id);
		store().accountFieldData.deleteWhere((d) => d.field === field.id);
		return ok({ message: 'AccountCustomFieldMeta deleted.' });
	});

	// §9.2 values, one at a time; the schema's key is `customerAccountId`, one example sends `accountId` (§9.12 #11).
	api.post('/accountCustomFieldData', (req) => {
		const input = envelope(req, 'accountCustomFieldDatum');
		const accountId = text(input.customerAccountId ?? input.accountId) ?? '';
		const found = store().accounts.get(accountId);
		if (!found) return missingRecord(ctx, 'CustomerAccount', accountId);
		if (!store().accountFieldMeta.get(input.customFieldId)) return fieldNotFound();
		const errors = checkValues([input]);
		if (errors.length) return refused(ctx, errors);
		storeValues(found, [input], Date.now());
		const datum = store().accountFieldData.find((d) => d.account === found.id && d.field === idOf(input.customFieldId));
		return ok({ accountCustomFieldDatum: datum ? accountFieldDatumView(datum) : {} });
	});

	api.get('/accountCustomFieldData', (req) => {
		const accountId = idOf(req.query.get('filters[customerAccountId]'));
		const fieldId = idOf(req.query.get('filters[customFieldId]'));
		const rows = store().accountFieldData.where(
			(d) => (accountId === undefined || d.account === accountId) && (fieldId === undefined || d.field === fieldId),
		);
		const { items, total } = page(req, rows);
		return ok({ accountCustomFieldData: items.map(accountFieldDatumView), meta: { total } });
	});

	// §9.3 contacts on accounts; a contact is on at most one account.
	const missingAttribute = (name: string) => ({ title: `The ${name} attribute was not provided`, code: 'field_missing', pointer: name });

	api.post('/accountContacts', (req) => {
		const input = envelope(req, 'accountContact');
		const missing = (['account', 'contact'] as const).filter((k) => input[k] === undefined || input[k] === '').map(missingAttribute);
		if (missing.length) return refused(ctx, missing);
		// §9.12 leaves an unknown contact or account open: 404 in the message shape, like every missing id here.
		const contact = store().contacts.get(input.contact);
		if (!contact) return missingRecord(ctx, 'Subscriber', String(input.contact));
		const target = store().accounts.get(input.account);
		if (!target) return missingRecord(ctx, 'CustomerAccount', String(input.account));
		if (store().accountContacts.find((ac) => ac.contact === contact.id)) {
			return refused(ctx, [
				{
					title: 'This contact is already associated with an account. We currently do not support contacts on multiple accounts.',
					code: 'field_invalid',
					pointer: 'account,contact',
				},
			]);
		}
		const now = Date.now();
		const link = store().accountContacts.insert({
			account: target.id,
			contact: contact.id,
			jobTitle: text(input.jobTitle) ?? '',
			created: now,
			updated: now,
		});
		return ok({ accountContact: accountContactView(ctx, link, true) }, 201);
	});

	api.get('/accountContacts', (req) => {
		const contact = idOf(req.query.get('filters[contact]'));
		const accountId = idOf(req.query.get('filters[account]'));
		const rows = store().accountContacts.where(
			(ac) => (contact === undefined || ac.contact === contact) && (accountId === undefined || ac.account === accountId),
		);
		const { items, total } = page(req, rows);
		return ok({ accountContacts: items.map((ac) => accountContactView(ctx, ac)), meta: { total } });
	});

	const link = (req: SandboxRequest) => store().accountContacts.get(req.params.id);
	const linkMissing = (req: SandboxRequest) => missingRecord(ctx, 'CustomerAccountSubscriber', req.params.id);

	api.get('/accountContacts/:id', (req) => {
		const found = link(req);
		return found ? ok({ accountContact: accountContactView(ctx, found) }) : linkMissing(req);
	});

	// The example is a partial update (only `jobTitle`), though the schema marks account and contact required (§9.3).
	api.put('/accountContacts/:id', (req) => {
		const found = link(req);
		if (!found) return linkMissing(req);
		const input = envelope(req, 'accountContact');
		if (input.account !== undefined) {
			const target = store().accounts.get(input.account);
			if (!target) return missingRecord(ctx, 'CustomerAccount', String(input.account));
			found.account = target.id;
		}
		if (input.jobTitle !== undefined) found.jobTitle = text(input.jobTitle) ?? '';
		found.updated = Date.now();
		return ok({ accountContact: accountContactView(ctx, found) });
	});

	api.delete('/accountContacts/:id', (req) => {
		const found = link(req);
		if (!found) return linkMissing(req);
		store().accountContacts.delete(found.id);
		return ok({});
	});

	contactChildren(api, ctx, 'accountContacts', (id) =>
		store()
			.accountContacts.where((ac) => ac.contact === id)
			.map((ac) => accountContactView(ctx, ac)),
	);
}
