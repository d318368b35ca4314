import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { addTag, removeTags, setListStatus } from '../../associations';
import type { ExecutionCache } from '../../cache';
import type { ListInfo, TagInfo } from '../../helpers/catalog';
import { requireEmail, splitNames } from '../../helpers/input';
import { checkFieldsStored } from '../../helpers/values';
import { resolveLists } from '../../lookups/catalogs';
import { readCustomFields } from '../../lookups/fields';
import { existingTag, resolveTag } from '../../lookups/tags';
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

/** What the item changes besides the contact itself: tags to add and remove, lists to join and leave. */
interface Associations {
	toAdd: Array<TagInfo & { created?: boolean }>;
	toRemove: TagInfo[];
	subscribe: ListInfo[];
	unsubscribe: ListInfo[];
}

/**
 * Creates or updates the contact by email with its custom fields inline (one `/contact/sync`), then adds and removes
 * tags and sets list subscriptions. Every name is resolved before the first write, so an unknown name changes nothing.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const address = requireEmail(this, itemIndex, this.getNodeParameter('email', itemIndex), 'Email');
	const person = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const fieldValues = await readCustomFields(this, itemIndex, cache);
	const wanted = await readAssociations.call(this, itemIndex, cache);

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
	checkFieldsStored(this.getNode(), itemIndex, cache.cameFromKeptNames('fields'), fieldValues, synced.body.fieldValues);
	const result = synced.body.contact as IDataObject;
	// 201 is documented for both outcomes on some accounts; a contact created just now has udate = cdate.
	const created = synced.statusCode === 201 && (result.udate === undefined || result.udate === result.cdate);
	const removed = await applyAssociations.call(this, String(result.id), wanted);

	return {
		...result,
		fieldValues: synced.body.fieldValues ?? result.fieldValues,
		created,
		action: created ? 'created' : 'updated',
		tagsAdded: wanted.toAdd.map((t) => t.tag),
		tagsCreated: wanted.toAdd.filter((t) => t.created).map((t) => t.tag),
		tagsRemoved: removed.map((t) => t.tag),
		listsSubscribed: wanted.subscribe.map((l) => l.name),
		listsUnsubscribed: wanted.unsubscribe.map((l) => l.name),
	};
}

/** The item's tag and list names, resolved; a missing tag to add is created last, when every other name is known. */
async function readAssociations(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<Associations> {
	const names = (parameter: string) => splitNames(this.getNodeParameter(parameter, itemIndex, ''));
	const subscribe = await resolveLists(cache, names('listsToSubscribe'), itemIndex, 'Lists to Subscribe');
	const unsubscribe = await resolveLists(cache, names('listsToUnsubscribe'), itemIndex, 'Lists to Unsubscribe');
	const toRemove: TagInfo[] = [];
	for (const name of names('tagsToRemove')) {
		// A tag that does not exist cannot be on the contact: nothing to remove.
		const tag = await existingTag(cache, name);
		if (tag) toRemove.push(tag);
	}
	const create = this.getNodeParameter('createMissingTags', itemIndex, true) as boolean;
	const toAdd: Associations['toAdd'] = [];
	for (const name of names('tagsToAdd')) toAdd.push(await resolveTag(cache, name, itemIndex, { create, field: 'Tags to Add' }));
	return { toAdd, toRemove, subscribe, unsubscribe };
}

/** Adds and removes the tags and sets the list subscriptions; returns the tags that were on the contact and removed. */
async function applyAssociations(this: IExecuteFunctions, contactId: string, wanted: Associations): Promise<TagInfo[]> {
	for (const tag of wanted.toAdd) await addTag.call(this, contactId, tag);
	const removed = await removeTags.call(this, contactId, wanted.toRemove);
	for (const list of wanted.subscribe) await setListStatus.call(this, contactId, list, 1);
	for (const list of wanted.unsubscribe) await setListStatus.call(this, contactId, list, 2);
	return removed;
}
