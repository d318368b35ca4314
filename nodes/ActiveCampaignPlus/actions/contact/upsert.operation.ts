import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { requireEmail, splitNames } from '../../helpers/input';
import { addTag, removeTags, setListStatus } from '../../helpers/links';
import type { ExecutionCache, TagInfo } from '../../helpers/names';
import { checkFieldsStored, readCustomFields } from '../../helpers/values';
import { activeCampaignRequestFull } from '../../transport';
import { createMissingTags, customFields, email, listsField, personFields } from '../common.descriptions';

const properties: INodeProperties[] = [
	email,
	{
		displayName: 'Tags to Add',
		name: 'tagsToAdd',
		type: 'string',
		default: '',
		placeholder: 'customer, webinar-2026',
		description: 'Tag names, comma-separated (or an array from an expression)',
	},
	createMissingTags,
	{
		displayName: 'Tags to Remove',
		name: 'tagsToRemove',
		type: 'string',
		default: '',
		description: 'Tag names, comma-separated (or an array from an expression); tags the contact does not have are skipped',
	},
	listsField('listsToSubscribe', 'Lists to Subscribe Names or IDs'),
	listsField('listsToUnsubscribe', 'Lists to Unsubscribe Names or IDs'),
	customFields,
	personFields(),
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['upsert'] } }, properties);

/**
 * Creates or updates the contact by email with its custom fields inline (one `/contact/sync`), then adds and removes
 * tags and sets list subscriptions. Every name is resolved before the first write, so an unknown name changes nothing.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const address = requireEmail(this, itemIndex, this.getNodeParameter('email', itemIndex), 'Email');
	const person = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const fieldValues = await readCustomFields(this, itemIndex, cache);
	const subscribe = [];
	for (const name of splitNames(this.getNodeParameter('listsToSubscribe', itemIndex, []))) {
		subscribe.push(await cache.list(name, itemIndex, 'Lists to Subscribe'));
	}
	const unsubscribe = [];
	for (const name of splitNames(this.getNodeParameter('listsToUnsubscribe', itemIndex, []))) {
		unsubscribe.push(await cache.list(name, itemIndex, 'Lists to Unsubscribe'));
	}
	const toRemove: TagInfo[] = [];
	for (const name of splitNames(this.getNodeParameter('tagsToRemove', itemIndex, ''))) {
		// A tag that does not exist cannot be on the contact: nothing to remove.
		const tag = await cache.existingTag(name);
		if (tag) toRemove.push(tag);
	}
	const create = this.getNodeParameter('createMissingTags', itemIndex, true) as boolean;
	const toAdd: Array<TagInfo & { created?: boolean }> = [];
	for (const name of splitNames(this.getNodeParameter('tagsToAdd', itemIndex, ''))) toAdd.push(await cache.tag(name, itemIndex, { create, field: 'Tags to Add' }));

	const contact: IDataObject = { email: address };
	for (const key of ['firstName', 'lastName', 'phone']) if (person[key] !== undefined && person[key] !== '') contact[key] = person[key];
	if (fieldValues.length) contact.fieldValues = fieldValues;
	const synced = await activeCampaignRequestFull.call(this, {
		method: 'POST',
		path: '/contact/sync',
		body: { contact },
		// An upsert by email: a resend lands on the same contact.
		idempotent: true,
		what: `upserting contact ${address}`,
	});
	checkFieldsStored(this, itemIndex, cache, fieldValues, synced.body.fieldValues);
	const result = synced.body.contact as IDataObject;
	const id = String(result.id);
	// 201 is documented for both outcomes on some accounts; a contact created just now has udate = cdate.
	const created = synced.statusCode === 201 && (result.udate === undefined || result.udate === result.cdate);

	for (const tag of toAdd) await addTag.call(this, id, tag);
	const removed = await removeTags.call(this, id, toRemove);
	for (const list of subscribe) await setListStatus.call(this, id, list, 1);
	for (const list of unsubscribe) await setListStatus.call(this, id, list, 2);

	return {
		...result,
		fieldValues: synced.body.fieldValues ?? result.fieldValues,
		created,
		action: created ? 'created' : 'updated',
		tagsAdded: toAdd.map((t) => t.tag),
		tagsCreated: toAdd.filter((t) => t.created).map((t) => t.tag),
		tagsRemoved: removed.map((t) => t.tag),
		listsSubscribed: subscribe.map((l) => l.name),
		listsUnsubscribed: unsubscribe.map((l) => l.name),
	};
}
