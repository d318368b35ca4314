/** The printed table, the target list and test/bench/results.md. */
import * as fs from 'fs';
import * as os from 'os';

import { N8N_VERSION } from '../../../scripts/n8n-install';
import type { BenchResult, TargetCheck } from './types';

const COLUMNS: Array<[string, keyof BenchResult]> = [
	['benchmark', 'title'],
	['measure', 'measure'],
	['ours', 'ours'],
	['baseline', 'baseline'],
	['ratio', 'ratio'],
	['API-limit bound', 'bound'],
	['our share', 'share'],
];

export function machineLine(): string {
	const cpus = os.cpus();
	const mem = (os.totalmem() / 1024 ** 3).toFixed(1);
	return `${cpus[0]?.model?.trim() ?? 'unknown cpu'}, ${cpus.length} cores, ${mem} GiB RAM, Node ${process.version}, n8n ${N8N_VERSION}, ${os.platform()} ${os.release()}`;
}

const cell = (v: unknown) => String(v ?? '').replace(/\|/g, '\\|');

/** A markdown table (readable as plain text too). */
export function table(results: BenchResult[]): string {
	const rows = results.map((r) => COLUMNS.map(([, key]) => cell(r[key])));
	const head = COLUMNS.map(([title]) => title);
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
	return [line(head), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

export function targetLines(results: BenchResult[]): string[] {
	return results.flatMap((r) => r.targets).map((t: TargetCheck) => `- ${t.met ? 'met   ' : 'MISSED'} ${t.bench}: ${t.target} — measured ${t.actual}`);
}

export function render(results: BenchResult[], meta: { started: Date; finished: Date; smoke: boolean; failures: string[] }): string {
	const minutes = ((meta.finished.getTime() - meta.started.getTime()) / 60_000).toFixed(1);
	return [
		`# Benchmarks${meta.smoke ? ' (smoke: small N)' : ''}`,
		'',
		`Run ${meta.started.toISOString()} – ${meta.finished.toISOString()} (${minutes} min) with \`npm run bench\`${meta.smoke ? ' -- --smoke' : ''}.`,
		`Machine: ${machineLine()}.`,
		'Real n8n with this package installed (scripts/harness/), Caspio and ActiveCampaign sandboxes with their limits on ' +
			'(ActiveCampaign 5 req/s, bulk import 100/min). Every figure below comes from this run.',
		'',
		table(results),
		'',
		'## Targets',
		'',
		...targetLines(results),
		...(meta.failures.length ? ['', '## Benchmarks that did not finish', '', ...meta.failures.map((f) => `- ${f}`)] : []),
		'',
		'## Details',
		'',
		...results.flatMap((r) => r.details.map((d) => `- ${d}`)),
		'',
	].join('\n');
}

export function writeResults(file: string, text: string): void {
	fs.writeFileSync(file, text);
}
