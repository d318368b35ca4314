import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { whereFromParameters } from '../../helpers/filters';
import { chosenName } from '../../helpers/names';
import { caspioRequest } from '../../transport';
import { tableFields } from '../../transport/fields';
import { recordsPath } from '../../transport/records';
import { deleteAllProperties, writeFilterProperties } from '../common.descriptions';

const properties: INodeProperties[] = deleteAllProperties('Records', 'table', writeFilterProperties('Which records to delete'));

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['delete'] } }, properties);

/** The where of the records to delete: every record with "Delete All Records", else the filters, never nothing. */
async function deleteWhere(this: IExecuteFunctions, itemIndex: number, table: string): Promise<string> {
	// Caspio requires a where on DELETE; every record has a positive PK_ID.
	if (this.getNodeParameter('deleteAll', itemIndex, false) as boolean) return 'PK_ID > 0';
	const fields = await tableFields.call(this, 'tables', table);
	const options = this.getNodeParameter('options', itemIndex, {}) as { customWhere?: string };
	const where = whereFromParameters.call(this, itemIndex, fields, options);
	if (where === undefined) {
		throw inputError(this.getNode(), itemIndex, 'Delete refused: no filter given', 'Add a condition under Filters, or turn on "Delete All Records" to empty the table.');
	}
	return where;
}

/** Deletes the records the filters match; an empty filter is refused unless "Delete All Records" is on. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const table = chosenName.call(this, itemIndex);
	const where = await deleteWhere.call(this, itemIndex, table);
	const response = (await caspioRequest.call(this, {
		method: 'DELETE',
		path: recordsPath(table),
		qs: { 'q.where': where },
		what: `deleting records from "${table}"`,
	})) as unknown as { RecordsAffected?: number };
	return { recordsAffected: response.RecordsAffected ?? 0 };
}
