import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { returnJsonArray } from 'n8n-core';
import type { IDataObject, IHookFunctions, IHttpRequestOptions, IWebhookFunctions } from 'n8n-workflow';

import { ActiveCampaignPlusApi } from '../../../../credentials/ActiveCampaignPlusApi.credentials';
import { ActiveCampaignPlusTrigger } from '../../../../nodes/ActiveCampaignPlus/ActiveCampaignPlusTrigger.node';
import { acSandbox } from '../support';

const ac = acSandbox();
const trigger = new ActiveCampaignPlusTrigger();
const hooks = trigger.webhookMethods.default;

/** n8n's authenticated request helper, reduced to what the transport uses: credential auth, qs, JSON, full response. */
function requestHelper(credentials: IDataObject) {
	return async (_type: string, options: IHttpRequestOptions) => {
		const signed = await new ActiveCampaignPlusApi().authenticate(credentials as never, { ...options });
		const url = new URL(signed.url);
		for (const [k, v] of Object.entries(signed.qs ?? {})) url.searchParams.set(k, String(v));
		const res = await fetch(url, {
			method: signed.method,
			headers: { 'content-type': 'application/json', ...(signed.headers as Record<string, string>) },
			body: signed.body === undefined ? undefined : JSON.stringify(signed.body),
		});
		const text = await res.text();
		const body = text ? JSON.parse(text) : {};
		if (res.status >= 400) {
			throw Object.assign(new Error(`HTTP ${res.status}`), { response: { status: res.status, headers: {}, data: body } });
		}
		return { statusCode: res.status, body };
	};
}

/** A local receiver standing in for n8n's webhook endpoint; records the full URL (with the token) and the form. */
async function receiver() {
	const received: Array<{ url: string; form: Record<string, string> }> = [];
	const server = http.createServer((req, res) => {
		let raw = '';
		req.on('data', (c: Buffer) => (raw += c.toString('utf8')));
		req.on('end', () => {
			received.push({ url: req.url ?? '', form: Object.fromEntries(new URLSearchParams(raw)) });
			res.writeHead(200);
			res.end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook/3f6c1e2a/webhook`;
	return { base, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

function hookContext(base: string, staticData: IDataObject, parameters: IDataObject = {}) {
	const credentials = ac.credentials().store.activeCampaignPlusApi;
	const params: IDataObject = { events: ['update', 'contact_tag_added'], sources: ['public', 'admin', 'api', 'system'], list: '0', ...parameters };
	return {
		getWorkflowStaticData: () => staticData,
		getNodeWebhookUrl: () => base,
		getNodeParameter: (name: string, fallback?: unknown) => params[name] ?? fallback,
		getCredentials: async () => credentials,
		getNode: () => ({ id: 'trigger-node', name: 'AC Trigger', type: 'activeCampaignPlusTrigger', typeVersion: 1, position: [0, 0], parameters: {} }),
		helpers: { httpRequestWithAuthentication: requestHelper(credentials) },
	} as unknown as IHookFunctions;
}

function webhookContext(staticData: IDataObject, request: { query: IDataObject; body: IDataObject }, options: IDataObject = {}) {
	const response = { statusCode: 200, body: undefined as unknown };
	const context = {
		getWorkflowStaticData: () => staticData,
		getQueryData: () => request.query,
		getBodyData: () => request.body,
		getNodeParameter: (name: string, fallback?: unknown) => (name === 'options' ? options : fallback),
		getWorkflow: () => ({ id: 'wf-1' }),
		getNode: () => ({ id: 'trigger-node', name: 'AC Trigger' }),
		getResponseObject: () => ({
			status(code: number) {
				response.statusCode = code;
				return this;
			},
			json(body: unknown) {
				response.body = body;
				return this;
			},
		}),
		helpers: { returnJsonArray },
	} as unknown as IWebhookFunctions;
	return { context, response };
}

describe('ActiveCampaign Plus Trigger: webhook lifecycle', () => {
	it('activation registers one webhook with a secret token in its URL; deactivation removes it', async () => {
		const base = 'http://127.0.0.1:5678/webhook/3f6c1e2a/webhook';
		const staticData: IDataObject = {};
		const context = hookContext(base, staticData);

		expect(await hooks.checkExists.call(context)).toBe(false);
		expect(await hooks.create.call(context)).toBe(true);

		const token = staticData.token as string;
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const [hook, ...others] = (await ac.state()).webhooks;
		expect(others).toEqual([]);
		expect(hook).toMatchObject({
			id: staticData.webhookId,
			name: `n8n:${base}`,
			url: `${base}?token=${token}`,
			events: ['update', 'contact_tag_added'],
			sources: ['public', 'admin', 'api', 'system'],
			listid: '0',
		});
		expect(await hooks.checkExists.call(context)).toBe(true);

		expect(await hooks.delete.call(context)).toBe(true);
		expect((await ac.state()).webhooks).toEqual([]);
		expect(staticData).toEqual({});
	});

	it('a webhook already deleted in ActiveCampaign (404) counts as removed', async () => {
		const staticData: IDataObject = {};
		const context = hookContext('http://127.0.0.1:5678/webhook/x/webhook', staticData);
		await hooks.create.call(context);
		await ac.env.ac.api('DELETE', `/webhooks/${String(staticData.webhookId)}`);

		expect(await hooks.checkExists.call(context)).toBe(false);
		expect(await hooks.delete.call(context)).toBe(true);
	});

	it('after static data was lost, the old webhook of this node is found by name and replaced', async () => {
		const base = 'http://127.0.0.1:5678/webhook/y/webhook';
		await hooks.create.call(hookContext(base, {}));
		const staticData: IDataObject = {};
		const context = hookContext(base, staticData);

		expect(await hooks.checkExists.call(context)).toBe(false);
		await hooks.create.call(context);

		const webhooks = (await ac.state()).webhooks;
		expect(webhooks.map((w) => w.url)).toEqual([`${base}?token=${String(staticData.token)}`]);
	});

	it('sources left empty mean all four; the list filter is sent as listid', async () => {
		const ids = await ac.seed({ lists: ['Newsletter'] });
		await hooks.create.call(hookContext('http://127.0.0.1:5678/webhook/z/webhook', {}, { sources: [], list: ids.lists.Newsletter }));

		expect((await ac.state()).webhooks[0]).toMatchObject({ sources: ['public', 'admin', 'api', 'system'], listid: ids.lists.Newsletter });
	});
});

describe('ActiveCampaign Plus Trigger: deliveries', () => {
	it('a contact update from ActiveCampaign becomes one nested item; the token never appears in it', async () => {
		await ac.seed({ fields: [{ title: 'Company Size', type: 'number' }], contacts: [{ email: 'ada@example.com', firstName: 'Ada' }] });
		const rx = await receiver();
		try {
			const staticData: IDataObject = {};
			await hooks.create.call(hookContext(rx.base, staticData));
			await ac.env.ac.admin('POST', '/contact-events', { email: 'ada@example.com', type: 'update', fields: { 'Company Size': '12' } });
			await ac.env.sandbox.idle();

			expect(rx.received).toHaveLength(1);
			const delivery = rx.received[0];
			const query = Object.fromEntries(new URL(delivery.url, 'http://x').searchParams);
			const { context } = webhookContext(staticData, { query, body: delivery.form });
			const result = await trigger.webhook.call(context);

			const items = result.workflowData?.[0] ?? [];
			expect(items).toHaveLength(1);
			const fieldId = (await ac.state()).fields[0].id;
			expect(items[0].json).toMatchObject({
				type: 'update',
				initiated_by: 'admin',
				initiated_from: 'admin',
				contact: { email: 'ada@example.com', first_name: 'Ada', fields: { [fieldId]: '12' } },
			});
			expect(items[0].json.date_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/);
			expect(Object.keys(items[0].json).some((k) => k.includes('['))).toBe(false);
			expect(JSON.stringify(items)).not.toContain(String(staticData.token));
		} finally {
			await rx.close();
		}
	});

	it.each([
		['a wrong token', { token: 'guessed' }],
		['no token', {}],
	])('%s gets 401 and starts nothing', async (_label, query) => {
		const { context, response } = webhookContext({ token: 'the-real-secret' }, { query, body: { type: 'update', 'contact[email]': 'a@b.co' } });

		const result = await trigger.webhook.call(context);

		expect(result).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(401);
		expect(JSON.stringify(response.body)).not.toContain('the-real-secret');
	});

	it('fails closed when the workflow has no stored token', async () => {
		const { context, response } = webhookContext({}, { query: { token: '' }, body: { type: 'update' } });

		expect(await trigger.webhook.call(context)).toEqual({ noWebhookResponse: true });
		expect(response.statusCode).toBe(401);
	});

	it('drops a repeated delivery inside the window, keeps it once the window is off', async () => {
		const staticData = { token: 't0ken' };
		const body = { type: 'contact_tag_added', date_time: '2026-01-01T10:00:00-05:00', 'contact[id]': '7', tag: 'vip-dupe-test' };
		const deliver = (options: IDataObject = {}) =>
			trigger.webhook.call(webhookContext(staticData, { query: { token: 't0ken' }, body }, options).context);

		const first = await deliver();
		const repeat = await deliver();
		const windowOff = await deliver({ dedupeSeconds: 0 });

		expect(first.workflowData?.[0]).toHaveLength(1);
		expect(repeat).toEqual({ webhookResponse: 'OK' });
		expect(windowOff.workflowData?.[0]).toHaveLength(1);
	});
});
