import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import type { ExecutionCache } from '../cache';
import { fieldCatalog, fieldKey, type Catalog, type FieldInfo } from '../helpers/catalog';
import { formatFieldValue } from '../helpers/values';
import { activeCampaignGetAll } from '../transport';

/** Custom fields by title, personalization tag or id, with their options; read once per execution and kept. */

/** Every custom field of the account, with the options of choice fields (side-loaded beside each page). */
async function loadFields(cache: ExecutionCache): Promise<Catalog<FieldInfo>> {
	const options = new Map<string, string[]>();
	const rows = await activeCampaignGetAll.call(cache.context, '/fields', 'fields', {}, undefined, (page) => {
		for (const o of (page.fieldOptions as IDataObject[] | undefined) ?? []) {
			options.set(String(o.field), [...(options.get(String(o.field)) ?? []), String(o.value)]);
		}
	});
	return fieldCatalog(
		rows.map((f) => ({
			id: String(f.id),
			title: String(f.title),
			perstag: String(f.perstag ?? ''),
			type: String(f.type),
			options: options.get(String(f.id)) ?? [],
		})),
	);
}

/** Every custom field of the account, as this execution knows them. */
export async function accountFields(cache: ExecutionCache): Promise<Catalog<FieldInfo>> {
	return await cache.once('fields', async () => await loadFields(cache));
}

/** A custom field by title, perstag (with or without %…%) or id. */
export async function resolveField(cache: ExecutionCache, ref: string, itemIndex: number): Promise<FieldInfo> {
	const { found, catalog } = await cache.lookUp('fields', async () => await loadFields(cache), fieldKey(ref));
	if (found) return found;
	throw inputError(
		cache.context.getNode(),
		itemIndex,
		`Custom field "${ref.trim()}" does not exist in ActiveCampaign`,
		`Use a field title, personalization tag or ID. Known fields: ${catalog.all.map((f) => f.title).join(', ') || '(none)'}.`,
	);
}

/** The rows of an item's "Custom Fields" parameter (contact or account fields): each field's name or id and its value. */
export function readFieldRows(context: IExecuteFunctions, itemIndex: number): Array<{ name: string; value: unknown }> {
	const entries = (context.getNodeParameter('customFields.field', itemIndex, []) as Array<{ name?: string; value?: unknown }>) ?? [];
	return entries.map((entry) => {
		const name = String(entry.name ?? '').trim();
		if (name === '') {
			throw inputError(context.getNode(), itemIndex, 'Custom Fields: a row has no field chosen', 'Choose a field in every row, or remove the empty row.');
		}
		return { name, value: entry.value };
	});
}

/** The "Custom Fields" parameter of an item as `fieldValues` for ActiveCampaign, fields resolved by name. */
export async function readCustomFields(
	context: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<Array<{ field: string; value: string }>> {
	const values: Array<{ field: string; value: string }> = [];
	for (const row of readFieldRows(context, itemIndex)) {
		const field = await resolveField(cache, row.name, itemIndex);
		values.push({ field: field.id, value: formatFieldValue(context.getNode(), itemIndex, field, row.value) });
	}
	return values;
}
