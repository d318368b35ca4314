/**
 * ActiveCampaign Plus in a real n8n 2.41 against the ActiveCampaign sandbox (demo seed, 5 req/s limit on):
 * an Upsert workflow leaves the contact exactly right, 200 items pass the limit without a 429 failure, and the
 * trigger registers its webhook on publish, turns a sandbox contact update into one nested execution, refuses a
 * wrong token with 401 and removes its webhook on unpublish.
 */
import { randomUUID } from 'crypto';

import { getHarness, sleep, type HarnessClient, type WorkflowNode } from './harness';

interface AcState {
	contacts: Array<{ email: string; firstName: string; tags: string[]; lists: Array<{ name: string; status: number }>; fieldValues: Record<string, string> }>;
	webhooks: Array<{ id: string; name: string; url: string; events: string[]; sources: string[] }>;
}

let h: HarnessClient;
let type: (name: string) => string;

beforeAll(() => {
	h = getHarness();
	type = (name) => `${h.info.packageName}.${name}`;
});

const state = async () => await h.ac!.state<AcState>();

/** Publishing and unpublishing are processed asynchronously by n8n; waits until `check` holds. */
async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await read();
		if (check(value) || Date.now() > deadline) return value;
		await sleep(250);
	}
}

function acNode(parameters: Record<string, unknown>, onError?: string): WorkflowNode {
	return {
		name: 'ActiveCampaign Plus',
		type: type('activeCampaignPlus'),
		typeVersion: 1,
		position: [200, 0],
		parameters,
		credentials: { activeCampaignPlusApi: { id: h.credentials.activeCampaignPlusApi!, name: 'sandbox' } },
		...(onError ? { onError } : {}),
	};
}

const upsert = (email: string) => ({
	resource: 'contact',
	operation: 'upsert',
	email,
	tagsToAdd: 'customer, e2e-new-tag',
	createMissingTags: true,
	listsToSubscribe: ['Newsletter'],
	customFields: {
		field: [
			{ name: 'Company Size', value: '42' },
			{ name: 'INTEREST', value: 'Analytics, Reporting' },
			{ name: 'Event Date', value: '2026-03-31' },
		],
	},
	additionalFields: { firstName: 'Erin' },
});

describe('ActiveCampaign Plus node in n8n', () => {
	it('an Upsert workflow leaves the sandbox contact exactly right', async () => {
		const run = await h.runWorkflow({ nodes: [acNode(upsert('erin.e2e@example.com'))], connections: {} });

		if (run.status !== 'success') throw new Error(`execution ${run.executionId}: ${run.error}`);
		expect(run.output('ActiveCampaign Plus')).toEqual([
			expect.objectContaining({ email: 'erin.e2e@example.com', created: true, tagsCreated: ['e2e-new-tag'] }),
		]);
		const contact = (await state()).contacts.find((c) => c.email === 'erin.e2e@example.com');
		expect(contact).toMatchObject({
			firstName: 'Erin',
			tags: ['customer', 'e2e-new-tag'],
			lists: [{ name: 'Newsletter', status: 1 }],
			fieldValues: { COMPANY_SIZE: '42', INTEREST: '||Analytics||Reporting||', EVENT_DATE: '2026-03-31' },
		});
	});

	it('200 items through Upsert: no 429, never more than 5 requests in a second at the sandbox', async () => {
		await h.ac!.admin('POST', '/__sandbox/rate-limit', { enabled: true });
		const before = await h.ac!.stats<{ sent429: number }>();
		const contacts = Array.from({ length: 200 }, (_, i) => ({ email: `load${i}.e2e@example.com` }));
		const split: WorkflowNode = {
			name: 'Split',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			position: [100, 0],
			parameters: { fieldToSplitOut: 'body.contacts', options: {} },
		};
		const hook: WorkflowNode = {
			name: 'Start',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			webhookId: randomUUID(),
			parameters: { httpMethod: 'POST', path: `e2e-${randomUUID()}`, responseMode: 'lastNode', responseData: 'noData', options: {} },
		};

		const run = await h.runWorkflow(
			{
				nodes: [hook, split, acNode(upsert('={{ $json.email }}'), 'continueErrorOutput')],
				connections: {
					Start: { main: [[{ node: 'Split', type: 'main', index: 0 }]] },
					Split: { main: [[{ node: 'ActiveCampaign Plus', type: 'main', index: 0 }]] },
				},
			},
			{ body: { contacts }, timeoutMs: 400_000 },
		);

		if (run.status !== 'success') throw new Error(`execution ${run.executionId}: ${run.error}`);
		expect(run.output('ActiveCampaign Plus', 0)).toHaveLength(200);
		expect(run.output('ActiveCampaign Plus', 1)).toEqual([]);
		const after = await h.ac!.stats<{ sent429: number }>();
		expect(after.sent429 - before.sent429).toBe(0);
		// The sandbox's own count of accepted v3 requests since the reset above (event tracking is another host).
		const rate = await h.ac!.admin<{ maxAcceptedPerSecond: number }>('GET', '/__sandbox/rate-limit');
		expect(rate.maxAcceptedPerSecond).toBeLessThanOrEqual(5);
		const stored = (await state()).contacts.filter((c) => c.email.endsWith('.e2e@example.com') && c.email.startsWith('load'));
		expect(stored).toHaveLength(200);
		expect(stored.every((c) => c.tags.length === 2 && c.lists.length === 1 && c.fieldValues.COMPANY_SIZE === '42')).toBe(true);
	}, 450_000);
});

describe('ActiveCampaign Plus Trigger in n8n', () => {
	it('publishing registers a webhook; a contact update starts one execution with nested data; a wrong token gets 401', async () => {
		const webhookId = randomUUID();
		const trigger: WorkflowNode = {
			name: 'AC Trigger',
			type: type('activeCampaignPlusTrigger'),
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters: { events: ['update'], sources: ['public', 'admin', 'api', 'system'], list: '0', options: {} },
			credentials: { activeCampaignPlusApi: { id: h.credentials.activeCampaignPlusApi!, name: 'sandbox' } },
		};
		const created = await h.api<{ id: string }>('POST', '/workflows', {
			name: `e2e trigger ${new Date().toISOString()}`,
			nodes: [{ id: randomUUID(), ...trigger }],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
		try {
			await h.api('POST', `/workflows/${created.id}/publish`, {});
			const base = `${h.n8nUrl}/webhook/${webhookId}/webhook`;
			const mine = async () => (await state()).webhooks.filter((w) => w.url.startsWith(`${base}?token=`));
			const ours = await eventually(mine, (hooks) => hooks.length > 0);
			expect(ours).toHaveLength(1);
			expect(ours[0]).toMatchObject({ name: `n8n:${base}`, events: ['update'], sources: ['public', 'admin', 'api', 'system'] });

			const wrong = await fetch(`${base}?token=wrong`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: 'type=update&contact%5Bemail%5D=x%40example.com',
			});
			expect(wrong.status).toBe(401);

			await h.ac!.admin('POST', '/__sandbox/contact-events', { email: 'ada@example.com', type: 'update', fields: { 'Company Size': '77' } });
			await h.ac!.admin('POST', '/__sandbox/idle');
			const execution = await h.waitForExecution(created.id, { timeoutMs: 60_000 });
			await sleep(1000);
			const executions = await h.api<{ data: unknown[] }>('GET', `/executions?workflowId=${created.id}`);

			expect(executions.data).toHaveLength(1);
			expect(execution.status).toBe('success');
			const items = execution.data?.resultData?.runData?.['AC Trigger']?.[0]?.data?.main?.[0] ?? [];
			expect(items).toHaveLength(1);
			const json = items[0].json as Record<string, unknown>;
			expect(json).toMatchObject({
				type: 'update',
				initiated_by: 'admin',
				contact: expect.objectContaining({ email: 'ada@example.com', first_name: 'Ada', fields: expect.objectContaining({}) }),
			});
			expect(Object.values((json.contact as { fields: Record<string, string> }).fields)).toContain('77');
			expect(json.date_time).toEqual(expect.any(String));
			expect(JSON.stringify(json)).not.toContain(ours[0].url.split('token=')[1]);

			await h.api('POST', `/workflows/${created.id}/unpublish`, {});
			expect(await eventually(mine, (hooks) => hooks.length === 0)).toEqual([]);
		} finally {
			await h.apiRaw('POST', `/workflows/${created.id}/unpublish`, {});
			await h.apiRaw('DELETE', `/workflows/${created.id}`);
		}
	});
});
