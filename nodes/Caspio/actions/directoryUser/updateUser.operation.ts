import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { userBody } from '../../helpers/bodies';
import { whereFromParameters } from '../../helpers/filters';
import { directoryWithFields } from '../../lookups';
import { caspioRequest } from '../../transport';
import { userFieldsProperties, userFilterProperties } from './directoryUser.descriptions';

const properties: INodeProperties[] = [
	...userFilterProperties('Which users to update; at least one condition is required'),
	...userFieldsProperties,
];

export const description = updateDisplayOptions({ show: { resource: ['directoryUser'], operation: ['updateUser'] } }, properties);

interface UpdateResponse {
	RecordsAffected?: number;
	Result?: IDataObject[];
}

/** Sets the given fields on every user the filters match; returns how many changed and the users as stored. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const directory = await directoryWithFields.call(this, itemIndex);
	const where = whereFromParameters.call(this, itemIndex, directory.fields);
	if (where === undefined) {
		throw inputError(
			this.getNode(),
			itemIndex,
			'Update needs at least one filter',
			'Add a condition under Filters that selects the users to update (e.g. Email equals ada@example.com).',
		);
	}
	const body = userBody.call(this, itemIndex, directory.fields, 'update');
	const response = (await caspioRequest.call(this, {
		method: 'PUT',
		path: directory.path,
		// Directories take a capitalised `Where`, not `q.where`, as Caspio's own node sends it
		// (https://github.com/CaspioInnovations/n8n-node-caspioofficial).
		qs: { Where: where, response: 'rows' },
		body,
		what: `updating users in directory "${directory.name}"`,
	})) as unknown as UpdateResponse;
	return { recordsAffected: response.RecordsAffected ?? 0, users: response.Result ?? [] };
}
