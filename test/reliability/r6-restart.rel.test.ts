/**
 * R6 restarts. K new leads (CI 500, full 2,000) are in Caspio; bulk-backfill.json starts; once its first bulk import
 * reached ActiveCampaign, n8n is stopped (SIGTERM to its process group, as N8nProcess.stop() does) and started again
 * on the same user folder and port (startN8n). The interrupted execution must not be left "running"; re-running the
 * backfill completes the sync with 0 duplicate contacts and every lead exact.
 */
import * as fs from 'fs';
import * as path from 'path';
import { freePort, sleep, startN8n, type N8nProcess } from '../e2e/harness';
import { loadTemplate } from '../workflows/templates';
import { outDir, report, size } from './support/figures';
import { keepText } from './support/secrets';
import { countRequests, describeLive, live, Live, pool, until, type SandboxStats } from './support/live';

const S = size();
const K = Number(process.env.RELIABILITY_RESTART_RECORDS ?? (S.full ? 2000 : 500));

describeLive('R6 restart mid-backfill', () => {
	const h = live()!;
	const x = new Live(h);
	let restarted: N8nProcess | undefined;

	it(`stop n8n during a ${K}-lead backfill, start it again: re-run completes, 0 duplicates`, async () => {
		const t0 = Date.now();
		const run = Date.now().toString(36);
		const leads = Array.from({ length: K }, (_, i) => ({
			First_Name: `Restart${i}`,
			Last_Name: 'Case',
			Email: `restart-${run}-${i}@restart.example.com`,
			Company_Size: i % 50,
			Interest: 'Automation',
			Readiness: 'Researching',
			Consent: i % 3 === 0,
		}));
		const stored = await pool(leads, 8, async (l) => await x.insert('Leads', l, 'RESTAPIs'));
		// Slow ActiveCampaign down a little so the stop lands while the backfill is working.
		await h.ac!.setFaults({ latencyMs: 300, latencyRate: 1 });
		const importsBefore = countRequests(await h.ac!.stats<SandboxStats>(), /import\/bulk_import/);

		const { pid, userFolder } = JSON.parse(fs.readFileSync(path.join(outDir(), 'n8n.json'), 'utf8')) as { pid: number; userFolder: string };
		const port = Number(new URL(h.n8nUrl).port);
		const interrupted = h.runWorkflow(loadTemplate('bulk-backfill.json'), { timeoutMs: 600_000, keep: true, name: `R6 backfill ${run}` }).then(
			(r) => ({ ok: true as const, r }),
			(e: Error) => ({ ok: false as const, e }),
		);
		await until('the first bulk import of the interrupted backfill', 300_000, async () =>
			countRequests(await h.ac!.stats<SandboxStats>(), /import\/bulk_import/) > importsBefore ? true : undefined, 200);
		const tStop = Date.now();
		process.kill(-pid, 'SIGTERM');
		await until('n8n to stop', 60_000, async () => {
			try {
				process.kill(-pid, 0);
				return undefined;
			} catch {
				return true;
			}
		}, 250);
		const stopSeconds = (Date.now() - tStop) / 1000;
		const first = await interrupted;
		keepText('r6 interrupted run', first.ok ? first.r.execution : first.e.message);
		await h.ac!.setFaults({ latencyMs: 0, latencyRate: 1 });

		const tStart = Date.now();
		restarted = await startN8n({ userFolder, port, brokerPort: await freePort(), log: (m) => process.stderr.write(`[r6] ${m}\n`) });
		fs.writeFileSync(path.join(outDir(), 'restarted-n8n.json'), JSON.stringify({ pid: restarted.pid }));
		fs.writeFileSync(path.join(outDir(), 'n8n.json'), JSON.stringify({ pid: restarted.pid, userFolder }));
		const startSeconds = (Date.now() - tStart) / 1000;
		// Give the instance a moment to re-activate the published workflows.
		await sleep(3000);

		// The interrupted execution: what did n8n make of it after the restart?
		const r6Workflows = (await h.api<{ data: Array<{ id: string; name: string }> }>('GET', `/workflows?name=${encodeURIComponent(`R6 backfill ${run}`)}`)).data;
		const interruptedStatus: string[] = [];
		for (const w of r6Workflows) for (const e of await x.executions(w.id)) interruptedStatus.push(String(e.status));

		// Re-run the backfill: the safe re-run.
		const rerun = await h.runWorkflow(loadTemplate('bulk-backfill.json'), { timeoutMs: 900_000 });
		keepText('r6 rerun', rerun.execution);
		for (const w of r6Workflows) await x.deleteWorkflow(w.id);
		await x.settle();

		const contacts = await x.contacts();
		let lost = 0;
		let duplicates = 0;
		let wrong = 0;
		const problems: string[] = [];
		leads.forEach((l, i) => {
			const found = contacts.filter((c) => c.email.toLowerCase() === l.Email.toLowerCase());
			if (found.length === 0) return void lost++;
			duplicates += found.length - 1;
			const c = found[0];
			const got = JSON.stringify([[...c.tags].sort(), c.lists.map((y) => `${y.name}:${y.status}`), c.fieldValues.CASPIO_RECORD_ID, c.fieldValues.COMPANY_SIZE]);
			const want = JSON.stringify([['caspio-sync'], l.Consent ? ['Newsletter:1'] : [], String(stored[i].PK_ID), String(l.Company_Size)]);
			if (got !== want) {
				wrong++;
				if (problems.length < 5) problems.push(`${l.Email}: ${got} ≠ ${want}`);
			}
		});
		report('R6 restart', {
			records: K,
			stopSeconds: Math.round(stopSeconds),
			startSeconds: Math.round(startSeconds),
			interruptedRun: first.ok ? `${first.r.status}` : 'no answer (n8n stopped)',
			interruptedExecutionStatus: interruptedStatus.join(',') || 'none',
			rerunStatus: rerun.status,
			rerunSummary: JSON.stringify(rerun.output('Backfill Summary')[0] ?? null),
			lost,
			duplicates,
			wrongState: wrong,
			seconds: Math.round((Date.now() - t0) / 1000),
		});
		if (problems.length) process.stderr.write(`[reliability] R6 details: ${problems.join('\n')}\n`);
		expect(interruptedStatus.filter((s) => ['running', 'new'].includes(s))).toEqual([]);
		expect(rerun.status).toBe('success');
		expect({ lost, duplicates, wrong }).toEqual({ lost: 0, duplicates: 0, wrong: 0 });
	});
});
