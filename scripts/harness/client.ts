/**
 * The n8n client: everything that only needs HTTP, so a jest globalSetup can start the harness and hand
 * `HarnessInfo` to the test files through a state file.
 */
import { presetCredentialRefs, type PresetCredentialType } from './credentials';
import { HttpError, httpRequest, type HttpResult } from './http';
import { sleep, tailFile } from './process';
import { SandboxClient } from './sandbox';
import { toApiWorkflow, withWebhookTrigger, type ImportedWorkflow, type NodeTypeDescription, type WorkflowDefinition } from './workflows';

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
	/** The sandbox console (Caspio tables with a DataPage-like form, ActiveCampaign contacts). */
	consoleUrl?: string;
	credentials: Partial<Record<PresetCredentialType, string>>;
	/** The data each preset credential was created with (sandbox values only). */
	credentialData: Partial<Record<PresetCredentialType, Record<string, string | number>>>;
	workflows: ImportedWorkflow[];
	/** Where production webhooks are served: the webhook process in queue mode, else n8n itself. */
	webhookUrl?: string;
	/** Queue mode: the number of workers and the log file of every n8n process (main first). */
	queue?: { workers: number; logFiles: string[] };
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

/** Calls the production webhook, retrying while it answers 404 (registration may lag behind the publish answer). */
async function callWebhook(method: string, url: string, options: RunWorkflowOptions): Promise<HttpResult> {
	const call = () =>
		httpRequest(method, url, {
			body: method === 'GET' ? undefined : (options.body ?? {}),
			timeoutMs: options.timeoutMs ?? 120_000,
		});
	let res = await call();
	for (let attempt = 1; attempt < 20 && res.status === 404; attempt++) {
		await sleep(250);
		res = await call();
		retried(`the webhook call (attempt ${attempt + 1})`, 'it answered 404 while its registration was still pending');
	}
	return res;
}

/** A retry shows in the log, so a flake is visible instead of hidden. */
/** The request could not connect: nothing listens on n8n's port. */
function refused(error: unknown): boolean {
	const cause = (error as { cause?: { code?: string } }).cause;
	return cause?.code === 'ECONNREFUSED' || /ECONNREFUSED/.test((error as Error).message ?? '');
}

export function retried(what: string, because: string): void {
	process.stderr.write(`[harness] retried ${what} because ${because}\n`);
}

function toRunResult(workflowId: string, execution: ExecutionRecord, res: HttpResult): RunResult {
	const runData = execution.data?.resultData?.runData ?? {};
	const err = execution.data?.resultData?.error;
	return {
		workflowId,
		executionId: String(execution.id),
		status: execution.status,
		httpStatus: res.status,
		response: res.body,
		execution,
		runData,
		error: err ? [err.message, err.description].filter(Boolean).join(' — ') : undefined,
		output(nodeName: string, outputIndex = 0) {
			const runs = runData[nodeName];
			if (!runs?.length) return [];
			return (runs[0].data?.main?.[outputIndex] ?? []).map((i) => i.json);
		},
	};
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
	 * Runs a workflow through a production webhook (see withWebhookTrigger); preset credentials are linked by type
	 * where a node names none. The workflow is created, published, called, and (unless keep) unpublished and deleted.
	 */
	async runWorkflow(def: WorkflowDefinition, options: RunWorkflowOptions = {}): Promise<RunResult> {
		const { wf, hookPath, method } = withWebhookTrigger(def);
		const available = presetCredentialRefs(this.credentials);
		for (const node of wf.nodes) {
			for (const [type, ref] of Object.entries(node.credentials ?? {})) {
				if (!ref.id && available[type]) node.credentials![type] = available[type];
			}
		}
		const created = await this.api<{ id: string }>('POST', '/workflows', toApiWorkflow(wf, options.name ?? `e2e run ${new Date().toISOString()}`));
		const workflowId = created.id;
		try {
			await this.api('POST', `/workflows/${workflowId}/publish`, {});
			const res = await callWebhook(method, `${this.webhookBase}/webhook/${hookPath}`, options);
			const execution = await this.waitForExecution(workflowId, { timeoutMs: options.timeoutMs });
			return toRunResult(workflowId, execution, res);
		} finally {
			if (!options.keep) {
				await this.apiRaw('POST', `/workflows/${workflowId}/unpublish`, {}).catch(() => undefined);
				await this.apiRaw('DELETE', `/workflows/${workflowId}`).catch(() => undefined);
			}
		}
	}

	/**
	 * Waits until the newest execution of the workflow has finished, then reads it with its data. Polls without data
	 * (a big run's data is megabytes), and a poll that fails on the network (a busy n8n resets a connection or does
	 * not answer in time) is retried, and logged, until the deadline.
	 */
	async waitForExecution(workflowId: string, options: { timeoutMs?: number; afterId?: string | number } = {}): Promise<ExecutionRecord> {
		const deadline = Date.now() + (options.timeoutMs ?? 120_000);
		const read = async <T>(p: string): Promise<T> => {
			for (;;) {
				try {
					return await this.api<T>('GET', p);
				} catch (error) {
					// A refused connection means n8n is not running (stopped on purpose, as R6 does): no point waiting.
					if (error instanceof HttpError || refused(error) || Date.now() > deadline) throw error;
					retried(`GET /api/v1${p.split('?')[0]}`, `it failed on the network (${(error as Error).message})`);
					await sleep(1000);
				}
			}
		};
		for (;;) {
			const list = await read<{ data: ExecutionRecord[] }>(`/executions?workflowId=${workflowId}&limit=1`);
			const latest = list.data[0];
			const isNew = latest && (options.afterId === undefined || Number(latest.id) > Number(options.afterId));
			if (isNew && !['new', 'running', 'waiting', 'unknown'].includes(latest.status)) return await read<ExecutionRecord>(`/executions/${latest.id}?includeData=true`);
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
