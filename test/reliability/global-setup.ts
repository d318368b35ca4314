/**
 * The e2e harness (real n8n + sandboxes) for the real-n8n parts, plus a folder where every suite leaves its figures
 * and every text it produced (output items, error messages) for the secret scan. RELIABILITY_NO_N8N=1 skips the
 * harness (only the in-process R3 then runs; the others skip).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import e2eSetup, { holder } from '../e2e/global-setup';

export default async function globalSetup(): Promise<void> {
	const out = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-reliability-'));
	process.env.RELIABILITY_OUT_DIR = out;
	process.env.RELIABILITY_STARTED_AT = String(Date.now());
	if (process.env.RELIABILITY_NO_N8N) return;
	await e2eSetup();
	const harness = holder.__N8N_E2E_HARNESS__;
	// R6 stops and restarts this n8n: it needs the process group id, which HarnessInfo does not carry.
	if (harness) fs.writeFileSync(path.join(out, 'n8n.json'), JSON.stringify({ pid: harness.n8n.pid, userFolder: harness.info.userFolder }));
}
