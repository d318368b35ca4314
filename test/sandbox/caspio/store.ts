import { CaspioError } from './errors';
import { coerce, defineField, initialValue, isReadOnly, nowText, sqlKind, type Cell, type FieldDef } from './fields';
import { filterRows, tableSource } from './query';

export interface StoredRow {
	PK_ID: number;
	[field: string]: Cell;
}

export interface Table {
	name: string;
	note: string;
	fields: FieldDef[];
	rows: StoredRow[];
	nextPk: number;
	/** Last number issued per AUTONUMBER / PREFIXED AUTONUMBER field. */
	counters: Record<string, number>;
}

/** A view kept simple: a named filter over one table, optionally showing only some fields (§4.5). */
export interface View {
	name: string;
	table: string;
	where?: string;
	fields?: string[];
}

export type ChangeKind = 'insert' | 'update' | 'delete';

/** What a write did, for outgoing webhooks: the record as read back, and which fields' values really changed. */
export interface Change {
	table: Table;
	kind: ChangeKind;
	rows: { record: Record<string, unknown>; changed: string[] }[];
}

export interface WriteRules {
	/** UNCERTAIN §4.2: a value that does not fit its type got 400 in v2 and 500 `InvalidInputValue` in a v3 report. */
	typeMismatchStatus: 400 | 500;
	/** UNCERTAIN §4.2: no source shows a unique violation; v2 most likely answers 400 `SqlServerError`. */
	uniqueViolationStatus: 400 | 500;
	/** UNCERTAIN §8.1: a field source claims Caspio refuses dates with milliseconds. */
	rejectMilliseconds: boolean;
	/** UNCERTAIN §4.3: PUT/DELETE without a where is most likely refused with 400 `IncorrectQueryParameter`. */
	missingWhere: 'reject' | 'all';
}

type WriteMode = 'insert' | 'update' | 'seed';
const NAME = /^[A-Za-z][A-Za-z0-9_]{0,31}$/;

/** A record as GET returns it: PK_ID first, password fields never (§4.1, §8.6). */
export function publicRow(table: Table, row: StoredRow): Record<string, unknown> {
	return Object.fromEntries(tableSource(table).columns.map((c) => [c.name, c.out(row)]));
}

const sameCell = (a: Cell, b: Cell) => (Array.isArray(a) && Array.isArray(b) ? a.join() === b.join() : a === b);

export class Store {
	private tables = new Map<string, Table>();
	private views = new Map<string, View>();

	clear(): void {
		this.tables.clear();
		this.views.clear();
	}

	tableNames(): string[] {
		return [...this.tables.values()].map((t) => t.name);
	}

	viewNames(): string[] {
		return [...this.views.values()].map((v) => v.name);
	}

	/** Object names are case-insensitive, as in SQL Server. */
	table(name: string): Table {
		const table = this.tables.get(name.toLowerCase());
		if (!table) throw new CaspioError(404, 'ObjectNotFound', `Table '${name}' does not exist.`);
		return table;
	}

	view(name: string): View {
		const view = this.views.get(name.toLowerCase());
		if (!view) throw new CaspioError(404, 'ObjectNotFound', `View '${name}' does not exist.`);
		return view;
	}

	field(table: Table, name: string): FieldDef | undefined {
		return table.fields.find((f) => f.Name.toLowerCase() === name.toLowerCase());
	}

	/** Seeds a table (replacing one of the same name); its records may set read-only fields and PK_ID. */
	addTable(input: unknown, rules: WriteRules): Table {
		const raw = (input ?? {}) as { name?: unknown; note?: unknown; fields?: unknown; records?: unknown };
		const name = String(raw.name ?? '');
		if (!NAME.test(name)) throw new Error(`Invalid table name '${name}'`);
		if (!Array.isArray(raw.fields) || raw.fields.length === 0) throw new Error(`Table ${name}: fields must be a non-empty array`);
		const fields = raw.fields.map((f, i) => defineField(f, i + 1));
		const names = fields.map((f) => f.Name.toLowerCase());
		if (names.includes('pk_id')) throw new Error(`Table ${name}: PK_ID is added by Caspio, do not declare it`);
		if (new Set(names).size !== names.length) throw new Error(`Table ${name}: duplicate field names`);
		const table: Table = { name, note: String(raw.note ?? ''), fields, rows: [], nextPk: 1, counters: {} };
		for (const record of Array.isArray(raw.records) ? raw.records : []) this.insert(table, record, rules, 'seed');
		this.tables.set(name.toLowerCase(), table);
		return table;
	}

	addView(input: unknown): View {
		const raw = (input ?? {}) as Partial<View>;
		const name = String(raw.name ?? '');
		if (!NAME.test(name)) throw new Error(`Invalid view name '${name}'`);
		const table = this.table(String(raw.table ?? ''));
		const view: View = { name, table: table.name, where: raw.where, fields: raw.fields };
		for (const field of view.fields ?? []) {
			const f = this.field(table, field);
			if (!f || f.Type === 'PASSWORD') throw new Error(`View ${name}: unknown field '${field}'`);
		}
		filterRows(tableSource(table), view.where);
		this.views.set(name.toLowerCase(), view);
		return view;
	}

	/** POST …/records (§4.2); seeding uses the same path with read-only fields allowed. */
	insert(table: Table, body: unknown, rules: WriteRules, mode: 'insert' | 'seed' = 'insert'): Change {
		const { pk, values } = this.prepare(table, body, mode, rules);
		const row: StoredRow = { PK_ID: pk ?? table.nextPk };
		// Every stored PK_ID is below nextPk, so only a lower one needs the (linear) duplicate check.
		if (row.PK_ID < table.nextPk && table.rows.some((r) => r.PK_ID === row.PK_ID)) throw new Error(`Table ${table.name}: duplicate PK_ID ${row.PK_ID}`);
		for (const f of table.fields) {
			row[f.Name] = values.has(f) ? (values.get(f) as Cell) : initialValue(f, (table.counters[f.Name] ?? 0) + 1);
			if (f.Type === 'AUTONUMBER' || f.Type === 'PREFIXED AUTONUMBER') {
				const issued = Number(String(row[f.Name]).replace(/^\D*/, '')) || 0;
				table.counters[f.Name] = Math.max(table.counters[f.Name] ?? 0, issued);
			}
		}
		this.checkUnique(table, [row], table.rows, rules);
		const last = table.rows[table.rows.length - 1];
		table.rows.push(row);
		if (last && last.PK_ID > row.PK_ID) table.rows.sort((a, b) => a.PK_ID - b.PK_ID);
		table.nextPk = Math.max(table.nextPk, row.PK_ID + 1);
		return { table, kind: 'insert', rows: [{ record: publicRow(table, row), changed: table.fields.map((f) => f.Name) }] };
	}

	/** PUT …/records?q.where= (§4.3): every matched row counts as affected, changed or not. */
	update(table: Table, where: string | undefined, body: unknown, rules: WriteRules): { affected: StoredRow[]; change: Change } {
		const { values } = this.prepare(table, body, 'update', rules);
		if (values.size === 0) throw new CaspioError(400, 'IncorrectBodyParameter', 'The request body names no field to update.');
		const matched = this.matching(table, where, rules);
		const now = nowText();
		const updated = matched.map((row) => {
			const copy: StoredRow = { ...row };
			for (const [f, value] of values) copy[f.Name] = value;
			for (const f of table.fields) if (f.Type === 'TIMESTAMP' && f.OnUpdate) copy[f.Name] = now;
			return copy;
		});
		this.checkUnique(table, updated, table.rows.filter((r) => !matched.includes(r)), rules);
		const rows = matched.map((row, i) => ({
			record: publicRow(table, updated[i]),
			changed: [...values.keys()].filter((f) => !sameCell(row[f.Name], updated[i][f.Name])).map((f) => f.Name),
		}));
		matched.forEach((row, i) => Object.assign(row, updated[i]));
		return { affected: matched, change: { table, kind: 'update', rows } };
	}

	/** DELETE …/records?q.where= (§4.4). */
	remove(table: Table, where: string | undefined, rules: WriteRules): { affected: number; change: Change } {
		const matched = this.matching(table, where, rules);
		const rows = matched.map((row) => ({ record: publicRow(table, row), changed: [] }));
		table.rows = table.rows.filter((r) => !matched.includes(r));
		return { affected: matched.length, change: { table, kind: 'delete', rows } };
	}

	dump() {
		return {
			tables: [...this.tables.values()].map((t) => ({ name: t.name, note: t.note, fields: t.fields, records: t.rows })),
			views: [...this.views.values()],
		};
	}

	private matching(table: Table, where: string | undefined, rules: WriteRules): StoredRow[] {
		if (where === undefined || where.trim() === '') {
			if (rules.missingWhere === 'reject') throw new CaspioError(400, 'IncorrectQueryParameter', 'q.where is required for this operation.');
			return [...table.rows];
		}
		return filterRows(tableSource(table), where);
	}

	/** Checks a write body in Caspio's order: unknown fields (404), read-only fields (500), then types (§4.2). */
	private prepare(table: Table, body: unknown, mode: WriteMode, rules: WriteRules): { pk?: number; values: Map<FieldDef, Cell> } {
		if (body === null || typeof body !== 'object' || Array.isArray(body)) {
			throw new CaspioError(400, 'IncorrectBodyParameter', 'The request body must be one JSON object.');
		}
		const unknown: string[] = [];
		const readOnly: string[] = [];
		const mismatched: string[] = [];
		const values = new Map<FieldDef, Cell>();
		let pk: number | undefined;
		for (const [key, value] of Object.entries(body)) {
			const f = this.field(table, key);
			if (key.toLowerCase() === 'pk_id') {
				if (mode === 'seed' && Number.isInteger(value) && (value as number) > 0) pk = value as number;
				else readOnly.push('PK_ID');
			} else if (!f) unknown.push(key);
			else if (mode !== 'seed' && (isReadOnly(f) || (mode === 'update' && f.Type === 'PASSWORD'))) readOnly.push(f.Name);
			else {
				const cell = coerce(f, value, rules.rejectMilliseconds);
				if (cell === undefined) mismatched.push(f.Name);
				else values.set(f, cell);
			}
		}
		if (mode === 'seed' && unknown.length + readOnly.length + mismatched.length > 0) {
			throw new Error(`Table ${table.name}: bad seed record ${JSON.stringify(body)}`);
		}
		if (unknown.length) throw new CaspioError(404, 'FieldNotFound', `The following field(s) do not exist: ${unknown.join(', ')}`);
		if (readOnly.length) {
			const message = `Cannot perform operation because the following field(s) are read-only: ${readOnly.join(', ')}`;
			throw new CaspioError(500, 'AlterReadOnlyData', message);
		}
		if (mismatched.length) {
			const message = `Cannot perform operation because the value doesn't match the data type of the following field(s): ${mismatched.join(', ')}`;
			const code = rules.typeMismatchStatus === 500 ? 'InvalidInputValue' : 'IncorrectBodyParameter';
			throw new CaspioError(rules.typeMismatchStatus, code, message);
		}
		return { pk, values };
	}

	/** Unique fields compare under the case-insensitive collation; UniqueAllowNulls lets several rows be empty. */
	private checkUnique(table: Table, candidates: StoredRow[], others: StoredRow[], rules: WriteRules): void {
		for (const f of table.fields.filter((field) => field.Unique)) {
			const key = (v: Cell) => (sqlKind(f.Type) === 'text' && typeof v === 'string' ? v.trimEnd().toLowerCase() : JSON.stringify(v));
			const seen = new Set(others.filter((r) => !(r[f.Name] === null && f.UniqueAllowNulls)).map((r) => key(r[f.Name])));
			for (const row of candidates) {
				const value = row[f.Name];
				if (value === null && f.UniqueAllowNulls) continue;
				if (seen.has(key(value))) {
					throw new CaspioError(
						rules.uniqueViolationStatus,
						'SqlServerError',
						`Violation of UNIQUE KEY constraint 'UQ_${table.name}_${f.Name}'. Cannot insert duplicate key in object 'dbo.${table.name}'. The duplicate key value is (${String(value)}).`,
					);
				}
				seen.add(key(value));
			}
		}
	}
}
