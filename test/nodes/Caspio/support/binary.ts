/** Binary input items and output reading for the file and attachment tests. */
import type { IBinaryData, INodeExecutionData } from 'n8n-workflow';

import type { NodeRun } from '../../../support/n8n';

/** Bytes that do not survive a text round trip: a PNG signature, a NUL, invalid UTF-8 and a CRLF. */
export const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0xff, 0xfe, 0x80, 0x0d, 0x0a, 0x2d, 0x2d]);

/** An input item carrying `bytes` in binary property `property`, as a previous node would hand it over. */
export function fileItem(bytes: Buffer, fileName: string, mimeType: string, property = 'data', json: Record<string, unknown> = {}): INodeExecutionData {
	const binary: IBinaryData = { data: bytes.toString('base64'), fileName, mimeType, fileSize: String(bytes.length) };
	return { json: json as INodeExecutionData['json'], binary: { [property]: binary } };
}

/** The file an output item carries: its bytes, name and type. */
export function outputFile(run: NodeRun, index = 0, property = 'data') {
	const binary = run.outputs[0]?.[index]?.binary?.[property];
	if (!binary) throw new Error(`output item ${index} has no binary "${property}"`);
	return { bytes: Buffer.from(binary.data, 'base64'), fileName: binary.fileName, mimeType: binary.mimeType };
}
