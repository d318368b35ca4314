import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { activeCampaignRequest } from '../../transport';
import { readTag, tagRef } from './update.operation';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['get'] } }, [tagRef]);

/** One tag by name or id, as ActiveCampaign stores it (with its contact count). */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const tag = await readTag.call(this, itemIndex, cache);
	const response = await activeCampaignRequest.call(this, { method: 'GET', path: `/tags/${tag.id}`, what: `reading tag "${tag.tag}"` });
	return response.tag as IDataObject;
}
