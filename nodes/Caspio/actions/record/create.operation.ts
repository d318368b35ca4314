import {
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { memoOf } from '../../../shared/cache';
import { asNodeError, forItem } from '../../../shared/errors';
import { mappedBody } from '../../helpers/bodies';
import { bulkOutcomes, chunked, fieldsNamedIn, type BulkRowOutcome } from '../../helpers/bulk';
import { isReadable, type CaspioField } from '../../helpers/fieldTypes';
import { tableWithFields } from '../../lookups';
import { caspioRequest, type CaspioResult } from '../../transport';
import { bulkInsert, v4TableIds } from '../../transport/bulk';
import { recordsPath } from '../../transport/records';
import { columnsProperty } from './record.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'This operation batches: the records of all input items go to Caspio together, up to 1,000 per request (REST v4 bulk insert), and each item gets its own result. Accounts without REST v4 get one request per record.',
		name: 'batchingNotice',
		type: 'notice',
		default: '',
	},
	columnsProperty('add'),
];

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['create'] } }, properties);

/** One item ready to send: its table, the table's fields and the body. */
interface Prepared {
	itemIndex: number;
	table: string;
	fields: CaspioField[];
	body: IDataObject;
}

/** Per input item: its output, or the error the router sends to the error output. */
type Outcomes = Map<number, IDataObject | Error>;

/**
 * Batches: the first item's call creates the records of every item of the run (once, memoised for the run) and each
 * item's call hands back its own outcome, so the shared router still pairs, routes and fails per item.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const outcomes = await memoOf(this).once('caspio:record:create', async () => await createAll.call(this));
	const outcome = outcomes.get(itemIndex);
	if (outcome instanceof Error) throw outcome;
	if (!outcome) throw new NodeOperationError(this.getNode(), forItem('The item was not part of the records created', itemIndex), { itemIndex });
	return outcome;
}

/** Every item: checked, grouped by table, sent in bulk (or one by one without v4) until a failure stops the run. */
async function createAll(this: IExecuteFunctions): Promise<Outcomes> {
	const outcomes: Outcomes = new Map();
	const prepared = await prepareAll.call(this, outcomes);
	const byTable = new Map<string, Prepared[]>();
	for (const item of prepared) {
		const key = item.table.toLowerCase();
		byTable.set(key, byTable.get(key) ?? []);
		byTable.get(key)!.push(item);
	}
	// One record costs one v3 request; the v4 table list is worth reading from two records on.
	const bulky = [...byTable.values()].some((items) => items.length > 1);
	const v4 = bulky ? await v4TableIds.call(this) : new Map<string, string>();
	if (!v4) noticeNoV4.call(this);
	for (const items of byTable.values()) {
		// A table v4 does not list (a profile without access to it) goes through v3, which names the problem.
		const tableId = items.length > 1 ? v4?.get(items[0].table.toLowerCase()) : undefined;
		const done = tableId === undefined ? await createOneByOne.call(this, items, outcomes) : await createInBulk.call(this, tableId, items, outcomes);
		if (!done) break;
	}
	// Without Continue On Fail the run stops at the first failure; what was never sent says so.
	for (const item of prepared) {
		if (!outcomes.has(item.itemIndex)) {
			outcomes.set(
				item.itemIndex,
				new NodeOperationError(this.getNode(), forItem('Record not sent: an earlier record of this run failed', item.itemIndex), {
					itemIndex: item.itemIndex,
					description: 'Fix the failed item and run the items that were not sent again.',
				}),
			);
		}
	}
	return outcomes;
}

/** The items that can be sent; an item that cannot gets its error in `outcomes`. Without Continue On Fail, the first stops the run before anything is sent. */
async function prepareAll(this: IExecuteFunctions, outcomes: Outcomes): Promise<Prepared[]> {
	const prepared: Prepared[] = [];
	const count = this.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			const { table, fields } = await tableWithFields.call(this, itemIndex);
			prepared.push({ itemIndex, table, fields, body: mappedBody.call(this, itemIndex, fields, 'create') });
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			outcomes.set(itemIndex, error as Error);
		}
	}
	return prepared;
}

/**
 * Up to 1,000 records per request. A refused row is its item's error; the created ones are never sent again. A
 * request whose outcome is unknown (timeout, reset, server error) is not resent either: its items fail with a
 * sentence saying to check the table first. Resolves false when the run must stop (a failure without Continue On Fail).
 */
async function createInBulk(this: IExecuteFunctions, tableId: string, items: Prepared[], outcomes: Outcomes): Promise<boolean> {
	for (const chunk of chunked(items)) {
		let rows: BulkRowOutcome[] | undefined;
		let failure: unknown;
		try {
			rows = bulkOutcomes(await bulkInsert.call(this, tableId, chunk[0].table, chunk.map((item) => item.body)), chunk.length);
		} catch (error) {
			failure = error;
		}
		if (!rows) {
			for (const item of chunk) outcomes.set(item.itemIndex, unknownOutcome.call(this, item, chunk, failure));
			if (!this.continueOnFail()) return false;
			continue;
		}
		rows.forEach((row, i) => outcomes.set(chunk[i].itemIndex, row.created ? createdRecord(chunk[i], row) : refusedRow.call(this, chunk[i], row)));
		if (!this.continueOnFail() && rows.some((row) => !row.created)) return false;
	}
	return true;
}

/** The record as Caspio echoed it, or (when it did not) its PK_ID with the readable values sent. */
function createdRecord(item: Prepared, row: Extract<BulkRowOutcome, { created: true }>): IDataObject {
	if (row.record) return row.record;
	const readable = new Set(item.fields.filter(isReadable).map((f) => f.Name.toLowerCase()));
	return { PK_ID: row.pkId, ...Object.fromEntries(Object.entries(item.body).filter(([name]) => readable.has(name.toLowerCase()))) };
}

function refusedRow(this: IExecuteFunctions, item: Prepared, row: Extract<BulkRowOutcome, { created: false }>): NodeOperationError {
	const named = fieldsNamedIn(row.message, item.fields);
	const which = named.length ? ` (field ${named.join(', ')})` : '';
	return new NodeOperationError(this.getNode(), forItem(`Caspio did not create the record of this item in "${item.table}"${which}: ${row.message}`, item.itemIndex), {
		itemIndex: item.itemIndex,
		description: `${named.length ? `Correct the value of ${named.join(', ')} in this item` : 'Correct this item'} and run it again. The other items' records were created once and are not sent again.`,
	});
}

/** The error of an item whose request failed: refused as a whole (4xx), or with an outcome nobody can know. */
function unknownOutcome(this: IExecuteFunctions, item: Prepared, chunk: Prepared[], failure: unknown): NodeOperationError {
	const status = Number((failure as { httpCode?: string } | undefined)?.httpCode);
	const refused = status >= 400 && status < 500;
	const range = `items ${chunk[0].itemIndex}–${chunk[chunk.length - 1].itemIndex}`;
	const cause = failure instanceof Error ? failure.message : 'Caspio did not say which of its records it created';
	return new NodeOperationError(
		this.getNode(),
		forItem(refused ? `Caspio refused the records of ${range} in "${item.table}": ${cause}` : `Caspio did not confirm the records of ${range} in "${item.table}": ${cause}`, item.itemIndex),
		{
			itemIndex: item.itemIndex,
			description: refused
				? `${(failure as { description?: string }).description ?? 'Check the values of these items.'} None of these records was created.`
				: 'The request was not sent again, because resending could create every record twice. Check the table for these records before running these items again.',
		},
	);
}

/** Without REST v4: one request per record, as Caspio's v3 takes one JSON object per POST. */
async function createOneByOne(this: IExecuteFunctions, items: Prepared[], outcomes: Outcomes): Promise<boolean> {
	for (const item of items) {
		try {
			outcomes.set(item.itemIndex, await createOne.call(this, item));
		} catch (error) {
			outcomes.set(item.itemIndex, error as Error);
			if (!this.continueOnFail()) return false;
		}
	}
	return true;
}

/** Said once per run, where the user looks: the output pane's hints, and the log. */
function noticeNoV4(this: IExecuteFunctions): void {
	const message = 'This Caspio account does not offer REST API v4, so records were created one request per record instead of up to 1,000 per request.';
	this.logger.info(message);
	this.addExecutionHints({ message, type: 'info', location: 'outputPane' });
}

/** Inserts one record (REST v3) and returns it as Caspio stored it (with PK_ID and generated fields). */
async function createOne(this: IExecuteFunctions, item: Prepared): Promise<IDataObject> {
	const response = (await caspioRequest.call(this, {
		method: 'POST',
		path: recordsPath(item.table),
		qs: { response: 'rows' },
		body: item.body,
		what: `creating a record in "${item.table}"`,
	})) as unknown as CaspioResult | undefined;
	return response?.Result?.[0] ?? {};
}
