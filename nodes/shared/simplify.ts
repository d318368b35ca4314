import type { IDataObject } from 'n8n-workflow';

/** The most fields a simplified record keeps, as n8n's guidelines ask of wide outputs. */
export const SIMPLIFIED_FIELD_LIMIT = 10;

/** The record with only `keys`, in that order; keys the record lacks are left out, not added as empty. */
export function pickFields(record: IDataObject, keys: readonly string[]): IDataObject {
	return Object.fromEntries(keys.filter((key) => key in record).map((key) => [key, record[key]]));
}
