import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { nameKey } from '../helpers/catalog';
import { readPipelines, readStages } from '../lookups/deals';
import { readUsers } from '../lookups/users';

/** Dropdowns of the deal parameters (the action node only). */

/** The account's pipelines. */
export async function getDealPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const pipelines = await readPipelines.call(this);
	return pipelines.map((p) => ({ name: p.title, value: p.id })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The stages of the chosen pipeline in their order, or every stage as "Pipeline / Stage". */
export async function getDealStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const current = (name: string) => {
		try {
			return String(this.getCurrentNodeParameter(name) ?? '').trim();
		} catch {
			return '';
		}
	};
	const chosen = current('pipeline') || current('updateFields.pipeline') || current('filters.pipeline');
	const [pipelines, stages] = await Promise.all([readPipelines.call(this), readStages.call(this)]);
	const pipeline = pipelines.find((p) => p.id === chosen || nameKey(p.title) === nameKey(chosen));
	if (pipeline) return stages.filter((s) => s.pipeline === pipeline.id).map((s) => ({ name: s.title, value: s.id }));
	const titles = new Map(pipelines.map((p) => [p.id, p.title]));
	return stages.map((s) => ({ name: `${titles.get(s.pipeline) ?? s.pipeline} / ${s.title}`, value: s.id }));
}

/** The account's users, for a deal's owner. */
export async function getUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const users = await readUsers.call(this);
	return users.map((u) => ({ name: u.name || u.username, value: u.id, description: u.email })).sort((a, b) => a.name.localeCompare(b.name));
}
