import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { caspioRequest, type CaspioResult } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: true,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['table'], operation: ['getMany'] } }, properties);

/** Lists the tables of the account, one item per table name. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = (await caspioRequest.call(this, { method: 'GET', path: '/tables', what: 'listing tables' })) as CaspioResult<string>;
	const names = response.Result ?? [];
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? names.length : (this.getNodeParameter('limit', itemIndex) as number);
	return names.slice(0, limit).map((name) => ({ name }));
}
