import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ListInfo, TagInfo } from './helpers/catalog';
import { activeCampaignRequest } from './transport';

/** A contact's tag and list associations: the reads and writes several operations share. */

export async function addTag(this: IExecuteFunctions, contactId: string, tag: TagInfo): Promise<IDataObject> {
	const response = await activeCampaignRequest.call(this, {
		method: 'POST',
		path: '/contactTags',
		body: { contactTag: { contact: contactId, tag: tag.id } },
		// One association per (contact, tag): a resend finds the existing one.
		idempotent: true,
		what: `adding tag "${tag.tag}" to contact ${contactId}`,
	});
	return response.contactTag as IDataObject;
}

/** The contact's tag associations (`contactTag` rows: the tag's id in `tag`, the association's in `id`). */
export async function contactTags(this: IExecuteFunctions, contactId: string): Promise<IDataObject[]> {
	const response = await activeCampaignRequest.call(this, {
		method: 'GET',
		path: `/contacts/${contactId}/contactTags`,
		what: `reading the tags of contact ${contactId}`,
	});
	return (response.contactTags as IDataObject[] | undefined) ?? [];
}

/** Removes the associations of these tags (found through the contact's own list); returns the tags removed. */
export async function removeTags(this: IExecuteFunctions, contactId: string, tags: TagInfo[]): Promise<TagInfo[]> {
	if (tags.length === 0) return [];
	const links = await contactTags.call(this, contactId);
	const removed: TagInfo[] = [];
	for (const tag of tags) {
		const link = links.find((l) => String(l.tag) === tag.id);
		if (!link) continue;
		await activeCampaignRequest.call(this, {
			method: 'DELETE',
			path: `/contactTags/${String(link.id)}`,
			what: `removing tag "${tag.tag}" from contact ${contactId}`,
		});
		removed.push(tag);
	}
	return removed;
}

/** Subscribes (1) or unsubscribes (2); `sourceid` 4 marks a deliberate re-subscription. Returns the contactList. */
export async function setListStatus(
	this: IExecuteFunctions,
	contactId: string,
	list: ListInfo,
	status: 1 | 2,
	resubscribe = false,
): Promise<IDataObject> {
	const response = await activeCampaignRequest.call(this, {
		method: 'POST',
		path: '/contactLists',
		body: { contactList: { list: list.id, contact: contactId, status, ...(resubscribe ? { sourceid: 4 } : {}) } },
		// One association per (contact, list) whose status is set: a resend sets the same status.
		idempotent: true,
		what: `${status === 1 ? 'subscribing' : 'unsubscribing'} contact ${contactId} ${status === 1 ? 'to' : 'from'} list "${list.name}"`,
	});
	return response.contactList as IDataObject;
}
