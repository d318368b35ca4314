/**
 * workflows/sync-errors.json and workflows/replay-failed-syncs.json in a real n8n 2.41.1. Leads entered as a DataPage
 * would enter them fire lead-nurture.json while the ActiveCampaign sandbox refuses the syncs of 5% of the contacts for
 * good (a 422 on every attempt). Each failure must land in the Caspio table Sync_Errors exactly once, open and without
 * a secret; a repeated Error Trigger delivery adds nothing; a replay while the fault lasts marks the rows "failed
 * again"; once the fault is cleared a replay resolves them all and ActiveCampaign holds each contact once.
 *
 * Size: 40 leads (2 fail) by default, E2E_SIZE=full 200 leads (10 fail); SYNC_ERRORS_LEADS sets any number.
 */
import { FIXED_SECRETS, findSecrets } from '../reliability/support/secrets';
import { Live, pool, until, type CaspioRecord } from '../reliability/support/live';
import { picked } from '../sandbox/activecampaign/rejections';
import { loadTemplate } from '../workflows/templates';
import { getHarness, type ExecutionRecord, type HarnessClient, type WorkflowDefinition } from './harness';

const FULL = /^(full|big)$/i.test(process.env.E2E_SIZE ?? '');
const LEADS = Number(process.env.SYNC_ERRORS_LEADS ?? (FULL ? 200 : 40));
const SHARE = 0.05;
const FAILING = Math.round(LEADS * SHARE);
const RUN = Date.now().toString(36);
const READINESS = ['Ready to buy', 'Evaluating', 'Researching'];
const TIERS = ['hot', 'warm', 'cold'];
/** A lead takes about a second of ActiveCampaign budget (5 requests); a busy machine takes longer. */
const TIMEOUT = 300_000 + LEADS * 6_000;

/** LEADS addresses of which exactly FAILING fall into the sandbox's refused share. */
function population(): { failing: string[]; passing: string[] } {
	const failing: string[] = [];
	const passing: string[] = [];
	for (let i = 0; failing.length < FAILING || passing.length < LEADS - FAILING; i++) {
		const email = `sync-${RUN}-${i}@errors.example.com`;
		const list = picked(email, SHARE) ? failing : passing;
		if (list.length < (list === failing ? FAILING : LEADS - FAILING)) list.push(email);
	}
	return { failing, passing };
}

interface SyncErrorRow extends CaspioRecord {
	Error_Key: string;
	Execution_ID: string;
	Workflow_ID: string;
	Workflow_Name: string;
	Node: string;
	Record_Key: string;
	Message: string;
	Failed_Item: string;
	Status: string;
	Attempts: number;
	Last_Error: string | null;
	Resolved_At: string | null;
}

const finished = (e: ExecutionRecord) => !['new', 'running', 'waiting', 'unknown'].includes(e.status);

describe('sync-errors.json and replay-failed-syncs.json', () => {
	let h: HarnessClient;
	let x: Live;
	let errorsId: string;
	let nurtureId: string;
	const { failing, passing } = population();
	const everyone = [...failing, ...passing];
	const t0 = Date.now();
	let mine: () => Promise<SyncErrorRow[]>;

	/** Waits until `count` executions of the workflow newer than `afterId` have finished; returns them. */
	const settled = async (workflowId: string, afterId: number, count: number, timeoutMs: number): Promise<ExecutionRecord[]> =>
		await until(`${count} finished executions of ${workflowId}`, timeoutMs, async () => {
			const list = await x.executions(workflowId, { afterId });
			return list.length >= count && list.every(finished) ? list : undefined;
		});

	beforeAll(async () => {
		h = getHarness();
		x = new Live(h);
		errorsId = x.templateId('sync-errors.json');
		nurtureId = x.templateId('lead-nurture.json');
		const ours = new Set(everyone);
		mine = async () => ((await x.records('Sync_Errors')) as SyncErrorRow[]).filter((r) => ours.has(r.Record_Key));
	});

	afterAll(async () => {
		await h.ac!.admin('POST', '/__sandbox/reject-syncs', { share: 0 }).catch(() => undefined);
		process.stderr.write(`[e2e] sync errors: ${LEADS} leads, ${FAILING} failing, ${Math.round((Date.now() - t0) / 1000)} s\n`);
	});

	it('every other template names sync-errors.json as its error workflow', async () => {
		const others = h.info.workflows.filter((w) => w.file !== 'sync-errors.json');
		const named = await Promise.all(others.map(async (w) => [w.file, (await h.api<{ settings?: { errorWorkflow?: string } }>('GET', `/workflows/${w.id}`)).settings?.errorWorkflow]));
		expect(named).toEqual(others.map((w) => [w.file, errorsId]));
		expect(h.info.workflows.find((w) => w.file === 'sync-errors.json')?.active).toBe(true);
	});

	it(`${LEADS} lead syncs, ${FAILING} refused for good: each failure is one open Sync_Errors row, without secrets`, async () => {
		await h.ac!.admin('POST', '/__sandbox/reject-syncs', { share: SHARE });
		const sinceNurture = await x.latestExecutionId(nurtureId);
		const sinceErrors = await x.latestExecutionId(errorsId);
		const secretNotes = `Api-Token: sandbox-key, Authorization: Bearer sandbox-secret, apiKey=sandbox-event-key, ${h.apiKey}`;
		// Leads arrive in waves of 20, as a form fills over time (hundreds of executions at once stall n8n's SQLite).
		for (let k = 0; k < everyone.length; k += 20) {
			const since = await x.latestExecutionId(nurtureId);
			const wave = everyone.slice(k, k + 20);
			await pool(wave, 4, async (email, j) =>
				x.insert('Leads', {
					First_Name: `Sync${k + j}`,
					Last_Name: 'Errors',
					Email: email,
					Company_Size: 10 + ((k + j) % 50),
					Interest: 'Automation',
					Readiness: READINESS[(k + j) % 3],
					Consent: (k + j) % 2 === 0,
					Notes: failing.includes(email) ? secretNotes : '',
				}),
			);
			await settled(nurtureId, since, wave.length, 120_000 + wave.length * 6000);
		}

		const runs = await settled(nurtureId, sinceNurture, LEADS, 60_000);
		const failed = runs.filter((e) => e.status !== 'success');
		expect(failed).toHaveLength(FAILING);
		const handled = await settled(errorsId, sinceErrors, FAILING, 120_000);
		expect(handled.filter((e) => e.status !== 'success').map((e) => e.id)).toEqual([]);

		const rows = await mine();
		expect(rows.map((r) => r.Record_Key).sort()).toEqual([...failing].sort());
		expect(new Set(rows.map((r) => r.Execution_ID))).toEqual(new Set(failed.map((e) => String(e.id))));
		for (const row of rows) {
			expect(row).toMatchObject({
				Error_Key: `${row.Execution_ID}:${row.Record_Key}`,
				Workflow_ID: nurtureId,
				Workflow_Name: 'Caspio lead form → ActiveCampaign nurture',
				Node: 'Upsert Contact',
				Status: 'open',
				Attempts: 0,
				Message: expect.stringContaining(`HTTP 422 while upserting contact ${row.Record_Key}`),
			});
			// The failed item is there (the trigger's lead), with the credential-like parts of its notes removed.
			expect(JSON.parse(row.Failed_Item)).toMatchObject({ table: 'Leads', record: { Email: row.Record_Key, Notes: expect.stringContaining('[redacted]') } });
		}
		const secrets = [...FIXED_SECRETS, { name: 'n8n API key', value: h.apiKey }];
		expect(rows.flatMap((r) => findSecrets(JSON.stringify(r), `row ${r.PK_ID}`, secrets))).toEqual([]);

		const refused = await h.ac!.admin<{ refused: string[] }>('GET', '/__sandbox/reject-syncs');
		expect(refused.refused.filter((e) => e.includes(`sync-${RUN}-`))).toEqual([...failing].sort());
		const contacts = new Set((await x.contacts()).map((c) => c.email));
		expect(failing.filter((e) => contacts.has(e))).toEqual([]);
		expect(passing.filter((e) => !contacts.has(e))).toEqual([]);
	}, TIMEOUT);

	it('a repeated Error Trigger delivery of the same failure adds no row', async () => {
		const first = (await x.executions(errorsId, { includeData: true, max: 1 }))[0];
		const payload = first.data?.resultData?.runData?.['Error Trigger']?.[0]?.data?.main?.[0]?.[0]?.json;
		expect(payload).toMatchObject({ execution: { id: expect.any(String) }, workflow: { id: nurtureId } });
		const before = await mine();
		// The same workflow, with the trigger's delivery replayed by a Code node of the same name.
		const template = loadTemplate('sync-errors.json');
		const redelivery: WorkflowDefinition = {
			...template,
			nodes: template.nodes
				.filter((n) => n.type !== 'n8n-nodes-base.stickyNote')
				.map((n) => (n.name === 'Error Trigger' ? { ...n, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: `return [{ json: ${JSON.stringify(payload)} }];` } } : n)),
		};
		const run = await h.runWorkflow(redelivery);
		expect(run.status).toBe('success');
		expect(run.output('Already Logged?', 0)).toHaveLength(1);
		expect(run.runData['Log Failure']).toBeUndefined();
		expect(await mine()).toEqual(before);
	});

	it('replay while the fault lasts: every row "failed again" (attempt 1), and the failed retries add no row', async () => {
		const sinceErrors = await x.latestExecutionId(errorsId);
		const run = await h.runWorkflow(loadTemplate('replay-failed-syncs.json'), { timeoutMs: 120_000 + FAILING * 10_000 });
		expect(run.status).toBe('success');
		expect(run.output('Mark Failed Again').length).toBeGreaterThanOrEqual(FAILING);
		// Each failed retry runs the error workflow again (n8n's retryOf names the original execution).
		await settled(errorsId, sinceErrors, FAILING, 120_000);
		const rows = await mine();
		expect(rows).toHaveLength(FAILING);
		for (const row of rows) expect(row).toMatchObject({ Status: 'failed again', Attempts: 1, Last_Error: expect.stringContaining('HTTP 422') });
	});

	it('fault cleared: a replay resolves every row (attempt 2), each contact exists once with its tags, automation and write-back', async () => {
		await h.ac!.admin('POST', '/__sandbox/reject-syncs', { share: 0 });
		const run = await h.runWorkflow(loadTemplate('replay-failed-syncs.json'), { timeoutMs: 120_000 + FAILING * 10_000 });
		expect(run.status).toBe('success');
		const rows = await mine();
		expect(rows.map((r) => [r.Record_Key, r.Status, r.Attempts]).sort()).toEqual([...failing].sort().map((e) => [e, 'resolved', 2]));
		for (const row of rows) expect(row.Resolved_At).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));

		const contacts = await x.contacts();
		const leads = new Map((await x.records('Leads')).map((l) => [String(l.Email), l]));
		for (const email of everyone) {
			const found = contacts.filter((c) => c.email === email);
			expect(found).toHaveLength(1);
			const tier = TIERS[everyone.indexOf(email) % 3];
			if (!failing.includes(email)) continue;
			expect([...found[0].tags].sort()).toEqual(['caspio-sync', `${tier}-lead`, 'interest-automation'].sort());
			expect(found[0].automations.map((a) => a.name)).toEqual(tier === 'cold' ? [] : [`Lead Nurture – ${tier === 'hot' ? 'Hot' : 'Warm'}`]);
			expect(leads.get(email)).toMatchObject({ AC_Contact_ID: found[0].id, Sync_Status: `Synced (${tier})` });
		}

		const again = await h.runWorkflow(loadTemplate('replay-failed-syncs.json'));
		expect(again.status).toBe('success');
		expect(again.runData['Retry Execution']).toBeUndefined();
	});
});
