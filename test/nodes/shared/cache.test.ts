import { ExecutionMemo, memoOf } from '../../../nodes/shared/cache';

describe('ExecutionMemo', () => {
	test('runs the work for a key once, and every caller gets the same answer, even while it is in flight', async () => {
		const memo = new ExecutionMemo();
		let runs = 0;
		const work = async () => {
			runs += 1;
			await new Promise((resolve) => setImmediate(resolve));
			return { id: '7' };
		};
		const [a, b] = await Promise.all([memo.once('tag:vip', work), memo.once('tag:vip', work)]);
		const c = await memo.once('tag:vip', work);
		expect(runs).toBe(1);
		expect(a).toBe(b);
		expect(c).toBe(a);
	});

	test('does not keep a failure: the next caller asks again', async () => {
		const memo = new ExecutionMemo();
		let runs = 0;
		const flaky = async () => {
			runs += 1;
			if (runs === 1) throw new Error('timeout');
			return 'ok';
		};
		await expect(memo.once('fields', flaky)).rejects.toThrow('timeout');
		expect(await memo.once('fields', flaky)).toBe('ok');
		expect(runs).toBe(2);
	});

	test('forget and clear make the next caller look again; set records an answer', async () => {
		const memo = new ExecutionMemo();
		let runs = 0;
		const count = async () => ++runs;
		await memo.once('lists', count);
		memo.forget('lists');
		expect(await memo.once('lists', count)).toBe(2);
		memo.clear();
		expect(await memo.once('lists', count)).toBe(3);
		memo.set('lists', 42);
		expect(await memo.once('lists', count)).toBe(42);
	});
});

describe('memoOf', () => {
	test('one memo per node run: the same context gets the same memo, another run its own', () => {
		const run = {};
		expect(memoOf(run)).toBe(memoOf(run));
		expect(memoOf({})).not.toBe(memoOf(run));
	});
});
