import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { answeredWith, asNodeError, inputError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import type { AccountInfo } from '../../helpers/catalog';
import { parseContactRef } from '../../helpers/input';
import { accountContactOf, accountLabel, readAccount, resolveAccount } from '../../lookups/accounts';
import { resolveContactId } from '../../lookups/contacts';
import { activeCampaignRequest } from '../../transport';
import { accountRef, contactRef } from '../common.descriptions';

export const jobTitleField: INodeProperties = {
	displayName: 'Job Title',
	name: 'jobTitle',
	type: 'string',
	default: '',
	placeholder: 'Product Manager',
	description: "The contact's job title at the account",
};

export const description = updateDisplayOptions({ show: { resource: ['accountContact'], operation: ['create'] } }, [
	{ ...contactRef, description: "The contact's email address or numeric ActiveCampaign ID; a contact can be on one account only" },
	accountRef,
	jobTitleField,
]);

/** The item's contact id and account, both resolved before anything is written. */
export async function readContactAndAccount(
	this: IExecuteFunctions,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<{ contactId: string; contactLabel: string; account: AccountInfo }> {
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const account = await resolveAccount(cache, String(this.getNodeParameter('account', itemIndex) ?? ''), itemIndex);
	const contactId = await resolveContactId(cache, ref, itemIndex);
	return { contactId, contactLabel: 'email' in ref ? ref.email : contactId, account };
}

/**
 * Puts a contact (by email or id) on an account (by name or id) with a job title. A contact already on this account
 * is not an error: its association comes back (with the job title set when one is given); on another account it is.
 */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const { contactId, contactLabel, account } = await readContactAndAccount.call(this, itemIndex, cache);
	const jobTitle = String(this.getNodeParameter('jobTitle', itemIndex, '') ?? '').trim();
	try {
		const response = await activeCampaignRequest.call(this, {
			method: 'POST',
			path: '/accountContacts',
			body: { accountContact: { contact: contactId, account: account.id, ...(jobTitle ? { jobTitle } : {}) } },
			what: `adding contact ${contactLabel} to account ${accountLabel(account)}`,
		});
		// The create answer has numbers where every other answer has strings.
		const link = response.accountContact as IDataObject;
		return { ...link, account: String(link.account), contact: String(link.contact), created: true };
	} catch (error) {
		// 422 as documented, or the 400 `{}` most of these endpoints declare.
		if (!answeredWith(error, 400, 422)) throw asNodeError(this.getNode(), error);
		const existing = await accountContactOf(cache, contactId);
		if (!existing) throw asNodeError(this.getNode(), error);
		if (String(existing.account) !== account.id) {
			const other = String((await readAccount.call(this, String(existing.account))).name);
			throw inputError(
				this.getNode(),
				itemIndex,
				`Contact ${contactLabel} is already on account "${other}"; a contact can be on one account only`,
				`Remove it from "${other}" first (Account Contact → Delete), or use account "${other}".`,
			);
		}
		if (!jobTitle || jobTitle === existing.jobTitle) return { ...existing, created: false };
		const updated = await activeCampaignRequest.call(this, {
			method: 'PUT',
			path: `/accountContacts/${String(existing.id)}`,
			body: { accountContact: { jobTitle } },
			what: `setting the job title of contact ${contactLabel} on account ${accountLabel(account)}`,
		});
		return { ...(updated.accountContact as IDataObject), created: false };
	}
}
