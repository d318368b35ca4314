import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { tableFields } from '../../helpers/fields';
import { whereFromParameters } from '../../helpers/filters';
import { caspioRequest } from '../../transport';
import { customWhereProperty, filterProperties } from '../common.descriptions';
import { recordsPath, tableName } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Delete All Records',
		name: 'deleteAll',
		type: 'boolean',
		default: false,
		description: 'Whether to delete every record of the table. Without it, at least one filter is required.',
	},
	...filterProperties('getFilterFields', 'Which records to delete').map((p) => ({
		...p,
		displayOptions: { show: { deleteAll: [false] } },
	})),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { deleteAll: [false] } },
		options: [customWhereProperty],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['delete'] } }, properties);

/** Deletes the records the filters match; an empty filter is refused unless "Delete All Records" is on. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const table = tableName.call(this, itemIndex);
	const deleteAll = this.getNodeParameter('deleteAll', itemIndex, false) as boolean;
	let where: string | undefined;
	if (deleteAll) {
		// Caspio requires a where on DELETE; every record has a positive PK_ID.
		where = 'PK_ID > 0';
	} else {
		const fields = await tableFields.call(this, 'tables', table);
		const options = this.getNodeParameter('options', itemIndex, {}) as { customWhere?: string };
		where = whereFromParameters.call(this, itemIndex, fields, options);
		if (where === undefined) {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: Delete refused: no filter given`, {
				itemIndex,
				description: 'Add a condition under Filters, or turn on "Delete All Records" to empty the table.',
			});
		}
	}
	const response = (await caspioRequest.call(this, {
		method: 'DELETE',
		path: recordsPath(table),
		qs: { 'q.where': where },
		what: `deleting records from "${table}"`,
	})) as unknown as { RecordsAffected?: number };
	return { recordsAffected: response.RecordsAffected ?? 0 };
}
