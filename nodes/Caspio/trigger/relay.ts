import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { retryPolicy } from '../../shared/retry';
import { newToken, tokensMatch } from '../../shared/tokens';
import { serviceRequest, type Service } from '../../shared/transport';
import { EVENT_TYPES, type TriggerEvent } from './events';

/**
 * Hybrid mode's backstop poll hands the records it found to the trigger's own webhook instead of emitting them, so
 * one window decides what was already emitted. In queue mode Caspio's deliveries reach the webhook process while
 * polls run on the main process, and n8n 2.41 does not save static data changed by a webhook call that starts an
 * execution: a window written by the webhook never reaches the poll. Relayed, both paths meet in the process that
 * receives webhooks (in a single n8n, that is the same process).
 */
export interface Relay {
	/** The trigger's production webhook URL. */
	url: string;
	/** Proves a delivery came from this trigger's poll; kept in static data only and never emitted. */
	token: string;
}

/** Records per relayed delivery, so a long backlog does not become one huge request. */
export const RELAY_BATCH = 500;

const slotOf = (nodeId: string) => `caspioRelay:${nodeId}`;

/** A new relay for this activation, kept in the workflow's global static data (saved with the activation). */
export function createRelay(global: IDataObject, nodeId: string, url: string): void {
	global[slotOf(nodeId)] = { url, token: newToken() };
}

export function forgetRelay(global: IDataObject, nodeId: string): void {
	delete global[slotOf(nodeId)];
}

/** The relay of an activation that made one; workflows activated before relays existed have none. */
export function relayOf(global: IDataObject, nodeId: string): Relay | undefined {
	const relay = global[slotOf(nodeId)] as Partial<Relay> | undefined;
	return typeof relay?.url === 'string' && typeof relay.token === 'string' ? (relay as Relay) : undefined;
}

/** True only for a delivery carrying this activation's relay token (compared in constant time); fails closed. */
export function isRelayed(global: IDataObject, nodeId: string, body: IDataObject): boolean {
	return tokensMatch(relayOf(global, nodeId)?.token, body.relayToken);
}

/**
 * n8n's own webhook, as a service: no credential (the token in the body proves the sender), and one attempt, since a
 * failed hand-over rewinds the cursor and the next poll hands the records over again.
 */
const webhookService: Service = {
	root: '',
	retryPolicy: retryPolicy({ maxAttempts: 1 }),
	failures: {
		service: "this trigger's webhook",
		unreachableAdvice: "n8n's production webhook URL must be reachable from the n8n process that polls.",
		vendorWords: () => "n8n's webhook refused the records.",
		statusHints: { 404: 'The workflow is not active in this n8n.', other: 'The records were refused.' },
	},
};

/** Posts the poll's records to the webhook in batches, shaped like Caspio's own deliveries. */
export async function relayRecords(this: IPollFunctions, relay: Relay, event: TriggerEvent, table: string, rows: IDataObject[]): Promise<void> {
	for (let start = 0; start < rows.length; start += RELAY_BATCH) {
		await serviceRequest.call(this, webhookService, {
			method: 'POST',
			url: relay.url,
			body: { relayToken: relay.token, eventType: EVENT_TYPES[event], objectName: table, data: rows.slice(start, start + RELAY_BATCH) },
			what: `handing ${rows.length} records over`,
		});
	}
}
