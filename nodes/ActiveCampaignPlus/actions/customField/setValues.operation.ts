import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { badInput, parseContactRef } from '../../helpers/input';
import type { ExecutionCache } from '../../helpers/names';
import { checkFieldsStored, readCustomFields } from '../../helpers/values';
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
	if (fieldValues.length === 0) throw badInput(this, itemIndex, 'Custom Fields is empty', 'Add at least one field and its value.');
	const contactId = await cache.contactId(ref, itemIndex);
	const response = await activeCampaignRequest.call(this, {
		method: 'PUT',
		path: `/contacts/${contactId}`,
		body: { contact: { fieldValues } },
		what: `setting custom fields of contact ${contactId}`,
	});
	checkFieldsStored(this, itemIndex, cache, fieldValues, response.fieldValues);
	const catalog = await cache.fields();
	const byId = new Map(catalog.all.map((f) => [f.id, f]));
	const set = new Set(fieldValues.map((v) => v.field));
	return {
		contact: contactId,
		fieldValues: ((response.fieldValues as IDataObject[] | undefined) ?? [])
			.filter((v) => set.has(String(v.field)))
			.map((v) => ({ field: String(v.field), title: byId.get(String(v.field))?.title, value: v.value })),
	};
}
