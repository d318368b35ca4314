import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import type { PipelineInfo } from '../../helpers/catalog';
import { toCents, toCurrency, toDealId } from '../../helpers/deals';
import { parseContactRef, requireText } from '../../helpers/input';
import { resolveContactId } from '../../lookups/contacts';
import { resolvePipeline, resolveStage } from '../../lookups/deals';
import { activeCampaignRequest } from '../../transport';
import { ownerField, percentField, pipelineField, readOwnerAndPercent, stageField, STATUS_OPTIONS } from './create.operation';
import { dealId } from './get.operation';

const properties: INodeProperties[] = [
	dealId,
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Contact',
				name: 'contact',
				type: 'string',
				default: '',
				placeholder: 'jane@example.com or 123',
				description: "The deal's new contact: email address or numeric ActiveCampaign ID",
			},
			{ displayName: 'Currency', name: 'currency', type: 'string', default: 'usd', description: 'Three-letter ISO currency code, e.g. usd' },
			{ displayName: 'Description', name: 'description', type: 'string', default: '', description: 'Longer text about the deal' },
			ownerField,
			percentField,
			pipelineField({
				description:
					'Move the deal to this pipeline (at its first stage unless a stage is given); an expression may also give its name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
			stageField({
				description:
					'Move the deal to this stage, in the pipeline given here or else its current one; an expression may also give its name. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			}),
			{ displayName: 'Status', name: 'status', type: 'options', options: STATUS_OPTIONS, default: '0', description: 'Whether the deal is open, won or lost' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '', description: 'New title of the deal' },
			{
				displayName: 'Value',
				name: 'value',
				type: 'string',
				default: '',
				placeholder: '1499.99',
				description: "The deal's worth in its currency, e.g. 1499.99; it is sent to ActiveCampaign in cents",
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['update'] } }, properties);

/** Changes a deal by id: title, value, currency, pipeline/stage and owner (by name or id), contact (by email or id), percentage, status, description. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const id = toDealId(this.getNode(), itemIndex, this.getNodeParameter('dealId', itemIndex));
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const deal: IDataObject = {};
	if (fields.title !== undefined) deal.title = requireText(this, itemIndex, fields.title, 'Title');
	if (fields.value !== undefined) deal.value = toCents(this.getNode(), itemIndex, fields.value);
	if (fields.currency !== undefined) deal.currency = toCurrency(this.getNode(), itemIndex, fields.currency);
	if (fields.description !== undefined) deal.description = String(fields.description);
	if (fields.status !== undefined && fields.status !== '') deal.status = Number(fields.status);
	if (fields.contact !== undefined) {
		const ref = parseContactRef(this, itemIndex, fields.contact, 'Update Fields → Contact');
		deal.contact = await resolveContactId(cache, ref, itemIndex);
	}
	Object.assign(deal, await readOwnerAndPercent.call(this, fields, 'Update Fields', itemIndex, cache));

	const pipelineRef = String(fields.pipeline ?? '').trim();
	const stageRef = String(fields.stage ?? '').trim();
	let pipeline: PipelineInfo | undefined;
	let stageName: string | undefined;
	if (pipelineRef !== '' || stageRef !== '') {
		if (pipelineRef !== '') {
			pipeline = await resolvePipeline(cache, pipelineRef, itemIndex);
		} else {
			// A stage alone is looked up in the deal's current pipeline.
			const current = await activeCampaignRequest.call(this, { method: 'GET', path: `/deals/${id}`, what: `reading deal ${id}` });
			pipeline = await resolvePipeline(cache, String((current.deal as IDataObject).group), itemIndex);
		}
		const stage = await resolveStage(cache, pipeline, stageRef, itemIndex);
		deal.group = pipeline.id;
		deal.stage = stage.id;
		stageName = stage.title;
	}
	if (Object.keys(deal).length === 0) {
		throw inputError(this.getNode(), itemIndex, 'Update Fields is empty', 'Add at least one field to change; nothing was sent to ActiveCampaign for this item.');
	}
	const response = await activeCampaignRequest.call(this, { method: 'PUT', path: `/deals/${id}`, body: { deal }, what: `updating deal ${id}` });
	return { ...(response.deal as IDataObject), ...(pipeline ? { pipelineName: pipeline.title, stageName } : {}) };
}
