import type { IDataObject } from 'n8n-workflow';

import { pickFields, SIMPLIFIED_FIELD_LIMIT } from '../../shared/simplify';

const DATE_WORDS = new Set(['created', 'updated', 'modified', 'date', 'time', 'timestamp', 'datetime']);

/** The words of a field name: `First_Name`, `firstName` and `first-name` all give `first`, `name`. */
const words = (name: string): string[] =>
	name
		.replace(/([a-z0-9])([A-Z])/g, '$1 $2')
		.toLowerCase()
		.split(/[^a-z0-9]+/)
		.filter(Boolean);

/** The kinds of field a person reads first, most used first; a field belongs to the first kind that matches it. */
const KINDS: Array<(name: string, nameWords: string[]) => boolean> = [
	(name) => name.toUpperCase() === 'PK_ID',
	(_name, w) => w.includes('name') || w.includes('title'),
	(_name, w) => w.includes('email') || w.join(' ').includes('e mail'),
	(_name, w) => w.includes('phone') || w.includes('mobile'),
	(_name, w) => w.includes('status'),
	(_name, w) => w.some((word) => DATE_WORDS.has(word)) || ['at', 'on'].includes(w[w.length - 1] ?? ''),
];

/** The rule, in the words the Simplify option shows. */
export const SIMPLIFY_RULE =
	`A record with more than ${SIMPLIFIED_FIELD_LIMIT} fields keeps ${SIMPLIFIED_FIELD_LIMIT}: PK_ID, then names and titles, emails, ` +
	'phones, statuses, dates and times (Created, Synced_At…), then the others in table order. Off when Options → Fields to Return is set.';

/** The fields Simplify keeps, in table order: all of them up to the limit, else the most used kinds first. */
export function simplifiedFieldNames(names: readonly string[]): string[] {
	if (names.length <= SIMPLIFIED_FIELD_LIMIT) return [...names];
	const kind = (name: string) => {
		const found = KINDS.findIndex((matches) => matches(name, words(name)));
		return found === -1 ? KINDS.length : found;
	};
	const ranked = names.map((name, position) => ({ name, position, kind: kind(name) }));
	ranked.sort((a, b) => a.kind - b.kind || a.position - b.position);
	const kept = new Set(ranked.slice(0, SIMPLIFIED_FIELD_LIMIT).map((field) => field.name));
	return names.filter((name) => kept.has(name));
}

/** A record as Simplify returns it; Caspio sends every field of the table, in table order. */
export const simplifyRecord = (record: IDataObject): IDataObject => pickFields(record, simplifiedFieldNames(Object.keys(record)));
