import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { caspioRequest, type CaspioResult } from '../../transport';
import { returnAllProperties } from '../common.descriptions';

// Listing tables is cheap, so it returns them all by default.
const properties: INodeProperties[] = returnAllProperties.map((p) => (p.name === 'returnAll' ? { ...p, default: true } : p));

export const description = updateDisplayOptions({ show: { resource: ['table'], operation: ['getMany'] } }, properties);

/** Lists the tables of the account, one item per table name. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const response = (await caspioRequest.call(this, { method: 'GET', path: '/tables', what: 'listing tables' })) as CaspioResult<string>;
	const names = response.Result ?? [];
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? names.length : (this.getNodeParameter('limit', itemIndex) as number);
	return names.slice(0, limit).map((name) => ({ name }));
}
