import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { activeCampaignGetAll } from '../../transport';
import { limit, returnAll } from '../common.descriptions';

const properties: INodeProperties[] = [
	returnAll,
	limit,
	{
		displayName: 'Search',
		name: 'search',
		type: 'string',
		default: '',
		description: 'Only tags whose name contains this text',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['getMany'] } }, properties);

/** Lists tags, every page when Return All is on. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const search = this.getNodeParameter('search', itemIndex) as string;
	return await activeCampaignGetAll.call(this, '/tags', 'tags', search ? { search } : {}, limit);
}
