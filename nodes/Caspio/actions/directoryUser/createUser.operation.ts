import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { userBody } from '../../helpers/bodies';
import { directoryWithFields } from '../../lookups';
import { caspioRequest, type CaspioResult } from '../../transport';
import { userFieldsProperties } from './directoryUser.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['directoryUser'], operation: ['createUser'] } }, userFieldsProperties);

/** Adds one user per item (a password may be set here, never by an update) and returns the user as stored. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const directory = await directoryWithFields.call(this, itemIndex);
	const body = userBody.call(this, itemIndex, directory.fields, 'create');
	const response = (await caspioRequest.call(this, {
		method: 'POST',
		path: directory.path,
		qs: { response: 'rows' },
		body,
		what: `creating a user in directory "${directory.name}"`,
	})) as unknown as CaspioResult | undefined;
	return response?.Result?.[0] ?? {};
}
