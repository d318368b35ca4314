import type { INodeProperties } from 'n8n-workflow';

import { recordIdProperty } from '../common.descriptions';

export const attachmentFieldProperty: INodeProperties = {
	displayName: 'Attachment Field Name or ID',
	name: 'attachmentField',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getAttachmentFields', loadOptionsDependsOn: ['attachmentSource', 'table.value', 'view.value'] },
	required: true,
	default: '',
	description:
		'An ATTACHMENT field of the table or view. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const recordOfFileProperty = recordIdProperty('The PK_ID of the record the file belongs to');
