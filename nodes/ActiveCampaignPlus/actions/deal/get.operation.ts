import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { toDealId } from '../../helpers/deals';
import { DEAL_FIELDS, keepsHint, simplifyDeal } from '../../helpers/simplify';
import { activeCampaignRequest } from '../../transport';

export const dealId: INodeProperties = {
	displayName: 'Deal ID',
	name: 'dealId',
	type: 'string',
	required: true,
	default: '',
	description: 'The numeric ActiveCampaign ID of the deal',
};

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['get'] } }, [dealId, simplifyProperty(keepsHint(DEAL_FIELDS))]);

/** Reads one deal by id, simplified unless asked for all of it; its value stays in cents as ActiveCampaign stores it. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = toDealId(this.getNode(), itemIndex, this.getNodeParameter('dealId', itemIndex));
	const response = await activeCampaignRequest.call(this, { method: 'GET', path: `/deals/${id}`, what: `reading deal ${id}` });
	const deal = response.deal as IDataObject;
	return this.getNodeParameter('simple', itemIndex) ? simplifyDeal(deal) : deal;
}
