import type { INode } from 'n8n-workflow';

import { inputError } from '../../shared/errors';
import type { FieldInfo } from './catalog';

/** Turns what a user typed for a custom field into the text ActiveCampaign stores for that field's type. */

// Contact fields say listbox, account fields multiselect (§9.2).
const MULTI = new Set(['listbox', 'checkbox', 'multiselect']);
const SINGLE_CHOICE = new Set(['dropdown', 'radio']);

function choices(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	const text = String(value ?? '').trim();
	if (text.startsWith('||')) return text.split('||').map((v) => v.trim()).filter(Boolean);
	return text.split(',').map((v) => v.trim()).filter(Boolean);
}

function pad(n: number): string {
	return String(n).padStart(2, '0');
}

/** The option as the field spells it (case-insensitive match), or undefined when the field has no such option. */
function matchOption(field: FieldInfo, value: string): string | undefined {
	if (field.options.length === 0) return value;
	return field.options.find((o) => o.toLowerCase() === value.toLowerCase());
}

export function formatFieldValue(node: INode, itemIndex: number, field: FieldInfo, value: unknown): string {
	const fail = (what: string, fix: string) => inputError(node, itemIndex, `Custom field "${field.title}" (${field.type}): ${what}`, fix);
	if (value === null || value === undefined || value === '') return '';
	if (MULTI.has(field.type) || SINGLE_CHOICE.has(field.type)) {
		const picked = choices(value);
		if (SINGLE_CHOICE.has(field.type) && picked.length > 1) {
			throw fail(`only one option can be chosen, got ${picked.length}`, 'Give a single option.');
		}
		const matched = picked.map((p) => {
			const option = matchOption(field, p);
			if (option === undefined) {
				throw fail(`"${p}" is not one of its options`, `Use one of: ${field.options.join(', ')}.`);
			}
			return option;
		});
		if (SINGLE_CHOICE.has(field.type)) return matched[0] ?? '';
		return matched.length ? `||${matched.join('||')}||` : '';
	}
	if (field.type === 'date' || field.type === 'datetime') {
		const text = value instanceof Date ? value.toISOString() : String(value).trim();
		const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
		const parsed = dateOnly ? new Date(`${text}T00:00:00Z`) : new Date(text);
		if (Number.isNaN(parsed.getTime()) || !isCalendarDay(text)) {
			throw fail(`"${text}" is not a date`, 'Use a date like 2026-03-31 (or 2026-03-31T14:00:00+02:00 for a date and time).');
		}
		if (field.type === 'date') {
			if (dateOnly) return text;
			// A timestamp with an offset names a calendar day in that offset; keep the day the user wrote.
			const day = /^(\d{4}-\d{2}-\d{2})T/.exec(text)?.[1];
			return day ?? `${parsed.getUTCFullYear()}-${pad(parsed.getUTCMonth() + 1)}-${pad(parsed.getUTCDate())}`;
		}
		if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)$/.test(text)) return text;
		return parsed.toISOString();
	}
	if (field.type === 'number') {
		const text = String(value).trim();
		if (!/^-?\d+(\.\d+)?$/.test(text)) throw fail(`"${text}" is not a number`, 'Give digits only, e.g. 42 or 3.5.');
		return text;
	}
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/**
 * ActiveCampaign skips an unknown field id in inline `fieldValues` without a word. When the field ids came from names
 * kept by an earlier execution, a field missing from the answer may have been deleted and made again since: that is
 * an error, and the item runs again with fresh names (`ExecutionCache.runItem`). Empty values, which clear a field,
 * may be left out of the answer and are not checked. `keptFieldIds` says whether the ids came from kept names.
 */
export function checkFieldsStored(
	node: INode,
	itemIndex: number,
	keptFieldIds: boolean,
	sent: Array<{ field: string; value: string }>,
	answered: unknown,
): void {
	if (!keptFieldIds || !Array.isArray(answered)) return;
	const stored = new Set(answered.map((v) => String((v as { field?: unknown }).field)));
	const missing = sent.filter((v) => v.value !== '' && !stored.has(v.field));
	if (missing.length > 0) {
		throw inputError(
			node,
			itemIndex,
			`ActiveCampaign did not store custom field id ${missing.map((v) => v.field).join(', ')}`,
			'The field may have been deleted; check the field names under Custom Fields.',
		);
	}
}

/** False for a leading YYYY-MM-DD that names no real day (2026-02-30), which Date would roll over. */
function isCalendarDay(text: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(text);
	if (!m) return true;
	const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return day.getUTCFullYear() === Number(m[1]) && day.getUTCMonth() === Number(m[2]) - 1 && day.getUTCDate() === Number(m[3]);
}
