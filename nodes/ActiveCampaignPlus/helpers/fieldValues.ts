import type { IDataObject } from 'n8n-workflow';

import type { FieldInfo } from './catalog';

/** One custom field value of a contact with the time it last changed (`udate` of the fieldValue, §4.4). */
export interface TimedFieldValue {
	field: string;
	title: string;
	value: string;
	udate: string;
}

/**
 * A contact's custom field values keyed by personalization tag, each with its field id, title and change time, so a
 * workflow can compare one field's value and age without looking the field up. Values of fields the catalog does not
 * know (deleted since) are left out.
 */
export function fieldValuesByTag(values: IDataObject[], fields: FieldInfo[]): Record<string, TimedFieldValue> {
	const byId = new Map(fields.map((f) => [f.id, f]));
	const out: Record<string, TimedFieldValue> = {};
	for (const v of values) {
		const field = byId.get(String(v.field));
		if (!field) continue;
		out[field.perstag || field.id] = {
			field: field.id,
			title: field.title,
			value: v.value === null || v.value === undefined ? '' : String(v.value),
			udate: String(v.udate ?? v.cdate ?? ''),
		};
	}
	return out;
}
