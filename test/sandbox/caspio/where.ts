/**
 * The T-SQL WHERE subset Caspio pastes `q.where` into (reference §6): parsed into a predicate, never evaluated as text,
 * so a quoted value can only ever be a literal. Errors carry SQL Server's wording, as Caspio's `SqlServerError` does.
 */

/** SQL Server's type families, in rising data-type precedence (a comparison converts the lower side to the higher). */
export type SqlKind = 'text' | 'bit' | 'number' | 'date';
export type WhereValue = string | number | boolean | null;

/** A column the clause may name; `read` gives its value (dates as `YYYY-MM-DDTHH:mm:ss`, Yes/No as boolean). */
export interface WhereColumn<R> {
	kind: SqlKind;
	read(row: R): WhereValue;
}

export class WhereError extends Error {}

/** The strings SQL Server converts to a bit; Caspio's Yes/No writes accept the same set (§8.2). */
export const BIT_TEXT: Readonly<Record<string, boolean>> = { true: true, '1': true, false: false, '0': false };

/** Compiles `text`; `resolve` maps a field name (any case, brackets removed) to a column or undefined when unknown. */
export function compileWhere<R>(text: string, resolve: (name: string) => WhereColumn<R> | undefined): (row: R) => boolean {
	const condition = new Parser(tokenize(text), resolve).parseAll();
	return (row) => evaluate(condition, row) === true;
}

/** Parses and date-normalises a T-SQL date literal; also used for record values (§8.1). */
export function parseSqlDate(text: string): { iso: string; millis: boolean } | undefined {
	const s = text.trim();
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,7})?)?Z?)?$/.exec(s);
	const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
	const us = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(s);
	const parts = iso ? iso.slice(1) : compact ? compact.slice(1) : us ? [us[3], us[1], us[2]] : undefined;
	if (!parts) return undefined;
	const [y, mo, d, h, mi, sec] = [0, 1, 2, 3, 4, 5].map((i) => Number(parts[i] ?? 0));
	const date = new Date(Date.UTC(y, mo - 1, d, h, mi, sec));
	if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || sec > 59) return undefined;
	return { iso: date.toISOString().slice(0, 19), millis: iso?.[7] !== undefined };
}

// ---- tokens ----

/** `value` is the unquoted string, the bare identifier, the upper-case keyword, or the number's text. */
interface Token {
	type: 'str' | 'num' | 'ident' | 'kw' | 'op' | 'punct';
	text: string;
	value: string;
}

const KEYWORDS = new Set(['AND', 'OR', 'NOT', 'LIKE', 'IN', 'IS', 'NULL', 'BETWEEN', 'ESCAPE']);
/** Words that end the WHERE clause or start another statement; SQL Server refuses them as column names. */
const RESERVED = new Set([
	'SELECT', 'FROM', 'WHERE', 'ORDER', 'GROUP', 'HAVING', 'UNION', 'EXISTS', 'DROP', 'DELETE', 'INSERT', 'UPDATE',
	'EXEC', 'EXECUTE', 'TRUNCATE', 'ALTER', 'CREATE', 'TABLE', 'INTO', 'SET', 'DECLARE', 'CASE', 'WHEN', 'THEN', 'END',
]);

function tokenize(text: string): Token[] {
	const tokens: Token[] = [];
	let i = 0;
	const push = (type: Token['type'], length: number, value: string) => {
		tokens.push({ type, text: text.slice(i, i + length), value });
		i += length;
	};
	while (i < text.length) {
		const ch = text[i];
		const rest = text.slice(i);
		if (/\s/.test(ch)) {
			i++;
		} else if (ch === "'" || /^[nN]'/.test(rest)) {
			const open = ch === "'" ? 1 : 2;
			const { value, length } = quoted(text, i + open, "'");
			push('str', open + length, value);
		} else if (ch === '[' || ch === '"') {
			// [Name] and, under SQL Server's default QUOTED_IDENTIFIER ON, "Name" are column names, never strings.
			const { value, length } = quoted(text, i + 1, ch === '[' ? ']' : '"');
			push('ident', 1 + length, value);
		} else if (/^\.?\d/.test(rest)) {
			const number = (/^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest) as RegExpExecArray)[0];
			push('num', number.length, number);
		} else if (/[A-Za-z_]/.test(ch)) {
			const word = (/^[A-Za-z_][A-Za-z0-9_]*/.exec(rest) as RegExpExecArray)[0];
			const upper = word.toUpperCase();
			if (RESERVED.has(upper)) throw new WhereError(`Incorrect syntax near the keyword '${upper}'.`);
			if (KEYWORDS.has(upper)) push('kw', word.length, upper);
			else push('ident', word.length, word);
		} else if (Object.hasOwn(HOLDS, rest.slice(0, 2))) {
			push('op', 2, rest.slice(0, 2));
		} else if ('=<>'.includes(ch)) {
			push('op', 1, ch);
		} else if ('(),+-'.includes(ch)) {
			push('punct', 1, ch);
		} else {
			throw new WhereError(`Incorrect syntax near '${ch}'.`);
		}
	}
	return tokens;
}

/** Reads up to the closing delimiter, where a doubled delimiter stands for one; `length` includes the closer. */
function quoted(text: string, from: number, close: string): { value: string; length: number } {
	let value = '';
	let j = from;
	for (;;) {
		if (j >= text.length) throw new WhereError(`Unclosed quotation mark after the character string '${value}'.`);
		if (text[j] === close) {
			if (text[j + 1] !== close) return { value, length: j + 1 - from };
			j++;
		}
		value += text[j++];
	}
}

// ---- syntax tree ----

type Typed = { kind: SqlKind; v: string | number | boolean } | null;
type Operand<R> = { literal: Typed } | { column: WhereColumn<R> };
type Condition<R> =
	| { t: 'and' | 'or'; a: Condition<R>; b: Condition<R> }
	| { t: 'not'; a: Condition<R> }
	| { t: 'cmp'; op: string; a: Operand<R>; b: Operand<R> }
	| { t: 'like'; a: Operand<R>; pattern: Operand<R>; escape?: string }
	| { t: 'in'; a: Operand<R>; list: Operand<R>[] }
	| { t: 'isNull'; a: Operand<R> }
	| { t: 'between'; a: Operand<R>; low: Operand<R>; high: Operand<R> };

/** Recursive descent with SQL precedence: OR < AND < NOT < predicate. */
class Parser<R> {
	private pos = 0;
	/** SQL Server reports syntax errors before unknown columns, so the first unknown name waits for the parse to end. */
	private unknownColumn: string | undefined;

	constructor(
		private readonly tokens: Token[],
		private readonly resolve: (name: string) => WhereColumn<R> | undefined,
	) {}

	parseAll(): Condition<R> {
		const condition = this.parseOr();
		if (this.pos < this.tokens.length) this.fail();
		if (this.unknownColumn !== undefined) throw new WhereError(`Invalid column name '${this.unknownColumn}'.`);
		return condition;
	}

	private peek(offset = 0): Token | undefined {
		return this.tokens[this.pos + offset];
	}

	private isWord(word: string, offset = 0): boolean {
		const t = this.peek(offset);
		return t?.type === 'kw' && t.value === word;
	}

	private accept(type: Token['type'], value?: string): Token | undefined {
		const t = this.peek();
		if (t?.type !== type || (value !== undefined && t.value !== value)) return undefined;
		this.pos++;
		return t;
	}

	private expect(type: Token['type'], value?: string): Token {
		return this.accept(type, value) ?? this.fail();
	}

	private fail(): never {
		const t = this.peek() ?? this.tokens[this.tokens.length - 1];
		if (!t) throw new WhereError("Incorrect syntax near 'WHERE'.");
		throw new WhereError(t.type === 'kw' ? `Incorrect syntax near the keyword '${t.value}'.` : `Incorrect syntax near '${t.text}'.`);
	}

	private parseOr(): Condition<R> {
		let a = this.parseAnd();
		while (this.accept('kw', 'OR')) a = { t: 'or', a, b: this.parseAnd() };
		return a;
	}

	private parseAnd(): Condition<R> {
		let a = this.parseNot();
		while (this.accept('kw', 'AND')) a = { t: 'and', a, b: this.parseNot() };
		return a;
	}

	private parseNot(): Condition<R> {
		if (this.accept('kw', 'NOT')) return { t: 'not', a: this.parseNot() };
		return this.parsePredicate();
	}

	private parsePredicate(): Condition<R> {
		if (this.peek()?.value === '(') {
			// "(" opens either a nested condition or a parenthesised value such as `(PK_ID) = 1`; try the first.
			const start = this.pos;
			try {
				this.pos++;
				const inner = this.parseOr();
				this.expect('punct', ')');
				if (!this.startsPredicateTail()) return inner;
			} catch (error) {
				if (!(error instanceof WhereError)) throw error;
			}
			this.pos = start;
		}
		const a = this.parseOperand();
		const op = this.accept('op');
		if (op) return { t: 'cmp', op: op.value, a, b: this.parseOperand() };
		if (this.accept('kw', 'IS')) {
			const negated = this.accept('kw', 'NOT') !== undefined;
			this.expect('kw', 'NULL');
			return negated ? { t: 'not', a: { t: 'isNull', a } } : { t: 'isNull', a };
		}
		const negated = this.accept('kw', 'NOT') !== undefined;
		let condition: Condition<R>;
		if (this.accept('kw', 'LIKE')) {
			const pattern = this.parseOperand();
			const escape = this.accept('kw', 'ESCAPE') ? this.expect('str').value : undefined;
			if (escape !== undefined && escape.length !== 1) {
				throw new WhereError(`The invalid escape character "${escape}" was specified in a LIKE predicate.`);
			}
			condition = { t: 'like', a, pattern, escape };
		} else if (this.accept('kw', 'IN')) {
			this.expect('punct', '(');
			const list = [this.parseOperand()];
			while (this.accept('punct', ',')) list.push(this.parseOperand());
			this.expect('punct', ')');
			condition = { t: 'in', a, list };
		} else if (this.accept('kw', 'BETWEEN')) {
			const low = this.parseOperand();
			this.expect('kw', 'AND');
			condition = { t: 'between', a, low, high: this.parseOperand() };
		} else if (negated) {
			return this.fail();
		} else {
			const next = this.peek();
			if (next && !(next.value === ')' || this.isWord('AND') || this.isWord('OR'))) return this.fail();
			const near = this.tokens[this.pos - 1].text;
			throw new WhereError(`An expression of non-boolean type specified in a context where a condition is expected, near '${near}'.`);
		}
		return negated ? { t: 'not', a: condition } : condition;
	}

	private startsPredicateTail(): boolean {
		const t = this.peek();
		if (t?.type === 'op') return true;
		const negatable = ['LIKE', 'IN', 'BETWEEN'];
		return [...negatable, 'IS'].some((w) => this.isWord(w)) || (this.isWord('NOT') && negatable.some((w) => this.isWord(w, 1)));
	}

	private parseOperand(): Operand<R> {
		const t = this.peek();
		if (!t) return this.fail();
		if (t.type === 'str') {
			this.pos++;
			return { literal: { kind: 'text', v: t.value } };
		}
		if (t.type === 'num') {
			this.pos++;
			return { literal: { kind: 'number', v: Number(t.value) } };
		}
		if (t.type === 'punct' && (t.value === '-' || t.value === '+')) {
			this.pos++;
			const n = this.expect('num');
			return { literal: { kind: 'number', v: Number(t.value + n.value) } };
		}
		if (this.accept('kw', 'NULL')) return { literal: null };
		if (t.type === 'ident') {
			this.pos++;
			if (this.peek()?.value === '(') throw new WhereError(`'${t.value}' is not a recognized built-in function name.`);
			const column = this.resolve(t.value);
			if (column) return { column };
			this.unknownColumn ??= t.value;
			return { literal: null };
		}
		if (this.accept('punct', '(')) {
			const inner = this.parseOperand();
			this.expect('punct', ')');
			return inner;
		}
		return this.fail();
	}
}

// ---- evaluation (three-valued: true, false, null = unknown) ----

const RANK: Record<SqlKind, number> = { text: 0, bit: 1, number: 2, date: 3 };
const SQL_TYPE: Record<SqlKind, string> = { text: 'nvarchar', bit: 'bit', number: 'int', date: 'datetime' };
/** SQL Server's default collation: case-insensitive, accent-sensitive. */
const collator = new Intl.Collator('en', { sensitivity: 'accent' });

function read<R>(operand: Operand<R>, row: R): Typed {
	if ('literal' in operand) return operand.literal;
	const v = operand.column.read(row);
	return v === null ? null : { kind: operand.column.kind, v };
}

function convert(x: { kind: SqlKind; v: string | number | boolean }, to: SqlKind): string | number | boolean {
	if (x.kind === to) return x.v;
	const cannot = () =>
		new WhereError(`Conversion failed when converting the ${SQL_TYPE[x.kind]} value '${String(x.v)}' to data type ${SQL_TYPE[to]}.`);
	if (x.kind === 'bit') {
		if (to === 'number') return x.v ? 1 : 0;
		throw new WhereError(`Implicit conversion from data type bit to ${SQL_TYPE[to]} is not allowed.`);
	}
	if (x.kind === 'number') throw new WhereError(`Implicit conversion from data type int to ${SQL_TYPE[to]} is not allowed.`);
	const s = String(x.v).trim();
	if (to === 'number') {
		if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) throw cannot();
		return Number(s);
	}
	if (to === 'bit') {
		const bit = BIT_TEXT[s.toLowerCase()];
		if (bit === undefined) throw cannot();
		return bit;
	}
	const date = parseSqlDate(s);
	if (!date) throw new WhereError('Conversion failed when converting date and/or time from character string.');
	return date.iso;
}

function compare(a: Typed, b: Typed): number | null {
	if (a === null || b === null) return null;
	const kind = RANK[a.kind] >= RANK[b.kind] ? a.kind : b.kind;
	const x = convert(a, kind);
	const y = convert(b, kind);
	if (kind === 'text') return collator.compare(String(x).trimEnd(), String(y).trimEnd());
	const nx = typeof x === 'boolean' ? Number(x) : x;
	const ny = typeof y === 'boolean' ? Number(y) : y;
	return nx < ny ? -1 : nx > ny ? 1 : 0;
}

function asText(x: Typed): string | null {
	if (x === null) return null;
	if (x.kind === 'bit') return x.v ? '1' : '0';
	return String(x.v);
}

/** LIKE pattern → RegExp: `%`, `_`, `[abc]`, `[a-z]`, `[^a]`, and an optional ESCAPE character. */
function likeRegExp(pattern: string, escape: string | undefined): RegExp {
	const quote = (c: string) => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
	let source = '';
	for (let i = 0; i < pattern.length; i++) {
		const c = pattern[i];
		const close = c === '[' ? pattern.indexOf(']', i + 2) : -1;
		if (c === escape && i + 1 < pattern.length) source += quote(pattern[++i]);
		else if (c === '%') source += '[\\s\\S]*';
		else if (c === '_') source += '[\\s\\S]';
		else if (close !== -1) {
			source += characterClass(pattern.slice(i + 1, close));
			i = close;
		} else source += quote(c);
	}
	return new RegExp(`^${source}$`, 'iu');
}

/** `[^a-cx]` body → a RegExp class; a dash is a range only between two characters, as in T-SQL. */
function characterClass(body: string): string {
	const negated = body.startsWith('^') && body.length > 1;
	const chars = [...(negated ? body.slice(1) : body)];
	const inner = chars
		.map((c, i) => (c === '-' && i > 0 && i < chars.length - 1 ? '-' : '\\[]^-'.includes(c) ? `\\${c}` : c))
		.join('');
	return `[${negated ? '^' : ''}${inner}]`;
}

/** Whether a comparison operator holds for a compare() result. */
const HOLDS: Record<string, (order: number) => boolean> = {
	'=': (o) => o === 0,
	'<>': (o) => o !== 0,
	'!=': (o) => o !== 0,
	'<': (o) => o < 0,
	'>': (o) => o > 0,
	'<=': (o) => o <= 0,
	'>=': (o) => o >= 0,
};

const AND = (x: boolean | null, y: boolean | null) => (x === false || y === false ? false : x === null || y === null ? null : true);
const OR = (x: boolean | null, y: boolean | null) => (x === true || y === true ? true : x === null || y === null ? null : false);

function evaluate<R>(c: Condition<R>, row: R): boolean | null {
	switch (c.t) {
		case 'and':
			return AND(evaluate(c.a, row), evaluate(c.b, row));
		case 'or':
			return OR(evaluate(c.a, row), evaluate(c.b, row));
		case 'not': {
			const v = evaluate(c.a, row);
			return v === null ? null : !v;
		}
		case 'isNull':
			return read(c.a, row) === null;
		case 'cmp': {
			const order = compare(read(c.a, row), read(c.b, row));
			if (order === null) return null;
			return HOLDS[c.op](order);
		}
		case 'like': {
			const value = asText(read(c.a, row));
			const pattern = asText(read(c.pattern, row));
			if (value === null || pattern === null) return null;
			return likeRegExp(pattern, c.escape).test(value);
		}
		case 'in': {
			const a = read(c.a, row);
			return c.list.reduce<boolean | null>((found, item) => {
				const order = compare(a, read(item, row));
				return OR(found, order === null ? null : order === 0);
			}, false);
		}
		case 'between': {
			const a = read(c.a, row);
			const low = compare(a, read(c.low, row));
			const high = compare(a, read(c.high, row));
			return AND(low === null ? null : low >= 0, high === null ? null : high <= 0);
		}
	}
}
