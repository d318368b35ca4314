import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { toDealId } from '../../helpers/deals';
import { activeCampaignRequest } from '../../transport';
import { dealId } from './get.operation';

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['delete'] } }, [dealId]);

/** Deletes a deal by id (ActiveCampaign answers with an empty body). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = toDealId(this.getNode(), itemIndex, this.getNodeParameter('dealId', itemIndex));
	await activeCampaignRequest.call(this, { method: 'DELETE', path: `/deals/${id}`, what: `deleting deal ${id}` });
	return { id, deleted: true };
}
