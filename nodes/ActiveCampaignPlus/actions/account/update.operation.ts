import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import { requireText } from '../../helpers/input';
import { readAccountCustomFieldValues, rememberAccount, resolveAccount, toAccount } from '../../lookups/accounts';
import { activeCampaignRequest } from '../../transport';
import { accountCustomFields, accountRef } from '../common.descriptions';
import { accountUrlField } from './create.operation';

const properties: INodeProperties[] = [
	accountRef,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			accountUrlField,
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'New name of the account; no other account may have it' },
		],
	},
	accountCustomFields,
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['update'] } }, properties);

/** Changes an account given by name or id: its name, URL and custom field values; fields left out stay as they are. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const target = await resolveAccount(cache, String(this.getNodeParameter('account', itemIndex) ?? ''), itemIndex);
	const changes = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const account: IDataObject = {};
	if (changes.name !== undefined) account.name = requireText(this, itemIndex, changes.name, 'Name');
	if (changes.accountUrl !== undefined) account.accountUrl = String(changes.accountUrl).trim();
	const fields = await readAccountCustomFieldValues(this, itemIndex, cache);
	if (fields.length) account.fields = fields;
	if (Object.keys(account).length === 0) {
		throw inputError(this.getNode(), itemIndex, 'Update Fields and Custom Fields are empty', 'Add at least one field to change; nothing was sent to ActiveCampaign for this item.');
	}
	const response = await activeCampaignRequest.call(this, { method: 'PUT', path: `/accounts/${target.id}`, body: { account }, what: `updating account ${target.id}` });
	const updated = response.account as IDataObject;
	await rememberAccount(cache, toAccount(updated), target.name || undefined);
	return updated;
}
