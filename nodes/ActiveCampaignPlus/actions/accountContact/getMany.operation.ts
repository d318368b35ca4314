import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { parseContactRef } from '../../helpers/input';
import { resolveAccount } from '../../lookups/accounts';
import { resolveContactId } from '../../lookups/contacts';
import { activeCampaignGetAll } from '../../transport';
import { accountRef, contactRef, limit, returnAll } from '../common.descriptions';

const properties: INodeProperties[] = [
	{
		displayName: 'By',
		name: 'by',
		type: 'options',
		noDataExpression: true,
		default: 'account',
		description: 'Whether to list the contacts of an account, or the account of a contact',
		options: [
			{ name: 'Account', value: 'account', description: 'The contacts on one account' },
			{ name: 'Contact', value: 'contact', description: "One contact's account (a contact is on one at most)" },
		],
	},
	{ ...accountRef, displayOptions: { show: { by: ['account'] } } },
	{ ...contactRef, displayOptions: { show: { by: ['contact'] } } },
	returnAll,
	limit,
];

export const description = updateDisplayOptions({ show: { resource: ['accountContact'], operation: ['getMany'] } }, properties);

/** The contact↔account associations of one account or of one contact, one item each. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject[]> {
	const all = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const max = all ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const qs: IDataObject = {};
	if (this.getNodeParameter('by', itemIndex) === 'contact') {
		const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
		qs['filters[contact]'] = await resolveContactId(cache, ref, itemIndex);
	} else {
		qs['filters[account]'] = (await resolveAccount(cache, String(this.getNodeParameter('account', itemIndex) ?? ''), itemIndex)).id;
	}
	return await activeCampaignGetAll.call(this, '/accountContacts', 'accountContacts', qs, max);
}
