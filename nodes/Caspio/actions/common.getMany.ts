import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../shared/descriptions';
import { whereFromParameters } from '../helpers/filters';
import { chosenName } from '../helpers/names';
import type { SortRule } from '../helpers/query';
import { SIMPLIFY_RULE, simplifyRecord } from '../helpers/simplify';
import { tableFields } from '../transport/fields';
import { readRecords } from '../transport/records';
import { customWhereProperty, fieldOption, filterProperties, optionsCollection, returnAllProperties, selectFieldsProperty } from './common.descriptions';

/** Get Many for tables and views alike: filters, select, sort, a limit or every page, and Simplify. */
export const getManyProperties: INodeProperties[] = [
	...returnAllProperties,
	...filterProperties('getFilterFields', 'Only records that match these conditions; all records when empty'),
	simplifyProperty(SIMPLIFY_RULE),
	optionsCollection([
		customWhereProperty,
		selectFieldsProperty,
		{
			displayName: 'Sort',
			name: 'sort',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true, sortable: true },
			placeholder: 'Add Sort Rule',
			default: {},
			options: [
				{
					displayName: 'Rules',
					name: 'rules',
					values: [
						fieldOption('getSortFields'),
						{
							displayName: 'Direction',
							name: 'direction',
							description: 'Ascending (A→Z, 0→9) or descending',
							type: 'options',
							options: [
								{ name: 'Ascending', value: 'ASC' },
								{ name: 'Descending', value: 'DESC' },
							],
							default: 'ASC',
						},
					],
				},
			],
		},
	]),
];

export async function getMany(this: IExecuteFunctions, itemIndex: number, kind: 'tables' | 'views'): Promise<IDataObject[]> {
	const name = chosenName.call(this, itemIndex, kind === 'tables' ? 'table' : 'view');
	const options = this.getNodeParameter('options', itemIndex, {}) as {
		customWhere?: string;
		select?: string[];
		sort?: { rules?: SortRule[] };
	};
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { conditions?: unknown[] };
	// Field names are checked against /fields only when the user named some; a plain read costs no extra request.
	const namesFields = [filters.conditions, options.select, options.sort?.rules].some((list) => (list?.length ?? 0) > 0);
	const fields = namesFields ? await tableFields.call(this, kind, name) : [];
	const where = whereFromParameters.call(this, itemIndex, fields, { customWhere: options.customWhere });
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const rows = await readRecords.call(this, itemIndex, { kind, name, fields }, { where, select: options.select, sort: options.sort?.rules, limit });
	return this.getNodeParameter('simple', itemIndex) && !options.select?.length ? rows.map(simplifyRecord) : rows;
}
