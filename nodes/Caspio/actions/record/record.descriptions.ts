import type { INodeProperties } from 'n8n-workflow';

/** The "Fields" resource mapper; `mode` is n8n's: add (create, update) or upsert (with key fields). */
export function columnsProperty(mode: 'add' | 'upsert'): INodeProperties {
	return {
		displayName: 'Fields',
		name: 'columns',
		description: 'The record\'s field values, mapped from the table\'s own fields',
		type: 'resourceMapper',
		noDataExpression: true,
		required: true,
		default: { mappingMode: 'defineBelow', value: null },
		typeOptions: {
			loadOptionsDependsOn: ['table.value', 'operation'],
			resourceMapper: {
				resourceMapperMethod: 'getMappingColumns',
				mode,
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: true,
				multiKeyMatch: true,
				supportAutoMap: true,
				...(mode === 'upsert'
					? { matchingFieldsLabels: { title: 'Key Fields', description: 'Fields that identify the record: it is updated when they match, created otherwise', hint: '' } }
					: {}),
			},
		},
	};
}
