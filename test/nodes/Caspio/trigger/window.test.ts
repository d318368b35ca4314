import type { IDataObject } from 'n8n-workflow';

import type * as Window from '../../../../nodes/Caspio/trigger/window';

/** A separate copy of the module, as n8n's webhook process and main process each have in queue mode. */
function processCopy(): typeof Window {
	let loaded: typeof Window | undefined;
	jest.isolateModules(() => {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		loaded = require('../../../../nodes/Caspio/trigger/window');
	});
	return loaded!;
}

/** The workflow's static data in n8n's database: every call reads its own copy and saves the whole copy back. */
function database() {
	let saved: IDataObject = {};
	return {
		read: (): IDataObject => structuredClone(saved),
		save: (copy: IDataObject) => {
			saved = structuredClone(copy);
		},
	};
}

/** One webhook call or poll in `process`: remembers `key` in the hybrid record window; false when already seen. */
function seeOnce(process: typeof Window, copy: IDataObject, key: string): boolean {
	return new process.SeenWindow(process.triggerStore(copy, 'wf', 'trigger'), 'records').add(key);
}

describe('hybrid Caspio Trigger window across the webhook process and the main process (queue mode)', () => {
	it('a record the webhook process emitted is dropped by the next poll on main, even after main polled before', () => {
		const db = database();
		const webhookProcess = processCopy();
		const main = processCopy();
		let copy = db.read();
		expect(seeOnce(main, copy, 'created:1')).toBe(true);
		db.save(copy);

		copy = db.read();
		expect(seeOnce(webhookProcess, copy, 'created:2')).toBe(true);
		db.save(copy);

		copy = db.read();
		expect(seeOnce(main, copy, 'created:2')).toBe(false);
		db.save(copy);
		// …and the other way round: a late webhook delivery of what the poll emitted is dropped.
		copy = db.read();
		expect(seeOnce(webhookProcess, copy, 'created:1')).toBe(false);
	});

	it('a key lost when one process saved over the other comes back with the other process\'s next save', () => {
		const db = database();
		const webhookProcess = processCopy();
		const main = processCopy();
		const pollCopy = db.read();
		const hookCopy = db.read();
		seeOnce(webhookProcess, hookCopy, 'created:7');
		db.save(hookCopy);
		// The poll read its copy before the delivery was saved, and saves last: created:7 is gone from the database.
		seeOnce(main, pollCopy, 'created:8');
		db.save(pollCopy);

		const next = db.read();
		seeOnce(webhookProcess, next, 'created:9');
		db.save(next);

		const later = db.read();
		expect(seeOnce(main, later, 'created:7')).toBe(false);
		expect(seeOnce(main, later, 'created:8')).toBe(false);
		expect(seeOnce(main, later, 'created:9')).toBe(false);
	});

	it('in one process, two overlapping calls keep both keys (the window lives in the process)', () => {
		const db = database();
		const only = processCopy();
		const first = db.read();
		const second = db.read();
		seeOnce(only, first, 'messages:a');
		seeOnce(only, second, 'messages:b');
		db.save(second);
		db.save(first);

		const after = db.read();
		expect(seeOnce(only, after, 'messages:a')).toBe(false);
		expect(seeOnce(only, after, 'messages:b')).toBe(false);
	});
});
