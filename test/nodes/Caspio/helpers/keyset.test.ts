import { boundOf, keysetWhere, pkRanges } from '../../../../nodes/Caspio/helpers/keyset';

describe('PK_ID ranges for Return All', () => {
	it('cuts a table without gaps into at most 4 ranges of whole pages', () => {
		expect(pkRanges({ lo: 1, hi: 100_000, count: 100_000 })).toEqual([
			{ after: 0, upTo: 25_000 },
			{ after: 25_000, upTo: 50_000 },
			{ after: 50_000, upTo: 75_000 },
			{ after: 75_000, upTo: 100_000 },
		]);
		expect(pkRanges({ lo: 1, hi: 2500, count: 2500 })).toEqual([
			{ after: 0, upTo: 1000 },
			{ after: 1000, upTo: 2000 },
			{ after: 2000, upTo: 2500 },
		]);
	});

	it('covers [lo, hi] without overlap whatever the density, one range for one page', () => {
		for (const bounds of [
			{ lo: 17, hi: 1_000_003, count: 4321 },
			{ lo: 5, hi: 9, count: 3 },
			{ lo: 1, hi: 999, count: 999 },
		]) {
			const ranges = pkRanges(bounds);
			expect(ranges.length).toBeLessThanOrEqual(4);
			expect(ranges[0].after).toBe(bounds.lo - 1);
			expect(ranges[ranges.length - 1].upTo).toBe(bounds.hi);
			ranges.slice(1).forEach((range, i) => expect(range.after).toBe(ranges[i].upTo));
		}
		expect(pkRanges({ lo: 1, hi: 999, count: 999 })).toHaveLength(1);
		expect(pkRanges({ lo: 1, hi: 0, count: 0 })).toEqual([]);
	});

	it("keeps the user's where whole in parentheses and adds the window", () => {
		expect(keysetWhere("Name = N'a' OR Score = 1", 1000, 2000)).toBe("(Name = N'a' OR Score = 1) AND PK_ID > 1000 AND PK_ID <= 2000");
		expect(keysetWhere(undefined, 0, 5)).toBe('PK_ID > 0 AND PK_ID <= 5');
		expect(keysetWhere('  ', 0, 5)).toBe('PK_ID > 0 AND PK_ID <= 5');
	});

	it('reads bounds as numbers, NULL (an empty read) as none', () => {
		expect([boundOf(7), boundOf('12'), boundOf(null), boundOf(''), boundOf('x')]).toEqual([7, 12, undefined, undefined, undefined]);
	});
});
