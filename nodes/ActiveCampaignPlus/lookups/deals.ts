import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import type { ExecutionCache } from '../cache';
import { byTitleOrId, type PipelineInfo, type StageInfo } from '../helpers/catalog';
import { activeCampaignGetAll } from '../transport';

/** Deal pipelines (deal groups) and their stages by title or id, read once per execution. */

export async function readPipelines(this: IExecuteFunctions | ILoadOptionsFunctions): Promise<PipelineInfo[]> {
	const rows = await activeCampaignGetAll.call(this, '/dealGroups', 'dealGroups');
	return rows.map((g: IDataObject) => ({ id: String(g.id), title: String(g.title) }));
}

/** Every stage of every pipeline, in stage order. */
export async function readStages(this: IExecuteFunctions | ILoadOptionsFunctions): Promise<StageInfo[]> {
	const rows = await activeCampaignGetAll.call(this, '/dealStages', 'dealStages');
	return rows
		.map((s: IDataObject) => ({ id: String(s.id), title: String(s.title), pipeline: String(s.group), order: Number(s.order ?? 0) }))
		.sort((a, b) => a.order - b.order);
}

/** A pipeline by title (case-insensitive) or id; an unknown one names the item and the choices. */
export async function resolvePipeline(cache: ExecutionCache, ref: string, itemIndex: number): Promise<PipelineInfo> {
	const all = await cache.once('deal-pipelines', async () => await readPipelines.call(cache.context));
	const found = byTitleOrId(all, ref);
	if (found) return found;
	throw inputError(
		cache.context.getNode(),
		itemIndex,
		`Pipeline: no pipeline named or with ID "${ref.trim()}" exists in ActiveCampaign`,
		`Use one of: ${all.map((p) => p.title).join(', ') || '(the account has no pipelines)'}.`,
	);
}

/** A stage of `pipeline` by title or id; with an empty `ref`, the pipeline's first stage. */
export async function resolveStage(cache: ExecutionCache, pipeline: PipelineInfo, ref: string, itemIndex: number): Promise<StageInfo> {
	const all = await cache.once('deal-stages', async () => await readStages.call(cache.context));
	const own = all.filter((s) => s.pipeline === pipeline.id);
	const found = ref.trim() === '' ? own[0] : byTitleOrId(own, ref);
	if (found) return found;
	throw inputError(
		cache.context.getNode(),
		itemIndex,
		ref.trim() === ''
			? `Stage: pipeline "${pipeline.title}" has no stages`
			: `Stage: no stage named or with ID "${ref.trim()}" exists in pipeline "${pipeline.title}"`,
		`Use one of: ${own.map((s) => s.title).join(', ') || '(add a stage to the pipeline first)'}.`,
	);
}
