import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import type { ExecutionCache } from '../../cache';
import { DEAL_FIELDS, keepsHint, simplifyDeal } from '../../helpers/simplify';
import { resolvePipeline, resolveStage, resolveStageInAnyPipeline } from '../../lookups/deals';
import { resolveUser } from '../../lookups/users';
import { activeCampaignGetAll } from '../../transport';
import { limit, returnAll } from '../common.descriptions';
import { ownerField, pipelineField, stageField, STATUS_OPTIONS } from './create.operation';

const properties: INodeProperties[] = [
	returnAll,
	limit,
	simplifyProperty(keepsHint(DEAL_FIELDS)),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				...ownerField,
				description:
					'Only deals of this user; an expression may also give a username, email address or full name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			pipelineField({
				description:
					'Only deals in this pipeline; an expression may also give its name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
			{
				displayName: 'Search',
				name: 'search',
				type: 'string',
				default: '',
				description: 'Only deals with this text in the field chosen under Search In',
			},
			{
				displayName: 'Search In',
				name: 'searchField',
				type: 'options',
				default: 'all',
				description: 'Where Search looks',
				options: [
					{ name: 'All', value: 'all', description: 'Title, contact name and organization' },
					{ name: 'Contact Name', value: 'contact', description: 'First and last name of the primary contact' },
					{ name: 'Organization', value: 'org', description: "The primary contact's organization" },
					{ name: 'Title', value: 'title', description: "The deal's title" },
				],
			},
			stageField({
				typeOptions: { loadOptionsMethod: 'getDealStages', loadOptionsDependsOn: ['filters.pipeline'] },
				description:
					'Only deals in this stage, of the pipeline chosen here or of any pipeline; an expression may also give its name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
			{ displayName: 'Status', name: 'status', type: 'options', options: STATUS_OPTIONS, default: '0', description: 'Only open, won or lost deals' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['getMany'] } }, properties);

/** The item's filters as ActiveCampaign's `filters[…]`, pipeline, stage and owner resolved by name. */
async function readFilters(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	const given = (key: string) => String(filters[key] ?? '').trim();
	const qs: IDataObject = {};
	const pipeline = given('pipeline') ? await resolvePipeline(cache, given('pipeline'), itemIndex, 'Filters → Pipeline') : undefined;
	if (pipeline) qs['filters[group]'] = pipeline.id;
	if (given('stage')) {
		const stage = pipeline
			? await resolveStage(cache, pipeline, given('stage'), itemIndex, 'Filters → Stage')
			: await resolveStageInAnyPipeline(cache, given('stage'), itemIndex, 'Filters → Stage');
		qs['filters[stage]'] = stage.id;
	}
	if (given('status')) qs['filters[status]'] = given('status');
	if (given('owner')) qs['filters[owner]'] = (await resolveUser(cache, given('owner'), itemIndex, 'Filters → Owner')).id;
	if (given('search')) {
		qs['filters[search]'] = given('search');
		qs['filters[search_field]'] = given('searchField') || 'all';
	}
	return qs;
}

/** Deals matching every filter given, simplified unless asked for all of them; values stay in cents. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject[]> {
	const all = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const max = all ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const qs = await readFilters.call(this, itemIndex, cache);
	const deals = await activeCampaignGetAll.call(this, '/deals', 'deals', qs, max);
	return this.getNodeParameter('simple', itemIndex) ? deals.map(simplifyDeal) : deals;
}
