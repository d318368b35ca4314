import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { parseContactRef } from '../../helpers/input';
import type { ExecutionCache } from '../../helpers/names';
import { activeCampaignRequest } from '../../transport';
import { contactRef } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['getForContact'] } }, [contactRef]);

/** One item per tag the contact has: tag id, name and the association (each tag's name read once per execution). */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject[]> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const contactId = await cache.contactId(ref, itemIndex);
	const response = await activeCampaignRequest.call(this, {
		method: 'GET',
		path: `/contacts/${contactId}/contactTags`,
		what: `reading the tags of contact ${contactId}`,
	});
	const links = (response.contactTags as IDataObject[] | undefined) ?? [];
	const result: IDataObject[] = [];
	for (const link of links) {
		const tagId = String(link.tag);
		const tag = await cache.tagById(tagId);
		result.push({ contact: contactId, tagId, tag: tag?.tag ?? null, contactTagId: String(link.id), cdate: link.cdate });
	}
	return result;
}
