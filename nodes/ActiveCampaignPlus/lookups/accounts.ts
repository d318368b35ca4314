import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import type { ExecutionCache } from '../cache';
import { fieldCatalog, fieldKey, isNumericId, nameKey, type AccountFieldInfo, type AccountInfo, type Catalog } from '../helpers/catalog';
import { toCents } from '../helpers/deals';
import { formatFieldValue } from '../helpers/values';
import { activeCampaignGetAll, activeCampaignRequest } from '../transport';
import { readFieldRows } from './fields';

/**
 * Accounts by name or id, each name looked up once per execution and kept for the next ones (an account's id never
 * changes, and a kept id that went stale makes the item run again with fresh lookups); and account custom fields by
 * label or id, read once per execution and kept.
 */

export const toAccount = (row: IDataObject): AccountInfo => ({ id: String(row.id), name: String(row.name) });

/** The account with exactly this name (ignoring case and surrounding spaces, as ActiveCampaign's uniqueness does), or undefined. */
export async function accountByName(cache: ExecutionCache, name: string): Promise<AccountInfo | undefined> {
	return await cache.once(`account:${nameKey(name)}`, async () => {
		// `search` is a contains match: every page of it, then the exact name.
		const rows = await activeCampaignGetAll.call(cache.context, '/accounts', 'accounts', { search: name.trim() });
		const match = rows.find((row) => nameKey(String(row.name)) === nameKey(name));
		return match ? toAccount(match) : undefined;
	});
}

/** Records what a write made of an account's name: found under its name from now on, the old name forgotten. */
export async function rememberAccount(cache: ExecutionCache, account: AccountInfo, oldName?: string): Promise<void> {
	if (oldName !== undefined && nameKey(oldName) !== nameKey(account.name)) await cache.forget(`account:${nameKey(oldName)}`);
	await cache.remember(`account:${nameKey(account.name)}`, account);
}

/** A numeric ref is an account id (no request); a name is looked up. `name` is empty for an id. */
export async function resolveAccount(cache: ExecutionCache, ref: string, itemIndex: number, field = 'Account'): Promise<AccountInfo> {
	const text = ref.trim();
	if (text === '') throw inputError(cache.context.getNode(), itemIndex, `${field} is empty`, `Enter the account's name or numeric ID in "${field}".`);
	if (isNumericId(text)) return { id: text, name: '' };
	const found = await accountByName(cache, text);
	if (found) return found;
	throw inputError(
		cache.context.getNode(),
		itemIndex,
		`${field}: no account named "${text}" exists in ActiveCampaign`,
		'Check the name, or create the account first with Account → Create or Account → Find or Create.',
	);
}

/** One account as `GET /accounts/{id}` answers it. */
export async function readAccount(this: IExecuteFunctions, id: string): Promise<IDataObject> {
	const response = await activeCampaignRequest.call(this, { method: 'GET', path: `/accounts/${id}`, what: `reading account ${id}` });
	return response.account as IDataObject;
}

/** The contact's place on an account (a contact is on one at most), or undefined. Not cached: it changes as items run. */
export async function accountContactOf(cache: ExecutionCache, contactId: string): Promise<IDataObject | undefined> {
	const response = await activeCampaignRequest.call(cache.context, {
		method: 'GET',
		path: '/accountContacts',
		qs: { 'filters[contact]': contactId },
		what: `reading the account of contact ${contactId}`,
	});
	return ((response.accountContacts as IDataObject[] | undefined) ?? []).find((ac) => String(ac.contact) === contactId);
}

/** How messages name an account: its name in quotes, or its id when it was given by id. */
export const accountLabel = (account: AccountInfo): string => (account.name ? `"${account.name}"` : account.id);

/** Option values of a choice field; the examples show strings, objects with `value` are read too. */
function optionValues(options: unknown): string[] {
	if (!Array.isArray(options)) return [];
	return options.map((o) => String(typeof o === 'object' && o !== null ? ((o as IDataObject).value ?? (o as IDataObject).label) : o));
}

/** Every account custom field (`/accountCustomFieldMeta`, all pages, where n8n's own node reads only the first 100). */
export async function readAccountCustomFields(this: IExecuteFunctions | ILoadOptionsFunctions): Promise<AccountFieldInfo[]> {
	const rows = await activeCampaignGetAll.call(this, '/accountCustomFieldMeta', 'accountCustomFieldMeta');
	return rows.map((f) => ({
		id: String(f.id),
		title: String(f.fieldLabel),
		perstag: '',
		type: String(f.fieldType),
		options: optionValues(f.fieldOptions),
		currency: String(f.fieldDefaultCurrency ?? 'USD').toUpperCase(),
	}));
}

async function loadAccountCustomFields(cache: ExecutionCache): Promise<Catalog<AccountFieldInfo>> {
	return fieldCatalog(await readAccountCustomFields.call(cache.context));
}

export async function resolveAccountCustomField(cache: ExecutionCache, ref: string, itemIndex: number): Promise<AccountFieldInfo> {
	const { found, catalog } = await cache.lookUp('account-fields', async () => await loadAccountCustomFields(cache), fieldKey(ref));
	if (found) return found;
	throw inputError(
		cache.context.getNode(),
		itemIndex,
		`Custom Fields: no account field labelled or with ID "${ref.trim()}" exists in ActiveCampaign`,
		`Use an account field's label or ID. Known account fields: ${catalog.all.map((f) => f.title).join(', ') || '(none)'}.`,
	);
}

/** One value of `fields[]` on an account: currency values go in cents with the field's currency. */
export interface AccountFieldValue {
	customFieldId: number;
	fieldValue: string | number;
	fieldCurrency?: string;
}

/** The item's "Custom Fields" rows as `fields[]` for an account, each field found by label or id and its value checked. */
export async function readAccountCustomFieldValues(context: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<AccountFieldValue[]> {
	const values: AccountFieldValue[] = [];
	for (const row of readFieldRows(context, itemIndex)) {
		const field = await resolveAccountCustomField(cache, row.name, itemIndex);
		const customFieldId = Number(field.id);
		if (field.type === 'currency') {
			const cents = toCents(context.getNode(), itemIndex, row.value, `Custom field "${field.title}"`, "the field's");
			values.push({ customFieldId, fieldValue: cents, fieldCurrency: field.currency });
		} else {
			values.push({ customFieldId, fieldValue: formatFieldValue(context.getNode(), itemIndex, field, row.value) });
		}
	}
	return values;
}

/**
 * An account's custom field values keyed by field label, each with its field id (and currency for currency fields,
 * whose values are in cents). A value of a field the kept catalog does not know reloads the catalog once.
 */
export async function accountCustomFieldValues(cache: ExecutionCache, accountId: string): Promise<Record<string, IDataObject>> {
	const rows = await activeCampaignGetAll.call(cache.context, '/accountCustomFieldData', 'accountCustomFieldData', {
		'filters[customerAccountId]': accountId,
	});
	const load = async () => await loadAccountCustomFields(cache);
	let catalog = await cache.once('account-fields', load);
	if (rows.some((r) => !catalog.byKey.has(String(r.customFieldId))) && cache.cameFromKeptNames('account-fields')) {
		await cache.forget('account-fields');
		catalog = await cache.once('account-fields', load);
	}
	const out: Record<string, IDataObject> = {};
	for (const row of rows) {
		const id = String(row.customFieldId ?? row.accountCustomFieldMetumId);
		const field = catalog.byKey.get(id);
		out[field?.title ?? id] = { field: id, value: row.fieldValue ?? '', ...(row.fieldCurrency ? { currency: row.fieldCurrency } : {}) };
	}
	return out;
}
