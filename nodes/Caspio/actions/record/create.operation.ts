import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { caspioRequest, type CaspioResult } from '../../transport';
import { columnsProperty, mappedBody, recordsPath, requireValues, tableWithFields } from './shared';

const properties: INodeProperties[] = [columnsProperty('add')];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['create'] } }, properties);

/** Inserts one record per item and returns it as Caspio stored it (with PK_ID and generated fields). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { table, fields } = await tableWithFields.call(this, itemIndex);
	const body = mappedBody.call(this, itemIndex, fields, 'create');
	requireValues.call(this, itemIndex, body);
	const response = (await caspioRequest.call(this, {
		method: 'POST',
		path: recordsPath(table),
		qs: { response: 'rows' },
		body,
		what: `creating a record in "${table}"`,
	})) as unknown as CaspioResult | undefined;
	return response?.Result?.[0] ?? {};
}
