import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { whereFromParameters } from '../../helpers/filters';
import { caspioRequest, type CaspioResult } from '../../transport';
import { customWhereProperty, filterProperties } from '../common.descriptions';
import { attachmentFieldProperty, attachmentFileName, attachmentTarget, type AttachmentInfo } from './shared';

const properties: INodeProperties[] = [
	attachmentFieldProperty,
	...filterProperties('getFilterFields', 'Only the files of records that match these conditions; every record when empty'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [customWhereProperty],
	},
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
