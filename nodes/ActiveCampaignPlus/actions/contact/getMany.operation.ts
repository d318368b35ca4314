import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import type { ExecutionCache } from '../../cache';
import { parseContactRef } from '../../helpers/input';
import { CONTACT_FIELDS, keepsHint, simplifyContact } from '../../helpers/simplify';
import { resolveAutomation, resolveList } from '../../lookups/catalogs';
import { resolveContactId } from '../../lookups/contacts';
import { contactFieldValues } from '../../lookups/fieldValues';
import { resolveTag } from '../../lookups/tags';
import { activeCampaignGetContacts } from '../../transport';
import { limit, returnAll } from '../common.descriptions';
import { includeFieldValuesProperty } from './contact.descriptions';

const properties: INodeProperties[] = [
	returnAll,
	limit,
	simplifyProperty(keepsHint(CONTACT_FIELDS)),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Automation Name or ID',
				name: 'automation',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getAutomations' },
				default: '',
				description:
					'Only contacts in this automation. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{ displayName: 'Created After', name: 'createdAfter', type: 'dateTime', default: '', description: 'Only contacts created after this moment' },
			{ displayName: 'Created Before', name: 'createdBefore', type: 'dateTime', default: '', description: 'Only contacts created before this moment' },
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', description: 'Exact email address' },
			{ displayName: 'Email Contains', name: 'emailLike', type: 'string', default: '', description: 'Only contacts whose email address contains this text' },
			{
				displayName: 'Exclude Contact',
				name: 'exclude',
				type: 'string',
				default: '',
				placeholder: 'jane@example.com or 123',
				description: 'Leave out this contact: email address or numeric ActiveCampaign ID',
			},
			{
				displayName: 'List Name or ID',
				name: 'list',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getLists' },
				default: '',
				description:
					'Only contacts on this list. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{ displayName: 'Search', name: 'search', type: 'string', default: '', description: 'Text in the name, organization, phone or email' },
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: -1,
				description: 'Subscription status on the chosen list (or any list)',
				options: [
					{ name: 'Active', value: 1 },
					{ name: 'Any', value: -1 },
					{ name: 'Bounced', value: 3 },
					{ name: 'Unconfirmed', value: 0 },
					{ name: 'Unsubscribed', value: 2 },
				],
			},
			{ displayName: 'Tag Name or ID', name: 'tag', type: 'string', default: '', description: 'Only contacts with this tag' },
			{ displayName: 'Updated After', name: 'updatedAfter', type: 'dateTime', default: '', description: 'Only contacts changed after this moment' },
			{ displayName: 'Updated Before', name: 'updatedBefore', type: 'dateTime', default: '', description: 'Only contacts changed before this moment' },
		],
	},
	includeFieldValuesProperty,
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getMany'] } }, properties);

/** Contacts matching the filters, read by keyset (id order) so Return All stays correct on large accounts. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject[]> {
	const all = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const max = all ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const qs: IDataObject = {};
	if (filters.email) qs.email = filters.email;
	if (filters.emailLike) qs.email_like = filters.emailLike;
	if (filters.search) qs.search = filters.search;
	if (filters.status !== undefined && filters.status !== -1) qs.status = filters.status;
	if (filters.list) qs.listid = (await resolveList(cache, String(filters.list), itemIndex, 'Filters → List')).id;
	if (filters.tag) qs.tagid = (await resolveTag(cache, String(filters.tag), itemIndex, { field: 'Filters → Tag', allowId: true })).id;
	if (filters.automation) qs.seriesid = (await resolveAutomation(cache, String(filters.automation), itemIndex, 'Filters → Automation')).id;
	if (filters.exclude) qs.exclude = await resolveContactId(cache, parseContactRef(this, itemIndex, filters.exclude, 'Filters → Exclude Contact'), itemIndex);
	if (filters.createdAfter) qs['filters[created_after]'] = filters.createdAfter;
	if (filters.createdBefore) qs['filters[created_before]'] = filters.createdBefore;
	if (filters.updatedAfter) qs['filters[updated_after]'] = filters.updatedAfter;
	if (filters.updatedBefore) qs['filters[updated_before]'] = filters.updatedBefore;
	const contacts = await activeCampaignGetContacts.call(this, qs, max);
	const output = this.getNodeParameter('simple', itemIndex) ? contacts.map(simplifyContact) : contacts;
	if (!this.getNodeParameter('includeFieldValues', itemIndex, false)) return output;
	const withValues: IDataObject[] = [];
	for (const contact of output) withValues.push({ ...contact, fields: await contactFieldValues(cache, String(contact.id)) });
	return withValues;
}
