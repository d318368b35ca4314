/**
 * The services n8n's queue mode needs, from Debian's packages, started for one run and removed after it:
 * PostgreSQL (a fresh cluster in a temp folder) and Redis, both on free ports on 127.0.0.1.
 *
 *   const services = await startQueueServices();
 *   spawn('n8n', ['worker'], { env: { ...process.env, ...services.n8nEnv } });
 *   await services.stop();
 *
 * Missing packages are installed with apt-get (as root); nothing is registered with the system's service manager.
 */
import { execFileSync, spawn, type ChildProcess } from 'child_process';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { freePort } from './ports';

type Logger = (message: string) => void;
const defaultLog: Logger = (m) => process.stderr.write(`[services] ${m}\n`);
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const DATABASE = 'n8n';
const DB_USER = 'n8n';
const DB_PASSWORD = 'n8n';

export interface QueueServices {
	postgres: { host: string; port: number; database: string; user: string };
	redis: { host: string; port: number };
	/** What every n8n process of the run needs to find them (queue mode itself is set by the caller). */
	n8nEnv: Record<string, string>;
	stop(): Promise<void>;
}

function canConnect(port: number): Promise<boolean> {
	return new Promise((resolve) => {
		const socket = net.connect({ host: '127.0.0.1', port });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
	});
}

/** The newest installed PostgreSQL's bin folder (Debian keeps them in /usr/lib/postgresql/<major>/bin). */
function postgresBinDir(): string | undefined {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const majors = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'postgres')))
		.sort((a, b) => Number(b) - Number(a));
	return majors[0] ? path.join(root, majors[0], 'bin') : undefined;
}

const hasRedis = () => fs.existsSync('/usr/bin/redis-server');

/** Installs redis-server and postgresql from Debian's packages when they are missing. */
export function ensureServicePackages(log: Logger = defaultLog): void {
	const missing = [...(hasRedis() ? [] : ['redis-server']), ...(postgresBinDir() ? [] : ['postgresql'])];
	if (missing.length === 0) return;
	if (process.getuid?.() !== 0) {
		throw new Error(`queue mode needs ${missing.join(' and ')}: install them with \`sudo apt-get install -y ${missing.join(' ')}\``);
	}
	log(`apt-get install -y ${missing.join(' ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update'], { stdio: 'ignore', env });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], { stdio: 'ignore', env });
}

/** PostgreSQL refuses to run as root: as root, its files and processes belong to the `postgres` user the package creates. */
function postgresUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

interface Daemon {
	child: ChildProcess;
	exited: Promise<void>;
}

/** Starts a server in its own process group with its output in `logFile`. */
function startDaemon(cmd: string, args: string[], logFile: string, user?: { uid: number; gid: number }): Daemon {
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(cmd, args, { stdio: ['ignore', fd, fd], detached: true, ...(user ?? {}) });
	fs.closeSync(fd);
	child.unref();
	const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
	return { child, exited };
}

async function stopDaemon(daemon: Daemon, signal: NodeJS.Signals): Promise<void> {
	const pid = daemon.child.pid;
	if (!pid || daemon.child.exitCode !== null || daemon.child.signalCode !== null) return;
	try {
		process.kill(-pid, signal);
	} catch {
		return;
	}
	const stopped = await Promise.race([daemon.exited.then(() => true), sleep(15_000).then(() => false)]);
	if (!stopped) {
		try {
			process.kill(-pid, 'SIGKILL');
		} catch {
			/* gone meanwhile */
		}
		await daemon.exited;
	}
}

async function waitForPort(port: number, what: string, daemon: Daemon, logFile: string, timeoutMs = 60_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await canConnect(port))) {
		if (daemon.child.exitCode !== null || Date.now() > deadline) {
			const tail = fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8').slice(-2000) : '';
			throw new Error(`${what} did not start on port ${port}:\n${tail}`);
		}
		await sleep(200);
	}
}

/** Starts PostgreSQL and Redis for one queue-mode run. */
export async function startQueueServices(options: { log?: Logger } = {}): Promise<QueueServices> {
	const log = options.log ?? defaultLog;
	ensureServicePackages(log);
	const bin = postgresBinDir()!;
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-queue-services-'));
	const user = postgresUser();
	const daemons: Daemon[] = [];
	const stop = async () => {
		process.removeListener('exit', killNow);
		// PostgreSQL's "fast" shutdown is SIGINT; Redis stops on SIGTERM.
		await Promise.all(daemons.map((d) => stopDaemon(d, d === daemons[0] ? 'SIGINT' : 'SIGTERM')));
		fs.rmSync(dir, { recursive: true, force: true });
	};
	// Should we die without stop(), don't leave servers behind.
	const killNow = () => {
		for (const d of daemons) {
			try {
				process.kill(-d.child.pid!, 'SIGKILL');
			} catch {
				/* already gone */
			}
		}
	};
	process.once('exit', killNow);

	try {
		const pgData = path.join(dir, 'pg');
		const pgLog = path.join(dir, 'postgres.log');
		fs.mkdirSync(pgData, { mode: 0o700 });
		if (user) {
			fs.chownSync(dir, user.uid, user.gid);
			fs.chownSync(pgData, user.uid, user.gid);
		}
		const pwFile = path.join(dir, 'pw');
		fs.writeFileSync(pwFile, DB_PASSWORD);
		if (user) fs.chownSync(pwFile, user.uid, user.gid);
		execFileSync(
			path.join(bin, 'initdb'),
			['-D', pgData, '-U', DB_USER, `--pwfile=${pwFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-sync', '--locale=C'],
			{ stdio: 'ignore', ...(user ?? {}) },
		);
		const pgPort = await freePort();
		// A throwaway test cluster: durability settings off, so the machine's disk is not the bottleneck.
		const postgres = startDaemon(
			path.join(bin, 'postgres'),
			['-D', pgData, '-p', String(pgPort), '-k', dir, '-c', 'listen_addresses=127.0.0.1', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'],
			pgLog,
			user,
		);
		daemons.push(postgres);
		await waitForPort(pgPort, 'PostgreSQL', postgres, pgLog);
		execFileSync(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(pgPort), '-U', DB_USER, DATABASE], {
			stdio: 'ignore',
			env: { ...process.env, PGPASSWORD: DB_PASSWORD },
		});

		const redisPort = await freePort();
		const redisLog = path.join(dir, 'redis.log');
		const redis = startDaemon('/usr/bin/redis-server', ['--port', String(redisPort), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], redisLog);
		daemons.push(redis);
		await waitForPort(redisPort, 'Redis', redis, redisLog);
		log(`PostgreSQL on 127.0.0.1:${pgPort}, Redis on 127.0.0.1:${redisPort} (${dir})`);

		return {
			postgres: { host: '127.0.0.1', port: pgPort, database: DATABASE, user: DB_USER },
			redis: { host: '127.0.0.1', port: redisPort },
			n8nEnv: {
				DB_TYPE: 'postgresdb',
				DB_POSTGRESDB_HOST: '127.0.0.1',
				DB_POSTGRESDB_PORT: String(pgPort),
				DB_POSTGRESDB_DATABASE: DATABASE,
				DB_POSTGRESDB_USER: DB_USER,
				DB_POSTGRESDB_PASSWORD: DB_PASSWORD,
				QUEUE_BULL_REDIS_HOST: '127.0.0.1',
				QUEUE_BULL_REDIS_PORT: String(redisPort),
			},
			stop,
		};
	} catch (error) {
		await stop();
		throw error;
	}
}
