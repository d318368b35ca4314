import { caspioConsoleRoutes } from '../console/routes';
import type { Router, SandboxCore, SandboxRequest, SandboxResponse, SandboxService } from '../server';
import { adminRoutes } from './admin';
import { apiRoutes, TOKEN_PATH } from './api';
import { ATTACHMENT_LINK_PATH, AttachmentLinks, type AttachmentLinkRules } from './attachmentLinks';
import { TOKEN_TTL_SECONDS, Tokens, type AuthRules } from './auth';
import { demoSeed } from './demo-seed';
import { Directories } from './directories';
import { envelope } from './errors';
import { FileArea } from './files';
import { publicRow, Store, type WriteRules } from './store';
import { Tasks, type TaskRules } from './tasks';
import type { V4Rules } from './v4';
import type { ListRules } from './query';
import { Webhooks, type EventSource, type WebhookRules } from './webhooks';

/** Every switchable behaviour, most of them the UNCERTAIN points of the reference; settable at run time too. */
export interface CaspioBehaviour extends AuthRules, ListRules, WriteRules, WebhookRules, TaskRules, AttachmentLinkRules, V4Rules {}

export const DEFAULT_BEHAVIOUR: CaspioBehaviour = {
	clientId: 'sandbox-client',
	clientSecret: 'sandbox-secret',
	badClientStatus: 401,
	staleTokenAnswer: 401,
	refreshRequiresClient: false,
	rotateRefreshToken: false,
	rejectSmallLimit: false,
	includePagination: false,
	typeMismatchStatus: 500,
	uniqueViolationStatus: 400,
	rejectMilliseconds: false,
	missingWhere: 'reject',
	accountId: 'sandbox-account',
	webhookMessages: 'perRow',
	templateOutput: 'json',
	duplicateWebhookUrl: 'reject',
	taskRunWhileRunning: 400,
	taskRunStatus: 204,
	taskRunDetails: false,
	attachmentUrlTtlSeconds: 300,
	v4: 'on',
	bulkEcho: 'records',
};

/** Caspio refuses a request URI longer than this (§5.2). */
export const MAX_URI_LENGTH = 2047;

export interface CaspioSandboxOptions extends Partial<CaspioBehaviour> {
	port?: number;
	/** Load the Leads / Registrations / Preferences demo tables on start and on every reset. */
	seedDemo?: boolean;
	/** The ActiveCampaign sandbox whose contacts the console shows beside the tables (none: Caspio only). */
	activeCampaignUrl?: string;
}

/** The Caspio model behind the HTTP routes: data, tokens, webhooks and the behaviour switches. */
export class CaspioService implements SandboxService {
	readonly name = 'caspio';
	readonly store = new Store();
	readonly tokens = new Tokens();
	/** The Files area and record attachments (§2.1). */
	readonly files = new FileArea();
	/** Directories and their users (§2.1), each backed by a table of the store. */
	readonly directories = new Directories(this);
	/** Data import/export tasks (§14), seeded: no API creates them. */
	readonly tasks = new Tasks();
	/** Temporary download URLs of attachments in webhook payloads (§15.4). */
	readonly attachmentLinks = new AttachmentLinks(this.store, this.files);
	readonly webhooks = new Webhooks(this.store, (url, body, contentType, onStatus) =>
		// Without a running server (no core) there is nowhere to count deliveries, so none are sent.
		this.core ? this.core.deliver(url, body, contentType, onStatus) : Promise.resolve(),
	);
	behaviour: CaspioBehaviour;
	/** Set by startCaspioSandbox: the shared core owns faults and webhook delivery. */
	core: SandboxCore | undefined;
	readonly api: Router;
	readonly admin: Router;

	constructor(private readonly options: CaspioSandboxOptions = {}) {
		this.behaviour = this.initialBehaviour();
		this.webhooks.attachmentLink = (table, field, pk) => this.attachmentLinks.issue(table, field, pk, this.behaviour);
		this.api = apiRoutes(this);
		this.admin = caspioConsoleRoutes(adminRoutes(this), this, options.activeCampaignUrl);
		this.reset();
	}

	/** Clears data, webhooks and switches; issued tokens survive so a client's cached token stays usable. */
	reset(): void {
		this.store.clear();
		this.webhooks.clear();
		this.files.clear();
		this.directories.clear();
		this.tasks.clear();
		this.attachmentLinks.clear();
		this.behaviour = this.initialBehaviour();
		if (this.options.seedDemo) this.seed(demoSeed());
	}

	/** `{tables?, views?, webhooks?, folders?, files?, directories?, dataImportExportTasks?}`; a table of an existing name is replaced. */
	seed(body: unknown): SandboxResponse | void {
		const { tables, views, webhooks, folders, files, directories, dataImportExportTasks } = (body ?? {}) as Record<string, unknown[] | undefined>;
		try {
			for (const table of tables ?? []) this.store.addTable(table, this.behaviour);
			for (const view of views ?? []) this.store.addView(view);
			for (const webhook of webhooks ?? []) this.webhooks.seed(webhook, this.behaviour);
			this.files.seed(folders, files);
			for (const directory of directories ?? []) this.directories.seed(directory);
			for (const task of dataImportExportTasks ?? []) this.tasks.seed(task);
		} catch (error) {
			return { status: 400, body: { message: (error as Error).message } };
		}
	}

	state() {
		return { ...this.store.dump(), ...this.files.dump(), ...this.directories.dump(), webhooks: this.webhooks.dump(), dataImportExportTasks: this.tasks.dump(), attachmentLinks: this.attachmentLinks.dump(), behaviour: this.behaviour, tokens: this.tokens.count() };
	}

	before(req: SandboxRequest): SandboxResponse | undefined {
		// The request-target (path and query as sent) is what the limit measures; an over-long one is refused before anything else.
		if ((req.target ?? req.path).length > MAX_URI_LENGTH) {
			return envelope(req, 414, 'RequestUriTooLong', `The request URI is longer than ${MAX_URI_LENGTH} characters.`);
		}
		if (req.template === TOKEN_PATH || req.template === ATTACHMENT_LINK_PATH) return undefined;
		const refusal = this.tokens.check(req, this.behaviour);
		return refusal && envelope(req, refusal.status, refusal.code, refusal.message);
	}

	errorResponse(status: number, req: SandboxRequest | undefined, message: string): SandboxResponse {
		const codes: Record<number, string> = {
			404: 'ObjectNotFound',
			405: 'MethodNotAllowed',
			429: 'TooManyRequests',
			503: 'ServiceUnavailable',
		};
		// 429 details are UNCERTAIN (§5.2); Retry-After is what a well-behaved client needs.
		return envelope(req, status, codes[status] ?? 'InternalError', message, status === 429 ? { 'Retry-After': '1' } : {});
	}

	/** `faults.tokenTtlSeconds` > 0 shortens the lifetime of tokens issued from now on. */
	tokenTtlSeconds(): number {
		const forced = this.core?.faults.tokenTtlSeconds ?? 0;
		return forced > 0 ? forced : TOKEN_TTL_SECONDS;
	}

	setBehaviour(patch: unknown): void {
		const known = Object.entries((patch ?? {}) as Record<string, unknown>).filter(([k]) => k in DEFAULT_BEHAVIOUR);
		this.behaviour = { ...this.behaviour, ...Object.fromEntries(known) };
	}

	/** Every record write goes through here so each one fires the webhooks its source is subscribed to. */
	insert(tableName: string, body: unknown, source: EventSource): Record<string, unknown> {
		const change = this.store.insert(this.store.table(tableName), body, this.behaviour);
		this.webhooks.emit(change, source, this.behaviour);
		return change.rows[0].record;
	}

	update(tableName: string, where: string | undefined, body: unknown, source: EventSource): Record<string, unknown>[] {
		const table = this.store.table(tableName);
		const { affected, change } = this.store.update(table, where, body, this.behaviour);
		this.webhooks.emit(change, source, this.behaviour);
		return affected.map((row) => publicRow(table, row));
	}

	remove(tableName: string, where: string | undefined, source: EventSource): number {
		const { affected, change } = this.store.remove(this.store.table(tableName), where, this.behaviour);
		this.webhooks.emit(change, source, this.behaviour);
		return affected;
	}

	private initialBehaviour(): CaspioBehaviour {
		const { port: _port, seedDemo: _seedDemo, activeCampaignUrl: _activeCampaignUrl, ...given } = this.options;
		return { ...DEFAULT_BEHAVIOUR, ...given };
	}
}
