/** The body of a write, read from the item's parameters: the record "Fields" mapper, or a directory user's fields. */
import type { IDataObject, IExecuteFunctions, INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import type { CaspioField } from './fieldTypes';
import { recordBody } from './values';

/** A write with nothing to write is refused; `description` says where the values are set. */
function requireValues(node: INode, itemIndex: number, body: IDataObject, description: string): IDataObject {
	if (Object.keys(body).length === 0) throw inputError(node, itemIndex, 'no field values to write', description);
	return body;
}

/**
 * The values to write for one item, converted per field type. Defined below: empty entries are left out so an
 * update never blanks a field by accident. Auto-mapped: the item's keys that are writable fields of the table.
 */
export function mappedBody(this: IExecuteFunctions, itemIndex: number, fields: CaspioField[], operation: 'create' | 'update'): IDataObject {
	const mode = this.getNodeParameter('columns.mappingMode', itemIndex, 'defineBelow') as string;
	const autoMapped = mode === 'autoMapInputData';
	const given = autoMapped ? this.getInputData()[itemIndex].json : ((this.getNodeParameter('columns.value', itemIndex, {}) ?? {}) as IDataObject);
	const values = autoMapped ? given : Object.fromEntries(Object.entries(given).filter(([, v]) => v !== null && v !== undefined));
	const body = recordBody(this.getNode(), itemIndex, fields, values, operation, autoMapped);
	return requireValues(this.getNode(), itemIndex, body, 'Set at least one field under Fields (or map input fields whose names match the table).');
}

/** A user's field values, given as pairs (field from a list) or as one JSON object. */
function givenUserValues(this: IExecuteFunctions, itemIndex: number): IDataObject {
	if (this.getNodeParameter('fieldsInput', itemIndex, 'keyValue') !== 'json') {
		const pairs = (this.getNodeParameter('fields.field', itemIndex, []) ?? []) as Array<{ name?: string; value?: IDataObject[string] }>;
		return Object.fromEntries(pairs.map((p) => [String(p.name ?? '').trim(), p.value]));
	}
	const raw = this.getNodeParameter('fieldsJson', itemIndex, '{}') as unknown;
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw);
		} catch {
			parsed = undefined;
		}
	}
	if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw inputError(
			this.getNode(),
			itemIndex,
			'Fields (JSON) is not a JSON object',
			'Write one object of field names and values, e.g. {"Email": "ada@example.com", "First_Name": "Ada"}.',
		);
	}
	return parsed as IDataObject;
}

/** The body of a user write, each value converted for its field; an unknown or read-only field is an error naming it. */
export function userBody(this: IExecuteFunctions, itemIndex: number, fields: CaspioField[], operation: 'create' | 'update'): IDataObject {
	const body = recordBody(this.getNode(), itemIndex, fields, givenUserValues.call(this, itemIndex), operation, false);
	return requireValues(this.getNode(), itemIndex, body, 'Add at least one field under Fields, or write them as a JSON object.');
}
