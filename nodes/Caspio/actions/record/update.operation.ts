import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { mappedBody } from '../../helpers/bodies';
import { whereFromParameters } from '../../helpers/filters';
import { tableWithFields } from '../../lookups';
import { caspioRequest } from '../../transport';
import { recordsPath } from '../../transport/records';
import { writeFilterProperties } from '../common.descriptions';
import { columnsProperty } from './record.descriptions';

const [filters, combinator, options] = writeFilterProperties('Which records to update; at least one condition is required');
const properties: INodeProperties[] = [filters, combinator, columnsProperty('add'), options];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['update'] } }, properties);

interface UpdateResponse {
	RecordsAffected?: number;
	Result?: IDataObject[];
}

/** Sets the mapped fields on every record the filters match; returns how many changed and the rows as stored. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { table, fields } = await tableWithFields.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { customWhere?: string };
	const where = whereFromParameters.call(this, itemIndex, fields, options);
	if (where === undefined) {
		throw inputError(this.getNode(), itemIndex, 'Update needs at least one filter', 'Add a condition under Filters that selects the records to update (e.g. PK_ID equals 42).');
	}
	const body = mappedBody.call(this, itemIndex, fields, 'update');
	const response = (await caspioRequest.call(this, {
		method: 'PUT',
		path: recordsPath(table),
		qs: { 'q.where': where, response: 'rows' },
		body,
		what: `updating records in "${table}"`,
	})) as unknown as UpdateResponse;
	return { recordsAffected: response.RecordsAffected ?? 0, records: response.Result ?? [] };
}
