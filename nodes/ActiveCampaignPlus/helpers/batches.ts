import type { IDataObject } from 'n8n-workflow';

/**
 * The bulk importer's documented limits per request.
 * https://developers.activecampaign.com/reference/bulk-import-contacts
 */
export const MAX_CONTACTS_PER_IMPORT = 250;
export const MAX_IMPORT_BYTES = 400_000;

/** Room left for the request envelope when one contact alone is measured against the byte limit. */
const ENVELOPE_ALLOWANCE = 100;

/** True when one contact alone would not fit in an import request. */
export function tooLargeToImport(payload: IDataObject): boolean {
	return Buffer.byteLength(JSON.stringify(payload)) > MAX_IMPORT_BYTES - ENVELOPE_ALLOWANCE;
}

/** Splits contacts into requests of at most 250 contacts and 400,000 bytes (the body as sent). */
export function chunkContacts<T extends { payload: IDataObject }>(contacts: T[]): T[][] {
	const envelope = Buffer.byteLength(JSON.stringify({ contacts: [] }));
	const chunks: T[][] = [];
	let current: T[] = [];
	let bytes = envelope;
	for (const contact of contacts) {
		const size = Buffer.byteLength(JSON.stringify(contact.payload)) + 1;
		if (current.length > 0 && (current.length >= MAX_CONTACTS_PER_IMPORT || bytes + size > MAX_IMPORT_BYTES)) {
			chunks.push(current);
			current = [];
			bytes = envelope;
		}
		current.push(contact);
		bytes += size;
	}
	if (current.length) chunks.push(current);
	return chunks;
}
