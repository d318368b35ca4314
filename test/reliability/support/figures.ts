/**
 * Figures each test reports (records, faults injected, retries, lost, duplicates, leaks, …): printed at once and
 * appended to `<RELIABILITY_OUT_DIR>/figures.jsonl`, which global teardown prints again as one table.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

export type Figures = Record<string, number | string | boolean>;
export interface FigureLine {
	test: string;
	figures: Figures;
	at: string;
}

export function outDir(): string {
	const dir = process.env.RELIABILITY_OUT_DIR ?? path.join(os.tmpdir(), 'n8n-reliability-adhoc');
	fs.mkdirSync(dir, { recursive: true });
	return dir;
}

export function formatFigures(line: FigureLine): string {
	const parts = Object.entries(line.figures).map(([k, v]) => `${k}=${typeof v === 'number' && !Number.isInteger(v) ? v.toFixed(1) : v}`);
	return `[reliability] ${line.test}: ${parts.join(' ')}`;
}

export function report(test: string, figures: Figures): void {
	const line: FigureLine = { test, figures, at: new Date().toISOString() };
	fs.appendFileSync(path.join(outDir(), 'figures.jsonl'), `${JSON.stringify(line)}\n`);
	process.stderr.write(`${formatFigures(line)}\n`);
}

/** Size of the run: CI (default) or full, and the record counts that follow from it. */
export function size() {
	const full = /^(full|10000|big)$/i.test(process.env.RELIABILITY_SIZE ?? '');
	const records = Number(process.env.RELIABILITY_RECORDS ?? (full ? 10_000 : 1_000));
	return {
		full,
		records,
		/** Leads entered as a DataPage would (each one a lead-nurture execution at 5 AC requests/s). */
		live: Number(process.env.RELIABILITY_LIVE ?? (full ? 200 : 30)),
		/** R2: records created while Caspio drops and repeats deliveries. */
		webhookRecords: Number(process.env.RELIABILITY_WEBHOOK_RECORDS ?? (full ? 500 : 120)),
		/** R5: alternating preference changes. */
		loopChanges: Number(process.env.RELIABILITY_LOOP_CHANGES ?? (full ? 100 : 20)),
		/** Caspio access-token lifetime during the soak. */
		tokenTtlSeconds: Number(process.env.RELIABILITY_TOKEN_TTL ?? (full ? 30 : 15)),
	};
}
