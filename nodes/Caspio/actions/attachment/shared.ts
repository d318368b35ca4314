import { NodeOperationError, type IExecuteFunctions, type ILoadOptionsFunctions, type INodeProperties, type INodePropertyOptions } from 'n8n-workflow';

import { fetchFields, tableFields, type CaspioField } from '../../helpers/fields';
import { buildWhere } from '../../helpers/where';
import { tableName } from '../record/shared';

export const attachmentFieldProperty: INodeProperties = {
	displayName: 'Attachment Field Name or ID',
	name: 'attachmentField',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getAttachmentFields', loadOptionsDependsOn: ['table.value'] },
	required: true,
	default: '',
	description:
		'An ATTACHMENT field of the table. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const recordIdProperty: INodeProperties = {
	displayName: 'Record ID (PK_ID)',
	name: 'recordId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 42',
	description: "The PK_ID of the record the file belongs to",
};

/** The table's ATTACHMENT fields, for the field dropdown. */
export async function getAttachmentFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const table = this.getCurrentNodeParameter('table', { extractValue: true }) as string;
	if (!table) return [];
	const fields = await fetchFields.call(this, 'tables', table);
	return fields.filter((f) => f.Type.toUpperCase() === 'ATTACHMENT').map((f) => ({ name: f.Name, value: f.Name }));
}

export interface AttachmentTarget {
	table: string;
	field: string;
	fields: CaspioField[];
	/** `/tables/{t}/attachments/{field}`; a record's file is below it, its properties at `/fileInfo`. */
	path: string;
}

/** The table and attachment field of this item, checked against the table design so a typo gets a clear error. */
export async function attachmentTarget(this: IExecuteFunctions, itemIndex: number): Promise<AttachmentTarget> {
	const table = tableName.call(this, itemIndex);
	const fields = await tableFields.call(this, 'tables', table);
	const wanted = String(this.getNodeParameter('attachmentField', itemIndex, '') ?? '').trim();
	const field = fields.find((f) => f.Name.toLowerCase() === wanted.toLowerCase());
	if (!field || field.Type.toUpperCase() !== 'ATTACHMENT') {
		const attachments = fields.filter((f) => f.Type.toUpperCase() === 'ATTACHMENT').map((f) => f.Name);
		throw new NodeOperationError(
			this.getNode(),
			`Item ${itemIndex + 1}: "${wanted}" is not an attachment field of table "${table}"`,
			{
				itemIndex,
				description: attachments.length
					? `Pick one of the table's attachment fields: ${attachments.join(', ')}.`
					: `Table "${table}" has no ATTACHMENT field.`,
			},
		);
	}
	return { table, field: field.Name, fields, path: `/tables/${encodeURIComponent(table)}/attachments/${encodeURIComponent(field.Name)}` };
}

/** The item's Record ID as a whole number, and the `PK_ID = n` filter built by the safe builder. */
export function recordFilter(this: IExecuteFunctions, itemIndex: number): { recordId: number; where: string } {
	const raw = String(this.getNodeParameter('recordId', itemIndex, '') ?? '').trim();
	const built = /^\d+$/.test(raw) ? buildWhere([{ field: 'PK_ID', operator: 'equals', value: raw }]) : undefined;
	if (built?.where === undefined) {
		throw new NodeOperationError(this.getNode(), `Item ${itemIndex + 1}: Record ID must be a whole number (PK_ID), got "${raw}"`, {
			itemIndex,
			description: 'Enter the PK_ID of the record, e.g. 42.',
		});
	}
	return { recordId: Number(raw), where: built.where };
}

/** A file's properties as `…/fileInfo` answers them: the name without its extension, which is `FileType` (§2.1). */
export interface AttachmentInfo {
	FileName?: string;
	FileType?: string;
	Size?: number;
}

export function attachmentFileName(info: AttachmentInfo): string {
	return info.FileType ? `${info.FileName ?? 'file'}.${info.FileType}` : (info.FileName ?? 'file');
}
