/**
 * Real-n8n harness: a real n8n 2.41.1 (cached outside the repo) with this package installed the way the
 * Community Nodes screen installs it, the Caspio / ActiveCampaign sandboxes, an owner, an API key,
 * preset credentials and the templates from `workflows/*.json`.
 *
 *   const h = await startHarness({ sandbox: true });
 *   await h.api('GET', '/workflows');                       // public API with the API key
 *   await h.rest('GET', '/credentials');                    // internal REST API with the login cookie
 *   const run = await h.runWorkflow({ nodes: [...], connections: {...} });
 *   await h.stop();
 *
 * `startHarness({ queue: true })` runs n8n in queue mode instead: PostgreSQL and Redis for the run
 * (scripts/queue-services.ts), the main process, one webhook process and two workers.
 *
 * `startHarness` owns processes; `HarnessClient` (built from `HarnessInfo`) only talks HTTP, so a jest
 * globalSetup can start the harness and hand `HarnessInfo` to the test files through a state file.
 */
import { spawn, type ChildProcess } from 'child_process';
import { randomBytes, randomUUID } from 'crypto';
import * as fs from 'fs';
import * as net from 'net';
import * as os from 'os';
import * as path from 'path';
import { cacheRoot, ensureN8n, n8nBin, N8N_VERSION, node24Env, run } from './n8n-install';
import { freePort } from './ports';
import { startQueueServices } from './queue-services';

export { freePort };

export const REPO_ROOT = path.resolve(__dirname, '..');
const repoPackageJson = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string };
export const PACKAGE_NAME: string = repoPackageJson.name;

export const CREDENTIAL_NAMES = {
	caspioApi: 'Caspio (sandbox)',
	activeCampaignPlusApi: 'ActiveCampaign (sandbox)',
} as const;
export type PresetCredentialType = keyof typeof CREDENTIAL_NAMES;

const API_KEY_LABEL = 'e2e-harness';
const WEBHOOK_NODE_TYPE = 'n8n-nodes-base.webhook';

// ---------------------------------------------------------------------------------------------------------------
// Small utilities
// ---------------------------------------------------------------------------------------------------------------

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

async function httpRequest<T = unknown>(
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

// ---------------------------------------------------------------------------------------------------------------
// Build, pack and install the package into a user folder
// ---------------------------------------------------------------------------------------------------------------

export type Logger = (message: string) => void;
const defaultLog: Logger = (m) => process.stderr.write(`[harness] ${m}\n`);

/** `npm run build` (unless build=false) and `npm pack` in the repo; returns the tarball path (in a temp folder). */
export async function buildAndPack(options: { build?: boolean; log?: Logger } = {}): Promise<string> {
	const log = options.log ?? defaultLog;
	const env = node24Env();
	if (options.build !== false) {
		log('npm run build');
		await run('npm', ['run', 'build'], { cwd: REPO_ROOT, env });
	}
	const distPackage = path.join(REPO_ROOT, 'dist');
	if (!fs.existsSync(distPackage)) {
		throw new Error(`${distPackage} does not exist: \`npm run build\` produced nothing to pack.`);
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-pack-'));
	log('npm pack');
	const out = await run('npm', ['pack', '--json', '--pack-destination', dest, '--loglevel=warn'], { cwd: REPO_ROOT, env });
	const json = out.slice(out.indexOf('['));
	const [info] = JSON.parse(json) as Array<{ filename: string }>;
	const tarball = path.join(dest, path.basename(info.filename));
	if (!fs.existsSync(tarball)) throw new Error(`npm pack did not produce ${tarball}`);
	return tarball;
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes` the way n8n 2.41's Community Nodes screen does
 * (CommunityPackagesService.downloadPackage): extract into `node_modules/<pkg>`, drop dev/peer/optional
 * dependencies from its package.json, `npm install` inside it with n8n's flags, and record the version in
 * the ledger `<userFolder>/.n8n/nodes/package.json` (`{ name: 'installed-nodes', private: true, dependencies }`).
 * With method 'npm-install' it does the older `npm install <tarball> --omit=peer --ignore-scripts` instead.
 */
export async function installPackage(
	userFolder: string,
	tarball: string,
	options: { method?: 'n8n' | 'npm-install'; log?: Logger } = {},
): Promise<string> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const pkgDir = path.join(nodesDir, 'node_modules', ...PACKAGE_NAME.split('/'));
	const ledgerPath = path.join(nodesDir, 'package.json');
	fs.mkdirSync(nodesDir, { recursive: true });
	let ledger: { name: string; private: boolean; dependencies: Record<string, string> } = {
		name: 'installed-nodes',
		private: true,
		dependencies: {},
	};
	try {
		const existing = JSON.parse(fs.readFileSync(ledgerPath, 'utf8'));
		if (existing?.dependencies) ledger = existing;
	} catch {
		/* first install */
	}
	fs.rmSync(pkgDir, { recursive: true, force: true });
	const env = node24Env();
	if (options.method === 'npm-install') {
		fs.writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
		await run('npm', ['install', tarball, '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], {
			cwd: nodesDir,
			env,
		});
	} else {
		fs.mkdirSync(pkgDir, { recursive: true });
		await run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], { cwd: nodesDir, env });
		const pj = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
		const { devDependencies: _d, peerDependencies: _p, optionalDependencies: _o, ...kept } = pj;
		fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify(kept, null, 2));
		await run(
			'npm',
			['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--loglevel=warn'],
			{ cwd: pkgDir, env },
		);
		ledger.dependencies[PACKAGE_NAME] = kept.version;
		fs.writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
	}
	if (!fs.existsSync(path.join(pkgDir, 'package.json'))) throw new Error(`installing ${tarball} did not create ${pkgDir}`);
	return pkgDir;
}

/** The `n8n` section of the installed (or repo dist) package.json: declared node and credential files. */
export function declaredFiles(pkgDir: string): { nodes: string[]; credentials: string[] } {
	const pj = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
	return { nodes: pj.n8n?.nodes ?? [], credentials: pj.n8n?.credentials ?? [] };
}

// ---------------------------------------------------------------------------------------------------------------
// The n8n process
// ---------------------------------------------------------------------------------------------------------------

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

/** Environment of the n8n child: ours minus any N8N_/DB_/queue settings of the caller's shell, plus §7.3's set. */
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

/** Starts `n8n start` (or `webhook` / `worker`) through the supervisor and waits for GET /healthz/readiness = 200. */
export async function startN8n(o: N8nProcessOptions): Promise<N8nProcess> {
	const log = o.log ?? defaultLog;
	const bin = n8nBin();
	const command = o.command ?? 'start';
	const dotN8n = path.join(o.userFolder, '.n8n');
	fs.mkdirSync(dotN8n, { recursive: true });
	const logFile = path.join(dotN8n, o.name ? `n8n-${o.name}.log` : 'n8n-harness.log');
	const fd = fs.openSync(logFile, 'a');
	fs.writeSync(fd, `\n===== n8n ${N8N_VERSION} ${command} ${new Date().toISOString()} port ${o.port} broker ${o.brokerPort} =====\n`);
	const child: ChildProcess = spawn(process.execPath, ['-e', SUPERVISOR, bin, command], {
		cwd: o.userFolder,
		env: n8nEnvironment(o),
		stdio: ['pipe', fd, fd],
		detached: true,
	});
	fs.closeSync(fd);
	// Keep the pipe open but don't let it (or the child) keep our event loop alive.
	(child.stdin as unknown as net.Socket | null)?.unref?.();
	child.unref();
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

	const url = `http://127.0.0.1:${o.port}`;
	const proc: N8nProcess = {
		url,
		pid,
		logFile,
		exited,
		isRunning: () => running,
		async stop() {
			process.removeListener('exit', onExit);
			if (running) {
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
			// Whatever is left in the group (task runners) gets a moment, then SIGKILL.
			for (let i = 0; i < 20 && killGroup(0 as unknown as NodeJS.Signals); i++) await sleep(250);
			killGroup('SIGKILL');
			(child.stdin as unknown as net.Socket | null)?.destroy();
		},
	};

	const deadline = Date.now() + (o.readyTimeoutMs ?? 180_000);
	for (;;) {
		if (!running) {
			throw new Error(`n8n exited before it was ready. Last lines of ${logFile}:\n${tailFile(logFile, 60)}`);
		}
		try {
			const res = await fetch(`${url}/healthz/readiness`, { signal: AbortSignal.timeout(2000) });
			await res.arrayBuffer();
			if (res.status === 200) break;
		} catch {
			/* not listening yet */
		}
		if (Date.now() > deadline) {
			await proc.stop();
			throw new Error(`n8n was not ready after ${Math.round((o.readyTimeoutMs ?? 180_000) / 1000)} s. Last lines of ${logFile}:\n${tailFile(logFile, 60)}`);
		}
		await sleep(500);
	}
	return proc;
}

// ---------------------------------------------------------------------------------------------------------------
// Sandbox clients (HTTP only, so they work from another process too)
// ---------------------------------------------------------------------------------------------------------------

export class SandboxClient {
	constructor(readonly url: string) {}

	private async call<T>(method: string, p: string, body?: unknown): Promise<T> {
		const res = await httpRequest<T>(method, `${this.url}${p}`, { body });
		if (res.status >= 400) throw new HttpError(method, `${this.url}${p}`, res.status, res.body);
		return res.body;
	}

	/** Clears data, faults and stats (`POST /__sandbox/reset`). */
	reset() {
		return this.call('POST', '/__sandbox/reset');
	}
	seed(body: unknown) {
		return this.call('POST', '/__sandbox/seed', body);
	}
	state<T = unknown>() {
		return this.call<T>('GET', '/__sandbox/state');
	}
	faults<T = unknown>() {
		return this.call<T>('GET', '/__sandbox/faults');
	}
	setFaults<T = unknown>(patch: Record<string, number>) {
		return this.call<T>('POST', '/__sandbox/faults', patch);
	}
	stats<T = unknown>() {
		return this.call<T>('GET', '/__sandbox/stats');
	}
	/** Any other admin route, e.g. admin('POST', '/__sandbox/webhooks/fire', {...}). */
	admin<T = unknown>(method: string, p: string, body?: unknown) {
		return this.call<T>(method, p, body);
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Workflows
// ---------------------------------------------------------------------------------------------------------------

export interface WorkflowNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position?: [number, number];
	parameters?: Record<string, unknown>;
	credentials?: Record<string, { id?: string | null; name: string }>;
	webhookId?: string;
	disabled?: boolean;
	[key: string]: unknown;
}

export interface WorkflowDefinition {
	name?: string;
	nodes: WorkflowNode[];
	connections?: Record<string, unknown>;
	settings?: Record<string, unknown>;
	staticData?: unknown;
	pinData?: Record<string, unknown>;
	[key: string]: unknown;
}

const NODE_KEYS = new Set([
	'id', 'name', 'type', 'typeVersion', 'position', 'parameters', 'credentials', 'webhookId', 'disabled', 'notes',
	'notesInFlow', 'executeOnce', 'alwaysOutputData', 'retryOnFail', 'maxTries', 'waitBetweenTries', 'continueOnFail', 'onError',
]);

/** Strips an exported/template workflow down to what `POST/PUT /api/v1/workflows` accepts. */
export function toApiWorkflow(wf: WorkflowDefinition, name?: string): Record<string, unknown> {
	const nodes = wf.nodes.map((n) => {
		const out: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(n)) if (NODE_KEYS.has(k)) out[k] = v;
		out.id ??= randomUUID();
		out.position ??= [0, 0];
		out.parameters ??= {};
		return out;
	});
	const body: Record<string, unknown> = {
		name: name ?? wf.name ?? 'Untitled',
		nodes,
		connections: wf.connections ?? {},
		settings: wf.settings ?? { executionOrder: 'v1' },
	};
	if (wf.staticData !== undefined && wf.staticData !== null) body.staticData = wf.staticData;
	if (wf.pinData && Object.keys(wf.pinData).length > 0) body.pinData = wf.pinData;
	return body;
}

/**
 * Points every node's credential reference of a known type at the given credential ({id, name}); references
 * to types we have no credential for are removed. Returns the credential types that were missing.
 */
export function linkCredentials(wf: WorkflowDefinition, available: Record<string, { id: string; name: string }>): string[] {
	const missing = new Set<string>();
	for (const node of wf.nodes) {
		if (!node.credentials) continue;
		for (const type of Object.keys(node.credentials)) {
			const cred = available[type];
			if (cred) node.credentials[type] = { id: cred.id, name: cred.name };
			else {
				missing.add(type);
				delete node.credentials[type];
			}
		}
		if (Object.keys(node.credentials).length === 0) delete node.credentials;
	}
	return [...missing];
}

const NON_ACTIVATING_TRIGGERS = new Set([
	'n8n-nodes-base.manualTrigger',
	'n8n-nodes-base.executeWorkflowTrigger',
	'n8n-nodes-base.errorTrigger',
	'@n8n/n8n-nodes-langchain.manualChatTrigger',
]);

/** True when the workflow has an enabled trigger node that publishing would start (webhook, poller, schedule, …). */
export function hasActivatableTrigger(wf: WorkflowDefinition, nodeTypes?: Map<string, NodeTypeDescription>): boolean {
	return wf.nodes.some((n) => {
		if (n.disabled || NON_ACTIVATING_TRIGGERS.has(n.type)) return false;
		const desc = nodeTypes?.get(n.type);
		if (desc) return (desc.group ?? []).includes('trigger') || !!desc.webhooks?.length || !!desc.polling;
		return /trigger$/i.test(n.type) || n.type === WEBHOOK_NODE_TYPE;
	});
}

export interface NodeTypeDescription {
	name: string;
	displayName?: string;
	version: number | number[];
	group?: string[];
	webhooks?: unknown[];
	polling?: boolean;
	credentials?: Array<{ name: string; required?: boolean }>;
	properties?: unknown[];
	[key: string]: unknown;
}

export interface RunWorkflowOptions {
	/** JSON body sent to the webhook that starts the run. */
	body?: unknown;
	timeoutMs?: number;
	/** Keep the temporary workflow (default: unpublish and delete it afterwards). */
	keep?: boolean;
	name?: string;
}

export interface RunResult {
	workflowId: string;
	executionId?: string;
	/** Execution status from n8n: success | error | crashed | canceled | … */
	status: string;
	/** HTTP answer of the starting webhook (responseMode lastNode: the last node's items). */
	httpStatus: number;
	response: unknown;
	execution: ExecutionRecord;
	/** runData of the execution, keyed by node name. */
	runData: Record<string, Array<{ error?: { message?: string; description?: string }; data?: { main?: Array<Array<{ json: unknown }> | null> } }>>;
	/** The error message when the execution failed. */
	error?: string;
	/** `json` of every item a node emitted on the given output (default 0) in its first run. */
	output(nodeName: string, outputIndex?: number): unknown[];
}

export interface ExecutionRecord {
	id: string | number;
	status: string;
	finished?: boolean;
	mode?: string;
	workflowId?: string;
	data?: {
		resultData?: {
			runData?: RunResult['runData'];
			error?: { message?: string; description?: string };
			lastNodeExecuted?: string;
		};
	};
	[key: string]: unknown;
}

// ---------------------------------------------------------------------------------------------------------------
// The client: everything that only needs HTTP
// ---------------------------------------------------------------------------------------------------------------

/** What a running harness hands to its users (JSON-serialisable; contains the API key and cookie: keep private). */
export interface HarnessInfo {
	n8nUrl: string;
	userFolder: string;
	logFile: string;
	packageName: string;
	packageDir: string;
	apiKey: string;
	cookie: string;
	owner: { email: string; password: string; firstName: string; lastName: string };
	caspioUrl?: string;
	acUrl?: string;
	credentials: Partial<Record<PresetCredentialType, string>>;
	/** The data each preset credential was created with (sandbox values only). */
	credentialData: Partial<Record<PresetCredentialType, Record<string, string | number>>>;
	workflows: ImportedWorkflow[];
	/** Where production webhooks are served: the webhook process in queue mode, else n8n itself. */
	webhookUrl?: string;
	/** Queue mode: the number of workers and the log file of every n8n process (main first). */
	queue?: { workers: number; logFiles: string[] };
}

export interface ImportedWorkflow {
	file: string;
	id: string;
	name: string;
	active: boolean;
	/** Why it is not active (no trigger, missing credentials, publish error), or that it was left as it was. */
	note?: string;
	/** The trigger's activation error n8n reported after publishing (n8n keeps retrying). */
	activationError?: string;
}

export class HarnessClient {
	readonly n8nUrl: string;
	readonly apiKey: string;
	readonly cookie: string;
	readonly caspio?: SandboxClient;
	readonly ac?: SandboxClient;
	readonly credentials: Partial<Record<PresetCredentialType, string>>;
	private nodeTypesCache?: Map<string, NodeTypeDescription>;

	constructor(readonly info: HarnessInfo) {
		this.n8nUrl = info.n8nUrl;
		this.apiKey = info.apiKey;
		this.cookie = info.cookie;
		this.credentials = info.credentials;
		if (info.caspioUrl) this.caspio = new SandboxClient(info.caspioUrl);
		if (info.acUrl) this.ac = new SandboxClient(info.acUrl);
	}

	get logFile() {
		return this.info.logFile;
	}

	/** Base URL of production webhooks (`<base>/webhook/<path>`). */
	get webhookBase(): string {
		return (this.info.webhookUrl ?? this.n8nUrl).replace(/\/$/, '');
	}

	/** Public API (`/api/v1`) with the API key; no throw, returns status + body. */
	apiRaw<T = unknown>(method: string, p: string, body?: unknown): Promise<HttpResult<T>> {
		return httpRequest<T>(method, `${this.n8nUrl}/api/v1${p}`, { body, headers: { 'X-N8N-API-KEY': this.apiKey } });
	}

	/** Public API; throws HttpError on status >= 400. */
	async api<T = unknown>(method: string, p: string, body?: unknown): Promise<T> {
		const res = await this.apiRaw<T>(method, p, body);
		if (res.status >= 400) throw new HttpError(method, `/api/v1${p}`, res.status, res.body);
		return res.body;
	}

	/** Internal REST API (`/rest`) with the owner's login cookie; no throw. */
	restRaw<T = unknown>(method: string, p: string, body?: unknown): Promise<HttpResult<T>> {
		return httpRequest<T>(method, `${this.n8nUrl}/rest${p}`, { body, headers: { cookie: this.cookie } });
	}

	/** Internal REST API; throws on status >= 400 and unwraps n8n's `{ data }` envelope. */
	async rest<T = unknown>(method: string, p: string, body?: unknown): Promise<T> {
		const res = await this.restRaw<{ data?: T }>(method, p, body);
		if (res.status >= 400) throw new HttpError(method, `/rest${p}`, res.status, res.body);
		const b = res.body as { data?: T } | undefined;
		return (b && typeof b === 'object' && 'data' in b ? b.data : b) as T;
	}

	/** Any path on the n8n server with the login cookie (e.g. `/types/nodes.json`). */
	async get<T = unknown>(p: string): Promise<T> {
		const res = await httpRequest<T>('GET', `${this.n8nUrl}${p}`, { headers: { cookie: this.cookie } });
		if (res.status >= 400) throw new HttpError('GET', p, res.status, res.body);
		return res.body;
	}

	/** All node type descriptions n8n knows (`/types/nodes.json`), keyed by type name (`<package>.<name>`). */
	async nodeTypes(refresh = false): Promise<Map<string, NodeTypeDescription>> {
		if (!this.nodeTypesCache || refresh) {
			const list = await this.get<NodeTypeDescription[]>('/types/nodes.json');
			this.nodeTypesCache = new Map(list.map((d) => [d.name, d]));
		}
		return this.nodeTypesCache;
	}

	/** All credential type names n8n knows (`/types/credentials.json`). */
	async credentialTypes(): Promise<Set<string>> {
		const list = await this.get<Array<{ name: string }>>('/types/credentials.json');
		return new Set(list.map((c) => c.name));
	}

	/** The editor's "Test" button for a stored credential: load it (secrets redacted) and POST /rest/credentials/test. */
	async testStoredCredential(id: string): Promise<{ status: string; message?: string }> {
		const cred = await this.rest<{ id: string; name: string; type: string; data?: Record<string, unknown> }>(
			'GET',
			`/credentials/${id}?includeData=true`,
		);
		return this.rest('POST', '/credentials/test', {
			credentials: { id: cred.id, name: cred.name, type: cred.type, data: cred.data ?? {} },
		});
	}

	/** Tests unsaved credential data (what the editor does for a new credential): POST /rest/credentials/test with id ''. */
	async testCredentialData(type: string, data: Record<string, unknown>, name = 'e2e test'): Promise<{ status: string; message?: string }> {
		return this.rest('POST', '/credentials/test', { credentials: { id: '', name, type, data } });
	}

	/**
	 * Runs a workflow through a production webhook: a Webhook node (responseMode lastNode) replaces a Manual
	 * Trigger, or is added and connected to every node without incoming connections; preset credentials are
	 * linked by type. The workflow is created, published, called, and (unless keep) unpublished and deleted.
	 */
	async runWorkflow(def: WorkflowDefinition, options: RunWorkflowOptions = {}): Promise<RunResult> {
		const wf: WorkflowDefinition = JSON.parse(JSON.stringify(def));
		const webhookPath = `e2e-${randomUUID()}`;
		let hook = wf.nodes.find((n) => n.type === WEBHOOK_NODE_TYPE);
		if (!hook) {
			const manual = wf.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger');
			const targets = manual
				? []
				: wf.nodes.filter((n) => !Object.values(wf.connections ?? {}).some((c) => JSON.stringify(c).includes(JSON.stringify(n.name))));
			hook = {
				id: randomUUID(),
				name: manual?.name ?? 'E2E Webhook',
				type: WEBHOOK_NODE_TYPE,
				typeVersion: 2,
				position: manual?.position ?? [-300, 0],
				webhookId: randomUUID(),
				parameters: { httpMethod: 'POST', path: webhookPath, responseMode: 'lastNode', responseData: 'allEntries', options: {} },
			};
			if (manual) wf.nodes = wf.nodes.map((n) => (n === manual ? hook! : n));
			else {
				wf.nodes.unshift(hook);
				wf.connections = {
					...(wf.connections ?? {}),
					[hook.name]: { main: [targets.map((t) => ({ node: t.name, type: 'main', index: 0 }))] },
				};
			}
		}
		const hookPath = String(hook.parameters?.path ?? webhookPath);
		const method = String(hook.parameters?.httpMethod ?? 'GET');
		const available: Record<string, { id: string; name: string }> = {};
		for (const [type, id] of Object.entries(this.credentials)) {
			if (id) available[type] = { id, name: CREDENTIAL_NAMES[type as PresetCredentialType] };
		}
		for (const node of wf.nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				if (!ref.id && available[type]) node.credentials![type] = available[type];
			}
		}
		const created = await this.api<{ id: string }>('POST', '/workflows', toApiWorkflow(wf, options.name ?? `e2e run ${new Date().toISOString()}`));
		const workflowId = created.id;
		try {
			await this.api('POST', `/workflows/${workflowId}/publish`, {});
			const url = `${this.webhookBase}/webhook/${hookPath}`;
			let res: HttpResult | undefined;
			for (let attempt = 0; attempt < 20; attempt++) {
				res = await httpRequest(method, url, {
					body: method === 'GET' ? undefined : (options.body ?? {}),
					timeoutMs: options.timeoutMs ?? 120_000,
				});
				if (res.status !== 404) break;
				await sleep(250); // registration may lag behind the publish answer
			}
			const execution = await this.waitForExecution(workflowId, { timeoutMs: options.timeoutMs });
			const runData = execution.data?.resultData?.runData ?? {};
			const err = execution.data?.resultData?.error;
			const result: RunResult = {
				workflowId,
				executionId: String(execution.id),
				status: execution.status,
				httpStatus: res!.status,
				response: res!.body,
				execution,
				runData,
				error: err ? [err.message, err.description].filter(Boolean).join(' — ') : undefined,
				output(nodeName: string, outputIndex = 0) {
					const runs = runData[nodeName];
					if (!runs?.length) return [];
					return (runs[0].data?.main?.[outputIndex] ?? []).map((i) => i.json);
				},
			};
			return result;
		} finally {
			if (!options.keep) {
				await this.apiRaw('POST', `/workflows/${workflowId}/unpublish`, {}).catch(() => undefined);
				await this.apiRaw('DELETE', `/workflows/${workflowId}`).catch(() => undefined);
			}
		}
	}

	/** Waits until the newest execution of the workflow has finished (public API, includeData). */
	async waitForExecution(workflowId: string, options: { timeoutMs?: number; afterId?: string | number } = {}): Promise<ExecutionRecord> {
		const deadline = Date.now() + (options.timeoutMs ?? 120_000);
		for (;;) {
			const list = await this.api<{ data: ExecutionRecord[] }>('GET', `/executions?workflowId=${workflowId}&includeData=true&limit=1`);
			const latest = list.data[0];
			const isNew = latest && (options.afterId === undefined || Number(latest.id) > Number(options.afterId));
			if (isNew && !['new', 'running', 'waiting', 'unknown'].includes(latest.status)) return latest;
			if (Date.now() > deadline) {
				throw new Error(`no finished execution of workflow ${workflowId} after ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s (latest: ${latest ? `${latest.id} ${latest.status}` : 'none'})`);
			}
			await sleep(300);
		}
	}

	/** Last lines of the n8n log. */
	logTail(lines = 60): string {
		return tailFile(this.info.logFile, lines);
	}
}

// ---------------------------------------------------------------------------------------------------------------
// Setting an instance up: owner, API key, credentials, workflows
// ---------------------------------------------------------------------------------------------------------------

function cookieFrom(res: HttpResult): string | undefined {
	const cookies = res.headers.getSetCookie?.() ?? [];
	const auth = cookies.find((c) => c.startsWith('n8n-auth='));
	return auth?.split(';')[0];
}

/** Creates the owner on a fresh instance, or logs in when one exists; returns the `n8n-auth` cookie. */
export async function ensureOwner(n8nUrl: string, owner: HarnessInfo['owner']): Promise<{ cookie: string; created: boolean }> {
	const setup = await httpRequest('POST', `${n8nUrl}/rest/owner/setup`, { body: owner });
	if (setup.status < 300) {
		const cookie = cookieFrom(setup);
		if (cookie) return { cookie, created: true };
	}
	const login = await httpRequest('POST', `${n8nUrl}/rest/login`, {
		body: { emailOrLdapLoginId: owner.email, password: owner.password },
	});
	const cookie = cookieFrom(login);
	if (login.status >= 300 || !cookie) {
		const why = setup.status >= 300 ? ` (owner setup answered ${setup.status}: ${JSON.stringify(setup.body)?.slice(0, 200)})` : '';
		throw new Error(
			`could not log in as ${owner.email} (HTTP ${login.status})${why}. The user folder has an owner with another login: ` +
				'set N8N_OWNER_EMAIL / N8N_OWNER_PASSWORD to it, or delete the user folder.',
		);
	}
	return { cookie, created: false };
}

/** Deletes earlier harness API keys and creates a new one with every scope the instance offers. */
export async function createApiKey(n8nUrl: string, cookie: string): Promise<string> {
	const headers = { cookie };
	type Key = { id: string; label: string };
	const existing = await httpRequest<{ data: Key[] | { items: Key[] } }>('GET', `${n8nUrl}/rest/api-keys?ownership=mine&take=250`, { headers });
	const list = existing.body?.data;
	// 2.41 answers { data: { items, counts, … } }; older versions a plain array.
	for (const key of (Array.isArray(list) ? list : (list?.items ?? [])) as Key[]) {
		if (key.label === API_KEY_LABEL) await httpRequest('DELETE', `${n8nUrl}/rest/api-keys/${key.id}`, { headers });
	}
	const scopes = await httpRequest<{ data: string[] }>('GET', `${n8nUrl}/rest/api-keys/scopes`, { headers });
	if (scopes.status >= 300) throw new HttpError('GET', '/rest/api-keys/scopes', scopes.status, scopes.body);
	const res = await httpRequest<{ data: { rawApiKey: string } }>('POST', `${n8nUrl}/rest/api-keys`, {
		headers,
		body: { label: API_KEY_LABEL, scopes: scopes.body.data, expiresAt: null },
	});
	if (res.status >= 300 || !res.body?.data?.rawApiKey) throw new HttpError('POST', '/rest/api-keys', res.status, res.body);
	return res.body.data.rawApiKey;
}

/** `processesSharingAccount`: how many n8n processes split ActiveCampaign's 5 req/s (the workers in queue mode). */
export function sandboxCredentialData(caspioUrl?: string, acUrl?: string, processesSharingAccount?: number): HarnessInfo['credentialData'] {
	const data: HarnessInfo['credentialData'] = {};
	if (caspioUrl) data.caspioApi = { integrationUrl: caspioUrl, clientId: 'sandbox-client', clientSecret: 'sandbox-secret' };
	if (acUrl) {
		data.activeCampaignPlusApi = {
			apiUrl: acUrl,
			apiKey: 'sandbox-key',
			eventAccountId: '1000',
			eventKey: 'sandbox-event-key',
			eventTrackingUrl: `${acUrl}/event`,
			...(processesSharingAccount ? { processesSharingAccount } : {}),
		};
	}
	return data;
}

/** Lists every credential (public API, paginated). */
async function listCredentials(client: HarnessClient): Promise<Array<{ id: string; name: string; type: string }>> {
	const all: Array<{ id: string; name: string; type: string }> = [];
	let cursor: string | undefined;
	do {
		const page = await client.api<{ data: Array<{ id: string; name: string; type: string }>; nextCursor?: string | null }>(
			'GET',
			`/credentials?limit=250${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
		);
		all.push(...page.data);
		cursor = page.nextCursor ?? undefined;
	} while (cursor);
	return all;
}

/** Creates (or, on a re-run, updates) a credential by name + type through the public API. Returns its id. */
export async function upsertCredential(client: HarnessClient, name: string, type: string, data: Record<string, string | number>): Promise<string> {
	const existing = (await listCredentials(client)).find((c) => c.name === name && c.type === type);
	const res = existing
		? await client.apiRaw<{ id: string; message?: string }>('PATCH', `/credentials/${existing.id}`, { name, type, data })
		: await client.apiRaw<{ id: string; message?: string }>('POST', '/credentials', { name, type, data });
	if (res.status >= 300) {
		const known = await client.credentialTypes().catch(() => undefined);
		if (known && !known.has(type)) {
			throw new Error(
				`n8n does not know the credential type "${type}", so it cannot create "${name}". Is ${PACKAGE_NAME} built ` +
					`(dist/credentials/*.js listed in package.json "n8n.credentials") and did it load? See the n8n log ${client.logFile} ` +
					`(for a temporary user folder a copy is kept in ${path.join(cacheRoot(), 'logs', 'last-harness-n8n.log')}).\n` +
					`n8n answered HTTP ${res.status}: ${JSON.stringify(res.body)?.slice(0, 300)}`,
			);
		}
		throw new HttpError(existing ? 'PATCH' : 'POST', '/api/v1/credentials', res.status, res.body);
	}
	return existing?.id ?? res.body.id;
}

async function findWorkflowByName(client: HarnessClient, name: string): Promise<{ id: string; active: boolean } | undefined> {
	const page = await client.api<{ data: Array<{ id: string; name: string; active: boolean; isArchived?: boolean }> }>(
		'GET',
		`/workflows?name=${encodeURIComponent(name)}&limit=250`,
	);
	return page.data.find((w) => w.name === name && !w.isArchived);
}

/**
 * Imports `<dir>/*.json` (each a workflow object, or an array of them): links credential references to the
 * given credentials by type, creates or updates by name, and publishes those with a trigger when all their
 * credentials are present. Re-runs update in place instead of duplicating.
 */
export async function importWorkflows(
	client: HarnessClient,
	dir: string,
	available: Record<string, { id: string; name: string }>,
	options: { activate?: boolean; updateExisting?: boolean; log?: Logger } = {},
): Promise<ImportedWorkflow[]> {
	const log = options.log ?? defaultLog;
	if (!fs.existsSync(dir)) return [];
	const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
	const types = await client.nodeTypes(true);
	const result: ImportedWorkflow[] = [];
	for (const file of files) {
		const parsed = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as WorkflowDefinition | WorkflowDefinition[];
		for (const wf of Array.isArray(parsed) ? parsed : [parsed]) {
			const name = wf.name ?? path.basename(file, '.json');
			const unknownTypes = [...new Set(wf.nodes.map((n) => n.type).filter((t) => !types.has(t)))];
			const missing = linkCredentials(wf, available);
			const body = toApiWorkflow(wf, name);
			const existing = await findWorkflowByName(client, name);
			if (existing && options.updateExisting === false) {
				result.push({ file, id: existing.id, name, active: existing.active, note: 'already there, left unchanged' });
				log(`workflow "${name}" (${file}) → ${existing.id} already there, left unchanged`);
				continue;
			}
			let id: string;
			if (existing) {
				await client.api('PUT', `/workflows/${existing.id}`, body);
				id = existing.id;
			} else {
				id = (await client.api<{ id: string }>('POST', '/workflows', body)).id;
			}
			const entry: ImportedWorkflow = { file, id, name, active: false };
			if (unknownTypes.length) entry.note = `unknown node types: ${unknownTypes.join(', ')}`;
			else if (!hasActivatableTrigger(wf, types)) entry.note = 'no trigger node';
			else if (missing.length) entry.note = `needs credentials: ${missing.join(', ')}`;
			else if (options.activate !== false) {
				const pub = await client.apiRaw<{ active?: boolean; message?: string }>('POST', `/workflows/${id}/publish`, {});
				if (pub.status < 300) entry.active = true;
				else entry.note = `publish failed: HTTP ${pub.status} ${JSON.stringify(pub.body)?.slice(0, 300)}`;
			} else entry.note = 'activation disabled';
			if (!entry.active && existing?.active) {
				await client.apiRaw('POST', `/workflows/${id}/unpublish`, {});
			}
			log(`workflow "${name}" (${file}) → ${id}${entry.active ? ' published' : ` not published: ${entry.note}`}`);
			result.push(entry);
		}
	}
	// Trigger activation errors are reported asynchronously (publish answers active:true regardless).
	if (result.some((w) => w.active)) {
		await sleep(1500);
		for (const w of result.filter((x) => x.active)) {
			const err = await client.restRaw<{ data?: string | null }>('GET', `/active-workflows/error/${w.id}`).catch(() => undefined);
			const message = err && err.status < 300 ? err.body?.data : undefined;
			if (message) {
				w.activationError = String(message);
				log(`workflow "${w.name}": n8n reports an activation error: ${w.activationError}`);
			}
		}
	}
	return result;
}

// ---------------------------------------------------------------------------------------------------------------
// startHarness
// ---------------------------------------------------------------------------------------------------------------

interface RunningSandbox {
	url: string;
	port: number;
	close(): Promise<void>;
}
type SandboxStarter = (options: { port?: number; seedDemo?: boolean }) => Promise<RunningSandbox>;

function loadSandboxStarter(module: 'caspio' | 'activecampaign', exportName: string): SandboxStarter {
	const file = path.join(REPO_ROOT, 'test', 'sandbox', module);
	let mod: Record<string, unknown>;
	try {
		// Loaded lazily (ts-node / ts-jest compile it) so --no-sandbox runs never touch the sandbox code.
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		mod = require(file);
	} catch (e) {
		throw new Error(`cannot load the ${module} sandbox (${file}.ts): ${(e as Error).message}`);
	}
	const fn = mod[exportName];
	if (typeof fn !== 'function') throw new Error(`${file}.ts does not export ${exportName}()`);
	return fn as SandboxStarter;
}

export interface HarnessOptions {
	/** Start the Caspio and ActiveCampaign sandboxes and create credentials pointing at them (default true). */
	sandbox?: boolean;
	/** Seed the sandboxes with demo data (default true). */
	seedDemo?: boolean;
	/** n8n's user folder (n8n data goes to `<userFolder>/.n8n`). Default: a new temp folder, removed by stop(). */
	userFolder?: string;
	/** Remove the user folder on stop() (default: true for the temp folder, false for a given one). */
	removeUserFolder?: boolean;
	n8nPort?: number;
	brokerPort?: number;
	caspioPort?: number;
	acPort?: number;
	/** Run `npm run build` before packing (default true). */
	build?: boolean;
	/** Use this tarball instead of building and packing the repo. */
	tarball?: string;
	installMethod?: 'n8n' | 'npm-install';
	/** Folder of workflow templates (default `<repo>/workflows`); false to import none. */
	workflowsDir?: string | false;
	/** Publish imported workflows that have a trigger (default true). */
	activate?: boolean;
	/** Overwrite workflows that already exist by name (default: true with the sandbox, false without it, so
	 *  edits made in the editor against real accounts survive a restart). */
	updateExistingWorkflows?: boolean;
	owner?: Partial<HarnessInfo['owner']>;
	/** Extra environment for n8n. */
	env?: NodeJS.ProcessEnv;
	/**
	 * Queue mode: PostgreSQL and Redis (started for the run), the main process, one webhook process and `workers`
	 * workers (default 2). The preset ActiveCampaign credential then splits its 5 req/s between the workers.
	 */
	queue?: boolean | { workers?: number };
	/** Stop everything on SIGINT/SIGTERM (default false; the CLI turns it on). */
	handleSignals?: boolean;
	readyTimeoutMs?: number;
	log?: Logger;
}

export interface Harness extends HarnessClient {
	n8n: N8nProcess;
	timings: Record<string, number>;
	/** True once stop() (or a handled signal) began shutting down. */
	isStopping(): boolean;
	stop(): Promise<void>;
}

/** Does everything: n8n install (cached), build + pack + install the package, sandboxes, n8n, owner, key, credentials, workflows. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
	const log = options.log ?? defaultLog;
	const timings: Record<string, number> = {};
	const time = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
		const t0 = Date.now();
		try {
			return await fn();
		} finally {
			timings[label] = Date.now() - t0;
		}
	};
	const useSandbox = options.sandbox !== false;
	const tempFolder = !options.userFolder;
	const userFolder = path.resolve(options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-')));
	const removeUserFolder = options.removeUserFolder ?? tempFolder;
	fs.mkdirSync(userFolder, { recursive: true });

	const cleanups: Array<() => Promise<void>> = [];
	let stopped = false;
	const n8nLogFiles: string[] = [];
	const stopAll = async () => {
		if (stopped) return;
		stopped = true;
		for (const fn of cleanups.reverse()) {
			try {
				await fn();
			} catch (e) {
				log(`cleanup failed: ${(e as Error).message}`);
			}
		}
		if (removeUserFolder) {
			// Keep the n8n logs of a throwaway instance where they can still be read.
			for (const file of n8nLogFiles.filter((f) => fs.existsSync(f))) {
				const name = path.basename(file) === 'n8n-harness.log' ? 'n8n' : path.basename(file, '.log');
				const kept = path.join(cacheRoot(), 'logs', `last-harness-${name}.log`);
				fs.mkdirSync(path.dirname(kept), { recursive: true });
				fs.copyFileSync(file, kept);
				log(`n8n log kept in ${kept}`);
			}
			fs.rmSync(userFolder, { recursive: true, force: true });
		}
	};
	const onSignal = (signal: NodeJS.Signals) => {
		log(`${signal}: stopping n8n and the sandboxes…`);
		stopAll().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
	};
	if (options.handleSignals) {
		process.once('SIGINT', onSignal);
		process.once('SIGTERM', onSignal);
		cleanups.push(async () => {
			process.removeListener('SIGINT', onSignal);
			process.removeListener('SIGTERM', onSignal);
		});
	}

	try {
		// Slow and independent: the n8n install (cached) and build + pack run in parallel.
		const [, tarball] = await Promise.all([
			time('n8nInstall', () => ensureN8n({ log })),
			options.tarball ? Promise.resolve(path.resolve(options.tarball)) : time('buildAndPack', () => buildAndPack({ build: options.build, log })),
		]);
		const packageDir = await time('installPackage', () => installPackage(userFolder, tarball, { method: options.installMethod, log }));
		if (!options.tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });

		let caspio: RunningSandbox | undefined;
		let ac: RunningSandbox | undefined;
		if (useSandbox) {
			const seedDemo = options.seedDemo !== false;
			const startCaspio = loadSandboxStarter('caspio', 'startCaspioSandbox');
			const startAc = loadSandboxStarter('activecampaign', 'startActiveCampaignSandbox');
			caspio = await startCaspio({ port: options.caspioPort ?? 0, seedDemo });
			cleanups.push(() => caspio!.close());
			ac = await startAc({ port: options.acPort ?? 0, seedDemo });
			cleanups.push(() => ac!.close());
			log(`sandboxes: Caspio ${caspio.url}, ActiveCampaign ${ac.url}`);
		}

		const workers = options.queue ? ((typeof options.queue === 'object' ? options.queue.workers : undefined) ?? 2) : 0;
		let env = options.env;
		let webhookUrl: string | undefined;
		if (workers > 0) {
			const services = await time('queueServices', () => startQueueServices({ log }));
			cleanups.push(() => services.stop());
			webhookUrl = `http://127.0.0.1:${await freePort()}/`;
			env = { ...queueEnvironment(userFolder, services.n8nEnv), ...options.env };
		}

		const n8nPort = options.n8nPort ?? (await freePort());
		const brokerPort = options.brokerPort ?? (await freePort());
		for (const [what, port] of [['n8n', n8nPort], ['n8n task broker', brokerPort]] as const) {
			if (!(await isPortFree(port))) throw new Error(`port ${port} for ${what} is in use (another n8n running?); choose another port`);
		}
		log(`starting n8n ${N8N_VERSION}${workers ? ' (queue mode: main)' : ''} on http://127.0.0.1:${n8nPort} (user folder ${userFolder})`);
		const n8n = await time('n8nStartToReady', () =>
			startN8n({ userFolder, port: n8nPort, brokerPort, webhookUrl, env, readyTimeoutMs: options.readyTimeoutMs, log }),
		);
		cleanups.push(() => n8n.stop());
		n8nLogFiles.push(n8n.logFile);
		log(`n8n ready in ${(timings.n8nStartToReady / 1000).toFixed(1)} s (log: ${n8n.logFile})`);
		if (workers > 0) {
			const others = await time('queueProcessesToReady', () =>
				startQueueProcesses({ userFolder, workers, webhookUrl: webhookUrl!, editorUrl: n8n.url, env, readyTimeoutMs: options.readyTimeoutMs, log }),
			);
			for (const p of others) {
				cleanups.push(() => p.stop());
				n8nLogFiles.push(p.logFile);
			}
			log(`webhook process and ${workers} workers ready in ${(timings.queueProcessesToReady / 1000).toFixed(1)} s`);
		}

		const owner: HarnessInfo['owner'] = {
			email: options.owner?.email ?? 'owner@example.com',
			password: options.owner?.password ?? `E2e-${randomBytes(9).toString('base64url')}-9x`,
			firstName: options.owner?.firstName ?? 'Harness',
			lastName: options.owner?.lastName ?? 'Owner',
		};
		const { cookie } = await time('owner', () => ensureOwner(n8n.url, owner));
		const apiKey = await time('apiKey', () => createApiKey(n8n.url, cookie));

		const info: HarnessInfo = {
			n8nUrl: n8n.url,
			userFolder,
			logFile: n8n.logFile,
			packageName: PACKAGE_NAME,
			packageDir,
			apiKey,
			cookie,
			owner,
			caspioUrl: caspio?.url,
			acUrl: ac?.url,
			credentials: {},
			credentialData: sandboxCredentialData(caspio?.url, ac?.url, workers || undefined),
			workflows: [],
			webhookUrl,
			queue: workers ? { workers, logFiles: n8nLogFiles } : undefined,
		};
		const client = new HarnessClient(info);
		await reportLoadedPackage(client, packageDir, n8n.logFile, log);

		const available: Record<string, { id: string; name: string }> = {};
		if (useSandbox) {
			await time('credentials', async () => {
				for (const type of Object.keys(CREDENTIAL_NAMES) as PresetCredentialType[]) {
					const data = info.credentialData[type];
					if (!data) continue;
					const id = await upsertCredential(client, CREDENTIAL_NAMES[type], type, data);
					info.credentials[type] = id;
					available[type] = { id, name: CREDENTIAL_NAMES[type] };
				}
			});
		} else {
			// Real accounts: link templates to credentials the user created in the editor (first of each type),
			// never to preset sandbox credentials that may linger in the user folder.
			const presetNames = new Set<string>(Object.values(CREDENTIAL_NAMES));
			for (const c of await listCredentials(client)) {
				if (!presetNames.has(c.name)) available[c.type] ??= { id: c.id, name: c.name };
			}
		}

		const workflowsDir = options.workflowsDir === false ? undefined : (options.workflowsDir ?? path.join(REPO_ROOT, 'workflows'));
		if (workflowsDir) {
			info.workflows = await time('workflows', () =>
				importWorkflows(client, workflowsDir, available, {
					activate: options.activate,
					updateExisting: options.updateExistingWorkflows ?? useSandbox,
					log,
				}),
			);
		}

		const harness = client as Harness;
		harness.n8n = n8n;
		harness.timings = timings;
		harness.stop = stopAll;
		harness.isStopping = () => stopped;
		return harness;
	} catch (error) {
		if (n8nLogFiles[0]) log(`setup failed: ${(error as Error).message}\nLast lines of ${n8nLogFiles[0]}:\n${tailFile(n8nLogFiles[0], 40)}`);
		await stopAll();
		throw error;
	}
}

/**
 * What every process of a queue-mode n8n shares: the database, Redis, the encryption key (workers refuse to start
 * without it in the environment). Production webhooks are served by the webhook process only, manual runs go to
 * the workers too, so every execution runs where it would at scale.
 */
function queueEnvironment(userFolder: string, services: Record<string, string>): NodeJS.ProcessEnv {
	let encryptionKey: string | undefined;
	try {
		// A user folder used before keeps its key: n8n refuses to start with a different one.
		encryptionKey = JSON.parse(fs.readFileSync(path.join(userFolder, '.n8n', 'config'), 'utf8')).encryptionKey;
	} catch {
		/* a new folder */
	}
	return {
		...services,
		EXECUTIONS_MODE: 'queue',
		N8N_ENCRYPTION_KEY: encryptionKey ?? randomBytes(24).toString('hex'),
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
	};
}

/**
 * The webhook process and the workers of a queue-mode n8n. Each gets a user folder of its own (n8n keeps a crash
 * journal and event logs there) holding a copy of the main process's community package folder, as containers
 * sharing one nodes volume would.
 */
async function startQueueProcesses(o: {
	userFolder: string;
	workers: number;
	webhookUrl: string;
	editorUrl: string;
	env?: NodeJS.ProcessEnv;
	readyTimeoutMs?: number;
	log: Logger;
}): Promise<N8nProcess[]> {
	const specs: Array<{ name: string; command: N8nCommand; port: number }> = [
		{ name: 'webhook', command: 'webhook', port: Number(new URL(o.webhookUrl).port) },
	];
	for (let i = 1; i <= o.workers; i++) specs.push({ name: `worker-${i}`, command: 'worker', port: await freePort() });
	const started = await Promise.allSettled(
		specs.map(async (spec) => {
			const folder = path.join(o.userFolder, spec.name);
			fs.mkdirSync(path.join(folder, '.n8n'), { recursive: true });
			fs.cpSync(path.join(o.userFolder, '.n8n', 'nodes'), path.join(folder, '.n8n', 'nodes'), { recursive: true });
			return await startN8n({
				userFolder: folder,
				port: spec.port,
				brokerPort: await freePort(),
				command: spec.command,
				name: spec.name,
				webhookUrl: o.webhookUrl,
				editorUrl: o.editorUrl,
				env: o.env,
				readyTimeoutMs: o.readyTimeoutMs,
				log: o.log,
			});
		}),
	);
	const ready = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
	const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	if (failed) {
		await Promise.all(ready.map((p) => p.stop()));
		throw failed.reason;
	}
	return ready;
}

/**
 * n8n logs nothing when a community package loads fine, so ask it which of the declared nodes and credentials it
 * knows, write that into its log, and fail loudly when something declared is missing.
 */
async function reportLoadedPackage(client: HarnessClient, packageDir: string, logFile: string, log: Logger): Promise<void> {
	const declared = declaredFiles(packageDir);
	const [nodeTypes, credentialTypes] = await Promise.all([client.nodeTypes(), client.credentialTypes()]);
	const nodes = [...nodeTypes.keys()].filter((name) => name.startsWith(`${PACKAGE_NAME}.`) && !name.endsWith('Tool'));
	const credentials = [...credentialTypes].filter((c) => c in CREDENTIAL_NAMES);
	const line = `${PACKAGE_NAME} loaded: nodes ${nodes.join(', ')}; credentials ${credentials.join(', ')}`;
	fs.appendFileSync(logFile, `[harness] ${line}\n`);
	log(line);
	if (nodes.length < declared.nodes.length || credentials.length < declared.credentials.length) {
		throw new Error(
			`n8n knows ${nodes.length} of ${declared.nodes.length} declared nodes and ${credentials.length} of ` +
				`${declared.credentials.length} declared credentials of ${PACKAGE_NAME}; see ${logFile}`,
		);
	}
}

/** Scans the n8n log for package load problems (lines naming the package or a loader failure). */
export function packageLoadErrors(logText: string, packageName = PACKAGE_NAME): string[] {
	const lines = logText.split('\n');
	const patterns = [
		/Failed to load package/i,
		/Skipping package/i,
		/Unknown credential name/i,
		/Unrecognized (node|credential) type/i,
		/is not contained within the package directory/i,
	];
	return lines.filter(
		(l) =>
			patterns.some((p) => p.test(l)) ||
			(l.includes(packageName) && /\b(error|failed|cannot|could not|unable)\b/i.test(l)),
	);
}
