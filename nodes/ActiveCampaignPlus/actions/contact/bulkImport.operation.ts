import {
	NodeApiError,
	NodeOperationError,
	sleep,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { badInput, requireEmail, splitNames } from '../../helpers/input';
import type { ExecutionCache } from '../../helpers/names';
import { readCustomFields } from '../../helpers/values';
import { activeCampaignRequest, activeCampaignRequestFull, importLimiter } from '../../transport';
import { customFields, email, listsField, personFields } from '../common.descriptions';

/** The importer's documented limits per request. */
export const MAX_CONTACTS_PER_IMPORT = 250;
export const MAX_IMPORT_BYTES = 400_000;

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
	if (!outcome) throw new NodeOperationError(this.getNode(), `Item ${itemIndex} was not part of the import`, { itemIndex });
	return outcome;
}

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
		const lists = [];
		for (const name of splitNames(this.getNodeParameter(parameter, itemIndex, []))) {
			lists.push({ listid: Number((await cache.list(name, itemIndex, label)).id) });
		}
		if (lists.length) payload[key] = lists;
	}
	payload.exclude_automations = options.excludeAutomations === true;
	return { itemIndex, email: address, payload };
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

async function importAll(this: IExecuteFunctions, cache: ExecutionCache): Promise<Outcomes> {
	// An import is sent once for thousands of contacts and skips unknown ids silently: it reads today's fields and lists.
	await cache.forget('fields');
	await cache.forget('lists');
	const outcomes: Outcomes = new Map();
	const prepared: Prepared[] = [];
	const count = this.getInputData().length;
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		try {
			prepared.push(await prepare.call(this, itemIndex, cache));
		} catch (error) {
			outcomes.set(itemIndex, error as Error);
		}
	}
	// Without Continue On Fail one bad item stops the run before anything is sent.
	const invalid = [...outcomes.values()][0];
	if (invalid && !this.continueOnFail()) throw invalid;
	for (const item of prepared) {
		if (Buffer.byteLength(JSON.stringify(item.payload)) > MAX_IMPORT_BYTES - 100) {
			outcomes.set(item.itemIndex, badInput(this, item.itemIndex, `The contact ${item.email} is larger than the importer's 400,000-byte limit`, 'Shorten its field values.'));
		}
	}
	const sendable = prepared.filter((p) => !outcomes.has(p.itemIndex));
	const limiter = await importLimiter.call(this);
	const waitSeconds = Number((this.getNodeParameter('options', 0, {}) as IDataObject).waitSeconds ?? 300);
	const batches: Array<{ batchId: string; contacts: Prepared[] }> = [];
	for (const chunk of chunkContacts(sendable)) {
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
			batches.push({ batchId: String(queued.body.batchId), contacts: chunk });
		} catch (error) {
			for (const contact of chunk) outcomes.set(contact.itemIndex, error as Error);
		}
	}
	for (const batch of batches) {
		const info = waitSeconds > 0 ? await pollImport.call(this, batch.batchId, waitSeconds) : undefined;
		const failed = new Set(((info?.failure as string[] | undefined) ?? []).map((e) => String(e).toLowerCase()));
		for (const contact of batch.contacts) {
			const base = { email: contact.email, batchId: batch.batchId };
			if (!info) outcomes.set(contact.itemIndex, { ...base, status: 'queued' });
			else if (info.status !== 'completed') {
				outcomes.set(
					contact.itemIndex,
					new NodeApiError(this.getNode(), { message: `Import batch ${batch.batchId} ended "${String(info.status)}"` }, {
						message: `ActiveCampaign's import of ${contact.email} did not complete (batch status "${String(info.status)}")`,
						description: 'Check Contacts → Imports in ActiveCampaign, then run the failed items again.',
						itemIndex: contact.itemIndex,
					}),
				);
			} else if (failed.has(contact.email.toLowerCase())) {
				outcomes.set(
					contact.itemIndex,
					badInput(this, contact.itemIndex, `ActiveCampaign rejected ${contact.email} in import batch ${batch.batchId}`, 'Check the address and field values of this item.'),
				);
			} else outcomes.set(contact.itemIndex, { ...base, status: 'imported' });
		}
	}
	return outcomes;
}

/** Polls `/import/info` until the batch settles or the wait runs out; undefined when it did not settle. */
async function pollImport(this: IExecuteFunctions, batchId: string, waitSeconds: number): Promise<IDataObject | undefined> {
	const deadline = Date.now() + waitSeconds * 1000;
	for (let delay = 500; ; delay = Math.min(delay * 2, 5000)) {
		const info = await activeCampaignRequest.call(this, {
			method: 'GET',
			path: '/import/info',
			qs: { batchId },
			what: `checking import batch ${batchId}`,
		});
		// Right after queueing the status is `false`; waiting, claimed and active mean "still running".
		if (['completed', 'failed', 'interrupted'].includes(String(info.status))) return info;
		if (Date.now() + delay > deadline) return undefined;
		await sleep(delay);
	}
}
