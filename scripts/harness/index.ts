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
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ensureN8n, N8N_VERSION } from '../n8n-install';
import { freePort } from '../ports';
import { startQueueServices } from '../queue-services';
import { createApiKey, ensureOwner } from './auth';
import { HarnessClient, type HarnessInfo } from './client';
import { createPresetCredentials, sandboxCredentialData, userCredentials, type CredentialRefs } from './credentials';
import { buildAndPack, installPackage, reportLoadedPackage } from './install';
import { defaultLog, type Logger } from './log';
import { isPortFree, startN8n, tailFile, type N8nProcess } from './process';
import { queueEnvironment, startQueueProcesses } from './queue';
import { PACKAGE_NAME, REPO_ROOT } from './repo';
import { loadSandboxStarter, type RunningSandbox } from './sandbox';
import { Teardown } from './teardown';
import { importWorkflows } from './workflows';

export { freePort } from '../ports';
export { createApiKey, ensureOwner } from './auth';
export { HarnessClient, type ExecutionRecord, type HarnessInfo, type RunResult, type RunWorkflowOptions } from './client';
export { CREDENTIAL_NAMES, sandboxCredentialData, upsertCredential, type PresetCredentialType } from './credentials';
export { HttpError, httpRequest, type HttpResult } from './http';
export { buildAndPack, declaredFiles, installPackage, packageLoadErrors } from './install';
export type { Logger } from './log';
export { isPortFree, n8nEnvironment, sleep, startN8n, tailFile, type N8nCommand, type N8nProcess, type N8nProcessOptions } from './process';
export { PACKAGE_NAME, REPO_ROOT } from './repo';
export { SandboxClient } from './sandbox';
export {
	hasActivatableTrigger,
	importWorkflows,
	linkCredentials,
	toApiWorkflow,
	type ImportedWorkflow,
	type NodeTypeDescription,
	type WorkflowDefinition,
	type WorkflowNode,
} from './workflows';

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

/** What the setup steps share. */
interface Setup {
	options: HarnessOptions;
	log: Logger;
	userFolder: string;
	teardown: Teardown;
	timings: Record<string, number>;
	/** Runs a step and records its duration in `timings` under the label. */
	time<T>(label: string, fn: () => Promise<T>): Promise<T>;
}

/** Queue mode's settings for the n8n processes; `workers` is 0 without queue mode. */
interface QueueSetup {
	workers: number;
	env?: NodeJS.ProcessEnv;
	webhookUrl?: string;
}

interface Sandboxes {
	caspio?: RunningSandbox;
	ac?: RunningSandbox;
}

/** The n8n install (cached) and build + pack are slow and independent, so they run in parallel. */
async function installStep({ options, log, userFolder, time }: Setup): Promise<string> {
	const [, tarball] = await Promise.all([
		time('n8nInstall', () => ensureN8n({ log })),
		options.tarball ? Promise.resolve(path.resolve(options.tarball)) : time('buildAndPack', () => buildAndPack({ build: options.build, log })),
	]);
	const packageDir = await time('installPackage', () => installPackage(userFolder, tarball, { method: options.installMethod, log }));
	if (!options.tarball) fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	return packageDir;
}

async function startSandboxes({ options, log, teardown }: Setup): Promise<Sandboxes> {
	if (options.sandbox === false) return {};
	const seedDemo = options.seedDemo !== false;
	const startCaspio = loadSandboxStarter('caspio', 'startCaspioSandbox');
	const startAc = loadSandboxStarter('activecampaign', 'startActiveCampaignSandbox');
	// ActiveCampaign first: the Caspio sandbox serves the console, which reads the contacts from it.
	const ac = await startAc({ port: options.acPort ?? 0, seedDemo });
	teardown.add(() => ac.close());
	const caspio = await startCaspio({ port: options.caspioPort ?? 0, seedDemo, activeCampaignUrl: ac.url });
	teardown.add(() => caspio.close());
	log(`sandboxes: Caspio ${caspio.url}, ActiveCampaign ${ac.url}, console ${caspio.consoleUrl}`);
	return { caspio, ac };
}

/** Queue mode: PostgreSQL and Redis, the webhook process's URL, and the environment every n8n process shares. */
async function startQueueServicesStep({ options, log, userFolder, teardown, time }: Setup): Promise<QueueSetup> {
	const workers = options.queue ? ((typeof options.queue === 'object' ? options.queue.workers : undefined) ?? 2) : 0;
	if (workers <= 0) return { workers, env: options.env };
	const services = await time('queueServices', () => startQueueServices({ log }));
	teardown.add(() => services.stop());
	const webhookUrl = `http://127.0.0.1:${await freePort()}/`;
	return { workers, webhookUrl, env: { ...queueEnvironment(userFolder, services.n8nEnv), ...options.env } };
}

async function startMainProcess({ options, log, userFolder, teardown, timings, time }: Setup, queue: QueueSetup): Promise<N8nProcess> {
	const n8nPort = options.n8nPort ?? (await freePort());
	const brokerPort = options.brokerPort ?? (await freePort());
	for (const [what, port] of [['n8n', n8nPort], ['n8n task broker', brokerPort]] as const) {
		if (!(await isPortFree(port))) throw new Error(`port ${port} for ${what} is in use (another n8n running?); choose another port`);
	}
	log(`starting n8n ${N8N_VERSION}${queue.workers ? ' (queue mode: main)' : ''} on http://127.0.0.1:${n8nPort} (user folder ${userFolder})`);
	const n8n = await time('n8nStartToReady', () =>
		startN8n({ userFolder, port: n8nPort, brokerPort, webhookUrl: queue.webhookUrl, env: queue.env, readyTimeoutMs: options.readyTimeoutMs, log }),
	);
	teardown.add(() => n8n.stop());
	teardown.n8nLogFiles.push(n8n.logFile);
	log(`n8n ready in ${(timings.n8nStartToReady / 1000).toFixed(1)} s (log: ${n8n.logFile})`);
	return n8n;
}

async function startQueueProcessesStep({ options, log, userFolder, teardown, timings, time }: Setup, queue: QueueSetup, editorUrl: string): Promise<void> {
	if (queue.workers <= 0) return;
	const others = await time('queueProcessesToReady', () =>
		startQueueProcesses({ userFolder, workers: queue.workers, webhookUrl: queue.webhookUrl!, editorUrl, env: queue.env, readyTimeoutMs: options.readyTimeoutMs, log }),
	);
	for (const p of others) {
		teardown.add(() => p.stop());
		teardown.n8nLogFiles.push(p.logFile);
	}
	log(`webhook process and ${queue.workers} workers ready in ${(timings.queueProcessesToReady / 1000).toFixed(1)} s`);
}

function ownerLogin(owner: HarnessOptions['owner']): HarnessInfo['owner'] {
	return {
		email: owner?.email ?? 'owner@example.com',
		password: owner?.password ?? `E2e-${randomBytes(9).toString('base64url')}-9x`,
		firstName: owner?.firstName ?? 'Harness',
		lastName: owner?.lastName ?? 'Owner',
	};
}

/** Logs in as the owner, creates an API key, and checks that n8n loaded every node and credential of the package. */
async function connect(
	{ options, log, userFolder, teardown, time }: Setup,
	started: { n8n: N8nProcess; packageDir: string; sandboxes: Sandboxes; queue: QueueSetup },
): Promise<HarnessClient> {
	const { n8n, packageDir, sandboxes, queue } = started;
	const owner = ownerLogin(options.owner);
	const { cookie } = await time('owner', () => ensureOwner(n8n.url, owner));
	const apiKey = await time('apiKey', () => createApiKey(n8n.url, cookie));
	const client = new HarnessClient({
		n8nUrl: n8n.url,
		userFolder,
		logFile: n8n.logFile,
		packageName: PACKAGE_NAME,
		packageDir,
		apiKey,
		cookie,
		owner,
		caspioUrl: sandboxes.caspio?.url,
		acUrl: sandboxes.ac?.url,
		consoleUrl: sandboxes.caspio?.consoleUrl,
		credentials: {},
		credentialData: {
			...sandboxCredentialData(sandboxes.caspio?.url, sandboxes.ac?.url, queue.workers || undefined),
			...(sandboxes.caspio ? { n8nApi: { apiKey, baseUrl: `${n8n.url}/api/v1` } } : {}),
		},
		workflows: [],
		webhookUrl: queue.webhookUrl,
		queue: queue.workers ? { workers: queue.workers, logFiles: teardown.n8nLogFiles } : undefined,
	});
	await reportLoadedPackage(client, packageDir, n8n.logFile, log);
	return client;
}

/** The credentials templates are linked to: the presets with the sandbox, else those the user made in the editor. */
function templateCredentials({ options, time }: Setup, client: HarnessClient): Promise<CredentialRefs> {
	return options.sandbox !== false ? time('credentials', () => createPresetCredentials(client)) : userCredentials(client);
}

async function importTemplates({ options, log, time }: Setup, client: HarnessClient, available: CredentialRefs): Promise<void> {
	const workflowsDir = options.workflowsDir === false ? undefined : (options.workflowsDir ?? path.join(REPO_ROOT, 'workflows'));
	if (!workflowsDir) return;
	client.info.workflows = await time('workflows', () =>
		importWorkflows(client, workflowsDir, available, {
			activate: options.activate,
			updateExisting: options.updateExistingWorkflows ?? options.sandbox !== false,
			log,
		}),
	);
}

/** Does everything: n8n install (cached), build + pack + install the package, sandboxes, n8n, owner, key, credentials, workflows. */
export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
	const log = options.log ?? defaultLog;
	const timings: Record<string, number> = {};
	const userFolder = path.resolve(options.userFolder ?? fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-')));
	fs.mkdirSync(userFolder, { recursive: true });
	// A temp folder is ours to remove; a given one is the caller's.
	const teardown = new Teardown(userFolder, options.removeUserFolder ?? !options.userFolder, log);
	if (options.handleSignals) teardown.stopOnSignals();
	const time = async <T>(label: string, fn: () => Promise<T>): Promise<T> => {
		const t0 = Date.now();
		try {
			return await fn();
		} finally {
			timings[label] = Date.now() - t0;
		}
	};
	const s: Setup = { options, log, userFolder, teardown, timings, time };
	try {
		const packageDir = await installStep(s);
		const sandboxes = await startSandboxes(s);
		const queue = await startQueueServicesStep(s);
		const n8n = await startMainProcess(s, queue);
		await startQueueProcessesStep(s, queue, n8n.url);
		const client = await connect(s, { n8n, packageDir, sandboxes, queue });
		await importTemplates(s, client, await templateCredentials(s, client));
		return Object.assign(client, { n8n, timings, stop: () => teardown.stop(), isStopping: () => teardown.isStopping() });
	} catch (error) {
		const mainLog = teardown.n8nLogFiles[0];
		if (mainLog) log(`setup failed: ${(error as Error).message}\nLast lines of ${mainLog}:\n${tailFile(mainLog, 40)}`);
		await teardown.stop();
		throw error;
	}
}
