import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { parseContactRef } from '../../helpers/input';
import { resolveContactId } from '../../lookups/contacts';
import { activeCampaignRequest } from '../../transport';
import { contactRef, limit, returnAll } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['getMany'] } }, [contactRef, returnAll, limit]);

/** A contact's notes (`GET /contacts/{id}/notes`, one unpaged answer), one output item per note. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject[]> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const all = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const max = all ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const contactId = await resolveContactId(cache, ref, itemIndex);
	const response = await activeCampaignRequest.call(this, {
		method: 'GET',
		path: `/contacts/${contactId}/notes`,
		what: `reading the notes of contact ${contactId}`,
	});
	const notes = (response.notes as IDataObject[] | undefined) ?? [];
	return max === undefined ? notes : notes.slice(0, max);
}
