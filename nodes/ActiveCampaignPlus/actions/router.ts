import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems, type OperationMap } from '../../shared/router';
import type { ActiveCampaignPlusOperations } from './node.type';
import * as tag from './tag';

const operations: OperationMap<ActiveCampaignPlusOperations> = {
	tag: { getMany: tag.getMany.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
