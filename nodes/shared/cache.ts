/**
 * What one node run has already looked up: each key's work runs once and every caller, for any item, gets the same
 * answer. Lookups in flight are shared; a failure is not kept, so the next item asks again.
 */
export class ExecutionMemo {
	private answers = new Map<string, Promise<unknown>>();

	/** Runs `work` once for `key` in this run and hands every caller the same result. */
	async once<T>(key: string, work: () => Promise<T>): Promise<T> {
		let pending = this.answers.get(key) as Promise<T> | undefined;
		if (!pending) {
			pending = work();
			this.answers.set(key, pending);
			pending.catch(() => {
				if (this.answers.get(key) === pending) this.answers.delete(key);
			});
		}
		return await pending;
	}

	/** Records `value` as the answer for `key`. */
	set<T>(key: string, value: T): void {
		this.answers.set(key, Promise.resolve(value));
	}

	forget(key: string): void {
		this.answers.delete(key);
	}

	clear(): void {
		this.answers.clear();
	}
}

const runs = new WeakMap<object, ExecutionMemo>();

/** The memo of the node run `context` belongs to (n8n hands one context object to a node's whole run). */
export function memoOf(context: object): ExecutionMemo {
	let memo = runs.get(context);
	if (!memo) {
		memo = new ExecutionMemo();
		runs.set(context, memo);
	}
	return memo;
}
