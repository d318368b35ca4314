import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { activeCampaignGetAll } from '../../transport';
import { limit, returnAll } from '../common.descriptions';

const properties: INodeProperties[] = [
	returnAll,
	limit,
	{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Only accounts whose name contains this text' },
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Count Contacts and Deals',
				name: 'countDeals',
				type: 'boolean',
				default: false,
				description: 'Whether ActiveCampaign counts each account\'s contacts and deals (contactCount, dealCount); otherwise both are 0',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['getMany'] } }, properties);

/** Lists accounts, every page when Return All is on. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const all = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const max = all ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const search = String(this.getNodeParameter('search', itemIndex, '') ?? '').trim();
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (search) qs.search = search;
	if (options.countDeals === true) qs.count_deals = true;
	return await activeCampaignGetAll.call(this, '/accounts', 'accounts', qs, max);
}
