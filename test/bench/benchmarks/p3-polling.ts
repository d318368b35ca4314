/**
 * P3 polling: a Caspio Trigger (Polling, Record Created, every minute — n8n's shortest poll interval) on the big
 * table. Counts the Caspio requests of each idle poll, then adds N new rows at once right after a poll (outside the
 * API, so the counters do not see it) and counts every request until the trigger has emitted all of them.
 */
import { lead, LEAD_FIELDS, seedCaspio, seedLeadTable } from '../lib/data';
import { describeCounts, diffCounts, listExecutions, requestCounts, total, waitFor, waitQuiet, type RequestCounts } from '../lib/measure';
import { itemsEmitted, publish, unpublishAndDelete, withCredentials } from '../lib/n8n';
import { fmt, type BenchContext, type BenchResult } from '../lib/types';
import { p3Polling } from '../lib/workflows';
import { BIG_DOMAIN, BIG_TABLE, CASPIO_PAGE } from './p4-get-many';

const TRIGGER = 'New Caspio Records';
const QUIET_MS = 2500;

export async function p3PollingBench({ env, config, log }: BenchContext): Promise<BenchResult> {
	const { tableRows, newRows, idlePolls } = config.p3;
	const caspio = env.client.caspio!;
	const core = env.caspio.core;
	const state = await caspio.state<{ tables: Array<{ name: string; records: unknown[] }> }>();
	const existing = state.tables.find((t) => t.name === BIG_TABLE)?.records.length ?? 0;
	if (existing !== tableRows) {
		log(`P3: seeding ${fmt.int(tableRows)} rows into ${BIG_TABLE}…`);
		await seedLeadTable(caspio, BIG_TABLE, tableRows, BIG_DOMAIN);
	}

	const before = requestCounts(core);
	const id = await publish(env.client, withCredentials(env, p3Polling(BIG_TABLE)));
	try {
		await waitQuiet(core, QUIET_MS, 60_000);
		const activation = diffCounts(requestCounts(core), before);
		log(`P3: activated (first poll places the cursor: ${total(activation)} req); waiting for ${idlePolls} idle poll(s), one a minute…`);

		const idle: RequestCounts[] = [];
		for (let k = 0; k < idlePolls; k++) {
			const start = requestCounts(core);
			await waitFor('the next poll', () => (total(requestCounts(core)) > total(start) ? true : undefined), 80_000, 100);
			await waitQuiet(core, QUIET_MS, 60_000);
			idle.push(diffCounts(requestCounts(core), start));
			log(`P3: idle poll ${k + 1}: ${total(idle[k])} req (${describeCounts(idle[k])})`);
		}

		// The new rows land at once, right after a poll. They are seeded into a side table (/__sandbox/seed, PK_IDs
		// following the big table's) and appended to the big table in one synchronous step in the sandbox, which runs
		// in this process. Why not through the sandbox's routes: one-row inserts into a 100,000-row table take it about
		// 90 s (longer than the minute between polls, so the catch-up would split over polls), and re-seeding 110,000
		// rows blocks it for about 2 minutes, during which two poll ticks pile up and both read the same cursor.
		const catchStart = requestCounts(core);
		const t0 = Date.now();
		const side = `${BIG_TABLE}New`;
		await seedCaspio(caspio, {
			tables: [{ name: side, fields: LEAD_FIELDS, records: Array.from({ length: newRows }, (_, k) => ({ PK_ID: tableRows + 1 + k, ...lead(tableRows + 1 + k, BIG_DOMAIN) })) }],
		});
		const store = env.caspio.service.store;
		const big = store.table(BIG_TABLE);
		if (big.rows.length !== tableRows || big.nextPk !== tableRows + 1) throw new Error(`P3: ${BIG_TABLE} has ${big.rows.length} rows, expected ${tableRows}`);
		const extra = store.table(side);
		big.rows.push(...extra.rows);
		big.nextPk = tableRows + newRows + 1;
		extra.rows = [];
		const insertMs = Date.now() - t0;
		log(`P3: added ${fmt.int(newRows)} rows in ${fmt.sec(insertMs)}; waiting for the trigger to emit them…`);
		const counted = new Map<string, number>();
		const emitted = await waitFor(
			`the trigger to emit ${newRows} rows`,
			async () => {
				for (const e of await listExecutions(env.client, id)) {
					if (!counted.has(e.id) && !['new', 'running', 'waiting', 'unknown'].includes(e.status)) {
						counted.set(e.id, await itemsEmitted(env.client, e.id, TRIGGER));
					}
				}
				const sum = [...counted.values()].reduce((a, b) => a + b, 0);
				return sum >= newRows ? sum : undefined;
			},
			4 * 60_000,
			1000,
		);
		await waitQuiet(core, QUIET_MS, 60_000);
		const catchUp = diffCounts(requestCounts(core), catchStart);
		const idleTotals = idle.map(total);
		const idleMax = Math.max(...idleTotals);
		const catchUpTotal = total(catchUp);
		const pages = Math.ceil(newRows / CASPIO_PAGE);
		const catchUpTarget = pages + 1;
		return {
			id: 'P3',
			title: 'P3 polling',
			measure: `idle poll on a ${fmt.int(tableRows)}-row table; catch up ${fmt.int(newRows)} new rows: requests`,
			ours: `${idleTotals.join(', ')} req/idle poll · ${fmt.int(catchUpTotal)} req catch-up`,
			baseline: '—',
			ratio: '—',
			bound: `1 req/poll · ${fmt.int(pages)} req (1,000 rows/page)`,
			share: `${fmt.pct(1 / idleMax)} · ${fmt.pct(pages / catchUpTotal)}`,
			details: [
				`P3 activation (cursor placed, nothing emitted): ${describeCounts(activation)}`,
				`P3 idle polls: ${idle.map(describeCounts).join(' | ')}`,
				`P3 catch-up: ${describeCounts(catchUp)} over ${counted.size} poll execution(s), ${fmt.int(emitted)} rows emitted; adding them (side-table seed + one-step append) took ${fmt.sec(insertMs)}`,
			],
			figures: { tableRows, newRows, idlePollRequests: idleMax, catchUpRequests: catchUpTotal, catchUpPolls: counted.size, emitted },
			targets: [
				{ bench: 'P3', target: '1 request per idle poll', actual: idleTotals.join(', '), met: idleTotals.every((n) => n === 1), deterministic: true },
				{ bench: 'P3', target: `≤ ${catchUpTarget} requests for the catch-up`, actual: fmt.int(catchUpTotal), met: catchUpTotal <= catchUpTarget, deterministic: true },
				{ bench: 'P3', target: `all ${fmt.int(newRows)} new rows emitted once`, actual: fmt.int(emitted), met: emitted === newRows, deterministic: true },
			],
		};
	} finally {
		await unpublishAndDelete(env.client, id);
	}
}
