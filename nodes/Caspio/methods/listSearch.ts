import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { caspioRequest, type CaspioResult } from '../transport';

async function search(this: ILoadOptionsFunctions, kind: 'tables' | 'views', filter?: string): Promise<INodeListSearchResult> {
	const response = (await caspioRequest.call(this, {
		method: 'GET',
		path: `/${kind}`,
		what: `listing ${kind}`,
	})) as unknown as CaspioResult<string>;
	const needle = (filter ?? '').trim().toLowerCase();
	const names = (response.Result ?? []).filter((name) => needle === '' || name.toLowerCase().includes(needle));
	return { results: names.sort((a, b) => a.localeCompare(b)).map((name) => ({ name, value: name })) };
}

export async function searchTables(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await search.call(this, 'tables', filter);
}

export async function searchViews(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	return await search.call(this, 'views', filter);
}
