import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { forgetTag } from '../../lookups/tags';
import { activeCampaignRequest } from '../../transport';
import { readTag, tagRef } from './update.operation';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['delete'] } }, [tagRef]);

/** Deletes a tag given by name or id; the contacts that had it lose it. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const tag = await readTag.call(this, itemIndex, cache);
	await activeCampaignRequest.call(this, { method: 'DELETE', path: `/tags/${tag.id}`, what: `deleting tag "${tag.tag}"` });
	await forgetTag(cache, tag);
	return { id: tag.id, tag: tag.tag, deleted: true };
}
