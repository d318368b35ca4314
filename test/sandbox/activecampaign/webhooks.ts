import type { Ctx } from './context';
import type { Contact, Webhook } from './store';
import { iso } from './util';

/** The 25 names `GET /webhook/events` returns (§4.9). */
export const WEBHOOK_EVENTS = [
	'forward',
	'open',
	'share',
	'sent',
	'bounce',
	'reply',
	'click',
	'subscribe',
	'unsubscribe',
	'update',
	'subscriber_note',
	'contact_tag_added',
	'contact_tag_removed',
	'deal_add',
	'deal_update',
	'deal_note_add',
	'deal_pipeline_add',
	'deal_stage_add',
	'deal_task_add',
	'deal_task_complete',
	'deal_tasktype_add',
	'list_add',
	'sms_reply',
	'sms_sent',
	'sms_unsub',
];

/** Also accepted on `POST /webhooks` (named by the `listid` description and the AsyncAPI). */
export const EXTRA_WEBHOOK_EVENTS = [
	'contact_task_add',
	'account_add',
	'account_update',
	'account_contact_add',
	'account_contact_update',
];

export const SOURCES = ['public', 'admin', 'api', 'system'] as const;
export type Source = (typeof SOURCES)[number];

/** Events a webhook's `listid` does not narrow (§4.9). */
const ACCOUNT_LEVEL = new Set(['subscriber_note', 'contact_tag_added', 'contact_tag_removed', 'contact_task_add', 'list_add']);
const listScoped = (type: string) => !ACCOUNT_LEVEL.has(type) && !/^(sms|deal|account)_/.test(type);

export interface EmitInput {
	contact?: Contact;
	/** The list the event concerns; 0 / absent for account-level events. */
	list?: number;
	/** Per-event keys, appended after the contact block. */
	extra?: Array<[string, string]>;
}

export interface Delivery {
	webhook: string;
	type: string;
	url: string;
	status?: number;
}

/** Sends form-encoded bracket-key deliveries; one ordered queue per webhook, never retried. */
export class WebhookEmitter {
	deliveries: Delivery[] = [];
	private pending = new Set<Promise<unknown>>();
	private queues = new Map<Webhook, Promise<void>>();

	constructor(private ctx: Omit<Ctx, 'hooks'>) {}

	/** Queues the event for every matching webhook and returns how many matched. */
	emit(type: string, source: Source, input: EmitInput = {}): number {
		const hooks = this.ctx.store.webhooks.where((hook) => this.matches(hook, type, source, input));
		if (hooks.length === 0) return 0;
		const body = new URLSearchParams(this.payload(type, source, input)).toString();
		for (const hook of hooks) this.enqueue(hook, type, body);
		return hooks.length;
	}

	/** Keeps `idle()` waiting for work that is not a webhook delivery (import callbacks). */
	track(work: Promise<unknown>): void {
		this.pending.add(work);
		const done = () => this.pending.delete(work);
		work.then(done, done);
	}

	async idle(): Promise<void> {
		while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
	}

	reset(): void {
		this.deliveries = [];
		this.queues.clear();
	}

	private matches(hook: Webhook, type: string, source: Source, input: EmitInput): boolean {
		if (!hook.active || !hook.events.includes(type) || !hook.sources.includes(source)) return false;
		if (hook.listid === 0 || !listScoped(type)) return true;
		if (input.list) return input.list === hook.listid;
		// An account-level contact event reaches a list-scoped hook when the contact is on that list.
		const contact = input.contact;
		return contact !== undefined && this.ctx.store.contactLists.find((cl) => cl.contact === contact.id && cl.list === hook.listid) !== undefined;
	}

	private payload(type: string, source: Source, input: EmitInput): Array<[string, string]> {
		const pairs: Array<[string, string]> = [
			['type', type],
			['date_time', iso(Date.now())],
			['initiated_from', source],
			['initiated_by', source],
			['list', String(input.list ?? 0)],
		];
		if (this.ctx.quirks.webhookEnvelopeUrl) pairs.push(['url', this.ctx.url]);
		if (input.contact) pairs.push(...this.contactPairs(input.contact));
		return [...pairs, ...(input.extra ?? [])];
	}

	private contactPairs(c: Contact): Array<[string, string]> {
		const store = this.ctx.store;
		const pairs: Array<[string, string]> = [
			['contact[id]', String(c.id)],
			['contact[email]', c.email],
			['contact[first_name]', c.firstName],
			['contact[last_name]', c.lastName],
			['contact[phone]', c.phone],
			['contact[ip]', c.ip],
			['contact[tags]', store.tagsOf(c.id).map((t) => t.tag).join(', ')],
			['contact[orgname]', c.orgname],
			['contact[customer_acct_name]', c.orgname],
		];
		for (const value of store.valuesOf(c.id)) {
			const field = store.fields.get(value.field);
			if (!field) continue;
			const key = this.ctx.quirks.webhookFieldKeys === 'id' ? String(field.id) : field.perstag.toLowerCase();
			pairs.push([`contact[fields][${key}]`, value.value]);
		}
		return pairs;
	}

	private enqueue(hook: Webhook, type: string, body: string): void {
		const core = this.ctx.core;
		if (!core) return;
		const previous = this.queues.get(hook) ?? Promise.resolve();
		const next = previous.then(async () => {
			// A 410 to an earlier delivery in this queue has switched the hook off.
			if (!hook.active) return;
			const delivery: Delivery = { webhook: String(hook.id), type, url: hook.url };
			this.deliveries.push(delivery);
			await core.deliver(hook.url, body, 'application/x-www-form-urlencoded', (status) => {
				delivery.status = status;
				if (status === 410) hook.active = false;
			});
		});
		this.queues.set(hook, next);
		this.track(next);
	}
}
