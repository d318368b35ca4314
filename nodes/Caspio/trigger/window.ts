import type { IDataObject } from 'n8n-workflow';

/** How many message ids and record keys each trigger remembers to drop repeats; older ones fall out first. */
export const WINDOW_SIZE = 2000;

/**
 * Keys already emitted by this trigger node (webhook message ids, and in hybrid mode record keys). They live in the
 * process that receives the webhook (hybrid polls hand their records to it, see relay.ts) and are written into the
 * workflow's global static data, which n8n saves when a call starts no execution.
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

/** Keys another process saved that this one has not seen go before its own (newest last). */
function mergeSaved(store: IDataObject, saved: IDataObject): void {
	for (const [name, theirs] of Object.entries(saved)) {
		if (!Array.isArray(theirs)) continue;
		const mine = (store[name] as string[] | undefined) ?? [];
		const known = new Set(mine);
		const added = (theirs as string[]).filter((key) => !known.has(key));
		if (added.length > 0) store[name] = [...added, ...mine].slice(-WINDOW_SIZE);
	}
}

/**
 * The window of one trigger node. n8n hands each webhook call and each poll its own copy of the static data and
 * saves the whole copy back, so two copies would overwrite each other's keys: the process keeps one live window
 * and every caller writes it back into the copy it was given. The saved copy is merged in on every call, so what
 * another process saved (a poll of a workflow activated before relays, another webhook process) is known here too,
 * and a key one process's save overwrote returns with the other's next save.
 */
export function triggerStore(global: IDataObject, workflowId: string | undefined, nodeId: string): IDataObject {
	const slot = `caspioTrigger:${nodeId}`;
	const id = `${workflowId ?? ''}/${nodeId}`;
	const saved = (global[slot] as IDataObject | undefined) ?? {};
	let store = live.get(id);
	if (!store) {
		store = {};
		live.set(id, store);
	}
	if (saved !== store) mergeSaved(store, saved);
	global[slot] = store;
	return store;
}
