import type { IDataObject, INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import { toCents, toCurrency } from './deals';

/**
 * Checks and conversions for Deep Data connections, e-commerce customers and orders: ids, amounts in cents, dates,
 * the inline order products; each failing with an error that names the item and the field.
 * https://developers.activecampaign.com/reference/e-commerce-abandoned-carts
 */

/** A numeric record id typed by a user, e.g. an order id. */
export function toRecordId(node: INode, itemIndex: number, value: unknown, field: string): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (!/^\d+$/.test(text)) {
		throw inputError(
			node,
			itemIndex,
			text === '' ? `${field} is empty` : `${field} "${text}" is not a number`,
			`Enter the numeric ActiveCampaign ID in "${field}" (Get Many lists them).`,
		);
	}
	return text;
}

/** An http(s) address, e.g. a connection's logo; anything else names the field. */
export function toUrl(node: INode, itemIndex: number, value: string, field: string): string {
	let url: URL | undefined;
	try {
		url = new URL(value);
	} catch {
		url = undefined;
	}
	if (url?.protocol !== 'https:' && url?.protocol !== 'http:') {
		throw inputError(node, itemIndex, `${field} "${value}" is not a web address`, `Enter a full address starting with https://, e.g. https://example.com/logo.png, in "${field}".`);
	}
	return value;
}

/** An amount of the order's currency ("91.11") → whole cents (9111), as ActiveCampaign stores e-commerce money. */
export const toOrderCents = (node: INode, itemIndex: number, value: unknown, field: string): number =>
	toCents(node, itemIndex, value, field, "the order's");

/** A 3-letter currency code, upper-cased as ActiveCampaign's order examples send it. */
export const toOrderCurrency = (node: INode, itemIndex: number, value: unknown): string => toCurrency(node, itemIndex, value).toUpperCase();

/** A date or date-time typed or picked by a user → ISO 8601; empty → undefined. */
export function toIsoDate(node: INode, itemIndex: number, value: unknown, field: string): string | undefined {
	const text = value instanceof Date ? value.toISOString() : typeof value === 'string' || typeof value === 'object' ? String(value ?? '').trim() : '';
	if (text === '') return undefined;
	const ms = Date.parse(text);
	if (Number.isNaN(ms)) {
		throw inputError(node, itemIndex, `${field} "${text}" is not a date`, `Enter a date such as 2026-03-31 or 2026-03-31T14:30:00Z in "${field}".`);
	}
	return new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
}

/** A whole number of at least `min`, from a number or digits. */
function toCount(node: INode, itemIndex: number, value: unknown, field: string, min: number): number {
	const text = typeof value === 'number' || typeof value === 'string' ? String(value).trim() : '';
	if (!/^\d+$/.test(text) || Number(text) < min) {
		throw inputError(node, itemIndex, `${field} "${text}" is not a whole number of ${min} or more`, `Enter a count such as 1 or 3 in "${field}".`);
	}
	return Number(text);
}

const PRODUCT_TEXTS = ['category', 'sku', 'description', 'imageUrl', 'productUrl'] as const;

/**
 * The Products rows of an order → `orderProducts` (price in cents). A row without a product ID or name, with an
 * amount that is not money or a quantity under 1 is an error naming its position.
 */
export function toOrderProducts(node: INode, itemIndex: number, rows: IDataObject[]): IDataObject[] {
	return rows.map((row, i) => {
		const at = (label: string) => `Products → product ${i + 1} → ${label}`;
		const text = (key: string) => (row[key] === undefined || row[key] === null ? '' : String(row[key]).trim());
		for (const [key, label] of [
			['externalid', 'Product ID'],
			['name', 'Name'],
		]) {
			if (text(key) === '') throw inputError(node, itemIndex, `${at(label)} is empty`, `Fill in "${label}" of product ${i + 1}, as your store knows it.`);
		}
		const product: IDataObject = {
			externalid: text('externalid'),
			name: text('name'),
			price: toOrderCents(node, itemIndex, row.price, at('Price')),
			quantity: toCount(node, itemIndex, row.quantity ?? 1, at('Quantity'), 1),
		};
		for (const key of PRODUCT_TEXTS) if (text(key) !== '') product[key] = text(key);
		return product;
	});
}

/** The Discounts rows of an order → `orderDiscounts` (amount in cents). */
export function toOrderDiscounts(node: INode, itemIndex: number, rows: IDataObject[]): IDataObject[] {
	return rows.map((row, i) => {
		const name = String(row.name ?? '').trim();
		if (name === '') throw inputError(node, itemIndex, `Discounts → discount ${i + 1} → Name is empty`, 'Enter the discount code or name, e.g. SUMMER10.');
		return {
			name,
			type: row.type === 'shipping' ? 'shipping' : 'order',
			discountAmount: toOrderCents(node, itemIndex, row.amount, `Discounts → discount ${i + 1} → Amount`),
		};
	});
}

/** The rows of a fixedCollection parameter (`{ product: [...] }`), empty when none were added. */
export const collectionRows = (value: unknown, key: string): IDataObject[] =>
	((value as IDataObject | undefined)?.[key] as IDataObject[] | undefined) ?? [];

/** ActiveCampaign's order states (`filters[state]`, `state`). */
export const ORDER_STATES = [
	{ name: 'Pending', value: '0' },
	{ name: 'Completed', value: '1' },
	{ name: 'Abandoned', value: '2' },
	{ name: 'Recovered', value: '3' },
	{ name: 'Waiting', value: '4', description: 'Checked out, payment not completed yet' },
];
