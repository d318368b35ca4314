import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { requireText } from '../../helpers/input';
import { resolveTag } from '../../lookups/tags';

const properties: INodeProperties[] = [
	{
		displayName: 'Tag Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Found by exact name (ignoring case), created when missing',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['findOrCreate'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const name = requireText(this, itemIndex, this.getNodeParameter('name', itemIndex), 'Tag Name');
	const tag = await resolveTag(cache, name, itemIndex, { create: true });
	return { id: tag.id, tag: tag.tag, created: tag.created === true };
}
