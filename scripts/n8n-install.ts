/**
 * Provides a real n8n (default 2.41.1) in a cache folder outside the repo, keyed by version:
 *   ${N8N_E2E_CACHE_DIR:-${XDG_CACHE_HOME:-~/.cache}/n8n-nodes-caspio-activecampaign}/n8n-<version>
 *
 * The install is done the only way that works offline (see /work/shared/ENVIRONMENT.md):
 *   1. `npm install n8n@<version> --ignore-scripts` under Node 24 (≈ 5 min, ≈ 2.8 GB);
 *   2. `npm rebuild sqlite3` against Node 24's headers (≈ 1.5 min).
 * A marker file is written only after both steps succeed and sqlite3 loads, so a half-finished install is redone.
 *
 * CLI: `npx ts-node --transpile-only scripts/n8n-install.ts [--force]` prints the n8n folder.
 */
import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export const N8N_VERSION = process.env.N8N_E2E_VERSION || '2.41.1';
const MARKER = '.install-complete.json';

export function cacheRoot(): string {
	if (process.env.N8N_E2E_CACHE_DIR) return path.resolve(process.env.N8N_E2E_CACHE_DIR);
	const xdg = process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache');
	return path.join(xdg, 'n8n-nodes-caspio-activecampaign');
}

export function n8nDir(version = N8N_VERSION): string {
	return path.join(cacheRoot(), `n8n-${version}`);
}

export function n8nBin(version = N8N_VERSION): string {
	return path.join(n8nDir(version), 'node_modules', 'n8n', 'bin', 'n8n');
}

export function isN8nInstalled(version = N8N_VERSION): boolean {
	return fs.existsSync(path.join(n8nDir(version), MARKER)) && fs.existsSync(n8nBin(version));
}

/** The folder of the Node that runs us (Node 24 from the `node` devDependency): holds bin/node and include/node. */
export function nodeHome(): string {
	return path.dirname(path.dirname(fs.realpathSync(process.execPath)));
}

/** Environment for child processes: our Node first on PATH, Node 24 headers for node-gyp. */
export function node24Env(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = { ...process.env };
	env.PATH = [path.dirname(process.execPath), env.PATH ?? ''].join(path.delimiter);
	const home = nodeHome();
	if (fs.existsSync(path.join(home, 'include', 'node', 'node_api.h'))) env.npm_config_nodedir = home;
	env.npm_config_yes = 'true';
	env.npm_config_audit = 'false';
	env.npm_config_fund = 'false';
	env.npm_config_update_notifier = 'false';
	return { ...env, ...extra };
}

export function checkNodeVersion(): void {
	const major = Number(process.versions.node.split('.')[0]);
	if (major < 24) {
		throw new Error(
			`n8n ${N8N_VERSION} needs Node >= 24 but this is Node ${process.versions.node}. ` +
				'Run through npm scripts (or put node_modules/.bin first on PATH) so the project\'s `node` devDependency is used.',
		);
	}
}

export interface RunOptions {
	cwd: string;
	env?: NodeJS.ProcessEnv;
	logFile?: string;
	/** also echo output to our stdout */
	echo?: boolean;
}

/** Runs a command, appending its output to logFile; rejects with the log tail on failure. */
export function run(cmd: string, args: string[], opts: RunOptions): Promise<string> {
	return new Promise((resolve, reject) => {
		const child = spawn(cmd, args, { cwd: opts.cwd, env: opts.env ?? node24Env(), stdio: ['ignore', 'pipe', 'pipe'] });
		let out = '';
		const log = opts.logFile ? fs.createWriteStream(opts.logFile, { flags: 'a' }) : undefined;
		log?.write(`\n$ ${cmd} ${args.join(' ')}   (cwd ${opts.cwd}, ${new Date().toISOString()})\n`);
		const onData = (d: Buffer) => {
			out += d.toString();
			if (out.length > 2_000_000) out = out.slice(-1_000_000);
			log?.write(d);
			if (opts.echo) process.stdout.write(d);
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', onData);
		child.on('error', (e) => {
			log?.end();
			reject(e);
		});
		child.on('close', (code, signal) => {
			log?.end();
			if (code === 0) resolve(out);
			else {
				const tail = out.split('\n').slice(-40).join('\n');
				reject(new Error(`${cmd} ${args.join(' ')} failed (${signal ?? `exit ${code}`}) in ${opts.cwd}:\n${tail}`));
			}
		});
	});
}

function pidAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (e) {
		return (e as NodeJS.ErrnoException).code === 'EPERM';
	}
}

/** A lock directory so two runs on one machine don't install into the same folder at once. */
async function withLock<T>(dir: string, fn: () => Promise<T>): Promise<T> {
	const lock = `${dir}.lock`;
	let told = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (e) {
			if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
			let holder = NaN;
			try {
				holder = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
			} catch {
				/* lock being created right now */
			}
			if (Number.isFinite(holder) && !pidAlive(holder)) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!told) process.stderr.write(`[n8n-install] waiting for another install (pid ${holder}) to finish…\n`);
			told = true;
			await new Promise((r) => setTimeout(r, 5000));
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

export interface EnsureOptions {
	version?: string;
	force?: boolean;
	log?: (msg: string) => void;
}

/** Installs n8n into its cache folder unless a complete install is already there. Returns the folder. */
export async function ensureN8n(options: EnsureOptions = {}): Promise<string> {
	const version = options.version ?? N8N_VERSION;
	const log = options.log ?? ((m: string) => process.stderr.write(`[n8n-install] ${m}\n`));
	const dir = n8nDir(version);
	if (!options.force && isN8nInstalled(version)) return dir;
	checkNodeVersion();
	fs.mkdirSync(path.dirname(dir), { recursive: true });
	return withLock(dir, async () => {
		if (!options.force && isN8nInstalled(version)) return dir; // another process finished meanwhile
		const logFile = path.join(path.dirname(dir), `install-n8n-${version}.log`);
		fs.rmSync(logFile, { force: true });
		log(`installing n8n@${version} into ${dir} (≈ 5–7 min on first run; log: ${logFile})`);
		const t0 = Date.now();
		// A half-finished install is redone from scratch.
		fs.rmSync(dir, { recursive: true, force: true });
		fs.mkdirSync(dir, { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'package.json'),
			JSON.stringify({ name: 'n8n-e2e-runtime', private: true, description: 'n8n for the e2e harness of n8n-nodes-caspio-activecampaign' }, null, 2),
		);
		// Keep the user's/machine's npmrc from interfering (yes=false, nodedir pointing at Node 20 headers).
		fs.writeFileSync(path.join(dir, '.npmrc'), 'yes=true\naudit=false\nfund=false\nupdate-notifier=false\n');
		const env = node24Env();
		await run('npm', ['install', `n8n@${version}`, '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], { cwd: dir, env, logFile });
		const t1 = Date.now();
		log(`npm install done in ${Math.round((t1 - t0) / 1000)} s; rebuilding sqlite3 for Node ${process.versions.node}`);
		await run('npm', ['rebuild', 'sqlite3', '--loglevel=warn'], { cwd: dir, env, logFile });
		const t2 = Date.now();
		// Prove the native addons load under this Node before declaring the install complete.
		await run(process.execPath, ['-e', "require('sqlite3'); require('isolated-vm'); console.log('native addons ok')"], {
			cwd: path.join(dir, 'node_modules', 'n8n'),
			env,
			logFile,
		});
		const seconds = { npmInstall: Math.round((t1 - t0) / 1000), sqliteRebuild: Math.round((t2 - t1) / 1000) };
		fs.writeFileSync(
			path.join(dir, MARKER),
			JSON.stringify({ version, node: process.versions.node, installedAt: new Date().toISOString(), seconds }, null, 2),
		);
		log(`n8n@${version} ready in ${dir} (install ${seconds.npmInstall} s, sqlite3 rebuild ${seconds.sqliteRebuild} s)`);
		return dir;
	});
}

if (require.main === module) {
	ensureN8n({ force: process.argv.includes('--force') })
		.then((dir) => {
			process.stdout.write(`${dir}\n`);
		})
		.catch((e) => {
			process.stderr.write(`[n8n-install] ${e instanceof Error ? e.message : String(e)}\n`);
			process.exit(1);
		});
}
