import { randomInt, randomUUID } from 'node:crypto';

import { BIT_TEXT, parseSqlDate, type SqlKind } from './where';

/** Caspio's v2/v3 `Type` tokens (reference §3.2); formula fields carry their result type plus `IsFormula`. */
export const FIELD_TYPES = [
	'AUTONUMBER',
	'PREFIXED AUTONUMBER',
	'GUID',
	'RANDOM ID',
	'STRING',
	'TEXT',
	'PASSWORD',
	'NUMBER',
	'INTEGER',
	'CURRENCY',
	'DATE/TIME',
	'YES/NO',
	'FILE',
	'TIMESTAMP',
	'LIST-STRING',
	'LIST-NUMBER',
	'LIST-DATE/TIME',
	'ATTACHMENT',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** A stored value: list fields keep their item ids, dates their `YYYY-MM-DDTHH:mm:ss` text. */
export type Cell = string | number | boolean | null | string[];

export interface FieldDef {
	Name: string;
	Type: FieldType;
	Unique: boolean;
	UniqueAllowNulls: boolean;
	Label: string;
	Description: string;
	DisplayOrder: number;
	Required: boolean;
	IsFormula: boolean;
	OnInsert?: boolean;
	OnUpdate?: boolean;
	TimeZone?: string;
	Format?: string;
	Prefix?: string;
	Length?: number;
	ListField?: Record<string, string | number>;
}

const GENERATED: ReadonlySet<FieldType> = new Set(['AUTONUMBER', 'PREFIXED AUTONUMBER', 'GUID', 'RANDOM ID']);
/** Types a record write may not set (§3.2); attachments change only through their own endpoints. */
const READ_ONLY: ReadonlySet<FieldType> = new Set([...GENERATED, 'TIMESTAMP', 'ATTACHMENT']);
const TEXT_LIMITS: Partial<Record<FieldType, number>> = { STRING: 255, TEXT: 64000, FILE: 255, PASSWORD: 255 };
const NUMERIC = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

export const isReadOnly = (f: FieldDef) => f.IsFormula || READ_ONLY.has(f.Type);
export const isList = (f: FieldDef) => f.Type.startsWith('LIST-');
export const nowText = () => new Date().toISOString().slice(0, 19);

export function sqlKind(type: FieldType): SqlKind {
	if (['NUMBER', 'INTEGER', 'CURRENCY', 'AUTONUMBER'].includes(type)) return 'number';
	if (type === 'DATE/TIME' || type === 'TIMESTAMP') return 'date';
	return type === 'YES/NO' ? 'bit' : 'text';
}

/** Validates a seeded field definition the way Caspio's table designer would (§3.1). */
export function defineField(input: unknown, order: number): FieldDef {
	const raw = (input ?? {}) as Partial<FieldDef> & { ListField?: unknown };
	const name = String(raw.Name ?? '');
	if (!/^[A-Za-z][A-Za-z0-9_]{0,31}$/.test(name)) throw new Error(`Invalid field name '${name}'`);
	if (!FIELD_TYPES.includes(raw.Type as FieldType)) throw new Error(`Field ${name}: unknown Type '${String(raw.Type)}'`);
	const type = raw.Type as FieldType;
	if (GENERATED.has(type) && raw.Unique !== true) throw new Error(`Field ${name}: ${type} fields must be created with Unique:true`);
	const field: FieldDef = {
		Name: name,
		Type: type,
		Unique: raw.Unique === true,
		UniqueAllowNulls: raw.UniqueAllowNulls === true,
		Label: raw.Label ?? name.replace(/_/g, ' '),
		Description: raw.Description ?? '',
		DisplayOrder: order,
		Required: raw.Required === true,
		IsFormula: raw.IsFormula === true,
	};
	if (type === 'TIMESTAMP') {
		Object.assign(field, { OnInsert: raw.OnInsert ?? true, OnUpdate: raw.OnUpdate ?? false, TimeZone: raw.TimeZone ?? 'UTC' });
	}
	if (type === 'PREFIXED AUTONUMBER') Object.assign(field, { Format: raw.Format ?? '1', Prefix: raw.Prefix ?? '' });
	if (type === 'RANDOM ID') Object.assign(field, { Length: raw.Length ?? 8, Prefix: raw.Prefix ?? '' });
	if (type.startsWith('LIST-')) field.ListField = listItems(name, raw.ListField);
	return field;
}

/** A seed may give list items as an array (ids 1..n) or as the documented id → value map. */
function listItems(name: string, input: unknown): Record<string, string | number> {
	if (Array.isArray(input)) return Object.fromEntries(input.map((v: string | number, i) => [String(i + 1), v]));
	if (input && typeof input === 'object') return { ...(input as Record<string, string | number>) };
	throw new Error(`Field ${name}: list fields need ListField items`);
}

/** Field metadata as `GET …/fields` answers it (§3.1). */
export const describeField = (f: FieldDef) => ({ ...f, Editable: !isReadOnly(f) });

/** The value a field gets on insert when the body leaves it out; `counter` is the next autonumber. */
export function initialValue(f: FieldDef, counter: number): Cell {
	switch (f.Type) {
		case 'AUTONUMBER':
			return counter;
		case 'PREFIXED AUTONUMBER':
			return `${f.Prefix ?? ''}${String(counter).padStart((f.Format ?? '1').length, '0')}`;
		case 'GUID':
			return randomUUID();
		case 'RANDOM ID': {
			const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
			const id = Array.from({ length: f.Length ?? 8 }, () => alphabet[randomInt(alphabet.length)]).join('');
			return `${f.Prefix ?? ''}${id}`;
		}
		case 'TIMESTAMP':
			return f.OnInsert ? nowText() : null;
		case 'YES/NO':
			return false;
		default:
			return isList(f) ? [] : null;
	}
}

/**
 * Converts a JSON body value to the stored form (§8); `undefined` means it does not fit the type.
 * `rejectMilliseconds` is the UNCERTAIN §8.1 claim that Caspio refuses fractional seconds.
 */
export function coerce(f: FieldDef, value: unknown, rejectMilliseconds: boolean): Cell | undefined {
	if (f.Type === 'YES/NO') {
		// Caspio Yes/No fields have no empty state: null stores No.
		if (value === null || value === '') return false;
		return typeof value === 'object' ? undefined : BIT_TEXT[String(value).toLowerCase()];
	}
	if (isList(f)) return listIds(f, value);
	if (value === null) return null;
	if (typeof value === 'object') return undefined;
	const kind = sqlKind(f.Type);
	if (kind === 'number') {
		if (value === '') return null;
		const n = typeof value === 'number' ? value : typeof value === 'string' && NUMERIC.test(value.trim()) ? Number(value) : NaN;
		if (!Number.isFinite(n) || (f.Type === 'INTEGER' && !Number.isInteger(n))) return undefined;
		return n;
	}
	if (kind === 'date') {
		if (value === '') return null;
		const date = typeof value === 'string' ? parseSqlDate(value) : undefined;
		return date && !(rejectMilliseconds && date.millis) ? date.iso : undefined;
	}
	const text = String(value);
	return text.length <= (TEXT_LIMITS[f.Type] ?? Infinity) ? text : undefined;
}

/** List writes arrive as `[1,3]`, `"[1], [3]"` (the official node) or a single id (§8.4, format UNCERTAIN). */
function listIds(f: FieldDef, value: unknown): string[] | undefined {
	if (value === null || value === '') return [];
	const items = Array.isArray(value)
		? value.map(String)
		: typeof value === 'string'
			? value.split(',').map((s) => s.trim().replace(/^\[(.*)\]$/, '$1'))
			: typeof value === 'number'
				? [String(value)]
				: undefined;
	const known = Object.keys(f.ListField ?? {});
	if (!items || items.some((id) => !known.includes(id))) return undefined;
	return known.filter((id) => items.includes(id));
}

/** The value as records are read back: list ids become the documented `{id: value}` object. */
export function publicValue(f: FieldDef, cell: Cell): unknown {
	if (!Array.isArray(cell)) return cell;
	if (cell.length === 0) return null;
	return Object.fromEntries(cell.map((id) => [id, f.ListField?.[id] ?? null]));
}

/** Where clauses see a list as its values joined, which is about as useful as Caspio says it is (§6). */
export function whereValue(f: FieldDef, cell: Cell): string | number | boolean | null {
	if (!Array.isArray(cell)) return cell;
	return cell.length === 0 ? null : cell.map((id) => String(f.ListField?.[id] ?? '')).join(', ');
}
