import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type IN8nHttpFullResponse,
	type INodeProperties,
} from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { BinaryItem } from '../../../shared/router';
import { attachmentFileName, type AttachmentInfo } from '../../helpers/attachments';
import { recordIdFilter } from '../../helpers/recordId';
import { attachmentTarget } from '../../lookups';
import { caspioRequest, type CaspioResult } from '../../transport';
import { binaryPropertyProperty, outputFile, responseMimeType } from '../common.binary';
import { attachmentFieldProperty, recordOfFileProperty } from './attachment.descriptions';

const properties: INodeProperties[] = [attachmentFieldProperty, recordOfFileProperty, binaryPropertyProperty('output')];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['download'] } }, properties);

/** The file in one record's attachment field, as the item's binary, with its name and size as JSON. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<BinaryItem> {
	const target = await attachmentTarget.call(this, itemIndex);
	const { recordId, where } = recordIdFilter.call(this, itemIndex);
	// The file's own name is only in fileInfo: the download answers with bare bytes.
	const info = (await caspioRequest.call(this, {
		method: 'GET',
		path: `${target.path}/fileInfo`,
		qs: { 'q.where': where },
		what: `reading the attachment properties of record ${recordId} in "${target.table}"`,
	})) as unknown as CaspioResult<AttachmentInfo>;
	const file = info.Result?.[0];
	if (!file) {
		throw inputError(
			this.getNode(),
			itemIndex,
			`record ${recordId} of "${target.table}" has no file in ${target.field}`,
			'Check the Record ID, or upload a file to the record first.',
		);
	}
	const response = (await caspioRequest.call(this, {
		method: 'GET',
		path: `${target.path}/${recordId}`,
		binaryResponse: true,
		fullResponse: true,
		what: `downloading the ${target.field} file of record ${recordId} in "${target.table}"`,
	})) as unknown as IN8nHttpFullResponse;
	const fileName = attachmentFileName(file);
	const json: IDataObject = { table: target.table, field: target.field, recordId, fileName, extension: file.FileType ?? '', size: file.Size ?? null };
	return new BinaryItem(json, await outputFile.call(this, itemIndex, Buffer.from(response.body as Buffer), fileName, responseMimeType(response.headers)));
}
