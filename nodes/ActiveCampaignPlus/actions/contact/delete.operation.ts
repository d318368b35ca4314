import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { parseContactRef } from '../../helpers/input';
import { resolveContactId } from '../../lookups/contacts';
import { activeCampaignRequest } from '../../transport';
import { contactRef } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['delete'] } }, [contactRef]);

/** Deletes a contact given by email or id. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const id = await resolveContactId(cache, ref, itemIndex);
	await activeCampaignRequest.call(this, { method: 'DELETE', path: `/contacts/${id}`, what: `deleting contact ${id}` });
	return { id, ...('email' in ref ? { email: ref.email } : {}), deleted: true };
}
