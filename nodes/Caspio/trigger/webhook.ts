import { NodeOperationError, type IDataObject, type IHookFunctions } from 'n8n-workflow';

import { answeredWith, asNodeError } from '../../shared/errors';
import { caspioRequest } from '../transport';
import { fetchFields } from '../transport/fields';
import { EVENT_TYPES, eventSourcesOf, type SourceOptions, type TriggerEvent } from './events';
import { payloadPlan, type PayloadOptions } from './payload';
import { createRelay, forgetRelay } from './relay';
import { storeSecret } from './secret';

interface OutgoingWebhook {
	Id?: string;
	Name?: string;
	Secret?: string;
	OutgoingUrls?: string[];
}

/** The name the remote webhook gets, so a later activation can find it again; test webhooks are kept apart. */
function webhookName(this: IHookFunctions): string {
	const node = this.getNode();
	return `n8n-${node.webhookId ?? node.id}${this.getMode() === 'manual' ? '-test' : ''}`;
}

function forget(staticData: IDataObject): void {
	for (const key of ['webhookId', 'eventId', 'secretSalt', 'secretHash', 'payloadKinds']) delete staticData[key];
}

/** The trigger's options a webhook is made from. */
type WebhookOptions = SourceOptions & PayloadOptions & { notes?: string };

/** The webhook's description in Caspio: what it is for, and the user's notes. */
function webhookDescription(this: IHookFunctions, event: TriggerEvent, table: string, notes: string | undefined): string {
	const what = `n8n workflow ${this.getWorkflow().id ?? ''}: ${event} records of ${table}`;
	return notes?.trim() ? `${what}. Notes: ${notes.trim()}` : what;
}

/** The event's sources and payload template, checked before anything is created at Caspio. */
async function eventSettings(this: IHookFunctions, table: string, options: WebhookOptions) {
	const sources = eventSourcesOf(options);
	if (!sources) {
		throw new NodeOperationError(this.getNode(), 'No event source is chosen', {
			description: 'Choose at least one source in Options → Event Sources (Caspio would read none as every source, the REST API included).',
		});
	}
	const chosen = options.payloadFields ?? [];
	const wantsTemplate = chosen.length > 0 || options.returnAttachmentUrls === true;
	// Hybrid's dedupe of updates reads the Updated-At field, so deliveries carry it even when not chosen (the output does not).
	const stampField = this.getNodeParameter('mode') === 'hybrid' && chosen.length > 0 ? (this.getNodeParameter('stampField', '') as string) : '';
	const payloadFields = stampField ? [...chosen, stampField] : chosen;
	const plan = wantsTemplate ? payloadPlan(await fetchFields.call(this, 'tables', table), { ...options, payloadFields }) : {};
	if ('problem' in plan) {
		throw new NodeOperationError(this.getNode(), `${plan.problem}, so the trigger cannot send it`, {
			description: `Pick the fields of table "${table}" from the list in Options → Fields to Include.`,
		});
	}
	return { sources, plan };
}

async function removeWebhook(this: IHookFunctions, id: string): Promise<void> {
	try {
		await caspioRequest.call(this, { method: 'DELETE', path: `/outgoingWebhooks/${encodeURIComponent(id)}`, what: 'removing the outgoing webhook' });
	} catch (error) {
		// Already gone is what we wanted.
		if (!answeredWith(error, 404)) throw asNodeError(this.getNode(), error);
	}
}

/** True when the webhook this node registered is still there; leftovers with its name or URL are removed. */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	// Polling mode has no Caspio webhook to look for.
	if (this.getNodeParameter('mode') === 'polling') return true;
	const staticData = this.getWorkflowStaticData('node');
	const url = this.getNodeWebhookUrl('default') as string;
	if (typeof staticData.webhookId === 'string') {
		try {
			const found = (await caspioRequest.call(this, {
				method: 'GET',
				path: `/outgoingWebhooks/${encodeURIComponent(staticData.webhookId)}`,
				what: 'checking the outgoing webhook',
			})) as { Result?: OutgoingWebhook };
			if (found.Result?.OutgoingUrls?.includes(url)) return true;
		} catch (error) {
			if (!answeredWith(error, 404)) throw asNodeError(this.getNode(), error);
		}
		forget(staticData);
	}
	// Without our record of it, a webhook of this name or URL has a secret we cannot check: replace it.
	const name = webhookName.call(this);
	const list = (await caspioRequest.call(this, { method: 'GET', path: '/outgoingWebhooks', what: 'listing outgoing webhooks' })) as {
		Result?: OutgoingWebhook[];
	};
	for (const hook of list.Result ?? []) {
		if (hook.Id && (hook.Name === name || hook.OutgoingUrls?.includes(url))) await removeWebhook.call(this, hook.Id);
	}
	return false;
}

/** Registers one outgoing webhook with one event for the chosen table; undone if the event cannot be made. */
export async function create(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	const url = this.getNodeWebhookUrl('default') as string;
	const table = this.getNodeParameter('table', '', { extractValue: true }) as string;
	const event = this.getNodeParameter('event') as TriggerEvent;
	const watch = event === 'updated' ? (this.getNodeParameter('watchFields', []) as string[]) : [];
	const options = this.getNodeParameter('options', {}) as WebhookOptions;
	const { sources, plan } = await eventSettings.call(this, table, options);
	const hook = (await caspioRequest.call(this, {
		method: 'POST',
		path: '/outgoingWebhooks',
		body: { Name: webhookName.call(this), Description: webhookDescription.call(this, event, table, options.notes), OutgoingUrls: [url], CallThrottling: 0 },
		what: 'creating the outgoing webhook',
	})) as OutgoingWebhook;
	if (!hook.Id || !hook.Secret) {
		if (hook.Id) await removeWebhook.call(this, hook.Id);
		throw new NodeOperationError(this.getNode(), 'Caspio created the outgoing webhook without an Id or Secret', {
			description: 'Deliveries could not be verified, so the webhook was removed. Try activating again.',
		});
	}
	let eventId: string | undefined;
	try {
		const created = (await caspioRequest.call(this, {
			method: 'POST',
			path: `/outgoingWebhooks/${encodeURIComponent(hook.Id)}/events`,
			body: {
				EventType: EVENT_TYPES[event],
				ObjectName: table,
				...(watch.length > 0 ? { ObjectFields: watch } : {}),
				EventSources: sources,
				...(plan.template ? { CustomPayloadTemplate: plan.template } : {}),
				Enabled: true,
			},
			what: `creating the ${event} event for table "${table}"`,
		})) as { Id?: string };
		eventId = created.Id;
	} catch (error) {
		await removeWebhook.call(this, hook.Id);
		throw asNodeError(this.getNode(), error);
	}
	Object.assign(staticData, { webhookId: hook.Id, eventId, ...storeSecret(hook.Secret), ...(plan.template ? { payloadKinds: plan.kinds } : {}) });
	if (this.getNodeParameter('mode') === 'hybrid') createRelay(this.getWorkflowStaticData('global'), this.getNode().id, url);
	return true;
}

/** Removes the webhook (and with it its event); a webhook already gone counts as removed. */
export async function remove(this: IHookFunctions): Promise<boolean> {
	const staticData = this.getWorkflowStaticData('node');
	if (typeof staticData.webhookId === 'string') await removeWebhook.call(this, staticData.webhookId);
	forget(staticData);
	forgetRelay(this.getWorkflowStaticData('global'), this.getNode().id);
	return true;
}
