import { isDateField, type CaspioField } from './fieldTypes';
import { buildWhere, type WhereResult } from './where';

/**
 * The `q.where` part of "records changed since": the chosen Date/Time or Timestamp field later than the moment,
 * built by the safe where builder, so the moment is always a date literal and the field a real field of the table.
 */
export function changedSinceWhere(field: string, since: unknown, fields: CaspioField[]): WhereResult {
	const known = fields.find((f) => f.Name.toLowerCase() === field.trim().toLowerCase());
	if (!known) return { problem: `Changed Since: "${field}" is not a field of this table. Pick its Timestamp or Date/Time field.` };
	if (!isDateField(known)) return { problem: `Changed Since: "${known.Name}" is a ${known.Type} field. Pick a Timestamp or Date/Time field.` };
	return buildWhere([{ field: known.Name, operator: 'greaterThan', value: since }], 'AND', fields);
}
