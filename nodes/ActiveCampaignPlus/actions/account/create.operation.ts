import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { requireText } from '../../helpers/input';
import { readAccountCustomFieldValues, rememberAccount, toAccount } from '../../lookups/accounts';
import { activeCampaignRequest } from '../../transport';
import { accountCustomFields } from '../common.descriptions';

export const accountUrlField: INodeProperties = {
	displayName: 'Account URL',
	name: 'accountUrl',
	type: 'string',
	default: '',
	placeholder: 'https://www.example.com',
	description: "The account's website",
};

/** Name, URL and custom fields of a new account; Find or Create shows them with its own descriptions. */
export function newAccountProperties(nameDescription: string, fieldsNote = ''): INodeProperties[] {
	return [
		{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: nameDescription },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			...(fieldsNote ? { description: fieldsNote } : {}),
			options: [accountUrlField],
		},
		{ ...accountCustomFields, ...(fieldsNote ? { description: `${accountCustomFields.description} ${fieldsNote}` } : {}) },
	];
}

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['create'] } },
	newAccountProperties('The account (company) name; ActiveCampaign keeps account names unique'),
);

/** The item's new account as ActiveCampaign takes it, every name resolved and value checked before anything is sent. */
export async function readNewAccount(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const name = requireText(this, itemIndex, this.getNodeParameter('name', itemIndex), 'Name');
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const fields = await readAccountCustomFieldValues(this, itemIndex, cache);
	return {
		name,
		...(extra.accountUrl ? { accountUrl: String(extra.accountUrl).trim() } : {}),
		...(fields.length ? { fields } : {}),
	};
}

/** Creates the account and keeps its name for the lookups that follow. */
export async function createAccount(this: IExecuteFunctions, cache: ExecutionCache, account: IDataObject): Promise<IDataObject> {
	const response = await activeCampaignRequest.call(this, { method: 'POST', path: '/accounts', body: { account }, what: `creating account "${String(account.name)}"` });
	const created = response.account as IDataObject;
	await rememberAccount(cache, toAccount(created));
	return created;
}

export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	return await createAccount.call(this, cache, await readNewAccount.call(this, itemIndex, cache));
}
