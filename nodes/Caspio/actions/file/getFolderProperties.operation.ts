import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { listQuery } from '../../helpers/files';
import { folderKey } from '../../lookups';
import { caspioGetAllFilePages } from '../../transport';
import { returnAllProperties } from '../common.descriptions';
import { folderLocator, listOptionsProperty } from './file.descriptions';

const properties: INodeProperties[] = [
	{ ...folderLocator, displayName: 'Parent Folder', description: 'Whose subfolders to list; the root folder when empty' },
	...returnAllProperties,
	listOptionsProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['getFolderProperties'] } }, properties);

/** The subfolders of one folder with their properties, one item per folder. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const folder = await folderKey.call(this, itemIndex);
	const { qs, limit } = listQuery.call(this, itemIndex, folder.key);
	return await caspioGetAllFilePages.call(this, '/files/folders', qs, limit);
}
