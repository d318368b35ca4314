import { createHash } from 'crypto';

import type { IDataObject } from 'n8n-workflow';

/** What the trigger does with a delivery besides checking its secret: rebuild nested data, drop repeats. Pure, tested alone. */

/** `contact[fields][39]` → ['contact', 'fields', '39']; `list[][id]` → ['list', '', 'id']. */
function pathOf(key: string): string[] {
	const match = /^([^[\]]+)((?:\[[^[\]]*\])*)$/.exec(key);
	if (!match) return [key];
	return [match[1], ...[...match[2].matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1])];
}

const isObject = (value: unknown): value is IDataObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Turns the flat bracket keys n8n's form parser produces (`contact[email]`) into nested JSON
 * (`contact.email`, `contact.fields`). Like PHP's `$_POST`, which ActiveCampaign designs for: a later key
 * wins over an earlier one it conflicts with, `[]` appends, and numeric keys stay object keys (field ids).
 */
export function unflatten(body: IDataObject): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		const path = pathOf(key);
		let node: IDataObject = out;
		for (let i = 0; i < path.length - 1; i++) {
			const segment = path[i] === '' ? String(Object.keys(node).length) : path[i];
			if (!isObject(node[segment])) node[segment] = {};
			node = node[segment] as IDataObject;
		}
		const last = path[path.length - 1] === '' ? String(Object.keys(node).length) : path[path.length - 1];
		node[last] = isObject(value) && isObject(node[last]) ? { ...(node[last] as IDataObject), ...value } : value;
	}
	return out;
}

/** Remembers deliveries for a window per workflow node, so ActiveCampaign's at-least-once repeats are dropped. */
export class RecentDeliveries {
	private seen = new Map<string, number>();

	constructor(private readonly now: () => number = Date.now) {}

	/** True the first time `body` is seen within `windowMs` under `scope`; false for a repeat. */
	isFirst(scope: string, body: IDataObject, windowMs: number): boolean {
		if (windowMs <= 0) return true;
		const now = this.now();
		// Entries are kept in arrival order, so expiry stops at the first one still inside the window.
		for (const [key, at] of this.seen) {
			if (at > now - windowMs) break;
			this.seen.delete(key);
		}
		const key = `${scope}\n${createHash('sha256').update(stableJson(body)).digest('hex')}`;
		if (this.seen.has(key)) return false;
		this.seen.set(key, now);
		return true;
	}
}

function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (isObject(value)) {
		return `{${Object.keys(value)
			.sort()
			.map((k) => `${JSON.stringify(k)}:${stableJson(value[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}
