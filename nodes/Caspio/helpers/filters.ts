import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import type { CaspioField } from './fieldTypes';
import { buildWhere, type FilterCondition } from './where';

interface FilterParameters {
	conditions?: Array<{ field?: string; operator?: string; value?: unknown }>;
}

/**
 * The `q.where` for one item: the structured filters built safely from the field list, AND the raw custom clause
 * when the user wrote one. Undefined when neither is given.
 */
export function whereFromParameters(
	this: IExecuteFunctions,
	itemIndex: number,
	fields: CaspioField[],
	options: { customWhere?: string } = {},
): string | undefined {
	const filters = this.getNodeParameter('filters', itemIndex, {}) as FilterParameters;
	const combinator = this.getNodeParameter('combinator', itemIndex, 'AND') as 'AND' | 'OR';
	const conditions = (filters.conditions ?? []).map<FilterCondition>((c) => ({
		field: String(c.field ?? ''),
		operator: (c.operator ?? 'equals') as FilterCondition['operator'],
		value: c.value,
	}));
	const parts: string[] = [];
	if (conditions.length > 0) {
		const built = buildWhere(conditions, combinator === 'OR' ? 'OR' : 'AND', fields);
		if (built.problem !== undefined) {
			throw inputError(this.getNode(), itemIndex, built.problem, 'Correct the condition under Filters.');
		}
		parts.push(built.where);
	}
	const custom = (options.customWhere ?? '').trim();
	if (custom !== '') parts.push(custom);
	if (parts.length === 0) return undefined;
	return parts.length === 1 ? parts[0] : parts.map((p) => `(${p})`).join(' AND ');
}
