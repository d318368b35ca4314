import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type IN8nHttpFullResponse, type INodeProperties } from 'n8n-workflow';

import { BinaryItem } from '../../../shared/router';
import { fileAddress } from '../../helpers/files';
import { caspioRequest } from '../../transport';
import { binaryPropertyProperty, outputFile, responseMimeType } from '../common.binary';
import { fileLocator } from './file.descriptions';

const properties: INodeProperties[] = [fileLocator, binaryPropertyProperty('output')];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['download'] } }, properties);

/** A file of the Files area as the item's binary, with its properties as JSON. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<BinaryItem> {
	const address = fileAddress.call(this, itemIndex);
	// The name and type are only in fileInfo: the download answers with bare bytes.
	const info = (await caspioRequest.call(this, {
		method: 'GET',
		path: `${address.path}/fileInfo`,
		qs: address.qs,
		what: `reading the properties of file ${address.label}`,
	})) as unknown as { Result?: IDataObject };
	const properties = info.Result ?? {};
	const response = (await caspioRequest.call(this, {
		method: 'GET',
		path: address.path,
		qs: address.qs,
		binaryResponse: true,
		fullResponse: true,
		what: `downloading file ${address.label}`,
	})) as unknown as IN8nHttpFullResponse;
	const fileName = String(properties.Name ?? address.label.split('/').pop() ?? 'file');
	const mimeType = typeof properties.ContentType === 'string' && properties.ContentType !== '' ? properties.ContentType : responseMimeType(response.headers);
	return new BinaryItem(properties, await outputFile.call(this, itemIndex, Buffer.from(response.body as Buffer), fileName, mimeType));
}
