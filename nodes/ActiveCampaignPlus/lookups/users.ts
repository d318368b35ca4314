import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import type { ExecutionCache } from '../cache';
import { nameKey, type UserInfo } from '../helpers/catalog';
import { activeCampaignGetAll } from '../transport';

/** The account's users (deal owners) by username, email, full name or id, read once per execution. */

export async function readUsers(this: IExecuteFunctions | ILoadOptionsFunctions): Promise<UserInfo[]> {
	const rows = await activeCampaignGetAll.call(this, '/users', 'users');
	return rows.map((u: IDataObject) => ({
		id: String(u.id),
		username: String(u.username ?? ''),
		email: String(u.email ?? ''),
		name: `${String(u.firstName ?? '')} ${String(u.lastName ?? '')}`.trim(),
	}));
}

export async function resolveUser(cache: ExecutionCache, ref: string, itemIndex: number, field: string): Promise<UserInfo> {
	const all = await cache.once('users', async () => await readUsers.call(cache.context));
	const key = nameKey(ref);
	const found = all.find((u) => [u.username, u.email, u.name].some((k) => k !== '' && nameKey(k) === key)) ?? all.find((u) => u.id === ref.trim());
	if (found) return found;
	throw inputError(
		cache.context.getNode(),
		itemIndex,
		`${field}: no user with the name, username, email or ID "${ref.trim()}" exists in ActiveCampaign`,
		`Use one of: ${all.map((u) => u.name || u.username).join(', ')}.`,
	);
}
