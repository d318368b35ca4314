import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { inputError } from '../../../shared/errors';
import { recordIdFilter } from '../../helpers/recordId';
import { SIMPLIFY_RULE, simplifyRecord } from '../../helpers/simplify';
import { tableWithFields } from '../../lookups';
import { readRecords } from '../../transport/records';
import { optionsCollection, recordIdProperty, selectFieldsProperty } from '../common.descriptions';

const properties: INodeProperties[] = [recordIdProperty("The record's PK_ID"), simplifyProperty(SIMPLIFY_RULE), optionsCollection([selectFieldsProperty])];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { table, fields } = await tableWithFields.call(this, itemIndex);
	const { recordId, where } = recordIdFilter.call(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { select?: string[] };
	const rows = await readRecords.call(this, itemIndex, { kind: 'tables', name: table, fields }, { where, select: options.select, limit: 1 });
	if (rows.length === 0) {
		throw inputError(this.getNode(), itemIndex, `table "${table}" has no record with PK_ID ${recordId}`, 'Check the Record ID, or use Get Many with a filter to search.');
	}
	return this.getNodeParameter('simple', itemIndex) && !options.select?.length ? simplifyRecord(rows[0]) : rows[0];
}
