/** Queue mode: what its processes share, and the webhook process and workers beside the main process. */
import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { freePort } from '../ports';
import type { Logger } from './log';
import { startN8n, type N8nCommand, type N8nProcess } from './process';

/**
 * What every process of a queue-mode n8n shares: the database, Redis, the encryption key (workers refuse to start
 * without it in the environment). Production webhooks are served by the webhook process only, manual runs go to
 * the workers too, so every execution runs where it would at scale.
 */
export function queueEnvironment(userFolder: string, services: Record<string, string>): NodeJS.ProcessEnv {
	let encryptionKey: string | undefined;
	try {
		// A user folder used before keeps its key: n8n refuses to start with a different one.
		encryptionKey = JSON.parse(fs.readFileSync(path.join(userFolder, '.n8n', 'config'), 'utf8')).encryptionKey;
	} catch {
		/* a new folder */
	}
	return {
		...services,
		EXECUTIONS_MODE: 'queue',
		N8N_ENCRYPTION_KEY: encryptionKey ?? randomBytes(24).toString('hex'),
		N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		// n8n's default of 2 connections per process starved the webhook process under a burst of deliveries (pool
		// timeouts after 20 s, executions saved redacted); a deployment at scale raises it, and so do we.
		DB_POSTGRESDB_POOL_SIZE: '10',
	};
}

/**
 * The webhook process and the workers of a queue-mode n8n. Each gets a user folder of its own (n8n keeps a crash
 * journal and event logs there) holding a copy of the main process's community package folder, as containers
 * sharing one nodes volume would.
 */
export async function startQueueProcesses(o: {
	userFolder: string;
	workers: number;
	webhookUrl: string;
	editorUrl: string;
	env?: NodeJS.ProcessEnv;
	readyTimeoutMs?: number;
	log: Logger;
}): Promise<N8nProcess[]> {
	const specs: Array<{ name: string; command: N8nCommand; port: number }> = [
		{ name: 'webhook', command: 'webhook', port: Number(new URL(o.webhookUrl).port) },
	];
	for (let i = 1; i <= o.workers; i++) specs.push({ name: `worker-${i}`, command: 'worker', port: await freePort() });
	const started = await Promise.allSettled(
		specs.map(async (spec) => {
			const folder = path.join(o.userFolder, spec.name);
			fs.mkdirSync(path.join(folder, '.n8n'), { recursive: true });
			fs.cpSync(path.join(o.userFolder, '.n8n', 'nodes'), path.join(folder, '.n8n', 'nodes'), { recursive: true });
			return await startN8n({
				userFolder: folder,
				port: spec.port,
				brokerPort: await freePort(),
				command: spec.command,
				name: spec.name,
				webhookUrl: o.webhookUrl,
				editorUrl: o.editorUrl,
				env: o.env,
				readyTimeoutMs: o.readyTimeoutMs,
				log: o.log,
			});
		}),
	);
	const ready = started.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
	const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
	if (failed) {
		await Promise.all(ready.map((p) => p.stop()));
		throw failed.reason;
	}
	return ready;
}
