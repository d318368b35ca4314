import { CaspioTestClient, V3 } from './caspio/test-client';

/** §14 data import/export tasks: list, get, run, and what a run while one is going gets (§17). */

const KEY = 'b7c3b7d5-4fa5-4725-86a2-6ca5ca797157';
let caspio: CaspioTestClient;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tasks = async () => (await caspio.admin('GET', 'state')).body.dataImportExportTasks as Array<Record<string, unknown>>;

beforeAll(async () => (caspio = await CaspioTestClient.start()));
afterAll(async () => await caspio.close());
beforeEach(async () => {
	await caspio.admin('POST', 'reset');
	await caspio.authenticate();
	const seeded = await caspio.admin('POST', 'seed', {
		dataImportExportTasks: [
			{ Name: 'Demo_Physicians_Export', ExternalKey: KEY, durationMs: 1200 },
			{ Name: 'Nightly import', Frequency: 'Every day', Note: 'from S3' },
		],
	});
	expect(seeded.status).toBe(200);
});

test('list wraps the six ScheduledTaskInfo keys in Result; get returns one in Result; v2 /tasks answers the same', async () => {
	const list = await caspio.api('GET', `${V3}/dataImportExportTasks`);
	expect(list.status).toBe(200);
	expect(list.body.Result).toEqual([
		{ Name: 'Demo_Physicians_Export', ExternalKey: KEY, Status: 'Ready', TaskTimeZone: 'UTC', Frequency: 'On demand', Note: '' },
		{ Name: 'Nightly import', ExternalKey: expect.stringMatching(/^[0-9a-f-]{36}$/), Status: 'Ready', TaskTimeZone: 'UTC', Frequency: 'Every day', Note: 'from S3' },
	]);
	const one = await caspio.api('GET', `${V3}/dataImportExportTasks/${KEY}`);
	expect(one.body).toEqual({ Result: list.body.Result[0] });
	expect((await caspio.api('GET', `/rest/v2/tasks/${KEY}`)).body).toEqual(one.body);
});

test('an unknown key is 404 ObjectNotFound on get and run; no token is 401', async () => {
	for (const [method, path] of [['GET', `${V3}/dataImportExportTasks/nope`], ['POST', `${V3}/dataImportExportTasks/nope/run`]]) {
		const reply = await caspio.api(method, path);
		expect(reply.status).toBe(404);
		expect(reply.body).toMatchObject({ Code: 'ObjectNotFound', RequestId: expect.any(String) });
	}
	expect((await caspio.request('GET', `${V3}/dataImportExportTasks`)).status).toBe(401);
});

test('run answers 204 with no body and moves Status through Busy and Processing back to Ready', async () => {
	const run = await caspio.api('POST', `${V3}/dataImportExportTasks/${KEY}/run`);
	expect(run.status).toBe(204);
	expect(run.body).toBeUndefined();
	expect((await caspio.api('GET', `${V3}/dataImportExportTasks/${KEY}`)).body.Result.Status).toBe('Busy');
	await sleep(450);
	expect((await caspio.api('GET', `${V3}/dataImportExportTasks/${KEY}`)).body.Result.Status).toBe('Processing');
	await sleep(900);
	const done = await caspio.api('GET', `${V3}/dataImportExportTasks/${KEY}`);
	expect(done.body.Result.Status).toBe('Ready');
	expect(done.body.Result).not.toHaveProperty('Success');
	expect((await tasks())[0]).toMatchObject({ runs: 1, Status: 'Ready' });
});

test('a run while the task runs is refused with 400 (409 or 204-and-ignored when switched) and starts nothing', async () => {
	await caspio.api('POST', `${V3}/dataImportExportTasks/${KEY}/run`);
	const refused = await caspio.api('POST', `${V3}/dataImportExportTasks/${KEY}/run`);
	expect(refused.status).toBe(400);
	expect(refused.body.Message).toBe("Task 'Demo_Physicians_Export' is already running.");

	await caspio.admin('POST', 'options', { taskRunWhileRunning: 409 });
	expect((await caspio.api('POST', `${V3}/dataImportExportTasks/${KEY}/run`)).status).toBe(409);
	await caspio.admin('POST', 'options', { taskRunWhileRunning: 204 });
	expect((await caspio.api('POST', `${V3}/dataImportExportTasks/${KEY}/run`)).status).toBe(204);
	expect((await tasks())[0].runs).toBe(1);
});

test('a task seeded as Processing is already running; v2 details (LastRunTime, Success) and a 200 run when switched', async () => {
	await caspio.admin('POST', 'seed', { dataImportExportTasks: [{ Name: 'Busy one', ExternalKey: 'busy', durationMs: 60_000, Status: 'Processing' }] });
	expect((await caspio.api('GET', `${V3}/dataImportExportTasks/busy`)).body.Result.Status).toBe('Processing');
	expect((await caspio.api('POST', `${V3}/dataImportExportTasks/busy/run`)).status).toBe(400);

	await caspio.admin('POST', 'options', { taskRunDetails: true, taskRunStatus: 200 });
	await caspio.admin('POST', 'seed', { dataImportExportTasks: [{ Name: 'Failing', ExternalKey: 'failing', fails: true }] });
	expect((await caspio.api('POST', `${V3}/dataImportExportTasks/failing/run`)).status).toBe(200);
	expect((await caspio.api('GET', `${V3}/dataImportExportTasks/failing`)).body.Result).toMatchObject({
		Status: 'Ready',
		Success: false,
		LastRunTime: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/),
	});
});

test('a seed task without a Name is refused', async () => {
	expect((await caspio.admin('POST', 'seed', { dataImportExportTasks: [{ ExternalKey: 'x' }] })).status).toBe(400);
});
