/** The Leads table the record tests start from, and the "Fields" mapper value they send. */
import type { IDataObject } from 'n8n-workflow';

import { LEADS_FIELDS } from './testbed';

export const columns = (value: Record<string, unknown>, matchingColumns: string[] = []) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns,
	schema: [],
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

const SEED = [
	{ Name: 'Ada', Email: 'ada@example.com', Score: 5, Active: true },
	{ Name: 'Bob', Email: 'bob@example.com', Score: 9, Active: false },
	{ Name: 'Cy', Email: 'cy@example.com', Score: 7, Active: true },
];

/** Leads with Ada, Bob and Cy. */
export const LEADS: { name: string; fields: unknown[]; records: IDataObject[] } = { name: 'Leads', fields: LEADS_FIELDS, records: SEED };

const NOTES_FIELDS = [
	{ Name: 'Name', Type: 'STRING' },
	{ Name: 'Notes', Type: 'TEXT' },
];
const LONG = 'L'.repeat(4000);
/** Values that would change what a filter matches if they were read as SQL or as a LIKE pattern. */
export const HOSTILE = ["x' OR '1'='1", '%', '_', '[', "'; DROP TABLE Leads --", 'emoji 🎉', LONG];
/** Each hostile value sits in exactly one row; the decoys would match if a value were read as SQL or a pattern. */
export const HOSTILE_ROWS = [
	...HOSTILE.map((Notes) => ({ Name: 'target', Notes })),
	...['x', '1', 'abc', 'a_b', '50%', 'DROP', 'L'].map((Notes) => ({ Name: 'decoy', Notes })),
];

/** A Leads table of Notes holding the hostile values and their decoys. */
export const NOTES = { name: 'Leads', fields: NOTES_FIELDS, records: HOSTILE_ROWS };

/** Orders of customers in three cities, to aggregate and group (Eve's amount is empty). */
export const ORDERS: { name: string; fields: unknown[]; records: IDataObject[] } = {
	name: 'Orders',
	fields: [
		{ Name: 'Customer', Type: 'STRING' },
		{ Name: 'City', Type: 'STRING' },
		{ Name: 'Amount', Type: 'NUMBER' },
	],
	records: [
		{ Customer: 'Ada', City: 'Oslo', Amount: 10 },
		{ Customer: 'Bob', City: 'Rome', Amount: 5 },
		{ Customer: 'Ada', City: 'Oslo', Amount: 30 },
		{ Customer: 'Cy', City: 'Lima', Amount: 1 },
		{ Customer: 'Dee', City: 'Rome', Amount: 20 },
		{ Customer: 'Eve', City: 'Oslo' },
	],
};

/** The People table of the Get Many tests (rows are seeded per test). */
export const PEOPLE = [
	{ Name: 'Name', Type: 'STRING' },
	{ Name: 'Score', Type: 'NUMBER' },
	{ Name: 'Active', Type: 'YES/NO' },
];
