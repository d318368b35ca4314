/** One n8n process (`start`, `webhook` or `worker`) under a supervisor, with its log file and readiness wait. */
import { spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as path from 'path';
import { n8nBin, N8N_VERSION, node24Env } from '../n8n-install';
import { defaultLog, type Logger } from './log';

/** The main process's log file; the others are `n8n-<name>.log`. */
export const MAIN_LOG_FILE = 'n8n-harness.log';

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resolves true when nothing listens on the port. */
export function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.unref();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
}

/** Last `lines` lines of a file ('' when it does not exist). */
export function tailFile(file: string, lines = 60): string {
	try {
		const text = fs.readFileSync(file, 'utf8');
		return text.split('\n').slice(-lines - 1).join('\n');
	} catch {
		return '';
	}
}

/**
 * A tiny supervisor between us and n8n: it runs n8n in its own process group and stops it when we go away
 * (its stdin is a pipe from us; when that closes, even after a SIGKILL of our process, n8n is stopped).
 */
const SUPERVISOR = `
const { spawn } = require('child_process');
const [bin, ...args] = process.argv.slice(1);
const grace = Number(process.env.HARNESS_KILL_AFTER_MS || 40000);
const child = spawn(process.execPath, [bin, ...args], { stdio: ['ignore', 'inherit', 'inherit'] });
let stopping = false;
function stop(sig) {
  if (stopping) return;
  stopping = true;
  try { child.kill(sig); } catch {}
  setTimeout(() => { try { process.kill(-process.pid, 'SIGKILL'); } catch {} }, grace).unref();
}
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
process.stdin.on('end', () => stop('SIGTERM'));
process.stdin.on('error', () => stop('SIGTERM'));
process.stdin.resume();
child.on('exit', (code, signal) => {
  console.log('[harness-supervisor] n8n exited (' + (signal || 'code ' + code) + ')');
  stopping = true;
  try { process.kill(-process.pid, 'SIGTERM'); } catch {}
  process.exit(code == null ? 1 : code);
});
`;

/** `start` is the main process (editor, API, triggers); queue mode adds `webhook` and `worker` processes. */
export type N8nCommand = 'start' | 'webhook' | 'worker';

export interface N8nProcessOptions {
	userFolder: string;
	/** HTTP port: the editor/API for `start`, webhooks for `webhook`, the health check for `worker`. */
	port: number;
	brokerPort: number;
	command?: N8nCommand;
	/** Names the log file `n8n-<name>.log` (default: the main process's `n8n-harness.log`). */
	name?: string;
	/** Base URL for production webhooks; default http://127.0.0.1:<port>/ */
	webhookUrl?: string;
	/** The editor's URL; default http://127.0.0.1:<port> */
	editorUrl?: string;
	env?: NodeJS.ProcessEnv;
	readyTimeoutMs?: number;
	log?: Logger;
}

export interface N8nProcess {
	url: string;
	pid: number;
	logFile: string;
	exited: Promise<number | null>;
	isRunning(): boolean;
	stop(): Promise<void>;
}

/** Environment of the n8n child: ours minus any N8N_/DB_/queue settings of the caller's shell, plus the settings n8n's docs give for a headless start. */
export function n8nEnvironment(o: N8nProcessOptions): NodeJS.ProcessEnv {
	const base = node24Env();
	for (const key of Object.keys(base)) {
		// NODE_ENV=test (set by jest) makes n8n 2.41 exit with code 1 before printing anything.
		if (/^(N8N_|DB_|EXECUTIONS_|QUEUE_|JEST_|WEBHOOK_URL$|GENERIC_TIMEZONE$|NODE_ENV$|NODE_OPTIONS$)/.test(key)) delete base[key];
	}
	return {
		...base,
		N8N_USER_FOLDER: o.userFolder,
		N8N_PORT: String(o.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		N8N_EDITOR_BASE_URL: o.editorUrl ?? `http://127.0.0.1:${o.port}`,
		N8N_WEBHOOK_URL: o.webhookUrl ?? `http://127.0.0.1:${o.port}/`,
		N8N_RUNNERS_BROKER_PORT: String(o.brokerPort),
		DB_TYPE: 'sqlite',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_SECURE_COOKIE: 'false',
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_PUBLIC_API_DISABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_GRACEFUL_SHUTDOWN_TIMEOUT: '15',
		N8N_RUNNERS_TASK_TIMEOUT: '300',
		N8N_LOG_OUTPUT: 'console',
		N8N_LOG_LEVEL: 'info',
		GENERIC_TIMEZONE: 'UTC',
		NO_COLOR: '1',
		// A worker answers /healthz/readiness on its health-check port once it takes jobs.
		...(o.command === 'worker' ? { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(o.port), QUEUE_HEALTH_CHECK_ADDRESS: '127.0.0.1' } : {}),
		...o.env,
	};
}

/** Spawns the supervisor (and so n8n) detached, with stdout and stderr appended to the log file. */
function spawnSupervised(o: N8nProcessOptions, command: N8nCommand, logFile: string): ChildProcess {
	const fd = fs.openSync(logFile, 'a');
	fs.writeSync(fd, `\n===== n8n ${N8N_VERSION} ${command} ${new Date().toISOString()} port ${o.port} broker ${o.brokerPort} =====\n`);
	const child: ChildProcess = spawn(process.execPath, ['-e', SUPERVISOR, n8nBin(), command], {
		cwd: o.userFolder,
		env: n8nEnvironment(o),
		stdio: ['pipe', fd, fd],
		detached: true,
	});
	fs.closeSync(fd);
	// Keep the pipe open but don't let it (or the child) keep our event loop alive.
	(child.stdin as unknown as net.Socket | null)?.unref?.();
	child.unref();
	return child;
}

/** SIGTERM to the group, SIGKILL when n8n has not stopped within 45 s. */
async function terminate(killGroup: (signal: NodeJS.Signals) => boolean, exited: Promise<unknown>, log: Logger): Promise<void> {
	killGroup('SIGTERM');
	let timer: NodeJS.Timeout | undefined;
	const done = await Promise.race([
		exited.then(() => true),
		new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), 45_000))),
	]);
	clearTimeout(timer);
	if (!done) {
		log('n8n did not stop within 45 s; killing its process group');
		killGroup('SIGKILL');
		await exited;
	}
}

/** The handle of a spawned supervisor: its process group is killed on stop() and when our process exits. */
function supervise(child: ChildProcess, url: string, logFile: string, log: Logger): N8nProcess {
	const pid = child.pid;
	if (!pid) throw new Error('could not spawn n8n');
	let running = true;
	const exited = new Promise<number | null>((resolve) => {
		child.on('exit', (code) => {
			running = false;
			resolve(code);
		});
	});
	const killGroup = (signal: NodeJS.Signals) => {
		try {
			process.kill(-pid, signal);
			return true;
		} catch {
			return false;
		}
	};
	const onExit = () => killGroup('SIGKILL');
	process.once('exit', onExit);
	return {
		url,
		pid,
		logFile,
		exited,
		isRunning: () => running,
		async stop() {
			process.removeListener('exit', onExit);
			if (running) await terminate(killGroup, exited, log);
			// Whatever is left in the group (task runners) gets a moment, then SIGKILL.
			for (let i = 0; i < 20 && killGroup(0 as unknown as NodeJS.Signals); i++) await sleep(250);
			killGroup('SIGKILL');
			(child.stdin as unknown as net.Socket | null)?.destroy();
		},
	};
}

/** Polls GET /healthz/readiness until it answers 200; stops the process and throws when it exits or times out. */
async function waitUntilReady(proc: N8nProcess, timeoutMs: number): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		if (!proc.isRunning()) {
			throw new Error(`n8n exited before it was ready. Last lines of ${proc.logFile}:\n${tailFile(proc.logFile, 60)}`);
		}
		try {
			const res = await fetch(`${proc.url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			await res.arrayBuffer();
			if (res.status === 200) return;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) {
			await proc.stop();
			throw new Error(`n8n was not ready after ${Math.round(timeoutMs / 1000)} s. Last lines of ${proc.logFile}:\n${tailFile(proc.logFile, 60)}`);
		}
		await sleep(500);
	}
}

/** Starts `n8n start` (or `webhook` / `worker`) through the supervisor and waits for GET /healthz/readiness = 200. */
export async function startN8n(o: N8nProcessOptions): Promise<N8nProcess> {
	const command = o.command ?? 'start';
	const dotN8n = path.join(o.userFolder, '.n8n');
	fs.mkdirSync(dotN8n, { recursive: true });
	const logFile = path.join(dotN8n, o.name ? `n8n-${o.name}.log` : MAIN_LOG_FILE);
	const child = spawnSupervised(o, command, logFile);
	const proc = supervise(child, `http://127.0.0.1:${o.port}`, logFile, o.log ?? defaultLog);
	await waitUntilReady(proc, o.readyTimeoutMs ?? 180_000);
	return proc;
}
