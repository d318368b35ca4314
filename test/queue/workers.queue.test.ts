/**
 * After the template suite, R1 and R2 ran in queue mode: what the ActiveCampaign sandbox saw from the two workers
 * together (the preset credential sets "Processes Sharing This Account" to the number of workers, so each sends one
 * request per 400 ms), and that the executions really ran on both workers.
 */
import * as fs from 'fs';
import { report } from '../reliability/support/figures';
import { describeLive, live, type SandboxStats } from '../reliability/support/live';
import { mostOverRate } from '../sandbox/server';

/** Executions a worker ran, from its log ("Worker finished execution 12 (job 12)"). */
function finishedOn(logFile: string): number {
	return (fs.readFileSync(logFile, 'utf8').match(/Worker finished execution \d+/g) ?? []).length;
}

describeLive('queue mode: the workers together', () => {
	const h = live()!;

	it('kept ActiveCampaign within its 5 requests per second (the limit refused none), and every worker ran executions', async () => {
		expect(h.info.queue).toBeDefined();
		const stats = await h.ac!.stats<SandboxStats & { maxApiRequestsPerSecond: number }>();
		const rate = await h.ac!.admin<{ model: string; refused: number; accepted: number[] }>('GET', '/__sandbox/rate-limit');
		const workerLogs = h.info.queue!.logFiles.filter((f) => /n8n-worker-\d+\.log$/.test(f));
		const executions = workerLogs.map(finishedOn);
		report('Queue mode: ActiveCampaign requests from all workers', {
			workers: h.info.queue!.workers,
			acRequests: stats.total,
			rateModel: rate.model,
			refusedByTheLimit: rate.refused,
			maxAcRequestsInAnySecond: stats.maxApiRequestsPerSecond,
			acceptedBeyondFivePerSecond: Number(mostOverRate(rate.accepted, 5).toFixed(2)),
			...Object.fromEntries(executions.map((n, i) => [`executionsOnWorker${i + 1}`, n])),
		});

		expect(workerLogs).toHaveLength(h.info.queue!.workers);
		expect(executions.every((n) => n > 0)).toBe(true);
		// Each worker sends one request every 400 ms: 5 a second together, never bunched enough to empty the bucket.
		expect(rate.refused).toBe(0);
	});
});
