import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { readRecords } from '../../helpers/records';
import { selectFieldsProperty } from '../common.descriptions';
import { tableWithFields } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'Record ID (PK_ID)',
		name: 'recordId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 42',
		description: "The record's PK_ID",
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [selectFieldsProperty],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['get'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { table, fields } = await tableWithFields.call(this, itemIndex);
	const raw = String(this.getNodeParameter('recordId', itemIndex) ?? '').trim();
	if (!/^\d+$/.test(raw)) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: Record ID must be a whole number (PK_ID), got "${raw}"`, {
			itemIndex,
			description: 'Enter the PK_ID of the record, e.g. 42.',
		});
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as { select?: string[] };
	const rows = await readRecords.call(this, itemIndex, { kind: 'tables', name: table, fields }, { where: `PK_ID = ${raw}`, select: options.select, limit: 1 });
	if (rows.length === 0) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: table "${table}" has no record with PK_ID ${raw}`, {
			itemIndex,
			description: 'Check the Record ID, or use Get Many with a filter to search.',
		});
	}
	return rows[0];
}
