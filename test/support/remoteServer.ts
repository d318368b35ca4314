import { spawn } from 'node:child_process';

/** The server half, run in its own Node process so its arrival times are not skewed by the test's event loop. */
const SERVER = `
const http = require('http');
const body = process.env.REMOTE_SERVER_BODY;
const seen = [];
const server = http.createServer((req, res) => {
	const at = Date.now();
	if (req.url === '/__seen') {
		res.writeHead(200, { 'content-type': 'application/json' });
		return res.end(JSON.stringify(seen));
	}
	seen.push({ at, method: req.method, url: req.url });
	req.resume();
	req.on('end', () => {
		res.writeHead(200, { 'content-type': 'application/json' });
		res.end(body);
	});
});
server.listen(0, '127.0.0.1', () => console.log(server.address().port));
`;

export interface RemoteSeen {
	at: number;
	method: string;
	url: string;
}

/** A local HTTP server in a child process that answers every request with `body` and records arrival times. */
export async function remoteServer(body: unknown) {
	const child = spawn(process.execPath, ['-e', SERVER], {
		env: { ...process.env, REMOTE_SERVER_BODY: JSON.stringify(body) },
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const port = await new Promise<number>((resolve, reject) => {
		child.once('error', reject);
		child.stdout.once('data', (chunk: Buffer) => resolve(Number(chunk.toString().trim())));
	});
	const url = `http://127.0.0.1:${port}`;
	return {
		url,
		seen: async () => (await (await fetch(`${url}/__seen`)).json()) as RemoteSeen[],
		close: async () => {
			child.kill();
			await new Promise((resolve) => child.once('exit', resolve));
		},
	};
}
