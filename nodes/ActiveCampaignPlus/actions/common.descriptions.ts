import type { INodeProperties } from 'n8n-workflow';

/** Parameters several operations share; each operation scopes them with updateDisplayOptions. */

export const contactRef: INodeProperties = {
	displayName: 'Contact',
	name: 'contact',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'jane@example.com or 123',
	description: "The contact's email address or numeric ActiveCampaign ID",
};

export { limit, returnAll } from '../../shared/descriptions';

export const accountRef: INodeProperties = {
	displayName: 'Account',
	name: 'account',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'Acme Inc. or 12',
	description: "The account's exact name or its numeric ActiveCampaign ID",
};

export const createMissingTags: INodeProperties = {
	displayName: 'Create Missing Tags',
	name: 'createMissingTags',
	type: 'boolean',
	default: true,
	description: 'Whether to create tags that do not exist yet; when off, an unknown tag name is an error',
};

/** "Custom Fields" rows (`customFields.field[]` of name and value), with the fields' dropdown and what values look like. */
function customFieldsProperty(loadOptionsMethod: string, description: string, valueDescription: string): INodeProperties {
	return {
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Custom Field',
		default: {},
		description,
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod },
						default: '',
						description:
							'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Value', name: 'value', description: valueDescription, type: 'string', default: '' },
				],
			},
		],
	};
}

export const customFields = customFieldsProperty(
	'getFields',
	'Values by field title, personalization tag or ID. Dates become YYYY-MM-DD, multi-select values (comma-separated or an array) become ||a||b||.',
	'Value to set; dates as YYYY-MM-DD, several options of a multi-select comma-separated',
);

/** An account's custom fields by label or ID; currency amounts in the field's currency. */
export const accountCustomFields = customFieldsProperty(
	'getAccountFields',
	"Account field values by label or ID. Dates become YYYY-MM-DD, multi-select values (comma-separated or an array) become ||a||b||, currency amounts (e.g. 1499.99) are sent in cents in the field's currency.",
	"Value to set; dates as YYYY-MM-DD, several options of a multi-select comma-separated, currency amounts in the field's currency",
);

export function listsField(name: string, displayName: string): INodeProperties {
	return {
		displayName,
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getLists' },
		default: [],
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

export const email: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	required: true,
	default: '',
	description: 'The contact is found by this address, or created with it',
};

/** The person fields of a contact, plus any operation-specific ones. */
export function personFields(extra: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...extra,
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', description: "The contact's first name" },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', description: "The contact's last name" },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', description: "The contact's phone number" },
		],
	};
}
