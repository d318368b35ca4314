import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { nameKey } from '../../helpers/catalog';
import { resolveAccount } from '../../lookups/accounts';
import { activeCampaignRequest } from '../../transport';
import { accountRef } from '../common.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['delete'] } }, [accountRef]);

/** Deletes an account given by name or id; its name is free again from then on. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const account = await resolveAccount(cache, String(this.getNodeParameter('account', itemIndex) ?? ''), itemIndex);
	await activeCampaignRequest.call(this, { method: 'DELETE', path: `/accounts/${account.id}`, what: `deleting account ${account.id}` });
	if (account.name) await cache.forget(`account:${nameKey(account.name)}`);
	return { id: account.id, ...(account.name ? { name: account.name } : {}), deleted: true };
}
