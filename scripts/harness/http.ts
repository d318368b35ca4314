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
	const send = () =>
		fetch(url, {
			method,
			headers,
			body: payload,
			// Generous: in queue mode on a loaded 2-core machine, n8n's API has taken over a minute to answer during R1.
			signal: AbortSignal.timeout(options.timeoutMs ?? 180_000),
		});
	let res: Response;
	for (let attempt = 1; ; attempt++) {
		try {
			res = await send();
			break;
		} catch (error) {
			const code = ((error as { cause?: { code?: string } }).cause?.code ?? '').toUpperCase();
			// A request that cannot have done anything is sent again: a read, an idempotent write, or one never connected.
			const safe = ['GET', 'HEAD', 'PUT', 'DELETE'].includes(method.toUpperCase()) || code === 'ECONNREFUSED';
			if (attempt >= 3 || !safe || (error as Error).name === 'TimeoutError') throw error;
			process.stderr.write(`[harness] retried ${method} ${new URL(url).pathname} because it failed on the network (${code || (error as Error).message})\n`);
			await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
		}
	}
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
