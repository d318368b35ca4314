import type { Ctx } from '../context';
import { type Api, envelope, invalid, notFound, ok, page, textFilter, type ValidationError } from '../http';
import type { Webhook } from '../store';
import { idOf, type Json, text } from '../util';
import { webhookView } from '../views';
import { EXTRA_WEBHOOK_EVENTS, SOURCES, WEBHOOK_EVENTS } from '../webhooks';

/** Webhook registrations and the event-name list (§4.9). */

const KNOWN_EVENTS = new Set([...WEBHOOK_EVENTS, ...EXTRA_WEBHOOK_EVENTS]);
const KNOWN_SOURCES = new Set<string>(SOURCES);

type WebhookInput = Pick<Webhook, 'name' | 'url' | 'events' | 'sources' | 'listid'>;

export function webhookRoutes(api: Api, ctx: Ctx): void {
	/** Validates a create body, or an update body on top of `current`. */
	const read = (input: Json, current?: Webhook): WebhookInput | ValidationError[] => {
		const errors: ValidationError[] = [];
		const missing = (key: string) => errors.push({ title: `The webhook ${key} was not provided.`, code: 'field_missing', pointer: key });
		const name = text(input.name) ?? current?.name;
		if (!name) missing('name');
		const url = text(input.url) ?? current?.url;
		if (!url) missing('url');
		else if (!/^https?:\/\/[^\s]+$/.test(url)) errors.push({ title: 'The webhook url is not a valid URL.', code: 'field_invalid', pointer: 'url' });
		const events = Array.isArray(input.events) ? input.events.map(String) : current?.events;
		if (!events || events.length === 0) missing('events');
		for (const event of events ?? []) {
			if (!KNOWN_EVENTS.has(event)) errors.push({ title: `'${event}' is not a valid webhook event.`, code: 'field_invalid', pointer: 'events' });
		}
		const sources = Array.isArray(input.sources) ? input.sources.map(String) : current?.sources;
		if (!sources || (sources.length === 0 && ctx.quirks.emptyWebhookSources === 'reject')) missing('sources');
		for (const source of sources ?? []) {
			if (!KNOWN_SOURCES.has(source)) errors.push({ title: `'${source}' is not a valid webhook source.`, code: 'field_invalid', pointer: 'sources' });
		}
		const listid = input.listid === undefined ? (current?.listid ?? 0) : text(input.listid) === '0' ? 0 : idOf(input.listid);
		if (listid === undefined) errors.push({ title: 'The webhook listid is not valid.', code: 'field_invalid', pointer: 'listid' });
		if (errors.length > 0) return errors;
		return { name: name ?? '', url: url ?? '', events: events ?? [], sources: sources ?? [], listid: listid ?? 0 };
	};

	api.get('/webhook/events', () => ok({ webhookEvents: WEBHOOK_EVENTS, meta: { total: WEBHOOK_EVENTS.length } }));

	api.get('/webhooks', (req) => {
		const name = textFilter(req, 'name', 'eq');
		const url = textFilter(req, 'url', 'eq');
		const listid = req.query.get('filters[listid]');
		const rows = ctx.store.webhooks.where((w) => name(w.name) && url(w.url) && (listid === null || String(w.listid) === listid));
		const { items, total } = page(req, rows);
		return ok({ webhooks: items.map(webhookView), meta: { total } });
	});

	api.post('/webhooks', (req) => {
		const input = read(envelope(req, 'webhook'));
		if (Array.isArray(input)) return invalid(input);
		const hook = ctx.store.webhooks.insert({ ...input, cdate: Date.now(), active: true });
		return ok({ webhook: webhookView(hook) }, 201);
	});

	api.get('/webhooks/:id', (req) => {
		const hook = ctx.store.webhooks.get(req.params.id);
		if (!hook) return notFound('Webhook', req.params.id);
		return ok({ webhook: webhookView(hook) });
	});

	// An update does not reactivate a hook switched off by a 410: the vendor says delete and recreate.
	api.put('/webhooks/:id', (req) => {
		const hook = ctx.store.webhooks.get(req.params.id);
		if (!hook) return notFound('Webhook', req.params.id);
		const input = read(envelope(req, 'webhook'), hook);
		if (Array.isArray(input)) return invalid(input);
		Object.assign(hook, input);
		return ok({ webhook: webhookView(hook) });
	});

	api.delete('/webhooks/:id', (req) => {
		const hook = ctx.store.webhooks.get(req.params.id);
		if (!hook) return notFound('Webhook', req.params.id);
		ctx.store.webhooks.delete(hook.id);
		return ok({});
	});
}
