import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { parseContactRef, requireText } from '../../helpers/input';
import { resolveContactId } from '../../lookups/contacts';
import { activeCampaignRequest } from '../../transport';
import { contactRef } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['create'] } }, [
	contactRef,
	{
		displayName: 'Note',
		name: 'note',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'Text of the note added to the contact',
	},
] as INodeProperties[]);

/** Adds a note to a contact (by email or id): `POST /notes` with reltype Subscriber. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const note = requireText(this, itemIndex, this.getNodeParameter('note', itemIndex), 'Note');
	const contactId = await resolveContactId(cache, ref, itemIndex);
	const response = await activeCampaignRequest.call(this, {
		method: 'POST',
		path: '/notes',
		body: { note: { note, reltype: 'Subscriber', relid: contactId } },
		what: `adding a note to contact ${contactId}`,
	});
	return response.note as IDataObject;
}
