import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { pickFields } from '../../../shared/simplify';
import { CONNECTION_FIELDS, keepsHint } from '../../helpers/simplify';
import { activeCampaignGetAll } from '../../transport';
import { limit, returnAll } from '../common.descriptions';

const properties: INodeProperties[] = [
	returnAll,
	limit,
	simplifyProperty(keepsHint(CONNECTION_FIELDS)),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{ displayName: 'External Account ID', name: 'externalid', type: 'string', default: '', description: "Only the connection with this ID in the external service" },
			{ displayName: 'Service', name: 'service', type: 'string', default: '', description: 'Only connections of this service' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['connection'], operation: ['getMany'] } }, properties);

/** The account's connections, every page for Return All. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const max = this.getNodeParameter('returnAll', itemIndex) ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	for (const key of ['service', 'externalid']) if (filters[key]) qs[`filters[${key}]`] = filters[key];
	const connections = await activeCampaignGetAll.call(this, '/connections', 'connections', qs, max);
	return this.getNodeParameter('simple', itemIndex) ? connections.map((c) => pickFields(c, CONNECTION_FIELDS)) : connections;
}
