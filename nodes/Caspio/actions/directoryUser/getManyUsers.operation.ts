import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { isReadable } from '../../helpers/fieldTypes';
import { whereFromParameters } from '../../helpers/filters';
import { directoryWithFields } from '../../lookups';
import { caspioGetAllRecords } from '../../transport';
import { optionsCollection, returnAllProperties } from '../common.descriptions';
import { userFilterProperties } from './directoryUser.descriptions';

const properties: INodeProperties[] = [
	...returnAllProperties,
	...userFilterProperties('Only users that match these conditions; all users when empty'),
	optionsCollection([
		{
			displayName: 'Fields to Return Names or IDs',
			name: 'select',
			type: 'multiOptions',
			typeOptions: { loadOptionsMethod: 'getDirectoryReadableFields', loadOptionsDependsOn: ['directoryId'] },
			default: [],
			description:
				'Which fields each user should include; all but passwords when empty. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		},
	]),
];

export const description = updateDisplayOptions({ show: { resource: ['directoryUser'], operation: ['getManyUsers'] } }, properties);

/** The directory's users, one item each, ordered by UserGUID so that paging neither skips nor repeats a user. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const directory = await directoryWithFields.call(this, itemIndex);
	const where = whereFromParameters.call(this, itemIndex, directory.fields);
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const { select = [] } = this.getNodeParameter('options', itemIndex, {}) as { select?: string[] };
	// Only names from the directory's own field list reach q.select.
	const chosen = select.map((name) => {
		const field = directory.fields.find((f) => f.Name.toLowerCase() === name.toLowerCase());
		if (!field || !isReadable(field)) {
			throw inputError(this.getNode(), itemIndex, `Field "${name}" cannot be returned: it is ${field ? 'a password field' : 'not a field of this directory'}`, 'Pick the fields to return from the list.');
		}
		return field.Name;
	});
	const qs: IDataObject = {
		'q.orderBy': 'UserGUID ASC',
		...(where === undefined ? {} : { 'q.where': where }),
		...(chosen.length > 0 ? { 'q.select': [...new Set(chosen)].join(',') } : {}),
	};
	return await caspioGetAllRecords.call(this, directory.path, qs, limit);
}
