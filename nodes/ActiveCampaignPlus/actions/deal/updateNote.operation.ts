import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { toDealId, toNumericId } from '../../helpers/deals';
import { requireText } from '../../helpers/input';
import { activeCampaignRequest } from '../../transport';
import { noteText } from './createNote.operation';
import { dealId } from './get.operation';

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['updateNote'] } }, [
	dealId,
	{ displayName: 'Note ID', name: 'noteId', type: 'string', required: true, default: '', description: 'The numeric ID of the note on this deal' },
	{ ...noteText, description: 'New text of the note' },
]);

/** Replaces the text of a note on a deal. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	const id = toDealId(this.getNode(), itemIndex, this.getNodeParameter('dealId', itemIndex));
	const noteId = toNumericId(this.getNode(), itemIndex, this.getNodeParameter('noteId', itemIndex), 'Note ID', 'note');
	const note = requireText(this, itemIndex, this.getNodeParameter('note', itemIndex), 'Note');
	const response = await activeCampaignRequest.call(this, {
		method: 'PUT',
		path: `/deals/${id}/notes/${noteId}`,
		body: { note: { note } },
		what: `updating note ${noteId} of deal ${id}`,
	});
	return response.note as IDataObject;
}
