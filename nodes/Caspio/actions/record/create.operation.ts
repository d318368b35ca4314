import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { mappedBody } from '../../helpers/bodies';
import { tableWithFields } from '../../lookups';
import { caspioRequest, type CaspioResult } from '../../transport';
import { recordsPath } from '../../transport/records';
import { columnsProperty } from './record.descriptions';

const properties: INodeProperties[] = [columnsProperty('add')];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['create'] } }, properties);

/** Inserts one record per item and returns it as Caspio stored it (with PK_ID and generated fields). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { table, fields } = await tableWithFields.call(this, itemIndex);
	const body = mappedBody.call(this, itemIndex, fields, 'create');
	const response = (await caspioRequest.call(this, {
		method: 'POST',
		path: recordsPath(table),
		qs: { response: 'rows' },
		body,
		what: `creating a record in "${table}"`,
	})) as unknown as CaspioResult | undefined;
	return response?.Result?.[0] ?? {};
}
