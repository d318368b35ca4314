import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { whereFromParameters } from '../../helpers/filters';
import { attachmentTarget } from '../../lookups';
import { caspioRequest } from '../../transport';
import { writeFilterProperties } from '../common.descriptions';
import { attachmentFieldProperty } from './attachment.descriptions';

const properties: INodeProperties[] = [attachmentFieldProperty, ...writeFilterProperties('Whose files to delete; at least one condition is required')];

export const description = updateDisplayOptions({ show: { resource: ['attachment'], operation: ['delete'] } }, properties);

/** Removes the file from the attachment field of every record the filters match; the records stay. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const target = await attachmentTarget.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { customWhere?: string };
	const where = whereFromParameters.call(this, itemIndex, target.fields, options);
	if (where === undefined) {
		throw inputError(
			this.getNode(),
			itemIndex,
			'Delete refused: no filter given',
			'Add a condition under Filters that selects the records whose files to delete (e.g. PK_ID equals 42).',
		);
	}
	const response = (await caspioRequest.call(this, {
		method: 'DELETE',
		path: target.path,
		qs: { 'q.where': where },
		what: `deleting ${target.field} files in "${target.table}"`,
	})) as unknown as { RecordsAffected?: number } | undefined;
	return { table: target.table, field: target.field, recordsAffected: response?.RecordsAffected ?? 0 };
}
