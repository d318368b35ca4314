import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { simplifyProperty } from '../../shared/descriptions';
import { inputError } from '../../shared/errors';
import { changedSinceWhere } from '../helpers/changedSince';
import { whereFromParameters } from '../helpers/filters';
import { chosenName } from '../helpers/names';
import { isGroupedRead, type AggregateRule, type SortRule } from '../helpers/query';
import { SIMPLIFY_RULE, simplifyRecord } from '../helpers/simplify';
import { tableFields } from '../transport/fields';
import { readRecords } from '../transport/records';
import { customWhereProperty, fieldOption, filterProperties, optionsCollection, returnAllProperties, selectFieldsProperty } from './common.descriptions';

/** Caspio's page sizes: https://howto.caspio.com/integrate-your-apps/web-services-api/special-considerations */
const PAGE_SIZES = { min: 5, max: 1000 };

const aggregateProperty: INodeProperties = {
	displayName: 'Aggregate',
	name: 'aggregate',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true, sortable: true },
	placeholder: 'Add Aggregate',
	default: {},
	description: 'Totals instead of records: one row over every matching record, or one row per group with Group By',
	options: [
		{
			displayName: 'Aggregates',
			name: 'aggregates',
			values: [
				{
					displayName: 'Function',
					name: 'function',
					type: 'options',
					options: [
						{ name: 'Average', value: 'AVG' },
						{ name: 'Count', value: 'COUNT' },
						{ name: 'Count Unique', value: 'COUNT_DISTINCT' },
						{ name: 'Maximum', value: 'MAX' },
						{ name: 'Minimum', value: 'MIN' },
						{ name: 'Sum', value: 'SUM' },
					],
					default: 'COUNT',
					description: 'Sum and Average take a number field; Count skips empty values, and counts every record when Field is empty',
				},
				fieldOption('getReadableFields'),
				{
					displayName: 'Alias',
					name: 'alias',
					type: 'string',
					default: '',
					placeholder: 'e.g. Total_Amount',
					description: 'The key of the result in the output: letters, digits and underscores. Empty gives the field and the function, e.g. Amount_sum.',
				},
			],
		},
	],
};

const groupByProperty: INodeProperties = {
	displayName: 'Group By Field Names or IDs',
	name: 'groupBy',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getSortFields', loadOptionsDependsOn: ['table.value', 'view.value'] },
	default: [],
	description:
		'One output row per distinct combination of these fields, with the aggregates computed per group. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

const pageSizeProperty: INodeProperties = {
	displayName: 'Page Size',
	name: 'pageSize',
	type: 'number',
	typeOptions: { minValue: PAGE_SIZES.min, maxValue: PAGE_SIZES.max, numberPrecision: 0 },
	default: 100,
	description: 'Records per page when reading one page, from 5 to 1,000',
};

const pageProperties: INodeProperties[] = [
	{
		displayName: 'Page Number',
		name: 'pageNumber',
		type: 'number',
		typeOptions: { minValue: 1, numberPrecision: 0 },
		default: 1,
		description: 'Read only this page (counted from 1) in one request. Return All must be off; Page Size takes the place of Limit.',
	},
	pageSizeProperty,
];

/** Get Many for tables and views alike: filters, select, sort, aggregates and groups, a limit, one page or every page, and Simplify. */
export const getManyProperties: INodeProperties[] = [
	...returnAllProperties,
	...filterProperties('getFilterFields', 'Only records that match these conditions; all records when empty'),
	simplifyProperty(SIMPLIFY_RULE),
	optionsCollection([
		aggregateProperty,
		customWhereProperty,
		selectFieldsProperty,
		groupByProperty,
		...pageProperties,
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
		changedSince?: { value?: { field?: string; since?: string } };
		aggregate?: { aggregates?: AggregateRule[] };
		groupBy?: string[] | string;
		pageNumber?: number;
		pageSize?: number;
	};
	const aggregates = options.aggregate?.aggregates ?? [];
	const groupBy = fieldList(options.groupBy);
	const changed = options.changedSince?.value;
	const filters = this.getNodeParameter('filters', itemIndex, {}) as { conditions?: unknown[] };
	// Field names are checked against /fields only when the user named some; a plain read costs no extra request.
	const namesFields = changed !== undefined || [filters.conditions, options.select, options.sort?.rules, aggregates, groupBy].some((list) => (list?.length ?? 0) > 0);
	const fields = namesFields ? await tableFields.call(this, kind, name) : [];
	const filtered = whereFromParameters.call(this, itemIndex, fields, { customWhere: options.customWhere });
	const since = changed && changedSinceWhere(String(changed.field ?? ''), changed.since, fields);
	if (since && since.problem !== undefined) throw inputError(this.getNode(), itemIndex, since.problem, 'Correct the field or the moment under Options → Changed Since.');
	const where = since ? (filtered ? `(${filtered}) AND (${since.where})` : since.where) : filtered;
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const page = chosenPage.call(this, itemIndex, options, returnAll);
	const limit = returnAll || page ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const query = { where, select: options.select, sort: options.sort?.rules, aggregates, groupBy, limit, page };
	const rows = await readRecords.call(this, itemIndex, { kind, name, fields }, query);
	return this.getNodeParameter('simple', itemIndex) && !options.select?.length && !isGroupedRead(query) ? rows.map(simplifyRecord) : rows;
}

/** Field names from a multi-select, or from an expression that gives them comma-separated. */
function fieldList(value: string[] | string | undefined): string[] {
	const names = Array.isArray(value) ? value.map(String) : typeof value === 'string' ? value.split(',') : [];
	return names.map((name) => name.trim()).filter((name) => name !== '');
}

/** The one page asked for under Options (Page Number, Page Size), checked; undefined when neither is set. */
function chosenPage(this: IExecuteFunctions, itemIndex: number, options: { pageNumber?: number; pageSize?: number }, returnAll: boolean) {
	if (options.pageNumber === undefined && options.pageSize === undefined) return undefined;
	const node = this.getNode();
	if (returnAll) {
		throw inputError(node, itemIndex, 'Page Number and Page Size read one page, but Return All is on', 'Turn off Return All to read one page, or remove Page Number and Page Size from Options.');
	}
	const page = { number: Number(options.pageNumber ?? 1), size: Number(options.pageSize ?? pageSizeProperty.default) };
	if (!Number.isInteger(page.number) || page.number < 1) {
		throw inputError(node, itemIndex, `Page Number ${String(options.pageNumber)} is not a page`, 'Enter a whole number from 1 under Options → Page Number.');
	}
	if (!Number.isInteger(page.size) || page.size < PAGE_SIZES.min || page.size > PAGE_SIZES.max) {
		throw inputError(node, itemIndex, `Page Size ${String(options.pageSize)} is outside 5–1000`, 'Caspio reads pages of 5 to 1,000 records: enter a whole number in that range under Options → Page Size.');
	}
	return page;
}
