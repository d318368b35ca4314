import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { activeCampaignGetAll, activeCampaignRequest } from '../transport';

/** Dropdowns: every page of each collection (accounts often have more than 100 fields or tags). */

function sorted(options: INodePropertyOptions[]): INodePropertyOptions[] {
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

export async function getLists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const lists = await activeCampaignGetAll.call(this, '/lists', 'lists');
	return sorted(lists.map((l) => ({ name: String(l.name), value: String(l.id) })));
}

/** Lists for the trigger's filter, after "any list" (0). */
export async function getListsOrAll(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return [{ name: 'Any List', value: '0' }, ...(await getLists.call(this))];
}

export async function getFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await activeCampaignGetAll.call(this, '/fields', 'fields');
	return sorted(
		fields.map((f) => ({ name: String(f.title), value: String(f.id), description: `%${String(f.perstag)}% · ${String(f.type)}` })),
	);
}

export async function getAutomations(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const automations = await activeCampaignGetAll.call(this, '/automations', 'automations');
	return sorted(automations.map((a) => ({ name: String(a.name), value: String(a.id) })));
}

/** The webhook event names the account offers (`/webhook/events`). */
export async function getEvents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const response = await activeCampaignRequest.call(this, { method: 'GET', path: '/webhook/events', what: 'reading webhook events' });
	const events = (response.webhookEvents as Array<string | IDataObject> | undefined) ?? [];
	return sorted(events.map((e) => String(typeof e === 'string' ? e : e.name)).map((name) => ({ name, value: name })));
}
