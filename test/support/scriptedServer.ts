import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: http.IncomingHttpHeaders;
	body: string;
	/** Arrival time in ms since epoch, as the server saw it. */
	at: number;
}

export interface ScriptedAnswer {
	status: number;
	headers?: Record<string, string>;
	body?: unknown;
}

/** A local HTTP server whose answers a test scripts per request; it records everything it saw. */
export async function scriptedServer(answer: (req: SeenRequest, seen: SeenRequest[]) => ScriptedAnswer) {
	const seen: SeenRequest[] = [];
	const server = http.createServer((req, res) => {
		const at = Date.now();
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			const url = new URL(req.url ?? '/', 'http://local');
			const request: SeenRequest = {
				method: req.method ?? 'GET',
				path: url.pathname,
				query: url.searchParams,
				headers: req.headers,
				body: Buffer.concat(chunks).toString('utf8'),
				at,
			};
			seen.push(request);
			const reply = answer(request, seen);
			const payload = reply.body === undefined ? '' : JSON.stringify(reply.body);
			res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
			res.end(payload);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}`,
		seen,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}
