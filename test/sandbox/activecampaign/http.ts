import type { Handler, Router, SandboxRequest, SandboxResponse } from '../server';
import type { Ctx } from './context';
import { isObject, type Json } from './util';

/** Registers vendor routes under a prefix and lets the service see every response (headers, accepted times). */
export class Api {
	constructor(
		private router: Router,
		private prefix: string,
		private finish: (req: SandboxRequest, res: SandboxResponse, arrival: number) => SandboxResponse,
	) {}

	get(path: string, handler: Handler): this {
		return this.add('GET', path, handler);
	}

	post(path: string, handler: Handler): this {
		return this.add('POST', path, handler);
	}

	put(path: string, handler: Handler): this {
		return this.add('PUT', path, handler);
	}

	delete(path: string, handler: Handler): this {
		return this.add('DELETE', path, handler);
	}

	private add(method: string, path: string, handler: Handler): this {
		this.router.add(method, this.prefix + path, async (req) => {
			const arrival = Date.now();
			return this.finish(req, await handler(req), arrival);
		});
		return this;
	}
}

export const ok = (body: unknown, status = 200): SandboxResponse => ({ status, body });

/** The bare-message error form (§4.10 #2). */
export const message = (status: number, text: string): SandboxResponse => ok({ message: text }, status);

export const notFound = (model: string, id: string, status = 404): SandboxResponse =>
	message(status, `No Result found for ${model} with id ${id}`);

export interface ValidationError {
	title: string;
	code: string;
	detail?: string;
	error?: string;
	/** Attribute name; becomes `source.pointer` `/data/attributes/<name>`. */
	pointer?: string;
}

/** `GET /contacts/{id}/<name>`: all of one contact's related records (no paging), 404 for a missing contact. */
export function contactChildren(api: Api, ctx: Ctx, name: string, rows: (contact: number) => unknown[]): void {
	api.get(`/contacts/:id/${name}`, (req) => {
		const contact = ctx.store.contacts.get(req.params.id);
		if (!contact) return notFound('Subscriber', req.params.id);
		return ok({ [name]: rows(contact.id) });
	});
}

/** The JSON:API-style validation form (§4.10 #1). */
export function invalid(errors: ValidationError[], status = 422): SandboxResponse {
	return ok(
		{
			errors: errors.map((e) => ({
				title: e.title,
				detail: e.detail ?? '',
				code: e.code,
				...(e.error ? { error: e.error } : {}),
				...(e.pointer ? { source: { pointer: `/data/attributes/${e.pointer}` } } : {}),
			})),
		},
		status,
	);
}

/** §9.0: a missing record of an account, account contact or deal: 404 in the message shape, or the declared 400 `{}`. */
export const missingRecord = (ctx: Ctx, model: string, id: string): SandboxResponse =>
	ctx.quirks.parityErrors === 'declared400' ? ok({}, 400) : notFound(model, id);

/** §9.0: a missing or invalid field of an account, account contact or deal: 422 `errors[]`, or the declared 400 `{}`. */
export const refused = (ctx: Ctx, errors: ValidationError[]): SandboxResponse =>
	ctx.quirks.parityErrors === 'declared400' ? ok({}, 400) : invalid(errors);

/** The status-bearing list form (§4.10 #3). */
export function statusError(status: number, title: string, detail?: string, pointer?: string): SandboxResponse {
	return ok(
		{
			errors: [
				{
					status,
					title,
					...(detail ? { detail } : {}),
					...(pointer ? { source: { pointer: `/data/attributes/${pointer}` } } : {}),
				},
			],
		},
		status,
	);
}

/** The resource object inside the request's singular envelope, `{}` when absent. */
export function envelope(req: SandboxRequest, key: string): Json {
	const body = req.body;
	return isObject(body) && isObject(body[key]) ? body[key] : {};
}

/** `limit` (default 20, at most 100) and zero-based `offset`; `meta.total` as a string. */
export function page<T>(req: SandboxRequest, items: T[], defaultLimit = 20): { items: T[]; total: string } {
	const asked = Number.parseInt(req.query.get('limit') ?? '', 10);
	const limit = Number.isNaN(asked) || asked <= 0 ? defaultLimit : Math.min(asked, 100);
	const offset = Math.max(0, Number.parseInt(req.query.get('offset') ?? '', 10) || 0);
	return { items: items.slice(offset, offset + limit), total: String(items.length) };
}

type SortKey<T> = (row: T) => string | number;

/**
 * Applies `orders[<field>]=ASC|DESC` in query order. Bad directions are ignored unless `strict`, which answers 422.
 * `extra` maps non-standard directions (tags' `weight`) to a comparator.
 */
export function order<T>(
	req: SandboxRequest,
	rows: T[],
	keys: Record<string, SortKey<T>>,
	strict: boolean,
	extra: Record<string, (value: string) => ((a: T, b: T) => number) | undefined> = {},
): T[] | SandboxResponse {
	const comparators: Array<(a: T, b: T) => number> = [];
	for (const [name, value] of req.query) {
		const m = /^orders\[([^\]]+)\]$/.exec(name);
		if (!m) continue;
		const special = extra[m[1]]?.(value.toLowerCase());
		if (special) {
			comparators.push(special);
			continue;
		}
		const key = keys[m[1]];
		const direction = value.toUpperCase();
		if (direction !== 'ASC' && direction !== 'DESC') {
			if (strict) {
				return invalid([
					{ title: `Invalid order direction '${value}'. Valid directions are ASC and DESC.`, code: 'field_invalid' },
				]);
			}
			continue;
		}
		if (!key) continue;
		const sign = direction === 'ASC' ? 1 : -1;
		comparators.push((a, b) => sign * compare(key(a), key(b)));
	}
	if (comparators.length === 0) return rows;
	return [...rows].sort((a, b) => {
		for (const c of comparators) {
			const r = c(a, b);
			if (r !== 0) return r;
		}
		return 0;
	});
}

export function compare(a: string | number, b: string | number): number {
	if (typeof a === 'number' && typeof b === 'number') return a - b;
	return String(a).localeCompare(String(b), 'en', { sensitivity: 'base' });
}

const OPS: Record<string, (actual: string, wanted: string) => boolean> = {
	eq: (a, w) => a === w,
	neq: (a, w) => a !== w,
	lt: (a, w) => a < w,
	lte: (a, w) => a <= w,
	gt: (a, w) => a > w,
	gte: (a, w) => a >= w,
	contains: (a, w) => a.includes(w),
	starts_with: (a, w) => a.startsWith(w),
};

/**
 * `filters[<name>]=v` (operator `plain`) and `filters[<name>][<op>]=v`, compared case-insensitively like the
 * vendor's database collation. Returns a predicate over the row's text.
 */
export function textFilter(req: SandboxRequest, name: string, plain: 'eq' | 'contains'): (actual: string) => boolean {
	const tests: Array<(actual: string) => boolean> = [];
	for (const [key, value] of req.query) {
		if (!key.startsWith(`filters[${name}]`)) continue;
		const rest = key.slice(`filters[${name}]`.length);
		const op = rest === '' ? plain : /^\[(\w+)\]$/.exec(rest)?.[1];
		const fn = op ? OPS[op] : undefined;
		if (fn) tests.push((actual) => fn(actual.toLowerCase(), value.toLowerCase()));
	}
	return (actual) => tests.every((t) => t(actual));
}
