import type { INode } from 'n8n-workflow';

import { toIsoDate, toOrderCents, toOrderCurrency, toOrderDiscounts, toOrderProducts, toRecordId, toUrl } from '../../../../nodes/ActiveCampaignPlus/helpers/ecommerce';

const node = { name: 'ActiveCampaign Plus' } as INode;
const message = (work: () => unknown) => {
	try {
		work();
	} catch (error) {
		return (error as Error).message;
	}
	return 'no error';
};

describe('e-commerce input', () => {
	it('money becomes whole cents; anything else names the field', () => {
		expect([toOrderCents(node, 0, '91.11', 'Total Price'), toOrderCents(node, 0, 18.5, 'Price'), toOrderCents(node, 0, '0', 'Price')]).toEqual([9111, 1850, 0]);
		expect(message(() => toOrderCents(node, 3, '-1', 'Tax Amount'))).toBe('Tax Amount "-1" is not an amount [item 3]');
		expect(message(() => toOrderCents(node, 0, '1.999', 'Price'))).toBe('Price "1.999" is not an amount [item 0]');
	});

	it('currency is upper-cased; ids are digits; dates become ISO 8601; URLs are http(s)', () => {
		expect(toOrderCurrency(node, 0, ' eur ')).toBe('EUR');
		expect(toRecordId(node, 0, ' 12 ', 'Order ID')).toBe('12');
		expect(message(() => toRecordId(node, 1, '', 'Order ID'))).toBe('Order ID is empty [item 1]');
		expect(toIsoDate(node, 0, '2026-03-31T14:30:00.000+02:00', 'Order Date')).toBe('2026-03-31T12:30:00Z');
		expect(toIsoDate(node, 0, '', 'Order Date')).toBeUndefined();
		expect(message(() => toIsoDate(node, 0, 'soon', 'Abandoned At'))).toBe('Abandoned At "soon" is not a date [item 0]');
		expect(toUrl(node, 0, 'https://example.com/a.png', 'Logo URL')).toBe('https://example.com/a.png');
		expect(message(() => toUrl(node, 0, 'ftp://example.com', 'Link URL'))).toBe('Link URL "ftp://example.com" is not a web address [item 0]');
	});

	it('product rows: required ID and name, price in cents, quantity 1 by default, optional texts only when filled', () => {
		expect(toOrderProducts(node, 0, [{ externalid: ' P-1 ', name: 'Kite', price: '18.50', sku: '', category: 'Toys' }])).toEqual([
			{ externalid: 'P-1', name: 'Kite', price: 1850, quantity: 1, category: 'Toys' },
		]);
		expect(message(() => toOrderProducts(node, 2, [{ externalid: 'P', name: 'A', price: '1' }, { name: 'B', price: '1' }]))).toBe(
			'Products → product 2 → Product ID is empty [item 2]',
		);
		expect(message(() => toOrderProducts(node, 0, [{ externalid: 'P', name: 'A', price: '1', quantity: 1.5 }]))).toBe(
			'Products → product 1 → Quantity "1.5" is not a whole number of 1 or more [item 0]',
		);
	});

	it('discount rows: a name, order or shipping, the amount in cents', () => {
		expect(toOrderDiscounts(node, 0, [{ name: 'FREESHIP', type: 'shipping', amount: '4.99' }])).toEqual([{ name: 'FREESHIP', type: 'shipping', discountAmount: 499 }]);
		expect(message(() => toOrderDiscounts(node, 0, [{ name: ' ', amount: '1' }]))).toBe('Discounts → discount 1 → Name is empty [item 0]');
	});
});
