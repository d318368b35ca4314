import type { IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../shared/errors';

/** Checks on user input, each failing with an error that names the item, the field and the fix. */

// An apostrophe is valid in the local part (o'brien@example.com), not in the domain.
const EMAIL = /^[^\s@"<>,;]+@[^\s@"'<>,;.]+(\.[^\s@"'<>,;.]+)+$/;

export function isEmail(value: string): boolean {
	return EMAIL.test(value);
}

/** The trimmed email of `field`, or an error before anything is sent. */
export function requireEmail(context: IExecuteFunctions, itemIndex: number, value: unknown, field: string): string {
	const email = typeof value === 'string' ? value.trim() : '';
	if (!isEmail(email)) {
		throw inputError(
			context.getNode(),
			itemIndex,
			email === '' ? `${field} is empty` : `${field} "${email}" is not a valid email address`,
			`Enter a full address such as jane@example.com in "${field}"; nothing was sent to ActiveCampaign for this item.`,
		);
	}
	return email;
}

/** A non-empty text parameter, or an error naming it. */
export function requireText(context: IExecuteFunctions, itemIndex: number, value: unknown, field: string): string {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (text === '') throw inputError(context.getNode(), itemIndex, `${field} is empty`, `Fill in "${field}".`);
	return text;
}

/** Names from a comma-separated text or an array (from an expression); blanks dropped, duplicates removed. */
export function splitNames(value: unknown): string[] {
	const parts = Array.isArray(value) ? value.map((v) => String(v)) : typeof value === 'string' ? value.split(',') : [];
	const seen = new Set<string>();
	const names: string[] = [];
	for (const part of parts.map((p) => p.trim()).filter(Boolean)) {
		if (seen.has(part.toLowerCase())) continue;
		seen.add(part.toLowerCase());
		names.push(part);
	}
	return names;
}

/** How a contact was identified: an email (looked up) or a numeric id (used as is). */
export type ContactRef = { email: string } | { id: string };

/** "jane@example.com" or "123"; anything else is an error naming the item. */
export function parseContactRef(context: IExecuteFunctions, itemIndex: number, value: unknown, field = 'Contact'): ContactRef {
	const text = typeof value === 'string' || typeof value === 'number' ? String(value).trim() : '';
	if (/^\d+$/.test(text)) return { id: text };
	if (text.includes('@')) return { email: requireEmail(context, itemIndex, text, field) };
	throw inputError(
		context.getNode(),
		itemIndex,
		text === '' ? `${field} is empty` : `${field} "${text}" is neither an email address nor a contact ID`,
		`Enter the contact's email (jane@example.com) or its numeric ActiveCampaign ID in "${field}".`,
	);
}
