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
import { eventOf, outputItem, recordKey, type TriggerEvent, type TriggerMode } from './trigger/events';
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
		version: 1,
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
					displayName: 'Include Changes Made Through the REST API',
					name: 'includeRestApi',
					type: 'boolean',
					default: false,
					description:
						"Whether changes made through Caspio's REST API fire the webhook. Off by default so this workflow's own writes (e.g. with the Caspio node) don't trigger it again.",
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
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const body = (this.getBodyData() ?? {}) as IDataObject;
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
		const rows = (Array.isArray(delivery.data) ? (delivery.data as IDataObject[]) : []).filter((record) => {
			if (mode !== 'hybrid') return true;
			const key = recordKey(event, record, stampField);
			return key === undefined || records.add(key);
		});
		if (rows.length === 0) return { webhookResponse: 'OK' };
		const items = rows.map((record) =>
			outputItem(event, table, record, { eventDate: delivery.eventDate, messageId: delivery.messageId, via: relayed ? 'poll' : 'webhook' }),
		);
		return { workflowData: [this.helpers.returnJsonArray(items)] };
	}
}
