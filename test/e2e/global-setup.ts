/**
 * Starts one real n8n harness for the whole e2e run and writes its connection (HarnessInfo, including the API key
 * and login cookie) to a 0600 state file whose path goes to the suites in N8N_E2E_STATE_FILE.
 *
 * Environment:
 *   N8N_E2E_NO_BUILD=1      pack the current dist/ without `npm run build`
 *   N8N_E2E_TARBALL=<file>  install this tarball instead of building and packing
 *   N8N_E2E_KEEP=1          keep the temp user folder (database, n8n log) after the run
 *   N8N_E2E_QUEUE=1         queue mode: PostgreSQL + Redis, main, a webhook process and 2 workers (N8N_E2E_WORKERS)
 */
import * as fs from 'fs';
import * as path from 'path';
import { startHarness, type Harness } from '../../scripts/harness';

/** Where global-teardown.ts finds the running harness (setup and teardown share the parent process). */
export const holder = globalThis as { __N8N_E2E_HARNESS__?: Harness };

export default async function globalSetup(): Promise<void> {
	const t0 = Date.now();
	const log = (m: string) => process.stderr.write(`[e2e] ${m}\n`);
	process.stderr.write('\n');
	const harness = await startHarness({
		sandbox: true,
		build: !process.env.N8N_E2E_NO_BUILD,
		tarball: process.env.N8N_E2E_TARBALL || undefined,
		removeUserFolder: !process.env.N8N_E2E_KEEP,
		queue: process.env.N8N_E2E_QUEUE ? { workers: Number(process.env.N8N_E2E_WORKERS ?? 2) } : undefined,
		log,
	});
	holder.__N8N_E2E_HARNESS__ = harness;
	const stateFile = path.join(harness.info.userFolder, 'harness-state.json');
	fs.writeFileSync(stateFile, JSON.stringify(harness.info, null, 2), { mode: 0o600 });
	process.env.N8N_E2E_STATE_FILE = stateFile;
	const t = harness.timings;
	log(
		`harness ready in ${((Date.now() - t0) / 1000).toFixed(0)} s ` +
			`(build+pack ${((t.buildAndPack ?? 0) / 1000).toFixed(0)} s, n8n start→ready ${((t.n8nStartToReady ?? 0) / 1000).toFixed(1)} s)`,
	);
}
