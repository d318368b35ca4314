import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { removeTags } from '../../associations';
import type { ExecutionCache } from '../../cache';
import type { TagInfo } from '../../helpers/catalog';
import { parseContactRef } from '../../helpers/input';
import { resolveContactId } from '../../lookups/contacts';
import { existingTag } from '../../lookups/tags';
import { contactRef } from '../common.descriptions';
import { readTagNames, tagsField } from './add.operation';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['remove'] } }, [contactRef, tagsField]);

/** Removes tags from a contact by name or id; finds the contactTag associations itself. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const names = readTagNames(this, itemIndex);
	const contactId = await resolveContactId(cache, ref, itemIndex);
	const tags: TagInfo[] = [];
	const unknown: string[] = [];
	for (const name of names) {
		const tag = await existingTag(cache, name, true);
		if (tag) tags.push(tag);
		else unknown.push(name);
	}
	const removed = await removeTags.call(this, contactId, tags);
	const removedIds = new Set(removed.map((t) => t.id));
	return {
		contact: contactId,
		tagsRemoved: removed.map((t) => t.tag),
		// Removing a tag the contact does not have is not an error: the contact ends up without it either way.
		tagsNotOnContact: [...tags.filter((t) => !removedIds.has(t.id)).map((t) => t.tag), ...unknown],
	};
}
