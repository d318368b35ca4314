import { randomUUID } from 'node:crypto';
import type { SandboxResponse } from '../../server';
import type { Ctx } from '../context';
import { type Api, ok } from '../http';
import type { ImportBatch, Store } from '../store';
import { isObject, iso, type Json, text, validEmail } from '../util';

/** Bulk contact import with its own limits, processed into the store; no webhooks fire (§4.8). */

const MAX_CONTACTS = 250;
const MAX_BYTES = 400_000;

const rejected = (reasons: unknown[]): SandboxResponse =>
	ok(
		{
			success: 0,
			message: 'JSON payload did not pass validation. Please fix failure Reasons and retry. The import was not queued for processing.',
			failureReasons: reasons,
		},
		400,
	);

const rateLimited = (limit: number): SandboxResponse =>
	ok(
		{
			success: 0,
			message: 'Rate limit exceeded.',
			failureReasons: [
				`Up to ${limit} imports may be requested per minute.Please batch contacts into larger requests, or retry this request in a minute.`,
			],
		},
		400,
	);

const listIds = (value: unknown): unknown[] => (Array.isArray(value) ? value.filter(isObject).map((item) => item.listid) : []);

/** Creates or updates one imported contact; returns its id, or undefined when the email is unusable. */
function importContact(store: Store, input: Json, now: number): string | undefined {
	const email = text(input.email)?.trim() ?? '';
	if (!validEmail(email)) return undefined;
	const contact = store.contactByEmail(email) ?? store.createContact({ email }, now);
	const given = {
		firstName: text(input.first_name),
		lastName: text(input.last_name),
		phone: text(input.phone),
		orgname: text(input.customer_acct_name),
	};
	for (const [key, value] of Object.entries(given) as Array<[keyof typeof given, string | undefined]>) {
		if (value !== undefined) contact[key] = value;
	}
	contact.udate = now;
	for (const name of Array.isArray(input.tags) ? input.tags : []) {
		const tagName = text(name)?.trim();
		if (!tagName) continue;
		const tag = store.tagByName(tagName) ?? store.tags.insert({ tag: tagName, tagType: 'contact', description: '', cdate: now });
		store.addContactTag(contact.id, tag.id, now);
	}
	for (const item of Array.isArray(input.fields) ? input.fields : []) {
		const field = isObject(item) ? store.fields.get(item.id) : undefined;
		if (field && isObject(item)) store.setFieldValue(contact, field, item.value, now);
	}
	for (const id of listIds(input.subscribe)) {
		const list = store.lists.get(id);
		const current = list && store.contactLists.findByKey(`${contact.id}:${list.id}`);
		// The importer cannot re-subscribe someone who unsubscribed from that list.
		if (list && current?.status !== 2) store.setListStatus(contact.id, list.id, 1, now);
	}
	for (const id of listIds(input.unsubscribe)) {
		const list = store.lists.get(id);
		if (list) store.setListStatus(contact.id, list.id, 2, now);
	}
	return String(contact.id);
}

/** Calls `callback.url` once the batch is done: params plus counts, in the query (GET) or form-encoded (POST). */
async function callBack(callback: Json, batch: ImportBatch): Promise<void> {
	const url = text(callback.url);
	if (!url) return;
	const pairs = (value: unknown): Array<[string, string]> =>
		(Array.isArray(value) ? value.filter(isObject) : [])
			.map((p): [string, string] => [text(p.key) ?? '', text(p.value) ?? ''])
			.filter(([key]) => key !== '');
	const form = new URLSearchParams([
		...pairs(callback.params),
		['batchId', batch.id],
		['status', 'completed'],
		['success', String(batch.success.length)],
		['failure', String(batch.failure.length)],
	]);
	if (text(callback.detailed_results) === 'true') {
		batch.failure.forEach((email, i) => form.append(`failures[${i}][email]`, email));
	}
	const headers = Object.fromEntries(pairs(callback.headers));
	const get = text(callback.requestType)?.toUpperCase() === 'GET';
	try {
		const target = new URL(url);
		if (get) for (const [k, v] of form) target.searchParams.append(k, v);
		const res = await fetch(target, {
			method: get ? 'GET' : 'POST',
			headers: get ? headers : { 'content-type': 'application/x-www-form-urlencoded', ...headers },
			body: get ? undefined : form.toString(),
		});
		await res.arrayBuffer();
	} catch {
		// The vendor does not retry callbacks; a dead receiver is simply missed.
	}
}

export function importRoutes(api: Api, ctx: Ctx): void {
	api.post('/import/bulk_import', (req) => {
		const body = isObject(req.body) ? req.body : {};
		const contacts = Array.isArray(body.contacts) ? body.contacts : [];
		const window = contacts.length === 1 ? ctx.imports.single : ctx.imports.multi;
		if (!window.take().ok) return rateLimited(window.limit);
		if (Buffer.byteLength(req.rawBody) > MAX_BYTES) return rejected([`The payload is larger than ${MAX_BYTES} bytes.`]);
		if (contacts.length === 0 || contacts.length > MAX_CONTACTS) {
			return rejected([`'contacts' must hold between 1 and ${MAX_CONTACTS} contacts.`]);
		}
		const reasons = contacts.flatMap((c, i) =>
			isObject(c) && /^[^\s@]+@[^\s@]+$/.test(text(c.email) ?? '') ? [] : [{ contact: i, failureReason: 'Field‘ email’ incorrect format' }],
		);
		if (reasons.length > 0) return rejected(reasons);

		const store = ctx.store;
		const batch: ImportBatch = { id: randomUUID(), queued: Date.now(), contacts: contacts.length, done: false, success: [], failure: [] };
		store.imports.set(batch.id, batch);
		const run = () => {
			for (const input of contacts.filter(isObject)) {
				const id = importContact(store, input, Date.now());
				if (id) batch.success.push(id);
				else batch.failure.push(text(input.email) ?? '');
			}
			batch.done = true;
			if (isObject(body.callback)) ctx.hooks.track(callBack(body.callback, batch));
		};
		const delay = ctx.quirks.importDelayMs;
		if (delay > 0) ctx.hooks.track(new Promise<void>((resolve) => setTimeout(resolve, delay)).then(run));
		else run();
		return ok({ Success: 1, queued_contacts: contacts.length, batchId: batch.id, message: 'Contact import queued' });
	});

	api.get('/import/info', (req) => {
		const id = req.query.get('batchId');
		if (!id) return ok({ success: 0, message: "'batchId' is a required field." }, 400);
		const batch = ctx.store.imports.get(id);
		if (!batch) return ok({ success: 0, message: `No import batch with id ${id}.` }, 404);
		return ok({ status: batch.done ? 'completed' : false, success: batch.success, failure: batch.failure });
	});

	api.get('/import/bulk_import', () => {
		const byDate = (done: boolean) => {
			const groups = new Map<string, { forDate: string; batches: number; contacts: number }>();
			for (const batch of ctx.store.imports.values()) {
				if (batch.done !== done) continue;
				const forDate = iso(batch.queued).slice(0, 10);
				const group = groups.get(forDate) ?? { forDate, batches: 0, contacts: 0 };
				group.batches++;
				group.contacts += batch.contacts;
				groups.set(forDate, group);
			}
			return [...groups.values()];
		};
		return ok({ outstanding: byDate(false), recentlyCompleted: byDate(true) });
	});
}
