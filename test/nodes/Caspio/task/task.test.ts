import type { IDataObject } from 'n8n-workflow';

import { caspioTestbed, json, type CaspioTestbed } from '../support/testbed';

const EXPORT = 'b7c3b7d5-4fa5-4725-86a2-6ca5ca797157';
const IMPORT = '0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
const byKey = (value: string) => ({ __rl: true, mode: 'id', value });
const fromList = (value: string) => ({ __rl: true, mode: 'list', value });

describe('Caspio data import/export task', () => {
	let bed: CaspioTestbed;
	beforeAll(async () => (bed = await caspioTestbed()));
	afterAll(async () => await bed.close());

	const admin = async (path: string, body?: unknown) => {
		const res = await fetch(`${bed.sandbox.url}/__sandbox/${path}`, {
			method: body === undefined ? 'GET' : 'POST',
			headers: { 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		return (await res.json()) as IDataObject;
	};
	/** The tasks as the sandbox holds them, with how many runs it started. */
	const tasks = async () => (await admin('state')).dataImportExportTasks as Array<{ Name: string; runs: number; Status: string }>;
	const seed = async (...extra: IDataObject[]) => {
		await bed.reset([]);
		await admin('seed', {
			dataImportExportTasks: [
				{ Name: 'Leads_Export', ExternalKey: EXPORT, Frequency: 'Every day', durationMs: 1500 },
				{ Name: 'Prices_Import', ExternalKey: IMPORT, Frequency: 'On demand' },
				...extra,
			],
		});
	};
	const run = (operation: string, parameters: IDataObject = {}, items?: IDataObject[], onError?: 'continueErrorOutput') =>
		bed.run({ resource: 'task', operation, ...parameters }, items, onError);
	const starts = () => bed.seen.filter((r) => r.method === 'POST' && r.path.endsWith('/run'));

	beforeEach(async () => await seed());

	it('Get Many returns one item per task with its status and schedule, up to the limit', async () => {
		const out = await run('getMany', { returnAll: true });
		expect(json(out)).toEqual([
			{ Name: 'Leads_Export', ExternalKey: EXPORT, Status: 'Ready', TaskTimeZone: 'UTC', Frequency: 'Every day', Note: '' },
			{ Name: 'Prices_Import', ExternalKey: IMPORT, Status: 'Ready', TaskTimeZone: 'UTC', Frequency: 'On demand', Note: '' },
		]);
		expect(json(await run('getMany', { returnAll: false, limit: 1 })).map((t) => t.Name)).toEqual(['Leads_Export']);
	});

	it('Get returns the task picked from the list; an unknown key is said in the user’s words', async () => {
		expect(json(await run('get', { task: fromList(IMPORT) }))).toEqual([expect.objectContaining({ Name: 'Prices_Import', Status: 'Ready' })]);

		const unknown = await run('get', { task: byKey('no-such-task') });
		expect(unknown.error?.message).toBe('No data import/export task has the External Key "no-such-task" [item 0]');
		expect(unknown.error?.description).toContain('Pick the task from the list');
	});

	it('Run starts the task once and returns at once without waiting', async () => {
		const out = await run('run', { task: byKey(EXPORT) });

		expect(json(out)).toEqual([{ Name: 'Leads_Export', ExternalKey: EXPORT, outcome: 'started' }]);
		expect(starts()).toHaveLength(1);
		expect((await tasks())[0]).toMatchObject({ runs: 1, Status: 'Busy' });
	});

	it('Run refuses a task that is already running, naming it and what to do, without starting it again', async () => {
		await seed({ Name: 'Nightly_Sync', ExternalKey: 'busy-task', durationMs: 60_000, Status: 'Processing' });

		const out = await run('run', { task: byKey('busy-task') });

		expect(out.error?.message).toBe('Task "Nightly_Sync" is already running (status "Processing"), so it was not started again [item 0]');
		expect(out.error?.description).toContain('Wait until the Get operation shows the status "Ready"');
		expect(starts()).toHaveLength(0);
		expect((await tasks())[2].runs).toBe(0);
	});

	it.each([400, 409])('a run that began between the check and the start (Caspio answers %i) gets the same answer', async (status) => {
		await admin('options', { taskRunWhileRunning: status });
		const service = bed.sandbox.service;
		const before = service.before.bind(service);
		// Someone else starts the task right after the node read its status.
		let raced = false;
		service.before = (req) => {
			if (!raced && req.method === 'POST' && req.path.endsWith('/run')) {
				raced = true;
				service.tasks.run(EXPORT, service.behaviour);
			}
			return before(req);
		};
		try {
			const out = await run('run', { task: byKey(EXPORT) });
			expect(out.error?.message).toBe('Task "Leads_Export" is already running (status "Busy"), so it was not started again [item 0]');
		} finally {
			service.before = before;
		}
		expect((await tasks())[0].runs).toBe(1);
	});

	it('Wait for Completion reads the status until the run has finished and returns the task as it ended', async () => {
		const out = await run('run', { task: byKey(EXPORT), waitForCompletion: true, timeout: 30 });

		expect(json(out)).toEqual([expect.objectContaining({ Name: 'Leads_Export', Status: 'Ready', outcome: 'completed', waitedSeconds: expect.any(Number) })]);
		const reads = bed.seen.filter((r) => r.method === 'GET' && r.path.endsWith(EXPORT));
		// The check before the start, then a read at 0 s, 2 s and (at most) 6 s: polite, not a busy loop.
		expect(reads.length).toBeGreaterThanOrEqual(3);
		expect(reads.length).toBeLessThanOrEqual(4);
		expect((await tasks())[0]).toMatchObject({ runs: 1, Status: 'Ready' });
	});

	it('Wait for Completion reports a run Caspio marks as failed, and a success when it says so (REST v2 details)', async () => {
		await seed({ Name: 'Broken_Import', ExternalKey: 'broken', fails: true });
		await admin('options', { taskRunDetails: true });

		const failed = await run('run', { task: byKey('broken'), waitForCompletion: true });
		expect(failed.error?.message).toBe('Task "Broken_Import" finished, but Caspio reports that the run failed [item 0]');

		const ok = await run('run', { task: byKey(IMPORT), waitForCompletion: true });
		expect(json(ok)).toEqual([expect.objectContaining({ Name: 'Prices_Import', outcome: 'succeeded', Success: true, LastRunTime: expect.any(String) })]);
	});

	it('a timeout says the task is still running and how to go on; the run goes on in Caspio', async () => {
		await seed({ Name: 'Big_Import', ExternalKey: 'big', durationMs: 60_000 });

		const out = await run('run', { task: byKey('big'), waitForCompletion: true, timeout: 1 });

		expect(out.error?.message).toBe('Task "Big_Import" was still running (status "Busy") after 1 s of waiting [item 0]');
		expect(out.error?.description).toContain('Raise "Timeout (Seconds)"');
		expect((await tasks())[2]).toMatchObject({ runs: 1, Status: 'Busy' });
	});

	it('with Continue On Fail, a running task goes to the error output and the other items run', async () => {
		await seed({ Name: 'Nightly_Sync', ExternalKey: 'busy-task', durationMs: 60_000, Status: 'Busy' });

		const out = await run('run', { task: '={{ $json.task }}' }, [{ task: byKey('busy-task') }, { task: byKey(IMPORT) }], 'continueErrorOutput');

		expect(json(out)).toEqual([{ Name: 'Prices_Import', ExternalKey: IMPORT, outcome: 'started' }]);
		expect(out.outputs[1].map((i) => [i.json.error, i.pairedItem])).toEqual([
			['Task "Nightly_Sync" is already running (status "Busy"), so it was not started again [item 0]', { item: 0 }],
		]);
		expect((await tasks()).map((t) => t.runs)).toEqual([0, 1, 0]);
	});
});
