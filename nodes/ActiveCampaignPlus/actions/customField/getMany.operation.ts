import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { activeCampaignGetAll } from '../../transport';
import { limit, returnAll } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['customField'], operation: ['getMany'] } }, [returnAll, limit]);

/** Custom contact fields, every page when Return All is on (accounts often have more than 100). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const all = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const max = all ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	return await activeCampaignGetAll.call(this, '/fields', 'fields', {}, max);
}
