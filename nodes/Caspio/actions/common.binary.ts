import type { IBinaryKeyData, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import type { MultipartFile } from '../transport';

/** The item's binary property an upload reads, or a download writes. */
export function binaryPropertyProperty(direction: 'input' | 'output'): INodeProperties {
	return {
		displayName: direction === 'input' ? 'Input Binary Field' : 'Put Output File in Field',
		name: 'binaryPropertyName',
		description: 'Name of the binary property of the item that holds (or will hold) the file',
		type: 'string',
		required: true,
		default: 'data',
		hint: direction === 'input' ? 'The name of the input binary field containing the file to upload' : 'The name of the output binary field to put the file in',
	};
}

/** The file an item carries in its binary property, as a multipart part; the error names the item and field. */
export async function inputFile(this: IExecuteFunctions, itemIndex: number, field: string): Promise<MultipartFile> {
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '').trim();
	const binary = this.getInputData()[itemIndex]?.binary?.[property];
	if (property === '' || !binary) {
		const present = Object.keys(this.getInputData()[itemIndex]?.binary ?? {});
		throw inputError(
			this.getNode(),
			itemIndex,
			`The item has no binary field "${property}"`,
			present.length
				? `Set "Input Binary Field" to one of the item's binary fields: ${present.join(', ')}.`
				: 'The item carries no file. Put one in it first, e.g. with a Read/Write Files or HTTP Request node.',
		);
	}
	this.helpers.assertBinaryData(itemIndex, property);
	const data = await this.helpers.getBinaryDataBuffer(itemIndex, property);
	return { field, fileName: binary.fileName || 'file', mimeType: binary.mimeType || 'application/octet-stream', data };
}

/** Puts downloaded bytes into the output binary property chosen for this item. */
export async function outputFile(
	this: IExecuteFunctions,
	itemIndex: number,
	data: Buffer,
	fileName: string,
	mimeType?: string,
): Promise<IBinaryKeyData> {
	const property = String(this.getNodeParameter('binaryPropertyName', itemIndex, 'data') ?? '').trim() || 'data';
	return { [property]: await this.helpers.prepareBinaryData(data, fileName, mimeType) };
}

/** The content type of a download: the header Caspio sent, without parameters, when it says anything useful. */
export function responseMimeType(headers: Record<string, unknown> | undefined): string | undefined {
	const value = headers?.['content-type'];
	const type = typeof value === 'string' ? value.split(';')[0].trim() : '';
	return type === '' || type === 'application/octet-stream' ? undefined : type;
}
