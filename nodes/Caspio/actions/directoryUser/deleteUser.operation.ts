import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { whereFromParameters } from '../../helpers/filters';
import { directoryOf } from '../../lookups';
import { caspioRequest } from '../../transport';
import { tableFields } from '../../transport/fields';
import { deleteAllProperties } from '../common.descriptions';
import { userFilterProperties } from './directoryUser.descriptions';

const properties: INodeProperties[] = deleteAllProperties('Users', 'directory', userFilterProperties('Which users to delete'));

export const description = updateDisplayOptions({ show: { resource: ['directoryUser'], operation: ['deleteUser'] } }, properties);

/** Deletes the users the filters match; an empty filter is refused unless "Delete All Users" is on. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const deleteAll = this.getNodeParameter('deleteAll', itemIndex, false) as boolean;
	const directory = await directoryOf.call(this, itemIndex);
	// Caspio requires a where on DELETE; every user has a UserGUID.
	const where = deleteAll ? 'UserGUID IS NOT NULL' : whereFromParameters.call(this, itemIndex, await tableFields.call(this, 'tables', directory.name));
	if (where === undefined) {
		throw inputError(this.getNode(), itemIndex, 'Delete refused: no filter given', 'Add a condition under Filters, or turn on "Delete All Users" to empty the directory.');
	}
	const response = (await caspioRequest.call(this, {
		method: 'DELETE',
		path: directory.path,
		qs: { Where: where },
		what: `deleting users from directory "${directory.name}"`,
	})) as unknown as { RecordsAffected?: number };
	return { recordsAffected: response.RecordsAffected ?? 0 };
}
