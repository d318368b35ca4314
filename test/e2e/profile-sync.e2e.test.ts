/**
 * workflows/contact-profile-sync.json in a real n8n 2.41.1, as global setup imported and published it. Contacts are
 * created the way users create them (a DataPage inserts a Caspio Contacts record), then edited on both sides at once:
 * the sandboxes hold their webhooks back while Caspio records are edited as a DataPage would and ActiveCampaign
 * contacts as a user in the AC UI would, some records on both sides (the same field, to different values), and let
 * them go together. Once per conflict policy (newest, caspio, activecampaign) it checks that both sides end equal as
 * the policy says, that the losing values are in Sync_Conflicts, and that each change ran a bounded number of
 * executions with none left running afterwards (no loop).
 *
 * Size: CI makes 24 edits on 20 records (12 on each side, 4 records on both); SYNC_FULL=1 (or E2E_SIZE=full) makes 200
 * edits on 180 records (100 on each side, 20 records on both), about 13 minutes.
 */
import { Live, pool, until, type CaspioRecord } from '../reliability/support/live';
import { getHarness, sleep, toApiWorkflow, type ExecutionRecord, type HarnessClient, type WorkflowDefinition } from './harness';

const FILE = 'contact-profile-sync.json';
const FULL = process.env.SYNC_FULL === '1' || process.env.E2E_SIZE === 'full';
/** Records edited only in Caspio, only in ActiveCampaign, and on both sides. */
const SIZE = FULL ? { caspio: 80, ac: 80, both: 20 } : { caspio: 8, ac: 8, both: 4 };
const RECORDS = SIZE.caspio + SIZE.ac + SIZE.both;
/** Executions one change may start: its own, plus the echo of the sync's Caspio write (stopped by the fingerprint). */
const EXECUTIONS_PER_CHANGE = 2;
/** How long no execution may finish before the sync counts as quiet (a busy machine needs longer at full size). */
const QUIET_MS = FULL ? 10_000 : 4000;

type Side = 'caspio' | 'ac' | 'both';
interface Profile {
	First_Name: string;
	Last_Name: string;
	Phone: string;
	Company: string;
	Job_Title: string;
	Membership_Level: string;
}
interface Person {
	email: string;
	side: Side;
	pk: number;
	/** Conflicts only: which side made the later edit. */
	later?: 'caspio' | 'ac';
}
interface AcContact {
	email: string;
	firstName: string;
	lastName: string;
	phone: string;
	fieldValues: Record<string, string>;
}

let h: HarnessClient;
let x: Live;
let workflowId: string;
const run = Date.now().toString(36);
const people: Person[] = [];

const FIELDS = ['First_Name', 'Last_Name', 'Phone', 'Company', 'Job_Title', 'Membership_Level'] as const;
const fromCaspio = (row: CaspioRecord | undefined): Profile | undefined =>
	row && (Object.fromEntries(FIELDS.map((f) => [f, String(row[f] ?? '')])) as unknown as Profile);
const fromAc = (c: AcContact | undefined): Profile | undefined =>
	c && {
		First_Name: c.firstName,
		Last_Name: c.lastName,
		Phone: c.phone,
		Company: c.fieldValues.COMPANY ?? '',
		Job_Title: c.fieldValues.JOB_TITLE ?? '',
		Membership_Level: c.fieldValues.MEMBERSHIP_LEVEL ?? '',
	};

async function bothSides(): Promise<Map<string, { caspio?: Profile; ac?: Profile; row?: CaspioRecord }>> {
	const rows = await x.records('Contacts');
	const contacts = (await h.ac!.state<{ contacts: AcContact[] }>()).contacts;
	return new Map(
		people.map((p) => {
			const row = rows.find((r) => r.Email === p.email);
			return [p.email, { row, caspio: fromCaspio(row), ac: fromAc(contacts.find((c) => c.email === p.email)) }];
		}),
	);
}

/** The email each execution synced (from Sync Settings), and whether it stopped at the fingerprint. */
function describeExecution(e: ExecutionRecord): { email: string; skipped: boolean; wrote: boolean } {
	const runData = e.data?.resultData?.runData ?? {};
	const settings = runData['Sync Settings']?.[0]?.data?.main?.[0]?.[0]?.json as { email?: string } | undefined;
	return { email: String(settings?.email ?? '').toLowerCase(), skipped: 'Already in Sync' in runData, wrote: 'Save to Caspio' in runData };
}

/**
 * Waits until at least `minimum` executions of the template have finished (one per change at least; the executions
 * list does not show those still running) and then no other finishes for `quietMs`, with both sandboxes idle.
 */
async function quiet(since: number, minimum: number, quietMs: number, timeoutMs: number): Promise<ExecutionRecord[]> {
	let last = -1;
	let stableSince = Date.now();
	return await until(`${minimum} executions and then quiet`, timeoutMs, async () => {
		await x.settle();
		const list = await x.executions(workflowId, { afterId: since });
		const running = list.some((e) => ['new', 'running', 'waiting', 'unknown'].includes(e.status));
		if (running || list.length < minimum || list.length !== last) {
			last = list.length;
			stableSince = Date.now();
			return undefined;
		}
		return Date.now() - stableSince >= quietMs ? list : undefined;
	}, 1000);
}

/** Webhook deliveries both sandboxes sent so far, and those n8n did not answer with 2xx (a lost change). */
async function deliveries(): Promise<{ sent: number; refused: number }> {
	const caspio = (await h.caspio!.admin<{ deliveries: Array<{ statuses: number[] }> }>('GET', '/__sandbox/deliveries')).deliveries;
	const ac = (await h.ac!.state<{ webhookDeliveries: Array<{ status?: number }> }>()).webhookDeliveries;
	const ok = (status: number | undefined) => status !== undefined && status >= 200 && status < 300;
	return {
		sent: caspio.length + ac.length,
		refused: caspio.filter((d) => !d.statuses.some(ok)).length + ac.filter((d) => !ok(d.status)).length,
	};
}

/** Sets the conflict policy in the one place the template keeps it, and publishes that version. */
async function setPolicy(policy: string): Promise<void> {
	const wf = await h.api<WorkflowDefinition>('GET', `/workflows/${workflowId}`);
	const settings = wf.nodes.find((n) => n.name === 'Sync Settings')!;
	const assignments = (settings.parameters as { assignments: { assignments: Array<{ name: string; value: unknown }> } }).assignments.assignments;
	assignments.find((a) => a.name === 'policy')!.value = policy;
	await h.api('PUT', `/workflows/${workflowId}`, toApiWorkflow(wf, wf.name));
	await h.api('POST', `/workflows/${workflowId}/publish`, {});
	// Publishing registers the webhooks again; give the triggers a moment to be live.
	await sleep(2000);
}

const acEdit = (email: string, change: { firstName?: string; fields?: Record<string, string> }) =>
	h.ac!.admin('POST', '/__sandbox/contact-events', { email, type: 'update', source: 'admin', ...change });
const caspioEdit = (pk: number, values: Record<string, unknown>) => x.update('Contacts', pk, values);
const hold = async (on: boolean) => {
	await h.caspio!.admin('POST', '/__sandbox/webhooks/hold', { hold: on });
	await h.ac!.admin('POST', '/__sandbox/webhooks/hold', { hold: on });
};

beforeAll(async () => {
	h = getHarness();
	x = new Live(h);
	workflowId = x.templateId(FILE);
	const since = await x.latestExecutionId(workflowId);
	const sides: Side[] = [...Array<Side>(SIZE.caspio).fill('caspio'), ...Array<Side>(SIZE.ac).fill('ac'), ...Array<Side>(SIZE.both).fill('both')];
	// New Contacts records from a DataPage: each one's sync creates the ActiveCampaign contact.
	const rows = await pool(sides, 4, async (side, i) => {
		const email = `profile-${run}-${i}@sync.example.com`;
		const row = await x.insert('Contacts', {
			Email: email, First_Name: `First ${i}`, Last_Name: `Last ${i}`, Phone: `+1 555 01${String(i).padStart(3, '0')}`,
			Company: `Company ${i}`, Job_Title: 'Engineer', Membership_Level: 'Bronze',
		});
		return { email, side, pk: row.PK_ID };
	});
	people.push(...rows.map((p, i) => (p.side === 'both' ? { ...p, later: i % 2 === 0 ? ('caspio' as const) : ('ac' as const) } : p)));
	const executions = await quiet(since, RECORDS, QUIET_MS, FULL ? 900_000 : 180_000);
	expect(executions.filter((e) => e.status !== 'success').map((e) => e.id)).toEqual([]);
	const state = await bothSides();
	const unsynced = people.filter((p) => JSON.stringify(state.get(p.email)?.caspio) !== JSON.stringify(state.get(p.email)?.ac));
	expect(unsynced.map((p) => p.email)).toEqual([]);
}, FULL ? 1_200_000 : 300_000);

afterAll(async () => {
	await hold(false);
	await setPolicy('newest');
});

describe.each([
	['newest', 1],
	['caspio', 2],
	['activecampaign', 3],
] as const)('policy %s', (policy, round) => {
	it(`${RECORDS} records edited at once (${SIZE.caspio + SIZE.both} in Caspio, ${SIZE.ac + SIZE.both} in ActiveCampaign, ${SIZE.both} on both): equal on both sides, losers recorded, no loop`, async () => {
		const t0 = Date.now();
		await setPolicy(policy);
		const since = await x.latestExecutionId(workflowId);
		const sentBefore = await deliveries();
		const tag = `r${round}`;
		const caspioValue = (i: number) => `Caspio ${tag}-${i}`;
		const acValue = (i: number) => `AC ${tag}-${i}`;
		const expected = new Map<string, Partial<Profile>>();

		await hold(true);
		// First wave: every one-sided edit, and the earlier edit of each conflict.
		await pool(people, 6, async (p, i) => {
			if (p.side === 'caspio') {
				await caspioEdit(p.pk, { Company: caspioValue(i), Phone: `+1 555 1${round}${String(i).padStart(3, '0')}` });
				expected.set(p.email, { Company: caspioValue(i), Phone: `+1 555 1${round}${String(i).padStart(3, '0')}` });
			} else if (p.side === 'ac') {
				await acEdit(p.email, { firstName: `Ana ${tag}-${i}`, fields: { 'Job Title': acValue(i), 'Membership Level': `Level ${tag}` } });
				expected.set(p.email, { First_Name: `Ana ${tag}-${i}`, Job_Title: acValue(i), Membership_Level: `Level ${tag}` });
			} else if (p.later === 'ac') await caspioEdit(p.pk, { Company: caspioValue(i), Job_Title: `Caspio title ${tag}` });
			else await acEdit(p.email, { fields: { Company: acValue(i), 'Membership Level': `AC level ${tag}` } });
		});
		// Change times are kept to the second on both sides: the later edits come more than a second after.
		await sleep(1500);
		await pool(people, 6, async (p, i) => {
			if (p.side !== 'both') return;
			if (p.later === 'ac') await acEdit(p.email, { fields: { Company: acValue(i), 'Membership Level': `AC level ${tag}` } });
			else await caspioEdit(p.pk, { Company: caspioValue(i), Job_Title: `Caspio title ${tag}` });
			const caspioWins = policy === 'caspio' || (policy === 'newest' && p.later === 'caspio');
			// The fields edited on one side only go through whatever the policy.
			expected.set(p.email, { Company: caspioWins ? caspioValue(i) : acValue(i), Job_Title: `Caspio title ${tag}`, Membership_Level: `AC level ${tag}` });
		});
		const edits = SIZE.caspio + SIZE.ac + 2 * SIZE.both;
		await hold(false);

		const executions = await quiet(since, SIZE.caspio + SIZE.ac + 2 * SIZE.both, QUIET_MS, FULL ? 1_200_000 : 240_000);
		const settledAt = Date.now();
		const withData = await x.executions(workflowId, { afterId: since, includeData: true });

		// Bounded executions per change; none started once the sync went quiet (no loop).
		const byEmail = new Map<string, number>();
		for (const e of withData) {
			const { email } = describeExecution(e);
			byEmail.set(email, (byEmail.get(email) ?? 0) + 1);
		}
		const over = people
			.map((p) => ({ p, n: byEmail.get(p.email) ?? 0, edits: p.side === 'both' ? 2 : 1 }))
			.filter(({ n, edits: k }) => n < 1 || n > EXECUTIONS_PER_CHANGE * k)
			.map(({ p, n }) => `${p.email} (${p.side}): ${n} executions`);
		const failed = withData
			.filter((e) => e.status !== 'success')
			.map((e) => `${describeExecution(e).email} execution ${e.id}: ${e.status} at ${e.data?.resultData?.lastNodeExecuted ?? '?'}: ${e.data?.resultData?.error?.message ?? ''}`);
		await sleep(5000);
		const afterQuiet = (await x.executions(workflowId, { afterId: since })).length - executions.length;
		const skipped = withData.filter((e) => describeExecution(e).skipped).length;
		const sent = await deliveries();
		const maxPerChange = Math.max(...people.map((p) => (byEmail.get(p.email) ?? 0) / (p.side === 'both' ? 2 : 1)));
		process.stderr.write(
			`[profile-sync] policy=${policy} records=${RECORDS} edits=${edits} conflicts=${SIZE.both} executions=${withData.length} ` +
				`stoppedByFingerprint=${skipped} maxExecutionsPerChange=${maxPerChange} failed=${failed.length} ` +
				`deliveriesNotAccepted=${sent.refused - sentBefore.refused} executionsAfterQuiet=${afterQuiet} secondsToQuiet=${Math.round((settledAt - t0) / 1000)}\n` +
				[...failed, ...over].map((line) => `[profile-sync]   ${line}\n`).join(''),
		);

		// Final state: both sides equal, and as the edits and the policy say.
		const state = await bothSides();
		const wrong: string[] = [];
		for (const p of people) {
			const { caspio, ac } = state.get(p.email) ?? {};
			if (JSON.stringify(caspio) !== JSON.stringify(ac)) wrong.push(`${p.email}: Caspio ${JSON.stringify(caspio)} ≠ AC ${JSON.stringify(ac)}`);
			const want = expected.get(p.email) ?? {};
			for (const [field, value] of Object.entries(want)) {
				if (caspio?.[field as keyof Profile] !== value) wrong.push(`${p.email} (${p.side}) ${field}: ${caspio?.[field as keyof Profile]}, wanted ${value}`);
			}
		}
		expect(wrong).toEqual([]);

		// The losing values: one Sync_Conflicts row per conflicting record, for Company only, naming the policy.
		const conflicts = (await x.records('Sync_Conflicts')).filter((r) => String(r.Policy) === policy && people.some((p) => p.email === r.Email));
		const recorded = conflicts.map((r) => [r.Email, r.Field, r.Kept_Side, r.Kept_Value, r.Lost_Value]).sort();
		const wanted = people
			.map((p, i) => [p, i] as const)
			.filter(([p]) => p.side === 'both')
			.map(([p, i]) => {
				const caspioWins = policy === 'caspio' || (policy === 'newest' && p.later === 'caspio');
				return [p.email, 'Company', caspioWins ? 'Caspio' : 'ActiveCampaign', caspioWins ? caspioValue(i) : acValue(i), caspioWins ? acValue(i) : caspioValue(i)];
			})
			.sort();
		expect(recorded).toEqual(wanted);

		expect(failed).toEqual([]);
		expect(over).toEqual([]);
		expect(withData.length).toBeLessThanOrEqual(EXECUTIONS_PER_CHANGE * edits);
		expect(afterQuiet).toBe(0);
		expect(sent.refused - sentBefore.refused).toBe(0);
	}, FULL ? 1_800_000 : 300_000);
});
