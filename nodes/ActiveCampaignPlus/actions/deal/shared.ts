import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { badInput } from '../../helpers/input';
import type { ExecutionCache } from '../../helpers/names';
import { activeCampaignGetAll } from '../../transport';

/** Deal parameters and lookups shared by Create and Update: amounts in cents, pipelines and stages by name or id. */

export interface PipelineInfo {
	id: string;
	title: string;
}

export interface StageInfo {
	id: string;
	title: string;
	pipeline: string;
	order: number;
}

const key = (name: string) => name.trim().toLowerCase();

export const STATUS_OPTIONS = [
	{ name: 'Open', value: '0', description: 'The deal is still being worked on' },
	{ name: 'Won', value: '1', description: 'The deal was won' },
	{ name: 'Lost', value: '2', description: 'The deal was lost' },
];

export function pipelineField(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Pipeline Name or ID',
		name: 'pipeline',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDealPipelines' },
		default: '',
		description:
			'The pipeline (deal group); an expression may also give its name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...extra,
	};
}

export function stageField(extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Stage Name or ID',
		name: 'stage',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getDealStages', loadOptionsDependsOn: ['pipeline', 'updateFields.pipeline'] },
		default: '',
		description:
			'The stage within the pipeline, empty for its first stage; an expression may also give its name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...extra,
	};
}

/** "1234.56" (or a number) in the account's currency → whole cents, as the API stores deal values (§4.7). */
export function toCents(context: IExecuteFunctions, itemIndex: number, value: unknown, field = 'Value'): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
	if (!match) {
		throw badInput(
			context,
			itemIndex,
			text === '' ? `${field} is empty` : `${field} "${text}" is not an amount`,
			`Enter the amount in the deal's currency with digits and at most two decimals, e.g. 1500 or 1499.99, in "${field}".`,
		);
	}
	const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
	if (!Number.isSafeInteger(cents)) throw badInput(context, itemIndex, `${field} "${text}" is too large`, 'Enter a smaller amount.');
	return cents;
}

/** A 3-letter currency code, lower-cased as the API wants it. */
export function toCurrency(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if (!/^[a-z]{3}$/.test(text)) {
		throw badInput(context, itemIndex, `Currency "${String(value ?? '')}" is not a 3-letter currency code`, 'Use an ISO code such as usd, eur or gbp.');
	}
	return text;
}

/** A numeric deal id, or an error naming the item. */
export function toDealId(context: IExecuteFunctions, itemIndex: number, value: unknown): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!/^\d+$/.test(text)) {
		throw badInput(context, itemIndex, text === '' ? 'Deal ID is empty' : `Deal ID "${text}" is not a number`, 'Enter the numeric ID of the deal.');
	}
	return text;
}

async function readPipelines(this: IExecuteFunctions | ILoadOptionsFunctions): Promise<PipelineInfo[]> {
	const rows = await activeCampaignGetAll.call(this, '/dealGroups', 'dealGroups');
	return rows.map((g: IDataObject) => ({ id: String(g.id), title: String(g.title) }));
}

async function readStages(this: IExecuteFunctions | ILoadOptionsFunctions): Promise<StageInfo[]> {
	const rows = await activeCampaignGetAll.call(this, '/dealStages', 'dealStages');
	return rows
		.map((s: IDataObject) => ({ id: String(s.id), title: String(s.title), pipeline: String(s.group), order: Number(s.order ?? 0) }))
		.sort((a, b) => a.order - b.order);
}

/** A pipeline by title (case-insensitive) or id, once per execution; an unknown one names the item and the choices. */
export async function resolvePipeline(cache: ExecutionCache, ref: string, itemIndex: number): Promise<PipelineInfo> {
	const all = await cache.once('deal-pipelines', async () => await readPipelines.call(cache.context));
	const found = all.find((p) => key(p.title) === key(ref)) ?? all.find((p) => p.id === ref.trim());
	if (found) return found;
	throw badInput(
		cache.context,
		itemIndex,
		`Pipeline: no pipeline named or with ID "${ref.trim()}" exists in ActiveCampaign`,
		`Use one of: ${all.map((p) => p.title).join(', ') || '(the account has no pipelines)'}.`,
	);
}

/** A stage of `pipeline` by title or id; with an empty `ref`, the pipeline's first stage. */
export async function resolveStage(cache: ExecutionCache, pipeline: PipelineInfo, ref: string, itemIndex: number): Promise<StageInfo> {
	const all = await cache.once('deal-stages', async () => await readStages.call(cache.context));
	const own = all.filter((s) => s.pipeline === pipeline.id);
	const found = ref.trim() === '' ? own[0] : (own.find((s) => key(s.title) === key(ref)) ?? own.find((s) => s.id === ref.trim()));
	if (found) return found;
	throw badInput(
		cache.context,
		itemIndex,
		ref.trim() === ''
			? `Stage: pipeline "${pipeline.title}" has no stages`
			: `Stage: no stage named or with ID "${ref.trim()}" exists in pipeline "${pipeline.title}"`,
		`Use one of: ${own.map((s) => s.title).join(', ') || '(add a stage to the pipeline first)'}.`,
	);
}

/** Dropdown: the account's pipelines. */
export async function getDealPipelines(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const pipelines = await readPipelines.call(this);
	return pipelines.map((p) => ({ name: p.title, value: p.id })).sort((a, b) => a.name.localeCompare(b.name));
}

/** Dropdown: the stages of the chosen pipeline in their order, or every stage as "Pipeline / Stage". */
export async function getDealStages(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const current = (name: string) => {
		try {
			return String(this.getCurrentNodeParameter(name) ?? '').trim();
		} catch {
			return '';
		}
	};
	const chosen = current('pipeline') || current('updateFields.pipeline');
	const [pipelines, stages] = await Promise.all([readPipelines.call(this), readStages.call(this)]);
	const pipeline = pipelines.find((p) => p.id === chosen || key(p.title) === key(chosen));
	if (pipeline) return stages.filter((s) => s.pipeline === pipeline.id).map((s) => ({ name: s.title, value: s.id }));
	const titles = new Map(pipelines.map((p) => [p.id, p.title]));
	return stages.map((s) => ({ name: `${titles.get(s.pipeline) ?? s.pipeline} / ${s.title}`, value: s.id }));
}
