/**
 * The "Describe Failure" Code node of workflows/sync-errors.json, run as n8n's Code node runs it (the template's own
 * code, with `$('Error Trigger')` and `$input` given): which item it picks, the key that makes a failure one row, and
 * what it removes as credential-like. The whole workflow runs in a real n8n in test/e2e/sync-errors.e2e.test.ts.
 */
import * as vm from 'vm';

import { loadTemplate } from './templates';

type Json = Record<string, unknown>;

const code = String(loadTemplate('sync-errors.json').nodes.find((n) => n.name === 'Describe Failure')?.parameters.jsCode);

/** The row the node makes from the Error Trigger's payload and what "Read Failed Execution" returned. */
function describeFailure(trigger: Json, read: Json): Record<string, string> {
	const run = vm.runInNewContext(`(function ($, $input) {\n${code}\n})`) as (
		$: (node: string) => { first: () => { json: Json } },
		$input: { first: () => { json: Json } },
	) => Array<{ json: Record<string, string> }>;
	const out = run(
		(node) => {
			if (node !== 'Error Trigger') throw new Error(`unexpected $('${node}')`);
			return { first: () => ({ json: trigger }) };
		},
		{ first: () => ({ json: read }) },
	);
	expect(out).toHaveLength(1);
	return out[0].json;
}

const workflow = { id: 'wf1', name: 'Caspio lead form → ActiveCampaign nurture' };
const lead = (email: string, extra: Json = {}) => ({ table: 'Leads', record: { PK_ID: 7, Email: email, Notes: '', ...extra }, tier: 'hot' });

/** A failed execution as n8n's API returns it: Qualified Lead's items went into Upsert Contact, which failed. */
function execution(items: Json[]): Json {
	return {
		id: '41',
		data: {
			resultData: {
				lastNodeExecuted: 'Upsert Contact',
				runData: {
					'Qualified Lead': [{ data: { main: [items.map((json) => ({ json }))] } }],
					'Upsert Contact': [{ source: [{ previousNode: 'Qualified Lead' }], error: { message: 'failed' } }],
				},
			},
		},
	};
}
const trigger = (itemIndex: number, extra: Json = {}) => ({
	execution: {
		id: '41',
		url: 'n8n.example/workflow/wf1/executions/41',
		lastNodeExecuted: 'Upsert Contact',
		error: { message: 'ActiveCampaign answered HTTP 422 while upserting contact b@example.com: rejected [item 1]', context: { itemIndex } },
		...extra,
	},
	workflow,
});

describe('sync-errors.json: Describe Failure', () => {
	it('picks the item the failed node was working on and keys the row by execution and record', () => {
		const row = describeFailure(trigger(1), execution([lead('a@example.com'), lead('B@Example.com')]));
		expect(row).toMatchObject({
			Error_Key: '41:b@example.com',
			Execution_ID: '41',
			Workflow_ID: 'wf1',
			Workflow_Name: workflow.name,
			Node: 'Upsert Contact',
			Record_Key: 'b@example.com',
			Message: expect.stringContaining('HTTP 422'),
			Execution_URL: 'n8n.example/workflow/wf1/executions/41',
			Occurred_At: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/),
		});
		expect(JSON.parse(row.Failed_Item)).toEqual(lead('B@Example.com'));
	});

	it('a retry of an execution (retryOf) is the same failure: same key, the original execution id', () => {
		const first = describeFailure(trigger(1), execution([lead('a@example.com'), lead('b@example.com')]));
		const retry = describeFailure(trigger(1, { id: '57', retryOf: '41' }), execution([lead('a@example.com'), lead('b@example.com')]));
		expect([retry.Error_Key, retry.Execution_ID]).toEqual([first.Error_Key, '41']);
	});

	it('removes credential-like keys, key: value pairs, bearer tokens and key-shaped strings; keeps ids, emails and text', () => {
		const jwt = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI0MiIsImlhdCI6MTc5NjQyMDA4Mn0.c2lnbmF0dXJlLW9mLXRoZS10b2tlbi0xMjM0NTY3OA';
		const secrets = ['sandbox-key', 'sandbox-secret', 'sandbox-event-key', 'hunter2-pass', 'tok-123456', 'cookie-value', jwt, ...jwt.split('.')];
		const item = lead('a@example.com', {
			Notes: `Api-Token: sandbox-key, Authorization: Bearer sandbox-secret, apiKey=sandbox-event-key; see ${jwt}`,
			headers: { Authorization: 'Basic c2VjcmV0', 'api-token': 'sandbox-key', cookie: 'cookie-value' },
			auth: { password: 'hunter2-pass', client_secret: 'sandbox-secret', accessToken: 'tok-123456' },
			messageId: '708c823d-bc61-420d-bf0c-70137bf8ab25',
			comment: 'Call me after 5 pm',
		});
		const row = describeFailure(trigger(0, { error: { message: 'Failed: token=sandbox-key' } }), execution([item]));
		const text = JSON.stringify(row);
		expect(secrets.filter((s) => text.includes(s))).toEqual([]);
		const stored = JSON.parse(row.Failed_Item) as Json & { record: Json };
		expect(stored.record).toMatchObject({
			Email: 'a@example.com',
			Notes: 'Api-Token: [redacted], Authorization: [redacted], apiKey=[redacted]; see [redacted].[redacted].[redacted]',
			headers: { Authorization: '[redacted]', 'api-token': '[redacted]', cookie: '[redacted]' },
			auth: { password: '[redacted]', client_secret: '[redacted]', accessToken: '[redacted]' },
			messageId: '708c823d-bc61-420d-bf0c-70137bf8ab25',
			comment: 'Call me after 5 pm',
		});
		expect(row.Message).toBe('Failed: token=[redacted]');
	});

	it('without the execution (API not reachable) the row still names the record from the message, with no item', () => {
		const row = describeFailure(trigger(1), { error: 'The resource you are requesting could not be found' });
		expect(row).toMatchObject({ Error_Key: '41:b@example.com', Record_Key: 'b@example.com', Failed_Item: '', Node: 'Upsert Contact' });
	});

	it('a trigger failure (no execution) gets one stable key per workflow and message', () => {
		const failure = { trigger: { error: { message: 'Could not register the webhook' }, mode: 'trigger' }, workflow };
		const a = describeFailure(failure, {});
		const b = describeFailure(failure, {});
		expect(a.Error_Key).toMatch(/^trigger-wf1-[0-9a-z]+:unknown$/);
		expect(b.Error_Key).toBe(a.Error_Key);
		expect(describeFailure({ ...failure, trigger: { error: { message: 'Another message' } } }, {}).Error_Key).not.toBe(a.Error_Key);
	});
});
