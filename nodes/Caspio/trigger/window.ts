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

/** The global static-data slot of one trigger node. */
export function triggerStore(global: IDataObject, nodeId: string): IDataObject {
	const key = `caspioTrigger:${nodeId}`;
	global[key] ??= {};
	return global[key] as IDataObject;
}
