import { catchUp, idsStamped, rememberEmitted, stampOf, type Cursor } from '../../../../nodes/Caspio/trigger/cursor';

describe('Caspio Trigger: poll cursor', () => {
	afterEach(() => jest.restoreAllMocks());

	it('reads the updated-at stamp by field name in any case, and only a non-empty text', () => {
		expect(stampOf({ updated: '2026-01-01T00:00:00' }, 'Updated')).toBe('2026-01-01T00:00:00');
		expect(stampOf({ Updated: '' }, 'Updated')).toBeUndefined();
		expect(stampOf({ Updated: null }, 'Updated')).toBeUndefined();
		expect(idsStamped([{ PK_ID: 1, Updated: 'a' }, { PK_ID: 2, Updated: 'b' }, { PK_ID: '3', Updated: 'b' }], 'Updated', 'b')).toEqual([2, 3]);
	});

	it('moves a saved cursor up to what a poll still running emitted, never back', () => {
		rememberEmitted('wf/ahead', { lastId: 40, lastStamp: '2026-01-02T00:00:00', idsAtStamp: [7] });
		const behind: Cursor = { lastId: 10, lastStamp: '2026-01-01T00:00:00', idsAtStamp: [1] };
		catchUp(behind, 'wf/ahead');
		expect(behind).toEqual({ lastId: 40, lastStamp: '2026-01-02T00:00:00', idsAtStamp: [7] });

		const further: Cursor = { lastId: 50, lastStamp: '2026-01-03T00:00:00', idsAtStamp: [9] };
		catchUp(further, 'wf/ahead');
		expect(further).toEqual({ lastId: 50, lastStamp: '2026-01-03T00:00:00', idsAtStamp: [9] });
	});

	it('joins the records emitted at the same stamp', () => {
		rememberEmitted('wf/same', { lastStamp: '2026-01-02T00:00:00', idsAtStamp: [2, 3] });
		const cursor: Cursor = { lastStamp: '2026-01-02T00:00:00', idsAtStamp: [1, 2] };
		catchUp(cursor, 'wf/same');
		expect(cursor.idsAtStamp).toEqual([1, 2, 3]);
	});

	it('forgets what a poll emitted after 15 minutes, and keeps nodes apart', () => {
		const start = Date.now();
		jest.spyOn(Date, 'now').mockReturnValue(start);
		rememberEmitted('wf/old', { lastId: 99 });
		const other: Cursor = { lastId: 1 };
		catchUp(other, 'wf/another-node');
		expect(other.lastId).toBe(1);

		jest.spyOn(Date, 'now').mockReturnValue(start + 15 * 60_000 + 1);
		const late: Cursor = { lastId: 1 };
		catchUp(late, 'wf/old');
		expect(late.lastId).toBe(1);
	});
});
