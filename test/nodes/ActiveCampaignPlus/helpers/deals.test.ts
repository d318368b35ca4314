import { toCents, toCurrency, toDealId } from '../../../../nodes/ActiveCampaignPlus/helpers/deals';
import { node } from '../../shared/support';

describe('deal input', () => {
	it('turns amounts into whole cents', () => {
		expect(toCents(node, 0, '1499.99')).toBe(149999);
		expect(toCents(node, 0, ' 12.5 ')).toBe(1250);
		expect(toCents(node, 0, 12.5)).toBe(1250);
		expect(toCents(node, 0, '2000')).toBe(200000);
		expect(toCents(node, 0, '0')).toBe(0);
	});

	it('refuses what is not an amount in the deal currency, naming the field and the item', () => {
		expect(() => toCents(node, 2, '12,50')).toThrow('Value "12,50" is not an amount [item 2]');
		expect(() => toCents(node, 0, '1.999')).toThrow('Value "1.999" is not an amount [item 0]');
		expect(() => toCents(node, 0, '-5')).toThrow('Value "-5" is not an amount [item 0]');
		expect(() => toCents(node, 0, '', 'Amount')).toThrow('Amount is empty [item 0]');
		expect(() => toCents(node, 0, '99999999999999999')).toThrow('Value "99999999999999999" is too large [item 0]');
	});

	it('lower-cases a three-letter currency code and refuses anything else', () => {
		expect(toCurrency(node, 0, ' USD ')).toBe('usd');
		expect(() => toCurrency(node, 1, 'dollars')).toThrow('Currency "dollars" is not a 3-letter currency code [item 1]');
		expect(() => toCurrency(node, 0, undefined)).toThrow('Currency "" is not a 3-letter currency code [item 0]');
	});

	it('accepts only a numeric deal id', () => {
		expect(toDealId(node, 0, ' 42 ')).toBe('42');
		expect(toDealId(node, 0, 42)).toBe('42');
		expect(() => toDealId(node, 0, 'abc')).toThrow('Deal ID "abc" is not a number [item 0]');
		expect(() => toDealId(node, 0, '')).toThrow('Deal ID is empty [item 0]');
	});
});
