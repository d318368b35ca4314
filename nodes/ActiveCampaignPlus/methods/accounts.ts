import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { readAccountCustomFields } from '../lookups/accounts';

/** Dropdowns of the account parameters. */

/** Every account custom field (all pages), by label. */
export async function getAccountFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await readAccountCustomFields.call(this);
	return fields.map((f) => ({ name: f.title, value: f.id, description: f.type })).sort((a, b) => a.name.localeCompare(b.name));
}
