import { NodeOperationError, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { recordBody, tableFields, type CaspioField } from '../../helpers/fields';

/** The table chosen in the locator, or an error that says to choose one. */
export function tableName(this: IExecuteFunctions, itemIndex: number, parameter = 'table'): string {
	const name = String(this.getNodeParameter(parameter, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (name === '') {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: no ${parameter} chosen`, {
			itemIndex,
			description: `Pick a ${parameter} from the list or enter its name.`,
		});
	}
	if (!OBJECT_NAME.test(name)) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: "${name}" is not a Caspio ${parameter} name`, {
			itemIndex,
			description: `A ${parameter} name has letters, digits and underscores and starts with a letter. Pick the ${parameter} from the list.`,
		});
	}
	return name;
}

/** Caspio object names: a letter, then letters, digits or underscores. */
const OBJECT_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

export async function tableWithFields(this: IExecuteFunctions, itemIndex: number): Promise<{ table: string; fields: CaspioField[] }> {
	const table = tableName.call(this, itemIndex);
	return { table, fields: await tableFields.call(this, 'tables', table) };
}

export const recordsPath = (table: string) => `/tables/${encodeURIComponent(table)}/records`;

/** The "Fields" resource mapper; `mode` is n8n's: add (create, update) or upsert (with key fields). */
export function columnsProperty(mode: 'add' | 'upsert'): INodeProperties {
	return {
		displayName: 'Fields',
		name: 'columns',
		description: 'The record\'s field values, mapped from the table\'s own fields',
		type: 'resourceMapper',
		noDataExpression: true,
		required: true,
		default: { mappingMode: 'defineBelow', value: null },
		typeOptions: {
			loadOptionsDependsOn: ['table.value', 'operation'],
			resourceMapper: {
				resourceMapperMethod: 'getMappingColumns',
				mode,
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: true,
				multiKeyMatch: true,
				supportAutoMap: true,
				...(mode === 'upsert'
					? { matchingFieldsLabels: { title: 'Key Fields', description: 'Fields that identify the record: it is updated when they match, created otherwise', hint: '' } }
					: {}),
			},
		},
	};
}

/**
 * The values to write for one item, converted per field type. Defined below: empty entries are left out so an
 * update never blanks a field by accident. Auto-mapped: the item's keys that are writable fields of the table.
 */
export function mappedBody(
	this: IExecuteFunctions,
	itemIndex: number,
	fields: CaspioField[],
	operation: 'create' | 'update',
): IDataObject {
	const mode = this.getNodeParameter('columns.mappingMode', itemIndex, 'defineBelow') as string;
	if (mode === 'autoMapInputData') {
		return recordBody(this.getNode(), itemIndex, fields, this.getInputData()[itemIndex].json, operation, true);
	}
	const given = (this.getNodeParameter('columns.value', itemIndex, {}) ?? {}) as IDataObject;
	const values = Object.fromEntries(Object.entries(given).filter(([, v]) => v !== null && v !== undefined));
	return recordBody(this.getNode(), itemIndex, fields, values, operation, false);
}

export function requireValues(this: IExecuteFunctions, itemIndex: number, body: IDataObject): void {
	if (Object.keys(body).length === 0) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: no field values to write`, {
			itemIndex,
			description: 'Set at least one field under Fields (or map input fields whose names match the table).',
		});
	}
}
