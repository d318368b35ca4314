import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fileAddress } from '../../helpers/files';
import { caspioRequest } from '../../transport';
import { fileLocator } from './file.descriptions';

const properties: INodeProperties[] = [fileLocator];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['delete'] } }, properties);

/** Deletes one file of the Files area. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const address = fileAddress.call(this, itemIndex);
	await caspioRequest.call(this, { method: 'DELETE', path: address.path, qs: address.qs, what: `deleting file ${address.label}` });
	return { deleted: true, file: address.label };
}
