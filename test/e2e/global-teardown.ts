import type { Harness } from '../../scripts/harness';

/**
 * Stops the harness started by global-setup.ts: n8n's whole process group, then the sandboxes (the harness keeps a
 * copy of the n8n log in the cache folder, since the temp user folder goes away).
 */
export default async function globalTeardown(): Promise<void> {
	const holder = globalThis as { __N8N_E2E_HARNESS__?: Harness };
	const harness = holder.__N8N_E2E_HARNESS__;
	if (!harness) return;
	const t0 = Date.now();
	await harness.stop().catch((e: Error) => process.stderr.write(`[e2e] stopping the harness failed: ${e.message}\n`));
	holder.__N8N_E2E_HARNESS__ = undefined;
	process.stderr.write(`[e2e] harness stopped in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
}
