import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { recordIdFilter } from '../../helpers/recordId';
import { attachmentTarget } from '../../lookups';
import { caspioRequest } from '../../transport';
import { binaryPropertyProperty, inputFile } from '../common.binary';
import { attachmentFieldProperty, recordOfFileProperty } from './attachment.descriptions';

const properties: INodeProperties[] = [attachmentFieldProperty, recordOfFileProperty, binaryPropertyProperty('input')];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['upload'] } }, properties);

/** Stores the item's file in one record's attachment field, replacing the file it held. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = await attachmentTarget.call(this, itemIndex);
	const { recordId } = recordIdFilter.call(this, itemIndex);
	const file = await inputFile.call(this, itemIndex, 'File');
	await caspioRequest.call(this, {
		method: 'PUT',
		path: `${target.path}/${recordId}`,
		files: [file],
		what: `uploading "${file.fileName}" to ${target.field} of record ${recordId} in "${target.table}"`,
	});
	return { table: target.table, field: target.field, recordId, fileName: file.fileName, mimeType: file.mimeType, size: file.data.length };
}
