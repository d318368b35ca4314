import type { SandboxResponse } from '../../server';
import type { Ctx } from '../context';
import { type Api, envelope, invalid, notFound, ok, page } from '../http';
import { isObject, text } from '../util';

/** Event tracking: the v3 switch and event-name registry, and trackcmp's `POST /event` (§4.6). */

const MAX_EVENT_NAME = 32;

export function trackingRoutes(api: Api, ctx: Ctx): void {
	api.get('/eventTracking', () => ok({ eventTracking: { enabled: ctx.store.eventTracking.enabled } }));

	api.put('/eventTracking', (req) => {
		const enabled = envelope(req, 'eventTracking').enabled;
		if (typeof enabled !== 'boolean') {
			return invalid([{ title: 'enabled must be true or false.', code: 'field_invalid', pointer: 'enabled' }]);
		}
		ctx.store.eventTracking.enabled = enabled;
		return ok({ eventTracking: { enabled } });
	});

	// This newer endpoint's meta.total is a number.
	api.get('/eventTrackingEvents', (req) => {
		const { items } = page(req, ctx.store.eventNames);
		return ok({ eventTrackingEvents: items.map((name) => ({ name })), meta: { total: ctx.store.eventNames.length } });
	});

	api.post('/eventTrackingEvents', (req) => {
		const name = text(envelope(req, 'eventTrackingEvent').name)?.trim();
		if (!name) return invalid([{ title: 'The event name was not provided.', code: 'field_missing', pointer: 'name' }]);
		if (name.length > MAX_EVENT_NAME) {
			return invalid([{ title: `The event name must be at most ${MAX_EVENT_NAME} characters.`, code: 'field_invalid', pointer: 'name' }]);
		}
		if (ctx.store.eventNames.includes(name)) {
			return invalid([{ title: `The event "${name}" already exists.`, code: 'duplicate', pointer: 'name' }]);
		}
		ctx.store.eventNames.push(name);
		return ok({ eventTrackingEvent: { name } }, 201);
	});

	api.delete('/eventTrackingEvents/:name', (req) => {
		const names = ctx.store.eventNames;
		if (!names.includes(req.params.name)) return notFound('EventTrackingEvent', req.params.name);
		ctx.store.eventNames = names.filter((n) => n !== req.params.name);
		return ok({});
	});
}

/** trackcmp.net's handler, mounted at `/event` on the same server; `actid` + `key` authenticate it. */
export function trackcmpRoutes(api: Api, ctx: Ctx): void {
	const fail = (reason: string): SandboxResponse =>
		ctx.quirks.trackFailure === 'http400' ? ok({}, 400) : ok({ success: 0, message: reason });

	api.post('/event', (req) => {
		const form = isObject(req.body) ? req.body : {};
		if (text(form.actid) !== ctx.account.eventAccountId || text(form.key) !== ctx.account.eventKey) {
			return fail('Invalid actid or key');
		}
		if (!ctx.store.eventTracking.enabled) return fail('Event tracking is not enabled for this account');
		const event = text(form.event)?.trim();
		if (!event) return fail('No event name given');
		if (event.length > MAX_EVENT_NAME) return fail(`Event name must be at most ${MAX_EVENT_NAME} characters`);
		const email = visitEmail(form);
		if (!email) return fail('visit must be JSON with an email, e.g. {"email":"a@b.com"}');
		const contact = ctx.store.contactByEmail(email);
		if (!contact && ctx.quirks.trackUnknownContact === 'reject') return fail('No contact with this email');
		ctx.store.trackedEvents.push({
			event,
			eventdata: text(form.eventdata) ?? '',
			email,
			contact: contact?.id ?? null,
			date: Date.now(),
		});
		return ok({ success: 1, message: 'Event spawned' });
	});
}

/** `visit` is documented as a JSON string; Pipedream's nested `visit[email]` form is accepted too. */
function visitEmail(form: Record<string, unknown>): string | undefined {
	const nested = text(form['visit[email]']);
	if (nested) return nested;
	try {
		const visit: unknown = JSON.parse(text(form.visit) ?? '');
		return isObject(visit) ? text(visit.email) : undefined;
	} catch {
		return undefined;
	}
}
