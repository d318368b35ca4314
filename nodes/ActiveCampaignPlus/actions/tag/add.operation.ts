import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { addTag } from '../../associations';
import type { ExecutionCache } from '../../cache';
import { parseContactRef, splitNames } from '../../helpers/input';
import { resolveContactId } from '../../lookups/contacts';
import { resolveTag } from '../../lookups/tags';
import { contactRef, createMissingTags } from '../common.descriptions';

export const tagsField: INodeProperties = {
	displayName: 'Tags',
	name: 'tags',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'customer, webinar-2026',
	description: 'Tag names or IDs, comma-separated (or an array from an expression)',
};

const properties: INodeProperties[] = [contactRef, tagsField, createMissingTags];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['add'] } }, properties);

/** The "Tags" parameter, or an error when it names none. */
export function readTagNames(context: IExecuteFunctions, itemIndex: number): string[] {
	const names = splitNames(context.getNodeParameter('tags', itemIndex, ''));
	if (names.length === 0) throw inputError(context.getNode(), itemIndex, 'Tags is empty', 'Enter at least one tag name or ID.');
	return names;
}

/** Adds tags to a contact by name or id, creating missing tags when asked. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const names = readTagNames(this, itemIndex);
	const create = this.getNodeParameter('createMissingTags', itemIndex, true) as boolean;
	const contactId = await resolveContactId(cache, ref, itemIndex);
	const tags = [];
	for (const name of names) tags.push(await resolveTag(cache, name, itemIndex, { create, allowId: true, field: 'Tags' }));
	const contactTags = [];
	for (const tag of tags) contactTags.push(await addTag.call(this, contactId, tag));
	return {
		contact: contactId,
		tagsAdded: tags.map((t) => t.tag),
		tagsCreated: tags.filter((t) => t.created).map((t) => t.tag),
		contactTags,
	};
}
