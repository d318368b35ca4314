import { NodeOperationError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { buildWhere } from '../../helpers/where';
import { caspioRequest, caspioGetAllRecords, type CaspioResult } from '../../transport';
import { columnsProperty, mappedBody, recordsPath, requireValues, tableWithFields } from './shared';

const properties: INodeProperties[] = [columnsProperty('upsert')];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['upsert'] } }, properties);

/**
 * Looks the record up by its key fields: one match is updated, none is created. Several matches are refused,
 * since the keys then do not identify one record and an update would change more than intended.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { table, fields } = await tableWithFields.call(this, itemIndex);
	const keys = (this.getNodeParameter('columns.matchingColumns', itemIndex, []) as string[]) ?? [];
	if (keys.length === 0) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: Upsert needs at least one key field`, {
			itemIndex,
			description: 'Choose the fields that identify a record under "Key Fields".',
		});
	}
	// Passwords can only be set by an insert, and an upsert may turn out to be an update.
	const body = mappedBody.call(this, itemIndex, fields, 'update');
	requireValues.call(this, itemIndex, body);
	const conditions = keys.map((key) => {
		const field = fields.find((f) => f.Name.toLowerCase() === key.toLowerCase());
		const given = Object.entries(body).find(([name]) => name.toLowerCase() === key.toLowerCase())?.[1];
		if (!field || given === undefined || given === null || given === '') {
			throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: key field "${key}" has no value`, {
				itemIndex,
				description: 'Every key field needs a value: it is how the record is found.',
			});
		}
		return { field: field.Name, operator: 'equals' as const, value: given };
	});
	const built = buildWhere(conditions, 'AND', fields);
	if (built.problem !== undefined) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: ${built.problem}`, { itemIndex, description: 'Choose other key fields.' });
	}
	const path = recordsPath(table);
	const matches = await caspioGetAllRecords.call(this, path, { 'q.where': built.where, 'q.select': 'PK_ID', 'q.orderBy': 'PK_ID ASC' }, 5);
	if (matches.length > 1) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: the key fields match ${matches.length} records in "${table}"`, {
			itemIndex,
			description: `Upsert changes one record. Add key fields so they identify a single record (matched: ${keys.join(', ')}), or use Update.`,
		});
	}
	if (matches.length === 0) {
		const created = (await caspioRequest.call(this, {
			method: 'POST',
			path,
			qs: { response: 'rows' },
			body,
			what: `creating a record in "${table}"`,
		})) as unknown as CaspioResult | undefined;
		return { operation: 'created', record: created?.Result?.[0] ?? {} };
	}
	const update = Object.fromEntries(Object.entries(body).filter(([name]) => !keys.some((k) => k.toLowerCase() === name.toLowerCase())));
	if (Object.keys(update).length === 0) return { operation: 'unchanged', record: { PK_ID: matches[0].PK_ID } };
	const updated = (await caspioRequest.call(this, {
		method: 'PUT',
		path,
		qs: { 'q.where': `PK_ID = ${Number(matches[0].PK_ID)}`, response: 'rows' },
		body: update,
		what: `updating a record in "${table}"`,
	})) as unknown as { Result?: IDataObject[] };
	return { operation: 'updated', record: updated.Result?.[0] ?? { PK_ID: matches[0].PK_ID } };
}
