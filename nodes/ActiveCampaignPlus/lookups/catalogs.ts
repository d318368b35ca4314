import { inputError } from '../../shared/errors';
import type { ExecutionCache } from '../cache';
import { namedCatalog, nameKey, type AutomationInfo, type Catalog, type ListInfo, type NamedInfo } from '../helpers/catalog';
import { activeCampaignGetAll } from '../transport';

/** Lists and automations by name or id: the account's whole catalog, read once per execution and kept for the next. */

type Kind = 'list' | 'automation';

/** Memo key and collection of each kind; the plural is also the collection's envelope key. */
const PLURAL: Record<Kind, string> = { list: 'lists', automation: 'automations' };

async function loadCatalog(cache: ExecutionCache, kind: Kind): Promise<Catalog<NamedInfo>> {
	const rows = await activeCampaignGetAll.call(cache.context, `/${PLURAL[kind]}`, PLURAL[kind]);
	return namedCatalog(rows.map((r) => ({ id: String(r.id), name: String(r.name) })));
}

async function resolveNamed(cache: ExecutionCache, kind: Kind, ref: string, itemIndex: number, field: string): Promise<NamedInfo> {
	const plural = PLURAL[kind];
	const { found, catalog } = await cache.lookUp(plural, async () => await loadCatalog(cache, kind), nameKey(ref));
	if (found) return found;
	throw inputError(
		cache.context.getNode(),
		itemIndex,
		`${field}: no ${kind} named or with ID "${ref.trim()}" exists in ActiveCampaign`,
		`Use one of: ${catalog.all.map((r) => r.name).join(', ') || `(the account has no ${plural})`}.`,
	);
}

/** A list by name or id; `field` names the parameter in the error when there is no such list. */
export async function resolveList(cache: ExecutionCache, ref: string, itemIndex: number, field = 'List'): Promise<ListInfo> {
	return await resolveNamed(cache, 'list', ref, itemIndex, field);
}

/** Lists by name or id, in the order given; the first unknown one is the error. */
export async function resolveLists(cache: ExecutionCache, refs: string[], itemIndex: number, field: string): Promise<ListInfo[]> {
	const lists: ListInfo[] = [];
	for (const ref of refs) lists.push(await resolveList(cache, ref, itemIndex, field));
	return lists;
}

export async function resolveAutomation(cache: ExecutionCache, ref: string, itemIndex: number, field = 'Automation'): Promise<AutomationInfo> {
	return await resolveNamed(cache, 'automation', ref, itemIndex, field);
}
