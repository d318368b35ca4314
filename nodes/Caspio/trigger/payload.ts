import type { IDataObject } from 'n8n-workflow';

import { isAttachmentField, isNumberValuedField, isPasswordField, isYesNoField, type CaspioField } from '../helpers/fieldTypes';
import { isPlainFieldName } from '../helpers/names';

/** What the trigger's options ask of a delivery's records. */
export interface PayloadOptions {
	/** The fields each record carries; every field but passwords when empty. */
	payloadFields?: string[];
	/** A temporary download URL beside each attachment field, as `_<Field>`. */
	returnAttachmentUrls?: boolean;
}

/** How a value of a custom payload arrives (as text) and what it was: numbers and Yes/No are given back their type. */
export type FieldKind = 'number' | 'boolean';

/** A custom payload for the webhook's event, or the reason the options cannot make one. */
export type PayloadPlan = { template?: undefined } | { template: string; kinds: Record<string, FieldKind> } | { problem: string };

/**
 * The message metadata a custom payload must carry: the secret and webhook id that authenticate a delivery, the
 * message id that dedupes it, and the event's type and table. https://howto.caspio.com/integrate-your-apps/webhooks/
 */
const META = ['secret', 'webhookId', 'messageId', 'eventId', 'callId', 'accountId', 'eventDate', 'eventType', 'objectName'];

/**
 * Caspio's default payload sends every field but passwords; chosen fields or attachment URLs need a custom payload
 * template (single-quoted JSON with `[@out-hook:…]` and `[@field:…]` tokens; `[@field:X/]` is the attachment's
 * temporary URL, valid 300 s). PK_ID always comes first: the trigger dedupes on it.
 */
export function payloadPlan(fields: CaspioField[], options: PayloadOptions): PayloadPlan {
	const chosen = options.payloadFields ?? [];
	if (chosen.length === 0 && !options.returnAttachmentUrls) return {};
	const byName = new Map(fields.map((f) => [f.Name.toLowerCase(), f]));
	const picked: CaspioField[] = [];
	for (const name of chosen) {
		if (name.toLowerCase() === 'pk_id') continue;
		const field = byName.get(name.toLowerCase());
		if (!field) return { problem: `Field "${name}" is not a field of this table` };
		if (isPasswordField(field)) return { problem: `Field "${field.Name}" is a password field, which Caspio never sends` };
		if (!picked.includes(field)) picked.push(field);
	}
	const sent = chosen.length > 0 ? picked : fields.filter((f) => !isPasswordField(f));
	const unsafe = sent.find((f) => !isPlainFieldName(f.Name));
	if (unsafe) return { problem: `Field "${unsafe.Name}" has a name a payload template cannot carry` };
	const entries = [`'PK_ID': '[@field:PK_ID]'`];
	const kinds: Record<string, FieldKind> = { PK_ID: 'number' };
	for (const field of sent) {
		entries.push(`'${field.Name}': '[@field:${field.Name}]'`);
		if (options.returnAttachmentUrls && isAttachmentField(field)) entries.push(`'_${field.Name}': '[@field:${field.Name}/]'`);
		if (isNumberValuedField(field)) kinds[field.Name] = 'number';
		else if (isYesNoField(field)) kinds[field.Name] = 'boolean';
	}
	const meta = META.map((key) => `'${key}': '[@out-hook:${key}]'`);
	return { template: `{${meta.join(', ')}, 'data': [{${entries.join(', ')}}]}`, kinds };
}

/** A custom payload's text values given back their types: numbers, and Yes/No as booleans; empty text is null. */
export function typedRecord(record: IDataObject, kinds: Record<string, FieldKind>): IDataObject {
	const out: IDataObject = { ...record };
	for (const [name, kind] of Object.entries(kinds)) {
		const value = out[name];
		if (typeof value !== 'string') continue;
		if (value.trim() === '') out[name] = null;
		else if (kind === 'number' && Number.isFinite(Number(value))) out[name] = Number(value);
		else if (kind === 'boolean' && /^(true|yes|1)$/i.test(value)) out[name] = true;
		else if (kind === 'boolean' && /^(false|no|0)$/i.test(value)) out[name] = false;
	}
	return out;
}

/** Only PK_ID and the chosen fields (with their `_<Field>` URLs): what a poll found is trimmed like a delivery. */
export function pickFields(record: IDataObject, chosen: string[] | undefined): IDataObject {
	if (!chosen?.length) return record;
	const keep = new Set(['pk_id', ...chosen.map((n) => n.toLowerCase())]);
	return Object.fromEntries(Object.entries(record).filter(([key]) => keep.has(key.toLowerCase().replace(/^_/, ''))));
}

/**
 * A delivery body that reached the node as text: JSON, or a template's single-quoted JSON-like text sent as written
 * (whether Caspio turns a template into strict JSON is not documented). A single-quoted string ends at a quote
 * followed by `,` `:` `}` or `]`, so a value like O'Brien survives.
 */
export function parseDeliveryText(text: string): IDataObject | undefined {
	const attempt = (candidate: string) => {
		try {
			const parsed: unknown = JSON.parse(candidate);
			return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as IDataObject) : undefined;
		} catch {
			return undefined;
		}
	};
	const strict = attempt(text);
	if (strict) return strict;
	let out = '';
	for (let i = 0; i < text.length; i++) {
		if (text[i] !== "'") {
			out += text[i];
			continue;
		}
		let end = i + 1;
		while (end < text.length && !(text[end] === "'" && /^\s*([,:}\]]|$)/.test(text.slice(end + 1, end + 3)))) end++;
		out += JSON.stringify(text.slice(i + 1, end));
		i = end;
	}
	return attempt(out);
}
