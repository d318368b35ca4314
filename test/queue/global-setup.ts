/**
 * The reliability harness (real n8n + sandboxes, figures folder) in queue mode, at the sizes the queue-mode
 * acceptance run uses unless set: a 2,000-record backfill (R1) and 500 realtime events (R2).
 */
import reliabilitySetup from '../reliability/global-setup';

export default async function globalSetup(): Promise<void> {
	process.env.N8N_E2E_QUEUE = '1';
	process.env.RELIABILITY_RECORDS ??= '2000';
	process.env.RELIABILITY_WEBHOOK_RECORDS ??= '500';
	await reliabilitySetup();
}
