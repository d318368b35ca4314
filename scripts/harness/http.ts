/** The one HTTP helper every harness client uses: JSON in and out, no throw on an error status. */
export class HttpError extends Error {
	constructor(
		readonly method: string,
		readonly url: string,
		readonly status: number,
		readonly body: unknown,
	) {
		super(`${method} ${url} → HTTP ${status}: ${typeof body === 'string' ? body.slice(0, 500) : JSON.stringify(body)?.slice(0, 500)}`);
		this.name = 'HttpError';
	}
}

export interface HttpResult<T = unknown> {
	status: number;
	body: T;
	headers: Headers;
}

export async function httpRequest<T = unknown>(
	method: string,
	url: string,
	options: { body?: unknown; headers?: Record<string, string>; timeoutMs?: number } = {},
): Promise<HttpResult<T>> {
	const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
	let payload: string | undefined;
	if (options.body !== undefined) {
		payload = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['content-type'] ??= 'application/json';
	}
	const res = await fetch(url, {
		method,
		headers,
		body: payload,
		// Generous: in queue mode on a loaded 2-core machine, n8n's API has taken over a minute to answer during R1.
		signal: AbortSignal.timeout(options.timeoutMs ?? 180_000),
	});
	const text = await res.text();
	let body: unknown = text;
	if (text && (res.headers.get('content-type') ?? '').includes('json')) {
		try {
			body = JSON.parse(text);
		} catch {
			/* keep the text */
		}
	} else if (!text) body = undefined;
	return { status: res.status, body: body as T, headers: res.headers };
}
