import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { activeCampaignGetAll } from '../../transport';
import { limit, returnAll } from '../common.descriptions';

const properties: INodeProperties[] = [
	returnAll,
	limit,
	{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Only lists with exactly this name' },
];

export const description = updateDisplayOptions({ show: { resource: ['list'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const all = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const max = all ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const name = this.getNodeParameter('name', itemIndex, '') as string;
	return await activeCampaignGetAll.call(this, '/lists', 'lists', name ? { 'filters[name]': name } : {}, max);
}
