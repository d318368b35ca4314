import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import type { ExecutionCache } from '../cache';
import { byTitleOrId, nameKey, type PipelineInfo, type StageInfo } from '../helpers/catalog';
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
export async function resolvePipeline(cache: ExecutionCache, ref: string, itemIndex: number, field = 'Pipeline'): Promise<PipelineInfo> {
	const all = await cache.once('deal-pipelines', async () => await readPipelines.call(cache.context));
	const found = byTitleOrId(all, ref);
	if (found) return found;
	throw inputError(
		cache.context.getNode(),
		itemIndex,
		`${field}: no pipeline named or with ID "${ref.trim()}" exists in ActiveCampaign`,
		`Use one of: ${all.map((p) => p.title).join(', ') || '(the account has no pipelines)'}.`,
	);
}

/** A stage of `pipeline` by title or id; with an empty `ref`, the pipeline's first stage. */
export async function resolveStage(cache: ExecutionCache, pipeline: PipelineInfo, ref: string, itemIndex: number, field = 'Stage'): Promise<StageInfo> {
	const all = await cache.once('deal-stages', async () => await readStages.call(cache.context));
	const own = all.filter((s) => s.pipeline === pipeline.id);
	const found = ref.trim() === '' ? own[0] : byTitleOrId(own, ref);
	if (found) return found;
	throw inputError(
		cache.context.getNode(),
		itemIndex,
		ref.trim() === ''
			? `${field}: pipeline "${pipeline.title}" has no stages`
			: `${field}: no stage named or with ID "${ref.trim()}" exists in pipeline "${pipeline.title}"`,
		`Use one of: ${own.map((s) => s.title).join(', ') || '(add a stage to the pipeline first)'}.`,
	);
}

/**
 * A stage by title or id in whichever pipeline has it, for filters given without a pipeline; a title that several
 * pipelines use is an error that names them.
 */
export async function resolveStageInAnyPipeline(cache: ExecutionCache, ref: string, itemIndex: number, field: string): Promise<StageInfo> {
	const [pipelines, stages] = await Promise.all([
		cache.once('deal-pipelines', async () => await readPipelines.call(cache.context)),
		cache.once('deal-stages', async () => await readStages.call(cache.context)),
	]);
	const titleOf = (pipeline: string) => pipelines.find((p) => p.id === pipeline)?.title ?? pipeline;
	const named = stages.filter((s) => nameKey(s.title) === nameKey(ref));
	const found = named.length === 1 ? named[0] : named.length === 0 ? stages.find((s) => s.id === ref.trim()) : undefined;
	if (found) return found;
	throw inputError(
		cache.context.getNode(),
		itemIndex,
		named.length > 1
			? `${field}: stage "${ref.trim()}" exists in several pipelines (${named.map((s) => titleOf(s.pipeline)).join(', ')})`
			: `${field}: no stage named or with ID "${ref.trim()}" exists in ActiveCampaign`,
		named.length > 1
			? 'Choose the pipeline too, or give the stage\'s ID.'
			: `Use one of: ${stages.map((s) => `${titleOf(s.pipeline)} / ${s.title}`).join(', ') || '(the account has no stages)'}.`,
	);
}
