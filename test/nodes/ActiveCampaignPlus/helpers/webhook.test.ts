import { RecentDeliveries, unflatten } from '../../../../nodes/ActiveCampaignPlus/helpers/webhook';
// The trigger's secret check is the package's one constant-time compare.
import { tokensMatch as tokenMatches } from '../../../../nodes/shared/tokens';

describe('webhook helpers', () => {
	it('tokenMatches accepts only the same non-empty token', () => {
		expect(tokenMatches('abc', 'abc')).toBe(true);
		expect(tokenMatches('abc', 'abd')).toBe(false);
		expect(tokenMatches('abc', 'abcd')).toBe(false);
		expect(tokenMatches('', '')).toBe(false);
		expect(tokenMatches(undefined, undefined)).toBe(false);
		expect(tokenMatches('abc', ['abc'])).toBe(false);
	});

	it('unflatten nests bracket keys like PHP does', () => {
		expect(
			unflatten({
				type: 'unsubscribe',
				list: '3',
				'contact[email]': 'a@b.co',
				'contact[fields][39]': 'x',
				'contact[fields][member_id]': '7',
				'list[0][id]': '3',
				'tags[]': 'one',
			}),
		).toEqual({
			type: 'unsubscribe',
			list: { '0': { id: '3' } },
			contact: { email: 'a@b.co', fields: { '39': 'x', member_id: '7' } },
			tags: { '0': 'one' },
		});
	});

	it('RecentDeliveries forgets a delivery once its window has passed', () => {
		let now = 1000;
		const recent = new RecentDeliveries(() => now);
		expect(recent.isFirst('n', { a: 1, b: 2 }, 5000)).toBe(true);
		expect(recent.isFirst('n', { b: 2, a: 1 }, 5000)).toBe(false);
		expect(recent.isFirst('other-node', { a: 1, b: 2 }, 5000)).toBe(true);
		now += 5001;
		expect(recent.isFirst('n', { a: 1, b: 2 }, 5000)).toBe(true);
	});
});
