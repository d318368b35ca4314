import {
	NodeConnectionTypes,
	type IDataObject,
	type IHookFunctions,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { newToken, tokensMatch } from '../shared/tokens';
import { RecentDeliveries, unflatten } from './helpers/webhook';
import { loadOptions } from './methods';
import { activeCampaignFind, activeCampaignGetAll, activeCampaignRequest } from './transport';

const SOURCES = ['public', 'admin', 'api', 'system'];

/** Deliveries seen recently, per workflow node, for this n8n process. */
const recent = new RecentDeliveries();

/** The secret travels in the URL (ActiveCampaign signs nothing); it lives only in the workflow's static data. */
function hookUrl(base: string, token: string): string {
	return `${base}${base.includes('?') ? '&' : '?'}token=${encodeURIComponent(token)}`;
}

/** How the remote webhook is named, so it can be found again: by this node's webhook URL, without the secret. */
function hookName(base: string): string {
	return `n8n:${base}`;
}

export class ActiveCampaignPlusTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'ActiveCampaign Plus Trigger',
		name: 'activeCampaignPlusTrigger',
		icon: { light: 'file:activeCampaignPlus.svg', dark: 'file:activeCampaignPlus.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when ActiveCampaign events occur, with nested contact data and a secret URL',
		defaults: { name: 'ActiveCampaign Plus Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'activeCampaignPlusApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Event Names or IDs',
				name: 'events',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getEvents' },
				required: true,
				default: [],
				description:
					'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
			},
			{
				displayName: 'Sources',
				name: 'sources',
				type: 'multiOptions',
				default: ['public', 'admin', 'api', 'system'],
				description: 'Who caused the event. Imports never fire events.',
				options: [
					{ name: 'Admin (an ActiveCampaign User)', value: 'admin' },
					{ name: 'API', value: 'api' },
					{ name: 'Public (the Contact)', value: 'public' },
					{ name: 'System (Automations)', value: 'system' },
				],
			},
			{
				displayName: 'List Name or ID',
				name: 'list',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getListsOrAll' },
				default: '0',
				description:
					'Only list-scoped events of this list. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Drop Duplicates Within (Seconds)',
						name: 'dedupeSeconds',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 60,
						description:
							'ActiveCampaign may deliver an event more than once; identical deliveries within this window start one execution. 0 turns this off.',
					},
				],
			},
		],
	};

	methods = { loadOptions };

	webhookMethods = {
		default: {
			/** True only when our webhook exists with the current secret URL; stale ones for this node are removed. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				const base = this.getNodeWebhookUrl('default') as string;
				if (data.webhookId !== undefined && typeof data.token === 'string') {
					const found = await activeCampaignFind.call(this, {
						method: 'GET',
						path: `/webhooks/${String(data.webhookId)}`,
						what: 'checking the webhook',
					});
					if ((found?.webhook as IDataObject | undefined)?.url === hookUrl(base, data.token)) return true;
				}
				const stale = await activeCampaignGetAll.call(this, '/webhooks', 'webhooks', { 'filters[name]': hookName(base) });
				for (const hook of stale) {
					await activeCampaignFind.call(this, { method: 'DELETE', path: `/webhooks/${String(hook.id)}`, what: 'removing an old webhook' });
				}
				delete data.webhookId;
				delete data.token;
				return false;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				const base = this.getNodeWebhookUrl('default') as string;
				const events = this.getNodeParameter('events') as string[];
				const chosen = this.getNodeParameter('sources', SOURCES) as string[];
				const list = this.getNodeParameter('list', '0') as string;
				const token = newToken();
				const response = await activeCampaignRequest.call(this, {
					method: 'POST',
					path: '/webhooks',
					body: {
						webhook: {
							name: hookName(base),
							url: hookUrl(base, token),
							events,
							// An empty choice would match nothing (or be refused): it means "all".
							sources: chosen.length ? chosen : SOURCES,
							listid: list || '0',
						},
					},
					what: 'creating the webhook',
				});
				data.webhookId = String((response.webhook as IDataObject).id);
				data.token = token;
				return true;
			},

			/** Removes our webhook; one already gone (404) counts as removed. */
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node');
				if (data.webhookId !== undefined) {
					await activeCampaignFind.call(this, {
						method: 'DELETE',
						path: `/webhooks/${String(data.webhookId)}`,
						what: 'removing the webhook',
					});
				}
				delete data.webhookId;
				delete data.token;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const data = this.getWorkflowStaticData('node');
		const query = this.getQueryData() as IDataObject;
		if (!tokensMatch(data.token, query.token)) {
			this.getResponseObject().status(401).json({ message: 'Unauthorized' });
			return { noWebhookResponse: true };
		}
		const body = unflatten((this.getBodyData() ?? {}) as IDataObject);
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const windowMs = Number(options.dedupeSeconds ?? 60) * 1000;
		const scope = `${this.getWorkflow().id ?? ''}/${this.getNode().id}`;
		if (!recent.isFirst(scope, body, windowMs)) return { webhookResponse: 'OK' };
		return { workflowData: [this.helpers.returnJsonArray(body)] };
	}
}
