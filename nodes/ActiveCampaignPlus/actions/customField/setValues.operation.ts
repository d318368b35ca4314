import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import { parseContactRef } from '../../helpers/input';
import { checkFieldsStored } from '../../helpers/values';
import { resolveContactId } from '../../lookups/contacts';
import { accountFields, readCustomFields } from '../../lookups/fields';
import { activeCampaignRequest } from '../../transport';
import { contactRef, customFields } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['customField'], operation: ['setValues'] } }, [
	contactRef,
	{ ...customFields, required: true },
]);

/** Sets custom field values on a contact in one update, formatted for each field's type. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const fieldValues = await readCustomFields(this, itemIndex, cache);
	if (fieldValues.length === 0) throw inputError(this.getNode(), itemIndex, 'Custom Fields is empty', 'Add at least one field and its value.');
	const contactId = await resolveContactId(cache, ref, itemIndex);
	const response = await activeCampaignRequest.call(this, {
		method: 'PUT',
		path: `/contacts/${contactId}`,
		body: { contact: { fieldValues } },
		what: `setting custom fields of contact ${contactId}`,
	});
	checkFieldsStored(this.getNode(), itemIndex, cache.cameFromKeptNames('fields'), fieldValues, response.fieldValues);
	const catalog = await accountFields(cache);
	const byId = new Map(catalog.all.map((f) => [f.id, f]));
	const set = new Set(fieldValues.map((v) => v.field));
	return {
		contact: contactId,
		fieldValues: ((response.fieldValues as IDataObject[] | undefined) ?? [])
			.filter((v) => set.has(String(v.field)))
			.map((v) => ({ field: String(v.field), title: byId.get(String(v.field))?.title, value: v.value })),
	};
}
