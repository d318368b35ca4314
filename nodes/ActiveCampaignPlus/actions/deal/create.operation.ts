import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { toCents, toCurrency, toPercent } from '../../helpers/deals';
import { parseContactRef, requireText } from '../../helpers/input';
import { resolveContactId } from '../../lookups/contacts';
import { resolvePipeline, resolveStage } from '../../lookups/deals';
import { resolveUser } from '../../lookups/users';
import { activeCampaignRequest } from '../../transport';
import { contactRef } from '../common.descriptions';

export const STATUS_OPTIONS = [
	{ name: 'Open', value: '0', description: 'The deal is still being worked on' },
	{ name: 'Won', value: '1', description: 'The deal was won' },
	{ name: 'Lost', value: '2', description: 'The deal was lost' },
];

/** The deal's pipeline (deal group) by name or id; Update shows it with its own description. */
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

/** The stage within the pipeline by name or id; its dropdown follows the pipeline chosen in Create or Update. */
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

/** The deal's owner, one of the account's users; Create and Update show it in their collections. */
export const ownerField: INodeProperties = {
	displayName: 'Owner Name or ID',
	name: 'owner',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getUsers' },
	default: '',
	description:
		'The user who owns the deal; an expression may also give a username, email address or full name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const percentField: INodeProperties = {
	displayName: 'Percentage',
	name: 'percent',
	type: 'number',
	typeOptions: { minValue: 0, maxValue: 100 },
	default: 0,
	description: "The deal's win probability in percent, 0 to 100",
};

/** Owner (by name or id) and percentage from Create's or Update's collection, as the deal body names them. */
export async function readOwnerAndPercent(
	this: IExecuteFunctions,
	fields: IDataObject,
	collection: string,
	itemIndex: number,
	cache: ExecutionCache,
): Promise<IDataObject> {
	const deal: IDataObject = {};
	if (fields.percent !== undefined) deal.percent = toPercent(this.getNode(), itemIndex, fields.percent, `${collection} → Percentage`);
	const owner = String(fields.owner ?? '').trim();
	if (owner !== '') deal.owner = (await resolveUser(cache, owner, itemIndex, `${collection} → Owner`)).id;
	return deal;
}

const properties: INodeProperties[] = [
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '', description: 'Title of the new deal' },
	{
		displayName: 'Value',
		name: 'value',
		type: 'string',
		required: true,
		default: '',
		placeholder: '1499.99',
		description: "The deal's worth in its currency, e.g. 1499.99; it is sent to ActiveCampaign in cents",
	},
	{
		displayName: 'Currency',
		name: 'currency',
		type: 'string',
		required: true,
		default: 'usd',
		description: 'Three-letter ISO currency code, e.g. usd, eur or gbp',
	},
	{ ...contactRef, description: "The deal's contact: email address or numeric ActiveCampaign ID" },
	pipelineField({ required: true }),
	stageField(),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Longer text about the deal' },
			ownerField,
			percentField,
			{ displayName: 'Status', name: 'status', type: 'options', options: STATUS_OPTIONS, default: '0', description: 'Whether the deal is open, won or lost' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['create'] } }, properties);

/** Creates a deal for a contact (by email or id) in a pipeline and stage (by name or id); the value goes in cents. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	// Everything is checked before anything is sent.
	const title = requireText(this, itemIndex, this.getNodeParameter('title', itemIndex), 'Title');
	const value = toCents(this.getNode(), itemIndex, this.getNodeParameter('value', itemIndex));
	const currency = toCurrency(this.getNode(), itemIndex, this.getNodeParameter('currency', itemIndex));
	const ref = parseContactRef(this, itemIndex, this.getNodeParameter('contact', itemIndex));
	const pipeline = await resolvePipeline(cache, requireText(this, itemIndex, this.getNodeParameter('pipeline', itemIndex), 'Pipeline'), itemIndex);
	const stage = await resolveStage(cache, pipeline, String(this.getNodeParameter('stage', itemIndex, '') ?? ''), itemIndex);
	const contactId = await resolveContactId(cache, ref, itemIndex);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const ownerAndPercent = await readOwnerAndPercent.call(this, extra, 'Additional Fields', itemIndex, cache);

	const deal: IDataObject = { title, value, currency, contact: contactId, group: pipeline.id, stage: stage.id, ...ownerAndPercent };
	if (extra.description) deal.description = extra.description;
	if (extra.status !== undefined && extra.status !== '') deal.status = Number(extra.status);
	const response = await activeCampaignRequest.call(this, { method: 'POST', path: '/deals', body: { deal }, what: `creating deal "${title}"` });
	return { ...(response.deal as IDataObject), pipelineName: pipeline.title, stageName: stage.title };
}
