/** Files in ATTACHMENT fields of records: which field an item names, and what a file is called. */
import type { INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { isAttachmentField, type CaspioField } from './fieldTypes';

/**
 * A file's properties as `…/fileInfo` answers them: the name without its extension, which is `FileType`, as Caspio's
 * own node reads them (https://github.com/CaspioInnovations/n8n-node-caspioofficial).
 */
export interface AttachmentInfo {
	FileName?: string;
	FileType?: string;
	Size?: number;
}

export function attachmentFileName(info: AttachmentInfo): string {
	return info.FileType ? `${info.FileName ?? 'file'}.${info.FileType}` : (info.FileName ?? 'file');
}

/** The attachment field the item names, checked against the table design so a typo gets a clear error. */
export function attachmentField(node: INode, itemIndex: number, table: string, fields: CaspioField[], wanted: string): CaspioField {
	const field = fields.find((f) => f.Name.toLowerCase() === wanted.toLowerCase());
	if (field && isAttachmentField(field)) return field;
	const attachments = fields.filter(isAttachmentField).map((f) => f.Name);
	throw inputError(
		node,
		itemIndex,
		`"${wanted}" is not an attachment field of table "${table}"`,
		attachments.length ? `Pick one of the table's attachment fields: ${attachments.join(', ')}.` : `Table "${table}" has no ATTACHMENT field.`,
	);
}
