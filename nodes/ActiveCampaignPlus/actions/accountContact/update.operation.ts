import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import { accountContactOf, accountLabel } from '../../lookups/accounts';
import { activeCampaignRequest } from '../../transport';
import { accountRef, contactRef } from '../common.descriptions';
import { jobTitleField, readContactAndAccount } from './create.operation';

export const description = updateDisplayOptions({ show: { resource: ['accountContact'], operation: ['update'] } }, [
	contactRef,
	accountRef,
	{ ...jobTitleField, description: "The contact's new job title at the account; empty clears it" },
]);

/** Sets the job title of a contact (by email or id) on its account (by name or id); finds the association itself. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const { contactId, contactLabel, account } = await readContactAndAccount.call(this, itemIndex, cache);
	const jobTitle = String(this.getNodeParameter('jobTitle', itemIndex, '') ?? '').trim();
	const link = await accountContactOf(cache, contactId);
	if (!link || String(link.account) !== account.id) {
		throw inputError(
			this.getNode(),
			itemIndex,
			`Contact ${contactLabel} is not on account ${accountLabel(account)}`,
			'Check the contact and the account, or add the contact to the account first with Account Contact → Create.',
		);
	}
	const response = await activeCampaignRequest.call(this, {
		method: 'PUT',
		path: `/accountContacts/${String(link.id)}`,
		body: { accountContact: { jobTitle } },
		what: `setting the job title of contact ${contactLabel} on account ${accountLabel(account)}`,
	});
	return response.accountContact as IDataObject;
}
