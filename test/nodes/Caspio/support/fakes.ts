/**
 * Small stand-ins for the contexts n8n gives a trigger (hook, poll, webhook), wired to the Caspio sandbox through
 * the real credential's preAuthentication/authenticate, with static data shared the way n8n's database shares it.
 */
import { randomUUID } from 'crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { returnJsonArray } from 'n8n-core';
import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	IPollFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { credentialTypes } from '../../../support/n8n';
import type { CaspioTestbed } from './testbed';

/** What one request through the fake helper looks like to the transport: axios-like errors included. */
function requester(bed: CaspioTestbed) {
	const credential = credentialTypes.caspioApi;
	let token = '';
	return async (_type: string, options: IHttpRequestOptions) => {
		const values = bed.credentials.store.caspioApi;
		if (!token) {
			const fetched = await credential.preAuthentication!.call(
				{ helpers: { httpRequest: async (o: IHttpRequestOptions) => await (await fetch(o.url, { method: o.method, headers: o.headers as Record<string, string>, body: o.body as string })).json() } } as never,
				values,
			);
			token = String(fetched.accessToken);
		}
		const url = new URL(options.url);
		for (const [k, v] of Object.entries(options.qs ?? {})) url.searchParams.set(k, String(v));
		const response = await fetch(url, {
			method: options.method,
			headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
			body: options.body === undefined ? undefined : JSON.stringify(options.body),
		});
		const text = await response.text();
		const data = text ? JSON.parse(text) : undefined;
		if (response.status >= 400) {
			throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
				response: { status: response.status, data, headers: {} },
			});
		}
		return data;
	};
}

export interface TriggerHarness {
	/** Stands for the workflow's static data in n8n's database: `node:<name>` and `global`. */
	staticData: { node: IDataObject; global: IDataObject };
	parameters: Record<string, unknown>;
	node: INode;
	hook(mode?: 'trigger' | 'manual'): IHookFunctions;
	poller(mode?: 'trigger' | 'manual'): IPollFunctions;
	webhook(body: unknown): { context: IWebhookFunctions; response: { status?: number; body?: unknown } };
	loadOptions(): ILoadOptionsFunctions;
}

/** n8n's `httpRequest` for JSON calls without credentials (the hybrid poll's hand-over to the webhook). */
async function plainRequest(options: IHttpRequestOptions): Promise<unknown> {
	const response = await fetch(options.url, {
		method: options.method ?? 'GET',
		headers: { 'content-type': 'application/json', accept: 'application/json' },
		body: options.body === undefined ? undefined : JSON.stringify(options.body),
	});
	if (response.status >= 400) throw new Error(`Request failed with status code ${response.status}`);
	const text = await response.text();
	return text ? JSON.parse(text) : undefined;
}

export function triggerHarness(bed: CaspioTestbed, parameters: Record<string, unknown>, webhookUrl = 'http://127.0.0.1:1/webhook'): TriggerHarness {
	const staticData = { node: {} as IDataObject, global: {} as IDataObject };
	// Each harness is one workflow, with an id of its own as in n8n.
	const workflowId = `wf-${randomUUID()}`;
	const node: INode = { id: 'trigger-node-1', name: 'Caspio Trigger', type: 'caspioTrigger', typeVersion: 1, position: [0, 0], parameters: {}, webhookId: 'hook-uuid-1' };
	const request = requester(bed);
	const getNodeParameter = (name: string, fallback?: unknown, options?: { extractValue?: boolean }) => {
		const value = parameters[name] ?? fallback;
		if (options?.extractValue && value && typeof value === 'object' && 'value' in value) return (value as { value: unknown }).value;
		return value;
	};
	const base = {
		getNode: () => node,
		getWorkflow: () => ({ id: workflowId, name: 'wf', active: true }),
		getCredentials: async () => bed.credentials.store.caspioApi,
		getWorkflowStaticData: (type: string) => (type === 'node' ? staticData.node : staticData.global),
		getNodeParameter,
		logger: { warn: () => undefined, debug: () => undefined, info: () => undefined, error: () => undefined },
		helpers: { httpRequestWithAuthentication: request, httpRequest: plainRequest, returnJsonArray },
	};
	return {
		staticData,
		parameters,
		node,
		hook: (mode = 'trigger') => ({ ...base, getMode: () => mode, getActivationMode: () => 'activate', getNodeWebhookUrl: () => webhookUrl }) as unknown as IHookFunctions,
		poller: (mode = 'trigger') => ({ ...base, getMode: () => mode, getActivationMode: () => 'activate' }) as unknown as IPollFunctions,
		webhook(body) {
			const response: { status?: number; body?: unknown } = {};
			const res = {
				status(code: number) {
					response.status = code;
					return res;
				},
				json(payload: unknown) {
					response.body = payload;
					return res;
				},
				send(payload: unknown) {
					response.body = payload;
					return res;
				},
				end() {
					return res;
				},
			};
			const context = { ...base, getBodyData: () => body, getResponseObject: () => res, getMode: () => 'webhook' } as unknown as IWebhookFunctions;
			return { context, response };
		},
		loadOptions: () => ({ ...base, getCurrentNodeParameter: (name: string, o?: { extractValue?: boolean }) => getNodeParameter(name, undefined, o) }) as unknown as ILoadOptionsFunctions,
	};
}

/**
 * An HTTP endpoint the sandbox delivers webhooks to; each delivery runs the node's `webhook()` and is answered
 * the way n8n would (its status, or 200). Emitted items are collected in order.
 */
export async function deliveryEndpoint(
	handle: (body: unknown) => Promise<{ result: IWebhookResponseData; status?: number }>,
): Promise<{ url: string; emitted: IDataObject[]; statuses: number[]; close(): Promise<void> }> {
	const emitted: IDataObject[] = [];
	const statuses: number[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			void (async () => {
				const { result, status } = await handle(JSON.parse(Buffer.concat(chunks).toString('utf8')));
				for (const item of result.workflowData?.[0] ?? []) emitted.push(item.json);
				const code = status ?? 200;
				statuses.push(code);
				res.writeHead(code).end();
			})();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/webhook/hook-uuid-1/webhook`,
		emitted,
		statuses,
		close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
	};
}
