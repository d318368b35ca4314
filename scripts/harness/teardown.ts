import * as fs from 'fs';
import * as path from 'path';
import { cacheRoot } from '../n8n-install';
import type { Logger } from './log';
import { MAIN_LOG_FILE } from './process';

/**
 * Stops what startHarness started, last first; then removes a throwaway user folder, keeping copies of its n8n
 * logs in the cache folder where they can still be read.
 */
export class Teardown {
	/** The log file of every n8n process, main first. */
	readonly n8nLogFiles: string[] = [];
	private readonly cleanups: Array<() => Promise<void>> = [];
	private stopped = false;

	constructor(
		private readonly userFolder: string,
		private readonly removeUserFolder: boolean,
		private readonly log: Logger,
	) {}

	add(cleanup: () => Promise<void>): void {
		this.cleanups.push(cleanup);
	}

	/** True once stop() (or a handled signal) began shutting down. */
	isStopping(): boolean {
		return this.stopped;
	}

	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		for (const fn of this.cleanups.reverse()) {
			try {
				await fn();
			} catch (e) {
				this.log(`cleanup failed: ${(e as Error).message}`);
			}
		}
		if (this.removeUserFolder) {
			this.keepLogs();
			fs.rmSync(this.userFolder, { recursive: true, force: true });
		}
	}

	/** Stops everything on SIGINT/SIGTERM, then exits with the shell's code for that signal. */
	stopOnSignals(): void {
		const onSignal = (signal: NodeJS.Signals) => {
			this.log(`${signal}: stopping n8n and the sandboxes…`);
			this.stop().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
		};
		process.once('SIGINT', onSignal);
		process.once('SIGTERM', onSignal);
		this.add(async () => {
			process.removeListener('SIGINT', onSignal);
			process.removeListener('SIGTERM', onSignal);
		});
	}

	private keepLogs(): void {
		for (const file of this.n8nLogFiles.filter((f) => fs.existsSync(f))) {
			const name = path.basename(file) === MAIN_LOG_FILE ? 'n8n' : path.basename(file, '.log');
			const kept = path.join(cacheRoot(), 'logs', `last-harness-${name}.log`);
			fs.mkdirSync(path.dirname(kept), { recursive: true });
			fs.copyFileSync(file, kept);
			this.log(`n8n log kept in ${kept}`);
		}
	}
}
