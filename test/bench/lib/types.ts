import type { Logger } from '../../../scripts/harness';
import type { BenchEnv } from './env';

export interface BenchConfig {
	smoke: boolean;
	/** The baseline runs on `baselineSlice` contacts and is extrapolated to `contacts` when the whole job would take
	 *  longer than `measureWholeUnderMs` (the issue: 10 minutes); otherwise it is run whole. */
	p1: { contacts: number; baselineSlice: number; measureWholeUnderMs: number; scale: number[] };
	p2: { events: number; warmup: number; perSecond: number };
	p3: { tableRows: number; newRows: number; idlePolls: number };
	p4: { rows: number };
	p5: { records: number };
	/** Queue mode (two workers and a webhook process): realtime deliveries at the account's budget for `minutes`. */
	p6: { perSecond: number; minutes: number; warmup: number };
}

/** The sizes. */
export const FULL: BenchConfig = {
	smoke: false,
	p1: { contacts: 10_000, baselineSlice: 100, measureWholeUnderMs: 10 * 60_000, scale: [1_000, 10_000, 50_000] },
	p2: { events: 500, warmup: 20, perSecond: 1 },
	p3: { tableRows: 100_000, newRows: 10_000, idlePolls: 2 },
	p4: { rows: 100_000 },
	p5: { records: 10_000 },
	p6: { perSecond: 1.25, minutes: 10, warmup: 20 },
};

/** Small N for the smoke run: every benchmark still crosses its paging / batching boundaries once. */
export const SMOKE: BenchConfig = {
	smoke: true,
	p1: { contacts: 300, baselineSlice: 3, measureWholeUnderMs: 0, scale: [] },
	p2: { events: 8, warmup: 3, perSecond: 1 },
	p3: { tableRows: 2_500, newRows: 1_500, idlePolls: 1 },
	p4: { rows: 2_500 },
	p5: { records: 2_500 },
	p6: { perSecond: 1.25, minutes: 0.2, warmup: 3 },
};

export type BenchId = 'P1' | 'P2' | 'P3' | 'P4' | 'P5' | 'P6' | 'P7';

export interface TargetCheck {
	bench: BenchId;
	target: string;
	actual: string;
	met: boolean;
	/** Request counts and failures are deterministic and checked by the smoke test; speed is not. */
	deterministic: boolean;
}

export interface BenchResult {
	id: BenchId;
	title: string;
	measure: string;
	ours: string;
	baseline: string;
	ratio: string;
	bound: string;
	share: string;
	/** Extra lines printed under the table (breakdowns, how a figure was obtained). */
	details: string[];
	/** Every figure as a number, for the smoke test and results.md. */
	figures: Record<string, number>;
	targets: TargetCheck[];
}

export interface BenchContext {
	env: BenchEnv;
	config: BenchConfig;
	log: Logger;
}

export const fmt = {
	int: (n: number) => (Number.isFinite(n) ? Math.round(n).toLocaleString('en-US') : '—'),
	num: (n: number, digits = 1) => (Number.isFinite(n) ? n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—'),
	sec: (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toLocaleString('en-US', { maximumFractionDigits: ms < 10_000 ? 2 : 1 })} s` : '—'),
	pct: (x: number) => (Number.isFinite(x) ? `${(x * 100).toFixed(0)}%` : '—'),
	mb: (kb: number) => (Number.isFinite(kb) ? `${(kb / 1024).toFixed(0)} MB` : '—'),
};
