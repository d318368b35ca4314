import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { contactTags } from '../../associations';
import type { ExecutionCache } from '../../cache';
import { parseContactRef } from '../../helpers/input';
import { resolveContactId } from '../../lookups/contacts';
import { tagById } from '../../lookups/tags';
import { contactRef } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['getForContact'] } }, [contactRef]);

/** One item per tag the contact has: tag id, name and the association (each tag's name read once per execution). */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject[]> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const contactId = await resolveContactId(cache, ref, itemIndex);
	const links = await contactTags.call(this, contactId);
	const result: IDataObject[] = [];
	for (const link of links) {
		const tagId = String(link.tag);
		const tag = await tagById(cache, tagId);
		result.push({ contact: contactId, tagId, tag: tag?.tag ?? null, contactTagId: String(link.id), cdate: link.cdate });
	}
	return result;
}
