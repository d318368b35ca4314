import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { fetchTasks } from '../transport/tasks';

/** The account's data import/export tasks by name, for the Task picker; the value is the task's External Key. */
export async function searchTasks(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const needle = (filter ?? '').trim().toLowerCase();
	const tasks = (await fetchTasks.call(this)).filter((t) => needle === '' || t.Name.toLowerCase().includes(needle));
	return {
		results: tasks.sort((a, b) => a.Name.localeCompare(b.Name)).map((t) => ({ name: t.Name, value: t.ExternalKey, description: t.Frequency ?? undefined })),
	};
}
