import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { answeredWith, asNodeError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import { nameKey } from '../../helpers/catalog';
import { accountByName, readAccount } from '../../lookups/accounts';
import { createAccount, newAccountProperties, readNewAccount } from './create.operation';

export const description = updateDisplayOptions(
	{ show: { resource: ['account'], operation: ['findOrCreate'] } },
	newAccountProperties('Found by exact name (ignoring case), created when missing', 'They are set only when the account is created.'),
);

/** The account with this name, or a new one with the item's fields; `created` says which. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const account = await readNewAccount.call(this, itemIndex, cache);
	const name = String(account.name);
	const existing = await accountByName(cache, name);
	if (existing) return { ...(await readAccount.call(this, existing.id)), created: false };
	try {
		return { ...(await createAccount.call(this, cache, account)), created: true };
	} catch (error) {
		// Another execution may have created it a moment ago: use that one.
		if (!answeredWith(error, 422)) throw asNodeError(this.getNode(), error);
		await cache.forget(`account:${nameKey(name)}`);
		const created = await accountByName(cache, name);
		if (!created) throw asNodeError(this.getNode(), error);
		return { ...(await readAccount.call(this, created.id)), created: false };
	}
}
