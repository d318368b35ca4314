import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import { parseContactRef, requireEmail } from '../../helpers/input';
import { resolveContactId } from '../../lookups/contacts';
import { activeCampaignRequest } from '../../transport';
import { contactRef, personFields } from '../common.descriptions';

const properties: INodeProperties[] = [
	contactRef,
	{
		...personFields([
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: "The contact's new email address" },
		]),
		displayName: 'Update Fields',
		name: 'updateFields',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['update'] } }, properties);

/** Changes a contact found by email or id, its email address included; fields left out are kept. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const contact: IDataObject = {};
	if (fields.email !== undefined) contact.email = requireEmail(this, itemIndex, fields.email, 'Update Fields → Email');
	for (const key of ['firstName', 'lastName', 'phone']) if (fields[key] !== undefined) contact[key] = String(fields[key]);
	if (Object.keys(contact).length === 0) {
		throw inputError(this.getNode(), itemIndex, 'Update Fields is empty', 'Add at least one field to change; nothing was sent to ActiveCampaign for this item.');
	}
	const id = await resolveContactId(cache, ref, itemIndex);
	const response = await activeCampaignRequest.call(this, { method: 'PUT', path: `/contacts/${id}`, body: { contact }, what: `updating contact ${id}` });
	return response.contact as IDataObject;
}
