import type { INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors';

/** Checks on deal input: amounts in cents, currency codes, deal ids; each failing with an error naming the item. */

/**
 * "1234.56" (or a number) in the deal's currency → whole cents, as the API stores deal values.
 * https://developers.activecampaign.com/reference/create-a-deal-new
 */
export function toCents(node: INode, itemIndex: number, value: unknown, field = 'Value', whose = "the deal's"): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
	if (!match) {
		throw inputError(
			node,
			itemIndex,
			text === '' ? `${field} is empty` : `${field} "${text}" is not an amount`,
			`Enter the amount in ${whose} currency with digits and at most two decimals, e.g. 1500 or 1499.99, in "${field}".`,
		);
	}
	const cents = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
	if (!Number.isSafeInteger(cents)) throw inputError(node, itemIndex, `${field} "${text}" is too large`, 'Enter a smaller amount.');
	return cents;
}

/** A 3-letter currency code, lower-cased as the API wants it. */
export function toCurrency(node: INode, itemIndex: number, value: unknown): string {
	const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
	if (!/^[a-z]{3}$/.test(text)) {
		throw inputError(node, itemIndex, `Currency "${String(value ?? '')}" is not a 3-letter currency code`, 'Use an ISO code such as usd, eur or gbp.');
	}
	return text;
}

/** A numeric id of `field` (e.g. "Note ID", the id of a note). */
export function toNumericId(node: INode, itemIndex: number, value: unknown, field: string, thing: string): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!/^\d+$/.test(text)) {
		throw inputError(node, itemIndex, text === '' ? `${field} is empty` : `${field} "${text}" is not a number`, `Enter the numeric ID of the ${thing}.`);
	}
	return text;
}

/** A numeric deal id. */
export const toDealId = (node: INode, itemIndex: number, value: unknown): string => toNumericId(node, itemIndex, value, 'Deal ID', 'deal');

/** A deal's win probability: a whole number from 0 to 100 (an expression may give any value). */
export function toPercent(node: INode, itemIndex: number, value: unknown, field: string): number {
	const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.trim() : '';
	if (!/^\d+$/.test(text) || Number(text) > 100) {
		throw inputError(node, itemIndex, `${field} "${text}" is not a percentage`, `Enter a whole number from 0 to 100 in "${field}".`);
	}
	return Number(text);
}
