/**
 * P7 cold start: the first realtime event after n8n started (nothing of the ActiveCampaign account known yet) through
 * the P2 workflow — Caspio Trigger (Instant) → ActiveCampaign Plus Contact upsert with 2 tags, 1 list and 3 custom
 * fields. Runs before any other benchmark touches ActiveCampaign, so the node's name → id caches are empty: the event
 * pays its 4 writes plus the look-ups of the names it uses, and nothing else.
 */
import { randomUUID } from 'crypto';

import { lead, LEAD_FIELDS, P2_TAGS, seedCaspio } from '../lib/data';
import { FINISHED, listExecutions, retrying, waitFor } from '../lib/measure';
import { publish, unpublishAndDelete, withCredentials } from '../lib/n8n';
import { fmt, type BenchContext, type BenchResult } from '../lib/types';
import { p2Realtime } from '../lib/workflows';

const TABLE = 'BenchColdStart';
const DOMAIN = 'p7.bench.test';
/** /contact/sync (fields inline), 2 × /contactTags, 1 × /contactLists. */
const WRITES = 4;
/** The names the event uses: 2 tags, 1 list, 3 custom fields (by title). */
const NAMES = P2_TAGS.length + 1 + 3;

export async function p7ColdStartBench({ env, log }: BenchContext): Promise<BenchResult> {
	const caspio = env.client.caspio!;
	await seedCaspio(caspio, { tables: [{ name: TABLE, fields: LEAD_FIELDS, records: [] }] });
	const id = await publish(env.client, withCredentials(env, p2Realtime(TABLE, randomUUID())));
	// Activation registers the trigger's outgoing webhook in Caspio; a record inserted before that is never delivered.
	await waitFor('the Caspio Trigger\'s outgoing webhook', async () => ((await caspio.state<{ webhooks: unknown[] }>()).webhooks.length > 0 ? true : undefined), 60_000, 500);
	env.acLog.length = 0;
	env.recording.ac = true;
	try {
		log('P7: the first event after n8n started…');
		await retrying(() => caspio.admin('POST', '/__sandbox/records', { table: TABLE, op: 'insert', values: lead(1, DOMAIN), source: 'DataPages' }));
		const [execution] = await waitFor(
			'the first execution',
			async () => {
				const list = await listExecutions(env.client, id);
				return list.length > 0 && list.every((e) => FINISHED(e.status)) ? list : undefined;
			},
			120_000,
			500,
		);
		const requests = env.acLog.length;
		const byEndpoint = new Map<string, number>();
		for (const r of env.acLog) {
			const key = `${r.method} ${r.template.replace('/api/3', '')}`;
			byEndpoint.set(key, (byEndpoint.get(key) ?? 0) + 1);
		}
		const breakdown = [...byEndpoint.entries()].map(([k, v]) => `${k} ×${v}`).join(', ');
		const lookups = requests - WRITES;
		const bound = WRITES + NAMES;
		return {
			id: 'P7',
			title: 'P7 cold start',
			measure: `first event after n8n started (contact + 2 tags + 1 list + 3 fields, ${NAMES} names to look up): AC requests`,
			ours: `${requests} req (${WRITES} writes + ${lookups} look-ups) · execution ${execution.status}`,
			baseline: '—',
			ratio: '—',
			bound: `${WRITES} writes + ≤ 1 per name = ${bound} req`,
			share: fmt.pct(bound / requests),
			details: [`P7 requests of the first event: ${breakdown}`],
			figures: { requests, writes: WRITES, lookups, names: NAMES, failed: execution.status === 'success' ? 0 : 1 },
			targets: [
				{ bench: 'P7', target: `≤ ${WRITES} requests + 1 per name to look up (${bound})`, actual: String(requests), met: requests <= bound, deterministic: true },
				{ bench: 'P7', target: 'the first event succeeds', actual: execution.status, met: execution.status === 'success', deterministic: true },
			],
		};
	} finally {
		env.recording.ac = false;
		await unpublishAndDelete(env.client, id);
	}
}
