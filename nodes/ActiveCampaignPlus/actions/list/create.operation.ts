import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { requireText } from '../../helpers/input';
import { activeCampaignRequest } from '../../transport';

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Name of the new list' },
	{
		displayName: 'Sender URL',
		name: 'senderUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://example.com',
		description: 'The website shown in the permission reminder',
	},
	{
		displayName: 'Sender Reminder',
		name: 'senderReminder',
		type: 'string',
		required: true,
		default: '',
		description: 'Why the recipients get these emails, e.g. "You signed up on our website"',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'String ID',
				name: 'stringid',
				type: 'string',
				default: '',
				description: 'URL-safe name; derived from the name when empty',
			},
			{ displayName: 'Subscription Notify', name: 'subscription_notify', type: 'string', default: '', description: 'Emails to notify of new subscribers, comma-separated' },
			{ displayName: 'Unsubscription Notify', name: 'unsubscription_notify', type: 'string', default: '', description: 'Emails to notify of unsubscriptions, comma-separated' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['list'], operation: ['create'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const name = requireText(this, itemIndex, this.getNodeParameter('name', itemIndex), 'Name');
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const list: IDataObject = {
		name,
		stringid: extra.stringid || name.trim().replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase(),
		sender_url: requireText(this, itemIndex, this.getNodeParameter('senderUrl', itemIndex), 'Sender URL'),
		sender_reminder: requireText(this, itemIndex, this.getNodeParameter('senderReminder', itemIndex), 'Sender Reminder'),
	};
	for (const key of ['subscription_notify', 'unsubscription_notify']) if (extra[key]) list[key] = extra[key];
	const response = await activeCampaignRequest.call(this, { method: 'POST', path: '/lists', body: { list }, what: `creating list "${name}"` });
	// Later items of this run may name the new list.
	await cache.forget('lists');
	return response.list as IDataObject;
}
