import type { INodeProperties } from 'n8n-workflow';

import type { FilterOperator } from '../helpers/where';

/** The table a record operation works on: picked from a searchable list, or typed by name. */
export const tableLocator: INodeProperties = {
	displayName: 'Table',
	name: 'table',
	description: 'The Caspio table, picked from the list or typed by name',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTables', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			// No regex validation: n8n runs it in a time-boxed sandbox before every execution, which fails under load;
			// the name only ever travels URL-encoded in a path, and Caspio answers an unknown table with a clear 404.
			placeholder: 'e.g. Leads',
		},
	],
};

export const viewLocator: INodeProperties = {
	...tableLocator,
	displayName: 'View',
	name: 'view',
	description: 'The Caspio view, picked from the list or typed by name',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchViews', searchable: true },
		},
		{
			displayName: 'By Name',
			name: 'name',
			type: 'string',
			placeholder: 'e.g. Active_Leads',
		},
	],
};

const OPERATOR_LABELS: Record<FilterOperator, string> = {
	equals: 'Equals',
	notEquals: 'Not Equals',
	greaterThan: 'Greater Than',
	greaterOrEqual: 'Greater Than or Equal',
	lessThan: 'Less Than',
	lessOrEqual: 'Less Than or Equal',
	contains: 'Contains',
	notContains: 'Does Not Contain',
	startsWith: 'Starts With',
	endsWith: 'Ends With',
	in: 'Is One Of (Comma-Separated)',
	notIn: 'Is Not One Of (Comma-Separated)',
	isEmpty: 'Is Empty',
	isNotEmpty: 'Is Not Empty',
};

export { returnAllProperties } from '../../shared/descriptions';

/** A field of the chosen table or view, picked from a list loaded by `method`. */
export function fieldOption(method: string): INodeProperties {
	return {
		displayName: 'Field Name or ID',
		name: 'field',
		type: 'options',
		typeOptions: { loadOptionsMethod: method, loadOptionsDependsOn: ['table.value', 'view.value'] },
		default: '',
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	};
}

/** Structured filters: the field from the table's field list, an operator from a fixed set, a value kept literal. */
export function filterProperties(fieldsMethod: string, description: string): INodeProperties[] {
	return [
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'fixedCollection',
			placeholder: 'Add Condition',
			typeOptions: { multipleValues: true, sortable: true },
			default: {},
			description,
			options: [
				{
					displayName: 'Conditions',
					name: 'conditions',
					values: [
						fieldOption(fieldsMethod),
						{
							displayName: 'Operator',
							name: 'operator',
							description: 'How the field is compared with the value',
							type: 'options',
							options: Object.entries(OPERATOR_LABELS).map(([value, name]) => ({ name, value })),
							default: 'equals',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Compared literally: quotes, % and _ match themselves',
							displayOptions: { hide: { operator: ['isEmpty', 'isNotEmpty'] } },
						},
					],
				},
			],
		},
		{
			displayName: 'Combine Conditions',
			name: 'combinator',
			description: 'Whether a record must match all conditions (AND) or any of them (OR)',
			type: 'options',
			options: [
				{ name: 'AND (All Must Match)', value: 'AND' },
				{ name: 'OR (Any May Match)', value: 'OR' },
			],
			default: 'AND',
		},
	];
}

export const customWhereProperty: INodeProperties = {
	displayName: 'Custom Where Clause (Raw SQL)',
	name: 'customWhere',
	type: 'string',
	default: '',
	placeholder: "e.g. Status = 'Open' AND Score > 10",
	description:
		'Expert option. Sent to Caspio as written and combined with the filters above by AND. Values are NOT escaped: never put item data into it, use Filters for that.',
};

/** The "Options" collection of an operation: the parameters it takes only when asked. */
export function optionsCollection(options: INodeProperties[]): INodeProperties {
	return { displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options };
}

/** The filters of an operation that changes or removes records, and its raw where clause among the options. */
export function writeFilterProperties(description: string): INodeProperties[] {
	return [...filterProperties('getFilterFields', description), optionsCollection([customWhereProperty])];
}

/** "Delete All …", and the filters it hides: deleting everything is asked for by name, never by an empty filter. */
export function deleteAllProperties(what: 'Records' | 'Users', whose: string, filters: INodeProperties[]): INodeProperties[] {
	return [
		{
			displayName: `Delete All ${what}`,
			name: 'deleteAll',
			type: 'boolean',
			default: false,
			description: `Whether to delete every ${what === 'Records' ? 'record' : 'user'} of the ${whose}. Without it, at least one filter is required.`,
		},
		...filters.map((p) => ({ ...p, displayOptions: { show: { deleteAll: [false] } } })),
	];
}

/** A record's PK_ID, typed by the user and checked as a whole number. */
export function recordIdProperty(description: string): INodeProperties {
	return { displayName: 'Record ID (PK_ID)', name: 'recordId', type: 'string', required: true, default: '', placeholder: 'e.g. 42', description };
}

export const selectFieldsProperty: INodeProperties = {
	displayName: 'Fields to Return Names or IDs',
	name: 'select',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getReadableFields', loadOptionsDependsOn: ['table.value', 'view.value'] },
	default: [],
	description:
		'Which fields each record should include; all when empty. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};
