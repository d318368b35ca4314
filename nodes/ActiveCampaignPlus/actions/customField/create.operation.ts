import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { requireText, splitNames } from '../../helpers/input';
import { activeCampaignRequest } from '../../transport';

const CHOICE_TYPES = ['dropdown', 'listbox', 'radio', 'checkbox'];

const properties: INodeProperties[] = [
	{ displayName: 'Title', name: 'title', type: 'string', required: true, default: '', description: 'The field name people see in ActiveCampaign' },
	{
		displayName: 'Type',
		name: 'type',
		description: 'The kind of field, which decides how its values are entered and stored',
		type: 'options',
		default: 'text',
		options: [
			{ name: 'Checkbox (Multiple)', value: 'checkbox' },
			{ name: 'Date', value: 'date' },
			{ name: 'Date and Time', value: 'datetime' },
			{ name: 'Dropdown', value: 'dropdown' },
			{ name: 'Hidden', value: 'hidden' },
			{ name: 'List Box (Multi-Select)', value: 'listbox' },
			{ name: 'Number', value: 'number' },
			{ name: 'Radio', value: 'radio' },
			{ name: 'Text', value: 'text' },
			{ name: 'Text Area', value: 'textarea' },
		],
	},
	{
		displayName: 'Options',
		name: 'choices',
		type: 'string',
		default: '',
		placeholder: 'Small, Medium, Large',
		description: 'The choices, comma-separated',
		displayOptions: { show: { type: CHOICE_TYPES } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Default Value', name: 'defval', type: 'string', default: '', description: 'Value a contact gets when none is set' },
			{ displayName: 'Description', name: 'descript', type: 'string', default: '', description: 'Help text shown with the field in ActiveCampaign' },
			{
				displayName: 'Personalization Tag',
				name: 'perstag',
				type: 'string',
				default: '',
				description: 'Derived from the title when empty',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customField'], operation: ['create'] } }, properties);

/** Creates a field available on all lists, with its options for choice types. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const title = requireText(this, itemIndex, this.getNodeParameter('title', itemIndex), 'Title');
	const type = this.getNodeParameter('type', itemIndex) as string;
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const choices = CHOICE_TYPES.includes(type) ? splitNames(this.getNodeParameter('choices', itemIndex, '')) : [];
	const field: IDataObject = { title, type, visible: 1 };
	for (const key of ['defval', 'descript', 'perstag']) if (extra[key]) field[key] = extra[key];
	const response = await activeCampaignRequest.call(this, { method: 'POST', path: '/fields', body: { field }, what: `creating field "${title}"` });
	// The spec's example answers with a `fields` list; accounts answer with `field`.
	const created = (response.field ?? (response.fields as IDataObject[] | undefined)?.[0]) as IDataObject;
	const id = String(created.id);
	await activeCampaignRequest.call(this, {
		method: 'POST',
		path: '/fieldRels',
		body: { fieldRel: { field: id, relid: 0 } },
		what: `making field "${title}" available on all lists`,
	});
	if (choices.length) {
		await activeCampaignRequest.call(this, {
			method: 'POST',
			path: '/fieldOption/bulk',
			body: { fieldOptions: choices.map((value, i) => ({ field: id, value, label: value, orderid: i + 1, isdefault: false })) },
			what: `adding options to field "${title}"`,
		});
	}
	await cache.forget('fields');
	return { ...created, options: choices };
}
