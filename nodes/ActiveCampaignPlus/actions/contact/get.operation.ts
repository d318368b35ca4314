import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import { parseContactRef } from '../../helpers/input';
import { CONTACT_FIELDS, keepsHint, simplifyContact } from '../../helpers/simplify';
import { contactByEmail } from '../../lookups/contacts';
import { contactFieldValues } from '../../lookups/fieldValues';
import { activeCampaignRequest } from '../../transport';
import { contactRef } from '../common.descriptions';
import { includeFieldValuesProperty } from './contact.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['get'] } }, [
	contactRef,
	simplifyProperty(keepsHint(CONTACT_FIELDS)),
	includeFieldValuesProperty,
]);

/** One contact by email or id (by id with its custom field values), simplified unless asked for all of it. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const contact = await read.call(this, itemIndex, cache);
	const output = this.getNodeParameter('simple', itemIndex) ? simplifyContact(contact) : contact;
	if (!this.getNodeParameter('includeFieldValues', itemIndex, false)) return output;
	const known = Array.isArray(contact.fieldValues) ? (contact.fieldValues as IDataObject[]) : undefined;
	return { ...output, fields: await contactFieldValues(cache, String(contact.id), known) };
}

async function read(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	if ('email' in ref) {
		const found = await contactByEmail(cache, ref.email);
		if (!found) {
			throw inputError(this.getNode(), itemIndex, `No contact with email ${ref.email} exists in ActiveCampaign`, 'Check the address, or create the contact with Contact → Upsert.');
		}
		return found;
	}
	const response = await activeCampaignRequest.call(this, { method: 'GET', path: `/contacts/${ref.id}`, what: `reading contact ${ref.id}` });
	return { ...(response.contact as IDataObject), fieldValues: response.fieldValues };
}
