import type { IDataObject } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import type { ExecutionCache } from '../cache';
import { nameKey } from '../helpers/catalog';
import type { ContactRef } from '../helpers/input';
import { activeCampaignRequest } from '../transport';

/** Contacts by email. Not cached: contacts change within an execution. */

/** The contact with this email, or undefined. */
export async function contactByEmail(cache: ExecutionCache, email: string): Promise<IDataObject | undefined> {
	const response = await activeCampaignRequest.call(cache.context, {
		method: 'GET',
		path: '/contacts',
		qs: { email },
		what: `looking up contact ${email}`,
	});
	return ((response.contacts as IDataObject[] | undefined) ?? []).find((c) => nameKey(String(c.email)) === nameKey(email));
}

/** The id of a contact given by email or id; an unknown email is an error naming the item. */
export async function resolveContactId(cache: ExecutionCache, ref: ContactRef, itemIndex: number): Promise<string> {
	if ('id' in ref) return ref.id;
	const contact = await contactByEmail(cache, ref.email);
	if (!contact) {
		throw inputError(
			cache.context.getNode(),
			itemIndex,
			`No contact with email ${ref.email} exists in ActiveCampaign`,
			'Create it first with Contact → Upsert, or check the address.',
		);
	}
	return String(contact.id);
}
