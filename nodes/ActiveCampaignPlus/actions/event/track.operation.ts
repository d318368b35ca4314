import { NodeApiError, updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties, type JsonObject } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import { requireEmail, requireText } from '../../helpers/input';
import { activeCampaignGetAll, activeCampaignRequest, trackEvent } from '../../transport';
import { email as emailField } from '../common.descriptions';

const properties: INodeProperties[] = [
	{ ...emailField, description: 'The contact the event is recorded for' },
	{
		displayName: 'Event Name',
		name: 'event',
		type: 'string',
		required: true,
		default: '',
		description: 'At most 32 characters',
	},
	{ displayName: 'Event Data', name: 'eventData', type: 'string', default: '', description: 'Optional text stored with the event' },
	{
		displayName: 'Register Event Name First',
		name: 'register',
		type: 'boolean',
		default: false,
		description: 'Whether to make sure the event name exists in ActiveCampaign first, so automations can start on it',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['event'], operation: ['track'] } }, properties);

/** Records an event for a contact through event tracking (account ID and event key from the credential). */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const email = requireEmail(this, itemIndex, this.getNodeParameter('email', itemIndex), 'Email');
	const name = requireText(this, itemIndex, this.getNodeParameter('event', itemIndex), 'Event Name');
	if (name.length > 32) {
		throw inputError(this.getNode(), itemIndex, `Event Name "${name}" is longer than 32 characters`, 'ActiveCampaign accepts event names of at most 32 characters; shorten it.');
	}
	const data = this.getNodeParameter('eventData', itemIndex, '') as string;
	if (this.getNodeParameter('register', itemIndex, false) as boolean) {
		await cache.once(`event-name:${name}`, async () => await registerEventName.call(this, name));
	}
	const response = await trackEvent.call(this, { name, email, data: data || undefined }, itemIndex);
	if (Number(response.success) !== 1) {
		throw new NodeApiError(this.getNode(), response as JsonObject, {
			message: `ActiveCampaign did not record event "${name}" for ${email}: ${String(response.message ?? 'no reason given')}`,
			description: 'Check that event tracking is enabled and that the Event Tracking Account ID and Event Key in the credential are right.',
			itemIndex,
		});
	}
	return { email, event: name, eventData: data, success: true, message: response.message };
}

/** Makes sure the name is registered; one that exists already is fine. */
async function registerEventName(this: IExecuteFunctions, name: string): Promise<void> {
	const existing = await activeCampaignGetAll.call(this, '/eventTrackingEvents', 'eventTrackingEvents');
	if (existing.some((e) => e.name === name)) return;
	await activeCampaignRequest.call(this, {
		method: 'POST',
		path: '/eventTrackingEvents',
		body: { eventTrackingEvent: { name } },
		what: `registering event name "${name}"`,
	});
}
