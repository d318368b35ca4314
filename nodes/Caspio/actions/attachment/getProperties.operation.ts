import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { attachmentFileName, type AttachmentInfo } from '../../helpers/attachments';
import { whereFromParameters } from '../../helpers/filters';
import { attachmentTarget } from '../../lookups';
import { caspioRequest, type CaspioResult } from '../../transport';
import { writeFilterProperties } from '../common.descriptions';
import { attachmentFieldProperty } from './attachment.descriptions';

const properties: INodeProperties[] = [
	attachmentFieldProperty,
	...writeFilterProperties('Only the files of records that match these conditions; every record when empty'),
];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['getProperties'] } }, properties);

/** Name, extension and size of the files in an attachment field, one item per file. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const target = await attachmentTarget.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { customWhere?: string };
	const where = whereFromParameters.call(this, itemIndex, target.fields, options);
	const response = (await caspioRequest.call(this, {
		method: 'GET',
		path: `${target.path}/fileInfo`,
		qs: where === undefined ? {} : { 'q.where': where },
		what: `reading the ${target.field} attachment properties in "${target.table}"`,
	})) as unknown as CaspioResult<AttachmentInfo>;
	return (response.Result ?? []).map((info) => ({ ...info, fileName: attachmentFileName(info) }) as IDataObject);
}
