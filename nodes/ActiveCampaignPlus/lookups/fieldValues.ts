import type { IDataObject } from 'n8n-workflow';

import type { ExecutionCache } from '../cache';
import { fieldValuesByTag, type TimedFieldValue } from '../helpers/fieldValues';
import { activeCampaignRequest } from '../transport';
import { accountFields } from './fields';

/**
 * A contact's custom field values with their change times, keyed by personalization tag. `known` are values the
 * caller already has (side-loaded by `GET /contacts/{id}`); otherwise they are read from
 * `GET /contacts/{id}/fieldValues` (https://developers.activecampaign.com/reference/retrieve-contact-field-values).
 */
export async function contactFieldValues(cache: ExecutionCache, contactId: string, known?: IDataObject[]): Promise<Record<string, TimedFieldValue>> {
	const values =
		known ??
		((
			await activeCampaignRequest.call(cache.context, {
				method: 'GET',
				path: `/contacts/${encodeURIComponent(contactId)}/fieldValues`,
				what: `reading the custom field values of contact ${contactId}`,
			})
		).fieldValues as IDataObject[] | undefined) ??
		[];
	return fieldValuesByTag(values, (await accountFields(cache)).all);
}
