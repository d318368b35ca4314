import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { toDealId } from '../../helpers/deals';
import { requireText } from '../../helpers/input';
import { activeCampaignRequest } from '../../transport';
import { dealId } from './get.operation';

export const noteText: INodeProperties = {
	displayName: 'Note',
	name: 'note',
	type: 'string',
	typeOptions: { rows: 4 },
	required: true,
	default: '',
	description: 'Text of the note on the deal',
};

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['createNote'] } }, [dealId, noteText]);

/** Adds a note to a deal by id. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = toDealId(this.getNode(), itemIndex, this.getNodeParameter('dealId', itemIndex));
	const note = requireText(this, itemIndex, this.getNodeParameter('note', itemIndex), 'Note');
	const response = await activeCampaignRequest.call(this, { method: 'POST', path: `/deals/${id}/notes`, body: { note: { note } }, what: `adding a note to deal ${id}` });
	return response.note as IDataObject;
}
