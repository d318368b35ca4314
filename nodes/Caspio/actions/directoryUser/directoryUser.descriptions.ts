import type { INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import { filterProperties } from '../common.descriptions';

export const directoryProperty: INodeProperties = {
	displayName: 'Directory Name or ID',
	name: 'directoryId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getDirectories' },
	required: true,
	default: '',
	description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** The record filters, with the field list loaded from the chosen directory. */
export function userFilterProperties(description: string): INodeProperties[] {
	const [filters, combinator] = filterProperties('getDirectoryFilterFields', description);
	const [conditions] = filters.options as INodePropertyCollection[];
	const values = conditions.values.map((value) =>
		value.name === 'field' ? { ...value, typeOptions: { ...value.typeOptions, loadOptionsDependsOn: ['directoryId'] } } : value,
	);
	return [{ ...filters, options: [{ ...conditions, values }] }, combinator];
}

/** The user's field values, given as pairs (field from a list) or as one JSON object. */
export const userFieldsProperties: INodeProperties[] = [
	{
		displayName: 'Define Fields',
		name: 'fieldsInput',
		description: 'Whether to enter the user fields one by one or as one JSON object',
		type: 'options',
		options: [
			{ name: 'Field by Field', value: 'keyValue' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'keyValue',
	},
	{
		displayName: 'Fields',
		name: 'fields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { fieldsInput: ['keyValue'] } },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getDirectoryWritableFields', loadOptionsDependsOn: ['directoryId', 'operation'] },
						default: '',
						description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
					},
					{ displayName: 'Value', name: 'value', type: 'string', default: '', description: 'Value to store in the field' },
				],
			},
		],
	},
	{
		displayName: 'Fields (JSON)',
		name: 'fieldsJson',
		type: 'json',
		default: '{\n  "Email": ""\n}',
		description: 'One object: field name → value',
		displayOptions: { show: { fieldsInput: ['json'] } },
	},
];
