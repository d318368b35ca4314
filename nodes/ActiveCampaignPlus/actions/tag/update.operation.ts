import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import type { TagInfo } from '../../helpers/catalog';
import { requireText } from '../../helpers/input';
import { existingTag, forgetTag, rememberTag } from '../../lookups/tags';
import { activeCampaignRequest } from '../../transport';

export const tagRef: INodeProperties = {
	displayName: 'Tag',
	name: 'tag',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'webinar-2026 or 12',
	description: "The tag's exact name (ignoring case) or its numeric ActiveCampaign ID",
};

const properties: INodeProperties[] = [
	tagRef,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'New description of the tag' },
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name of the tag' },
			{
				displayName: 'Tag Type',
				name: 'tagType',
				type: 'options',
				default: 'contact',
				description: 'Whether the tag is for contacts or for email templates',
				options: [
					{ name: 'Contact', value: 'contact' },
					{ name: 'Template', value: 'template' },
				],
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['update'] } }, properties);

/** The item's tag by name or id, or an error naming the field. */
export async function readTag(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<TagInfo> {
	const ref = requireText(this, itemIndex, this.getNodeParameter('tag', itemIndex), 'Tag');
	const tag = await existingTag(cache, ref, true);
	if (tag) return tag;
	throw inputError(this.getNode(), itemIndex, `Tag: no tag named or with ID "${ref}" exists in ActiveCampaign`, 'Check the name or ID in "Tag"; Tag → Get Many lists the tags.');
}

/** Renames a tag or changes its description or type; the tag is given by name or id. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const tag = await readTag.call(this, itemIndex, cache);
	const changes = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (changes.name !== undefined) body.tag = requireText(this, itemIndex, changes.name, 'Name');
	if (changes.description !== undefined) body.description = String(changes.description);
	if (changes.tagType !== undefined) body.tagType = changes.tagType;
	if (Object.keys(body).length === 0) {
		throw inputError(this.getNode(), itemIndex, 'Update Fields is empty', 'Add at least one field to change; nothing was sent to ActiveCampaign for this item.');
	}
	const response = await activeCampaignRequest.call(this, { method: 'PUT', path: `/tags/${tag.id}`, body: { tag: body }, what: `updating tag "${tag.tag}"` });
	const updated = response.tag as IDataObject;
	await forgetTag(cache, tag);
	await rememberTag(cache, { id: String(updated.id), tag: String(updated.tag) });
	return updated;
}
