import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { answeredWith, asNodeError, inputError } from '../../../shared/errors';
import { folderKey } from '../../lookups';
import { caspioRequest, type MultipartFile } from '../../transport';
import { binaryPropertyProperty, inputFile } from '../common.binary';
import { folderLocator } from './file.descriptions';

/** How many `_n` names a "make a copy" upload tries before it gives up. */
const MAX_COPY_ATTEMPTS = 100;

const properties: INodeProperties[] = [
	binaryPropertyProperty('input'),
	folderLocator,
	{
		displayName: 'On Conflict',
		name: 'onConflict',
		type: 'options',
		options: [
			{ name: 'Make a Copy', value: 'makeCopy', description: 'Keep the existing file and store this one as name_1, name_2, …' },
			{ name: 'Overwrite', value: 'overwrite', description: 'Replace the file of the same name' },
		],
		default: 'makeCopy',
		description: 'What to do when the folder already holds a file of the same name',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['file'], operation: ['upload'] } }, properties);

/** `report.pdf` → `report_1.pdf`; `report_1.pdf` → `report_2.pdf`. */
export function copyName(fileName: string, attempt: number): string {
	const dot = fileName.lastIndexOf('.');
	const [base, extension] = dot > 0 ? [fileName.slice(0, dot), fileName.slice(dot)] : [fileName, ''];
	const numbered = /^(.*)_(\d+)$/.exec(base);
	const stem = numbered ? numbered[1] : base;
	const first = numbered ? Number(numbered[2]) + 1 : 1;
	return `${stem}_${first + attempt - 1}${extension}`;
}

/** Puts the item's file in a folder of the Files area; returns its name, key and path as stored. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const onConflict = this.getNodeParameter('onConflict', itemIndex, 'makeCopy') as 'makeCopy' | 'overwrite';
	const file = await inputFile.call(this, itemIndex, onConflict === 'overwrite' ? 'File' : 'Files');
	const folder = await folderKey.call(this, itemIndex);
	const qs: IDataObject = folder.key ? { externalKey: folder.key } : {};
	const send = async (part: MultipartFile) =>
		(await caspioRequest.call(this, {
			method: onConflict === 'overwrite' ? 'PUT' : 'POST',
			path: '/files',
			qs,
			files: [part],
			what: `uploading "${part.fileName}" to the Files area`,
		})) as unknown as { Result?: IDataObject | IDataObject[] };
	let response: { Result?: IDataObject | IDataObject[] } | undefined;
	let stored = file;
	for (let attempt = 0; response === undefined; attempt++) {
		try {
			response = await send(stored);
		} catch (error) {
			// Caspio refuses a POST whose name exists with 409, before storing anything, so another name is safe to try.
			if (onConflict !== 'makeCopy' || !answeredWith(error, 409)) throw asNodeError(this.getNode(), error, itemIndex);
			if (attempt + 1 >= MAX_COPY_ATTEMPTS) {
				throw inputError(
					this.getNode(),
					itemIndex,
					`no free name for "${file.fileName}" after ${MAX_COPY_ATTEMPTS} tries`,
					'Delete old copies from the folder, or choose "Overwrite" under On Conflict.',
				);
			}
			stored = { ...file, fileName: copyName(file.fileName, attempt + 1) };
		}
	}
	const result = (Array.isArray(response.Result) ? response.Result[0] : response.Result) ?? {};
	const name = String(result.Name ?? stored.fileName);
	return { ...result, Name: name, ...(folder.path === undefined ? {} : { Path: `${folder.path}/${name}` }) };
}
