import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { accountCustomFieldValues, readAccount, resolveAccount } from '../../lookups/accounts';
import { accountRef } from '../common.descriptions';

const properties: INodeProperties[] = [
	accountRef,
	{
		displayName: 'Include Custom Field Values',
		name: 'includeFieldValues',
		type: 'boolean',
		default: false,
		description: 'Whether to add the account\'s custom field values under "fields", keyed by field label. Costs one more request per account.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['get'] } }, properties);

/** One account by name or id, with its custom field values when asked. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const { id } = await resolveAccount(cache, String(this.getNodeParameter('account', itemIndex) ?? ''), itemIndex);
	const account = await readAccount.call(this, id);
	if (!this.getNodeParameter('includeFieldValues', itemIndex, false)) return account;
	return { ...account, fields: await accountCustomFieldValues(cache, id) };
}
