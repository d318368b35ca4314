import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { mappedBody } from '../../helpers/bodies';
import type { CaspioField } from '../../helpers/fieldTypes';
import { buildWhere } from '../../helpers/where';
import { tableWithFields } from '../../lookups';
import { caspioRequest, caspioGetAllRecords, type CaspioResult } from '../../transport';
import { recordsPath } from '../../transport/records';
import { columnsProperty } from './record.descriptions';

const properties: INodeProperties[] = [columnsProperty('upsert')];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['upsert'] } }, properties);

const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** The `q.where` that finds the record by its key fields, each with the value the item gives it. */
function keyWhere(this: IExecuteFunctions, itemIndex: number, fields: CaspioField[], keys: string[], body: IDataObject): string {
	const conditions = keys.map((key) => {
		const field = fields.find((f) => sameName(f.Name, key));
		const given = Object.entries(body).find(([name]) => sameName(name, key))?.[1];
		if (!field || given === undefined || given === null || given === '') {
			throw inputError(this.getNode(), itemIndex, `key field "${key}" has no value`, 'Every key field needs a value: it is how the record is found.');
		}
		return { field: field.Name, operator: 'equals' as const, value: given };
	});
	const built = buildWhere(conditions, 'AND', fields);
	if (built.problem !== undefined) throw inputError(this.getNode(), itemIndex, built.problem, 'Choose other key fields.');
	return built.where;
}

/** Writes one record with the body; `where` picks the record to update, none creates one. */
async function write(this: IExecuteFunctions, table: string, body: IDataObject, where?: string): Promise<IDataObject | undefined> {
	const response = (await caspioRequest.call(this, {
		method: where === undefined ? 'POST' : 'PUT',
		path: recordsPath(table),
		qs: where === undefined ? { response: 'rows' } : { 'q.where': where, response: 'rows' },
		body,
		what: `${where === undefined ? 'creating' : 'updating'} a record in "${table}"`,
	})) as unknown as CaspioResult | undefined;
	return response?.Result?.[0];
}

/**
 * Looks the record up by its key fields: one match is updated, none is created. Several matches are refused,
 * since the keys then do not identify one record and an update would change more than intended.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const { table, fields } = await tableWithFields.call(this, itemIndex);
	const keys = (this.getNodeParameter('columns.matchingColumns', itemIndex, []) as string[]) ?? [];
	if (keys.length === 0) {
		throw inputError(this.getNode(), itemIndex, 'Upsert needs at least one key field', 'Choose the fields that identify a record under "Key Fields".');
	}
	// Passwords can only be set by an insert, and an upsert may turn out to be an update.
	const body = mappedBody.call(this, itemIndex, fields, 'update');
	const where = keyWhere.call(this, itemIndex, fields, keys, body);
	const matches = await caspioGetAllRecords.call(this, recordsPath(table), { 'q.where': where, 'q.select': 'PK_ID', 'q.orderBy': 'PK_ID ASC' }, 5);
	if (matches.length > 1) {
		throw inputError(
			this.getNode(),
			itemIndex,
			`the key fields match ${matches.length} records in "${table}"`,
			`Upsert changes one record. Add key fields so they identify a single record (matched: ${keys.join(', ')}), or use Update.`,
		);
	}
	if (matches.length === 0) return { operation: 'created', record: (await write.call(this, table, body)) ?? {} };
	const update = Object.fromEntries(Object.entries(body).filter(([name]) => !keys.some((k) => sameName(k, name))));
	if (Object.keys(update).length === 0) return { operation: 'unchanged', record: { PK_ID: matches[0].PK_ID } };
	const updated = await write.call(this, table, update, `PK_ID = ${Number(matches[0].PK_ID)}`);
	return { operation: 'updated', record: updated ?? { PK_ID: matches[0].PK_ID } };
}
