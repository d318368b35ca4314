import { Router } from '../server';
import { guarded } from './errors';
import type { CaspioService } from './service';
import { EVENT_SOURCES, type EventSource } from './webhooks';

/** Caspio-only admin routes under `/__sandbox/`, next to the core's reset, seed, state, faults and stats. */
export function adminRoutes(service: CaspioService): Router {
	return (
		new Router()
			// A record change made as a DataPage, Datasheet, Task… would make it; fires the webhooks that source is subscribed to.
			.add(
				'POST',
				'/__sandbox/records',
				guarded((req) => {
					const { table, op, values, where, source = 'DataPages' } = (req.body ?? {}) as Record<string, unknown>;
					if (!EVENT_SOURCES.includes(source as EventSource)) {
						return { status: 400, body: { message: `source must be one of ${EVENT_SOURCES.join(', ')}` } };
					}
					const from = source as EventSource;
					const name = String(table);
					const filter = where === undefined ? undefined : String(where);
					if (op === 'insert') return { status: 200, body: { RecordsAffected: 1, Result: [service.insert(name, values, from)] } };
					if (op === 'update') {
						const rows = service.update(name, filter, values, from);
						return { status: 200, body: { RecordsAffected: rows.length, Result: rows } };
					}
					if (op === 'delete') return { status: 200, body: { RecordsAffected: service.remove(name, filter, from) } };
					return { status: 400, body: { message: 'op must be insert, update or delete' } };
				}),
			)
			// The behaviour switches (stale-token answer, paging, error statuses, webhook shapes): GET reads, POST patches.
			.add('GET', '/__sandbox/options', () => ({ status: 200, body: service.behaviour }))
			.add('POST', '/__sandbox/options', (req) => {
				service.setBehaviour(req.body);
				return { status: 200, body: service.behaviour };
			})
			.add('POST', '/__sandbox/tokens/expire', () => {
				service.tokens.expireAll();
				return { status: 200, body: { ok: true } };
			})
			// Waits for deliveries in flight, then lists every message sent since the last reset.
			.add('GET', '/__sandbox/deliveries', async () => {
				await service.webhooks.idle();
				return { status: 200, body: { deliveries: service.webhooks.deliveries } };
			})
	);
}
