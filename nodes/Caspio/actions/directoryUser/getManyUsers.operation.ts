import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { whereFromParameters } from '../../helpers/filters';
import { directoryWithFields } from '../../lookups';
import { caspioGetAllRecords } from '../../transport';
import { returnAllProperties } from '../common.descriptions';
import { userFilterProperties } from './directoryUser.descriptions';

const properties: INodeProperties[] = [
	...returnAllProperties,
	...userFilterProperties('Only users that match these conditions; all users when empty'),
];

export const description = updateDisplayOptions({ show: { resource: ['directoryUser'], operation: ['getManyUsers'] } }, properties);

/** The directory's users, one item each, ordered by UserGUID so that paging neither skips nor repeats a user. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const directory = await directoryWithFields.call(this, itemIndex);
	const where = whereFromParameters.call(this, itemIndex, directory.fields);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const qs: IDataObject = { 'q.orderBy': 'UserGUID ASC', ...(where === undefined ? {} : { 'q.where': where }) };
	return await caspioGetAllRecords.call(this, directory.path, qs, limit);
}
