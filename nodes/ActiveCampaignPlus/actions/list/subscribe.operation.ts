import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import { setListStatus } from '../../associations';
import type { ExecutionCache } from '../../cache';
import { parseContactRef, requireText } from '../../helpers/input';
import { resolveList } from '../../lookups/catalogs';
import { resolveContactId } from '../../lookups/contacts';
import { activeCampaignRequest } from '../../transport';
import { contactRef } from '../common.descriptions';

export const listField: INodeProperties = {
	displayName: 'List Name or ID',
	name: 'list',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getLists' },
	required: true,
	default: '',
	description: 'Choose from the list, or specify a name or ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const properties: INodeProperties[] = [
	contactRef,
	listField,
	{
		displayName: 'Resubscribe',
		name: 'resubscribe',
		type: 'boolean',
		default: false,
		description:
			'Whether to subscribe a contact who unsubscribed from this list before. Only turn this on when the person asked to be subscribed again.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['list'], operation: ['subscribe'] } }, properties);

/** Subscribes a contact; someone who unsubscribed is only re-added with "Resubscribe" on (sent as sourceid 4). */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const list = await resolveList(cache, requireText(this, itemIndex, this.getNodeParameter('list', itemIndex), 'List'), itemIndex);
	const resubscribe = this.getNodeParameter('resubscribe', itemIndex, false) as boolean;
	const contactId = await resolveContactId(cache, ref, itemIndex);
	const current = await activeCampaignRequest.call(this, {
		method: 'GET',
		path: `/contacts/${contactId}/contactLists`,
		what: `reading the lists of contact ${contactId}`,
	});
	const existing = ((current.contactLists as IDataObject[] | undefined) ?? []).find((cl) => String(cl.list) === list.id);
	const unsubscribed = existing !== undefined && String(existing.status) === '2';
	if (unsubscribed && !resubscribe) {
		throw inputError(
			this.getNode(),
			itemIndex,
			`Contact ${contactId} unsubscribed from list "${list.name}" earlier and was not subscribed again`,
			'Turn on "Resubscribe" only if the person asked to be subscribed again.',
		);
	}
	return await setListStatus.call(this, contactId, list, 1, unsubscribed);
}
