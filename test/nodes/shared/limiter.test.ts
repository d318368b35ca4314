import { PacedLimiter, SlidingWindowLimiter, type Limiter } from '../../../nodes/shared/limiter';
import { maxPerWindow } from '../../sandbox/server';

/** A clock the test moves; `wait` only registers a timer, so the test decides when timers fire (late, on purpose). */
function manualClock() {
	let now = 0;
	let timers: Array<{ at: number; fire: () => void }> = [];
	const settle = async () => {
		for (let i = 0; i < 50; i++) await Promise.resolve();
	};
	return {
		now: () => now,
		wait: (ms: number) => new Promise<void>((fire) => timers.push({ at: now + ms, fire })),
		/** Jumps to `to` and fires every timer due by then, as a busy event loop would: late and together. */
		async advance(to: number) {
			now = to;
			const due = timers.filter((t) => t.at <= to);
			timers = timers.filter((t) => t.at > to);
			for (const timer of due) timer.fire();
			await settle();
		},
	};
}

/** Starts `count` requests through the limiter; each records when it started and lasts `durationMs` on the clock. */
function callers(limiter: Limiter, clock: ReturnType<typeof manualClock>, count: number, durationMs = 0) {
	const starts: number[] = [];
	const done = Array.from({ length: count }, () =>
		limiter.schedule(async () => {
			starts.push(clock.now());
			if (durationMs > 0) await clock.wait(durationMs);
		}),
	);
	return { starts, done: Promise.all(done) };
}

describe('SlidingWindowLimiter', () => {
	it('lets 5 start at once and the next ones only as finished requests leave the window', async () => {
		const clock = manualClock();
		const limiter = new SlidingWindowLimiter({ requests: 5, windowMs: 1000 }, clock.now, clock.wait);
		const run = callers(limiter, clock, 12);

		await clock.advance(0);
		expect(run.starts).toEqual([0, 0, 0, 0, 0]);
		await clock.advance(1000);
		await clock.advance(2000);
		await run.done;

		expect(run.starts).toEqual([0, 0, 0, 0, 0, 1000, 1000, 1000, 1000, 1000, 2000, 2000]);
	});

	it('counts the window from when a request ended, so slow answers cannot crowd the server', async () => {
		const clock = manualClock();
		const limiter = new SlidingWindowLimiter({ requests: 5, windowMs: 1000 }, clock.now, clock.wait);
		const run = callers(limiter, clock, 10, 300);

		await clock.advance(0);
		await clock.advance(300);
		await clock.advance(1000);
		expect(run.starts).toEqual([0, 0, 0, 0, 0]);
		await clock.advance(1300);
		await clock.advance(1600);
		await run.done;

		expect(run.starts.slice(5)).toEqual([1300, 1300, 1300, 1300, 1300]);
	});

	it('does not release a backlog at once after the event loop was busy for seconds', async () => {
		const clock = manualClock();
		const limiter = new SlidingWindowLimiter({ requests: 5, windowMs: 1000 }, clock.now, clock.wait);
		const run = callers(limiter, clock, 15);
		await clock.advance(0);

		// Every timer fires 2.5 s late, together.
		await clock.advance(3500);
		await clock.advance(4500);
		await run.done;

		expect(run.starts.filter((t) => t === 3500)).toHaveLength(5);
		expect(maxPerWindow(run.starts, 1000)).toBe(5);
	});
});

describe('PacedLimiter (a process\'s share of a budget other processes use too)', () => {
	it('starts one request every interval, in the order asked, however many wait', async () => {
		const clock = manualClock();
		const limiter = new PacedLimiter(400, clock.now, clock.wait);
		const run = callers(limiter, clock, 5);

		for (const at of [0, 400, 800, 1200, 1600]) await clock.advance(at);
		await run.done;

		expect(run.starts).toEqual([0, 400, 800, 1200, 1600]);
	});

	it('keeps the spacing from the actual start when the event loop stalls, so a backlog is never released at once', async () => {
		const clock = manualClock();
		const limiter = new PacedLimiter(400, clock.now, clock.wait);
		const run = callers(limiter, clock, 4);
		await clock.advance(0);

		// The timer due at 400 fires at 2000: the next start comes a whole interval after that, not at once.
		await clock.advance(2000);
		expect(run.starts).toEqual([0, 2000]);
		await clock.advance(2400);
		await clock.advance(2800);
		await run.done;

		expect(run.starts).toEqual([0, 2000, 2400, 2800]);
	});

	it('does not carry a few milliseconds of timer lag into the pace', async () => {
		const clock = manualClock();
		const limiter = new PacedLimiter(400, clock.now, clock.wait);
		const run = callers(limiter, clock, 4);
		for (const at of [0, 403, 802, 1204]) await clock.advance(at);
		await run.done;

		// Each start is due 400 ms after the previous one was due (0, 400, 800, 1200), not after it actually began.
		expect(run.starts).toEqual([0, 403, 802, 1204]);
	});

	it('lets a request start at once after an idle interval', async () => {
		const clock = manualClock();
		const limiter = new PacedLimiter(400, clock.now, clock.wait);
		await callers(limiter, clock, 1).done;
		await clock.advance(5000);
		const later = callers(limiter, clock, 1);
		await clock.advance(5000);
		await later.done;

		expect(later.starts).toEqual([5000]);
	});
});
