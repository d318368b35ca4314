/** Workflow definitions: shaping them for n8n's API, linking credentials, and importing the templates folder. */
import { randomUUID } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import type { HarnessClient } from './client';
import type { CredentialRefs } from './credentials';
import { defaultLog, type Logger } from './log';
import { sleep } from './process';

const WEBHOOK_NODE_TYPE = 'n8n-nodes-base.webhook';

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
export function linkCredentials(wf: WorkflowDefinition, available: CredentialRefs): string[] {
	const missing = new Set<string>();
	for (const node of wf.nodes) {
		if (!node.credentials) continue;
		for (const type of Object.keys(node.credentials)) {
			const cred = available[type];
			if (cred) node.credentials[type] = { id: cred.id, name: cred.name };
			else {
				// A disabled node (e.g. an optional notification) does not keep the workflow from running.
				if (!node.disabled) missing.add(type);
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

/**
 * A copy of the workflow that a production webhook starts: a Webhook node (responseMode lastNode) replaces a Manual
 * Trigger, or is added and connected to every node without incoming connections. Returns the webhook's path and method.
 */
export function withWebhookTrigger(def: WorkflowDefinition): { wf: WorkflowDefinition; hookPath: string; method: string } {
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
	return { wf, hookPath: String(hook.parameters?.path ?? webhookPath), method: String(hook.parameters?.httpMethod ?? 'GET') };
}

async function findWorkflowByName(client: HarnessClient, name: string): Promise<{ id: string; active: boolean } | undefined> {
	const page = await client.api<{ data: Array<{ id: string; name: string; active: boolean; isArchived?: boolean }> }>(
		'GET',
		`/workflows?name=${encodeURIComponent(name)}&limit=250`,
	);
	return page.data.find((w) => w.name === name && !w.isArchived);
}

interface ImportOptions {
	activate?: boolean;
	updateExisting?: boolean;
	log?: Logger;
}

interface ImportContext {
	types: Map<string, NodeTypeDescription>;
	available: CredentialRefs;
	options: ImportOptions;
	log: Logger;
}

const ERROR_TRIGGER_TYPE = 'n8n-nodes-base.errorTrigger';

/** True when the workflow starts from an enabled Error Trigger (it handles other workflows' failures). */
export function isErrorWorkflow(wf: WorkflowDefinition): boolean {
	return wf.nodes.some((n) => n.type === ERROR_TRIGGER_TYPE && !n.disabled);
}

/** Why the workflow stays unpublished, or undefined when it can be published. */
function notPublishable(wf: WorkflowDefinition, missing: string[], ctx: ImportContext): string | undefined {
	const unknownTypes = [...new Set(wf.nodes.map((n) => n.type).filter((t) => !ctx.types.has(t)))];
	if (unknownTypes.length) return `unknown node types: ${unknownTypes.join(', ')}`;
	// n8n 2.41 runs an error workflow only when it is published (it loads the published version).
	if (!hasActivatableTrigger(wf, ctx.types) && !isErrorWorkflow(wf)) return 'no trigger node';
	if (missing.length) return `needs credentials: ${missing.join(', ')}`;
	if (ctx.options.activate === false) return 'activation disabled';
	return undefined;
}

/** Creates or updates one workflow by name and publishes it when it can run. */
async function importWorkflow(client: HarnessClient, file: string, wf: WorkflowDefinition, ctx: ImportContext): Promise<ImportedWorkflow> {
	const name = wf.name ?? path.basename(file, '.json');
	const missing = linkCredentials(wf, ctx.available);
	const body = toApiWorkflow(wf, name);
	const existing = await findWorkflowByName(client, name);
	if (existing && ctx.options.updateExisting === false) {
		ctx.log(`workflow "${name}" (${file}) → ${existing.id} already there, left unchanged`);
		return { file, id: existing.id, name, active: existing.active, note: 'already there, left unchanged' };
	}
	let id: string;
	if (existing) {
		await client.api('PUT', `/workflows/${existing.id}`, body);
		id = existing.id;
	} else {
		id = (await client.api<{ id: string }>('POST', '/workflows', body)).id;
	}
	const entry: ImportedWorkflow = { file, id, name, active: false };
	const note = notPublishable(wf, missing, ctx);
	if (note) entry.note = note;
	else {
		const pub = await client.apiRaw<{ active?: boolean; message?: string }>('POST', `/workflows/${id}/publish`, {});
		if (pub.status < 300) entry.active = true;
		else entry.note = `publish failed: HTTP ${pub.status} ${JSON.stringify(pub.body)?.slice(0, 300)}`;
	}
	if (!entry.active && existing?.active) {
		await client.apiRaw('POST', `/workflows/${id}/unpublish`, {});
	}
	ctx.log(`workflow "${name}" (${file}) → ${id}${entry.active ? ' published' : ` not published: ${entry.note}`}`);
	return entry;
}

/** Trigger activation errors are reported asynchronously (publish answers active:true regardless). */
async function recordActivationErrors(client: HarnessClient, imported: ImportedWorkflow[], log: Logger): Promise<void> {
	const active = imported.filter((w) => w.active);
	if (!active.length) return;
	await sleep(1500);
	for (const w of active) {
		const err = await client.restRaw<{ data?: string | null }>('GET', `/active-workflows/error/${w.id}`).catch(() => undefined);
		const message = err && err.status < 300 ? err.body?.data : undefined;
		if (message) {
			w.activationError = String(message);
			log(`workflow "${w.name}": n8n reports an activation error: ${w.activationError}`);
		}
	}
}

/**
 * Imports `<dir>/*.json` (each a workflow object, or an array of them): links credential references to the
 * given credentials by type, creates or updates by name, and publishes those with a trigger when all their
 * credentials are present. Re-runs update in place instead of duplicating. A workflow with an Error Trigger
 * (workflows/sync-errors.json) comes first, is published, and becomes every other one's `settings.errorWorkflow`.
 */
export async function importWorkflows(
	client: HarnessClient,
	dir: string,
	available: CredentialRefs,
	options: ImportOptions = {},
): Promise<ImportedWorkflow[]> {
	const log = options.log ?? defaultLog;
	if (!fs.existsSync(dir)) return [];
	const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
	const ctx: ImportContext = { types: await client.nodeTypes(true), available, options, log };
	const loaded = files.flatMap((file) => {
		const parsed = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as WorkflowDefinition | WorkflowDefinition[];
		return (Array.isArray(parsed) ? parsed : [parsed]).map((wf) => ({ file, wf }));
	});
	// The error workflow first, so every other one can name it (Workflow settings → Error Workflow).
	const imported = new Map<WorkflowDefinition, ImportedWorkflow>();
	let errorWorkflowId: string | undefined;
	for (const { file, wf } of loaded.filter((l) => isErrorWorkflow(l.wf))) {
		const entry = await importWorkflow(client, file, wf, ctx);
		imported.set(wf, entry);
		errorWorkflowId ??= entry.id;
	}
	for (const { file, wf } of loaded.filter((l) => !isErrorWorkflow(l.wf))) {
		if (errorWorkflowId) wf.settings = { ...(wf.settings ?? { executionOrder: 'v1' }), errorWorkflow: errorWorkflowId };
		imported.set(wf, await importWorkflow(client, file, wf, ctx));
	}
	const result = loaded.map((l) => imported.get(l.wf)!);
	await recordActivationErrors(client, result, log);
	return result;
}
