import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { accountContactOf, accountLabel } from '../../lookups/accounts';
import { activeCampaignRequest } from '../../transport';
import { accountRef, contactRef } from '../common.descriptions';
import { readContactAndAccount } from './create.operation';

export const description = updateDisplayOptions({ show: { resource: ['accountContact'], operation: ['delete'] } }, [contactRef, accountRef]);

/** Takes a contact (by email or id) off an account (by name or id); finds the association itself. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const { contactId, contactLabel, account } = await readContactAndAccount.call(this, itemIndex, cache);
	const link = await accountContactOf(cache, contactId);
	const onAccount = link !== undefined && String(link.account) === account.id;
	if (onAccount) {
		await activeCampaignRequest.call(this, {
			method: 'DELETE',
			path: `/accountContacts/${String(link.id)}`,
			what: `removing contact ${contactLabel} from account ${accountLabel(account)}`,
		});
	}
	// Not being on the account is the wanted end state, so it is reported rather than raised.
	return { contact: contactId, account: account.id, ...(onAccount ? { accountContact: String(link.id) } : {}), removed: onAccount };
}
