/**
 * After the template suite, R1 and R2 ran in queue mode: what the ActiveCampaign sandbox saw from the two workers
 * together (the preset credential sets "Processes Sharing This Account" to the number of workers), and that the
 * executions really ran on both workers.
 */
import * as fs from 'fs';
import { report } from '../reliability/support/figures';
import { describeLive, live, type SandboxStats } from '../reliability/support/live';

/** Executions a worker ran, from its log ("Worker finished execution 12 (job 12)"). */
function finishedOn(logFile: string): number {
	return (fs.readFileSync(logFile, 'utf8').match(/Worker finished execution \d+/g) ?? []).length;
}

describeLive('queue mode: the workers together', () => {
	const h = live()!;

	it('never sent ActiveCampaign more than 5 requests in any second, and every worker ran executions', async () => {
		expect(h.info.queue).toBeDefined();
		const stats = await h.ac!.stats<SandboxStats & { maxApiRequestsPerSecond: number }>();
		const workerLogs = h.info.queue!.logFiles.filter((f) => /n8n-worker-\d+\.log$/.test(f));
		const executions = workerLogs.map(finishedOn);
		report('Queue mode: ActiveCampaign requests from all workers', {
			workers: h.info.queue!.workers,
			acRequests: stats.total,
			maxAcRequestsInAnySecond: stats.maxApiRequestsPerSecond,
			...Object.fromEntries(executions.map((n, i) => [`executionsOnWorker${i + 1}`, n])),
		});

		expect(workerLogs).toHaveLength(h.info.queue!.workers);
		expect(executions.every((n) => n > 0)).toBe(true);
		expect(stats.maxApiRequestsPerSecond).toBeLessThanOrEqual(5);
	});
});
