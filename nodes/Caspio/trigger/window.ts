import type { IDataObject } from 'n8n-workflow';

/** How many message ids and record keys each trigger remembers to drop repeats; older ones fall out first. */
export const WINDOW_SIZE = 2000;

/**
 * Keys already emitted by this trigger node (webhook message ids, and in hybrid mode record keys), kept in the
 * workflow's global static data: webhook calls and backstop polls both read it fresh from n8n's database, while
 * a poll's own node data may live in n8n's separate cursor store.
 */
export class SeenWindow {
	constructor(
		private readonly store: IDataObject,
		private readonly name: string,
	) {}

	private get keys(): string[] {
		return (this.store[this.name] as string[] | undefined) ?? [];
	}

	has(key: string): boolean {
		return this.keys.includes(key);
	}

	/** Adds the key; false when it was already there. Reassigned, so n8n notices the static data changed. */
	add(key: string): boolean {
		const keys = this.keys;
		if (keys.includes(key)) return false;
		this.store[this.name] = [...keys, key].slice(-WINDOW_SIZE);
		return true;
	}
}

/** This process's live window of each trigger node, by workflow and node. */
const live = new Map<string, IDataObject>();

/**
 * The window of one trigger node. n8n hands each webhook call and each poll its own copy of the static data and
 * saves the whole copy back, so two copies would overwrite each other's keys: the process keeps one live window
 * (seeded from the saved copy after a restart) and every caller writes it back into the copy it was given.
 */
export function triggerStore(global: IDataObject, workflowId: string | undefined, nodeId: string): IDataObject {
	const slot = `caspioTrigger:${nodeId}`;
	const id = `${workflowId ?? ''}/${nodeId}`;
	let store = live.get(id);
	if (!store) {
		store = { ...((global[slot] as IDataObject | undefined) ?? {}) };
		live.set(id, store);
	}
	global[slot] = store;
	return store;
}
