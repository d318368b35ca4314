import {
	NodeApiError,
	NodeOperationError,
	sleep,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { forItem, inputError } from '../../../shared/errors';
import type { Limiter } from '../../../shared/limiter';
import { readUntilSettled } from '../../../shared/retry';
import type { ExecutionCache } from '../../cache';
import { chunkContacts, MAX_CONTACTS_PER_IMPORT, tooLargeToImport } from '../../helpers/batches';
import { requireEmail, splitNames } from '../../helpers/input';
import { resolveLists } from '../../lookups/catalogs';
import { readCustomFields } from '../../lookups/fields';
import { activeCampaignRequest, activeCampaignRequestFull, importLimiter } from '../../transport';
import { customFields, email, listsField, personFields } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName:
			'This operation batches: all input items go to ActiveCampaign\'s bulk importer together (up to 250 contacts per request), and each item gets its own result',
		name: 'batchingNotice',
		type: 'notice',
		default: '',
	},
	email,
	{
		displayName: 'Tags',
		name: 'tags',
		type: 'string',
		default: '',
		description: 'Tag names, comma-separated (or an array from an expression); the importer creates missing tags',
	},
	listsField('listsToSubscribe', 'Lists to Subscribe Names or IDs'),
	listsField('listsToUnsubscribe', 'Lists to Unsubscribe Names or IDs'),
	customFields,
	personFields([{ displayName: 'Account Name', name: 'accountName', type: 'string', default: '', description: 'Account (company) to link the contact to' }]),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Exclude Automations',
				name: 'excludeAutomations',
				type: 'boolean',
				default: false,
				description: 'Whether imported contacts skip the automations their tags or lists would start',
			},
			{
				displayName: 'Wait for Completion (Seconds)',
				name: 'waitSeconds',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 300,
				description: 'How long to poll the import status; 0 returns right after queueing with the outcome "queued"',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['bulkImport'] } }, properties);

interface Prepared {
	itemIndex: number;
	email: string;
	payload: IDataObject;
}

/** A request the importer accepted: its batch id and the contacts it carried. */
interface Batch {
	batchId: string;
	contacts: Prepared[];
}

/** Per input item: its output, or the error the router sends to the error output. */
type Outcomes = Map<number, IDataObject | Error>;

/**
 * Batches: the first item's call imports every item of the run (once, memoised in the execution cache) and each
 * item's call hands back its own outcome, so the shared router still pairs, routes and fails per item.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const outcomes = await cache.once('bulkImport', async () => await importAll.call(this, cache));
	const outcome = outcomes.get(itemIndex);
	if (outcome instanceof Error) throw outcome;
	if (!outcome) throw new NodeOperationError(this.getNode(), forItem('The item was not part of the import', itemIndex), { itemIndex });
	return outcome;
}

/** With Continue On Fail, how many items are prepared between two chances for requests in flight to progress. */
const ITEMS_PER_YIELD = 25;

/**
 * Every item of the run, pipelined: batches go out one after another as they fill, each is followed until it settles
 * while the next ones are prepared and sent. Imports and status reads share the account's limiter, so together they
 * keep to 5 requests per second, and the importer's own limiter keeps imports to 100 a minute. Without Continue On
 * Fail one bad item stops the run before anything is sent, so every item is checked first.
 */
async function importAll(this: IExecuteFunctions, cache: ExecutionCache): Promise<Outcomes> {
	// An import is sent once for thousands of contacts and skips unknown ids silently: it reads today's fields and lists.
	await cache.forget('fields');
	await cache.forget('lists');
	const outcomes: Outcomes = new Map();
	const waitSeconds = Number((this.getNodeParameter('options', 0, {}) as IDataObject).waitSeconds ?? 300);
	const limiter = await importLimiter.call(this);
	const settling: Array<Promise<void>> = [];
	// Imports leave in order, one at a time; neither step throws (a failure is the outcome of the batch's items).
	let sending = Promise.resolve();
	const send = (chunk: Prepared[]) => {
		sending = sending.then(async () => {
			const batch = await sendBatch.call(this, chunk, limiter, outcomes);
			if (batch) settling.push(settleBatch.call(this, batch, waitSeconds, outcomes));
		});
	};
	const streaming = this.continueOnFail();
	let pending: Prepared[] = [];
	const count = this.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const prepared = await prepareItem.call(this, itemIndex, cache, outcomes);
		if (prepared) pending.push(prepared);
		if (!streaming) continue;
		if (pending.length > MAX_CONTACTS_PER_IMPORT) {
			// Every full batch goes out now; the last one may still grow.
			const chunks = chunkContacts(pending);
			pending = chunks.pop() ?? [];
			chunks.forEach(send);
		}
		// Preparing is CPU work: let the requests in flight be answered meanwhile.
		if (itemIndex % ITEMS_PER_YIELD === ITEMS_PER_YIELD - 1) await sleep(0);
	}
	const invalid = [...outcomes.values()][0];
	if (invalid && !streaming) throw invalid;
	chunkContacts(pending).forEach(send);
	await sending;
	await Promise.all(settling);
	return outcomes;
}

/** One item ready to send, or undefined with its error in `outcomes`. */
async function prepareItem(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache, outcomes: Outcomes): Promise<Prepared | undefined> {
	let item: Prepared;
	try {
		item = await prepare.call(this, itemIndex, cache);
	} catch (error) {
		outcomes.set(itemIndex, error as Error);
		return undefined;
	}
	if (!tooLargeToImport(item.payload)) return item;
	outcomes.set(
		itemIndex,
		inputError(this.getNode(), itemIndex, `The contact ${item.email} is larger than the importer's 400,000-byte limit`, 'Shorten its field values.'),
	);
	return undefined;
}

/** One item as the importer wants it: snake_case person fields, tag names, field ids, list ids. */
async function prepare(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<Prepared> {
	const address = requireEmail(this, itemIndex, this.getNodeParameter('email', itemIndex), 'Email');
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const payload: IDataObject = { email: address };
	const snake: Record<string, string> = { firstName: 'first_name', lastName: 'last_name', phone: 'phone', accountName: 'customer_acct_name' };
	for (const [key, name] of Object.entries(snake)) if (extra[key]) payload[name] = extra[key];
	const tags = splitNames(this.getNodeParameter('tags', itemIndex, ''));
	if (tags.length) payload.tags = tags;
	const fields = await readCustomFields(this, itemIndex, cache);
	if (fields.length) payload.fields = fields.map((f) => ({ id: Number(f.field), value: f.value }));
	for (const [parameter, key, label] of [
		['listsToSubscribe', 'subscribe', 'Lists to Subscribe'],
		['listsToUnsubscribe', 'unsubscribe', 'Lists to Unsubscribe'],
	] as const) {
		const lists = await resolveLists(cache, splitNames(this.getNodeParameter(parameter, itemIndex, [])), itemIndex, label);
		if (lists.length) payload[key] = lists.map((l) => ({ listid: Number(l.id) }));
	}
	payload.exclude_automations = options.excludeAutomations === true;
	return { itemIndex, email: address, payload };
}

/** Sends one request the importer accepts; when it is refused, that is the error of each of its contacts. */
async function sendBatch(this: IExecuteFunctions, chunk: Prepared[], limiter: Limiter, outcomes: Outcomes): Promise<Batch | undefined> {
	try {
		const queued = await activeCampaignRequestFull.call(
			this,
			{
				method: 'POST',
				path: '/import/bulk_import',
				body: { contacts: chunk.map((c) => c.payload) },
				// The importer matches contacts by email, so resending a batch after an unknown outcome adds nothing twice.
				idempotent: true,
				what: `importing ${chunk.length} contact${chunk.length === 1 ? '' : 's'}`,
			},
			[limiter],
		);
		return { batchId: String(queued.body.batchId), contacts: chunk };
	} catch (error) {
		for (const contact of chunk) outcomes.set(contact.itemIndex, error as Error);
		return undefined;
	}
}

/**
 * Waits for the batch (unless told not to) and records each of its contacts' outcome; never throws, since it runs
 * beside the sending of later batches: a status that cannot be read is the error of each contact of the batch.
 */
async function settleBatch(this: IExecuteFunctions, batch: Batch, waitSeconds: number, outcomes: Outcomes): Promise<void> {
	let info: IDataObject | undefined;
	try {
		info = waitSeconds > 0 ? await pollImport.call(this, batch.batchId, waitSeconds) : undefined;
	} catch (error) {
		for (const contact of batch.contacts) outcomes.set(contact.itemIndex, error as Error);
		return;
	}
	const failed = new Set(((info?.failure as string[] | undefined) ?? []).map((e) => String(e).toLowerCase()));
	for (const contact of batch.contacts) {
		const base = { email: contact.email, batchId: batch.batchId };
		if (!info) outcomes.set(contact.itemIndex, { ...base, status: 'queued' });
		else if (info.status !== 'completed') outcomes.set(contact.itemIndex, unfinished.call(this, contact, batch.batchId, String(info.status)));
		else if (failed.has(contact.email.toLowerCase())) {
			outcomes.set(
				contact.itemIndex,
				inputError(this.getNode(), contact.itemIndex, `ActiveCampaign rejected ${contact.email} in import batch ${batch.batchId}`, 'Check the address and field values of this item.'),
			);
		} else outcomes.set(contact.itemIndex, { ...base, status: 'imported' });
	}
}

/** The error of a contact whose batch ended without completing (failed or interrupted). */
function unfinished(this: IExecuteFunctions, contact: Prepared, batchId: string, status: string): NodeApiError {
	return new NodeApiError(this.getNode(), { message: `Import batch ${batchId} ended "${status}"` }, {
		message: `ActiveCampaign's import of ${contact.email} did not complete (batch status "${status}")`,
		description: 'Check Contacts → Imports in ActiveCampaign, then run the failed items again.',
		itemIndex: contact.itemIndex,
	});
}

/**
 * Reads `/import/info` until the batch settles or the wait runs out (pauses from 500 ms doubling to 5 s); undefined
 * when it did not settle. https://developers.activecampaign.com/reference/bulk-import-status-info
 */
async function pollImport(this: IExecuteFunctions, batchId: string, waitSeconds: number): Promise<IDataObject | undefined> {
	const { answer, settled } = await readUntilSettled(
		{ firstDelayMs: 500, maxDelayMs: 5000, timeoutMs: waitSeconds * 1000 },
		async () =>
			await activeCampaignRequest.call(this, { method: 'GET', path: '/import/info', qs: { batchId }, what: `checking import batch ${batchId}` }),
		// Right after queueing the status is `false`; waiting, claimed and active mean "still running".
		(info) => ['completed', 'failed', 'interrupted'].includes(String(info.status)),
	);
	return settled ? answer : undefined;
}
