import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
	type IPollFunctions,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { optionsCollection, tableLocator } from './actions/common.descriptions';
import * as listSearch from './methods/listSearch';
import { getDateFields, getWatchableFields } from './methods/loadOptions';
import { EVENT_SOURCE_OPTIONS, eventOf, outputItem, recordKey, type TriggerEvent, type TriggerMode } from './trigger/events';
import { parseDeliveryText, pickFields, typedRecord, type FieldKind } from './trigger/payload';
import { poll } from './trigger/poll';
import { isRelayed } from './trigger/relay';
import { secretMatches, withoutSecret } from './trigger/secret';
import { checkExists, create, remove } from './trigger/webhook';
import { SeenWindow, triggerStore } from './trigger/window';

/**
 * Starts a workflow when records of a Caspio table are created, updated or deleted. Instant: a Caspio outgoing
 * webhook. Polling: n8n's poll schedule. Hybrid: both, the poll catching what the webhook missed. One node type
 * does all three: n8n calls `poll` on schedule, and in Polling mode the webhook methods register nothing at Caspio.
 */
export class CaspioTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Caspio Trigger',
		name: 'caspioTrigger',
		icon: { light: 'file:caspio.svg', dark: 'file:caspio.dark.svg' },
		group: ['trigger'],
		// 1.1: Event Sources replaced the "Include Changes Made Through the REST API" switch, which version 1 keeps showing
		// so a workflow saved with it keeps it (n8n drops a saved option its node no longer shows).
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle: '={{$parameter["event"] + " (" + $parameter["mode"] + ")"}}',
		description: 'Starts the workflow when Caspio records are created, updated or deleted',
		defaults: { name: 'Caspio Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'caspioApi', required: true }],
		polling: true,
		webhooks: [
			{
				name: 'default',
				// A constant, not an expression: n8n evaluates it on every lookup. In Polling mode the webhook methods
				// register nothing at Caspio, so this path never receives a delivery.
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: 'Trigger Mode',
				name: 'mode',
				description: 'Instant: Caspio calls n8n on each change. Polling: n8n asks Caspio on a schedule. Hybrid: instant, plus a backstop poll that catches lost deliveries.',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Instant (Webhook)', value: 'instant', description: 'Caspio calls n8n on every change (the poll schedule is not used)' },
					{ name: 'Polling', value: 'polling', description: 'Asks Caspio for changes on the poll schedule' },
					{
						name: 'Hybrid',
						value: 'hybrid',
						description: 'Instant, plus a poll on the schedule that emits what a webhook delivery missed; each record once',
					},
				],
				default: 'instant',
			},
			{ ...tableLocator, description: 'The table to watch' },
			{
				displayName: 'Event',
				name: 'event',
				description: 'The record change that starts the workflow',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Record Created', value: 'created' },
					{ name: 'Record Updated', value: 'updated' },
					{ name: 'Record Deleted', value: 'deleted', description: 'Instant mode only: a deleted record cannot be polled' },
				],
				default: 'created',
			},
			{
				displayName: 'Watch Field Names or IDs',
				name: 'watchFields',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getWatchableFields', loadOptionsDependsOn: ['table.value'] },
				default: [],
				description:
					'Fire only when one of these fields changes; any field when empty. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { event: ['updated'], mode: ['instant', 'hybrid'] } },
			},
			{
				displayName: 'Updated-At Field Name or ID',
				name: 'stampField',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getDateFields', loadOptionsDependsOn: ['table.value'] },
				default: '',
				required: true,
				description:
					'The Timestamp field Caspio sets on every update; polls find changed records by it. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				displayOptions: { show: { event: ['updated'], mode: ['polling', 'hybrid'] } },
			},
			optionsCollection([
				{
					displayName: 'Emit Existing Records on First Poll',
					name: 'emitExisting',
					type: 'boolean',
					default: false,
					description: 'Whether the first poll after activation emits the records that already exist (otherwise it starts from now)',
				},
				{
					displayName: 'Event Sources',
					name: 'eventSources',
					type: 'multiOptions',
					options: EVENT_SOURCE_OPTIONS,
					default: ['Datasheet', 'DataPages', 'DataParts', 'Extensions', 'TriggeredActions', 'Tasks'],
					description:
						"Where a change must be made to start the workflow. REST API is left out by default so this workflow's own writes (e.g. with the Caspio node) don't trigger it again. Instant and Hybrid modes: a poll cannot tell sources apart, so Polling ignores this and Hybrid's backstop poll emits a change the webhook missed whatever its source.",
				},
				{
					displayName: 'Fields to Include Names or IDs',
					name: 'payloadFields',
					type: 'multiOptions',
					typeOptions: { loadOptionsMethod: 'getWatchableFields', loadOptionsDependsOn: ['table.value'] },
					default: [],
					description:
						'The fields each record carries, PK_ID always among them; every field but passwords when empty. Works in every mode. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{
					displayName: 'Include Changes Made Through the REST API',
					name: 'includeRestApi',
					type: 'boolean',
					default: false,
					description:
						'Whether changes made through the REST API start the workflow too, besides the Event Sources (kept from before Event Sources existed). Instant and Hybrid modes only.',
					displayOptions: { show: { '@version': [1] } },
				},
				{
					displayName: 'Notes',
					name: 'notes',
					type: 'string',
					default: '',
					placeholder: 'e.g. Owned by the sales team; syncs leads to ActiveCampaign',
					description:
						"Text added to the webhook's description in Caspio (Integrations → Outgoing webhooks), to tell who made it and why. Instant and Hybrid modes only: Polling registers no webhook.",
				},
				{
					displayName: 'Return Attachment URLs',
					name: 'returnAttachmentUrls',
					type: 'boolean',
					default: false,
					description:
						"Whether each attachment field gets a temporary download URL beside it (as _FieldName), valid for 300 seconds. Instant and Hybrid modes only: a poll cannot get these URLs, so records Hybrid's backstop poll emits have none.",
				},
			]),
		],
	};

	methods = {
		listSearch: { searchTables: listSearch.searchTables },
		loadOptions: { getDateFields, getWatchableFields },
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await poll.call(this);
	}

	/**
	 * One delivery: the secret must match (401 otherwise, nothing emitted), a repeated messageId is dropped, and
	 * each record in `data` becomes one item. In hybrid mode a record the backstop poll already emitted is dropped too.
	 * A custom payload's text values get their types back, and records carry only the chosen fields.
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const received = this.getBodyData() as unknown;
		const body = (typeof received === 'string' ? parseDeliveryText(received) : (received as IDataObject | undefined)) ?? {};
		const staticData = this.getWorkflowStaticData('node');
		const global = this.getWorkflowStaticData('global');
		// Records the backstop poll found (hybrid mode) come through here too, so one window sees both.
		const relayed = isRelayed(global, this.getNode().id, body);
		if (!relayed && (!secretMatches(staticData, body.secret) || body.webhookId !== staticData.webhookId)) {
			this.logger.warn('Caspio Trigger refused a delivery whose secret or webhook id does not match this activation');
			this.getResponseObject().status(401).json({ message: 'Unauthorized' });
			return { noWebhookResponse: true };
		}
		const mode = this.getNodeParameter('mode') as TriggerMode;
		const watched = this.getNodeParameter('event') as TriggerEvent;
		const event = eventOf(body.eventType) ?? watched;
		const stampField = mode === 'hybrid' && event === 'updated' ? (this.getNodeParameter('stampField', '') as string) : undefined;
		const store = triggerStore(global, this.getWorkflow().id, this.getNode().id);
		const messages = new SeenWindow(store, 'messages');
		if (typeof body.messageId === 'string' && !messages.add(body.messageId)) return { webhookResponse: 'duplicate' };
		const records = new SeenWindow(store, 'records');
		const delivery = withoutSecret(body);
		const table = typeof delivery.objectName === 'string' ? delivery.objectName : (this.getNodeParameter('table', '', { extractValue: true }) as string);
		const kinds = (staticData.payloadKinds ?? {}) as Record<string, FieldKind>;
		const { payloadFields } = this.getNodeParameter('options', {}) as { payloadFields?: string[] };
		const delivered = (Array.isArray(delivery.data) ? (delivery.data as IDataObject[]) : []).map((r) => typedRecord(r, kinds));
		const rows = delivered.filter((record) => {
			if (mode !== 'hybrid') return true;
			const key = recordKey(event, record, stampField);
			return key === undefined || records.add(key);
		});
		if (rows.length === 0) return { webhookResponse: 'OK' };
		const items = rows.map((record) =>
			outputItem(event, table, pickFields(record, payloadFields), { eventDate: delivery.eventDate, messageId: delivery.messageId, via: relayed ? 'poll' : 'webhook' }),
		);
		return { workflowData: [this.helpers.returnJsonArray(items)] };
	}
}
