/**
 * R3 hostile inputs, in-process: the Caspio and ActiveCampaign Plus nodes run in n8n's engine (runNode) against
 * in-process sandboxes. A table-driven corpus through every Caspio filter operator, every Caspio write (create,
 * update, upsert, delete) and every ActiveCampaign contact field, tag, list and custom field. Each case states its
 * exact outcome: written literally (read back from the sandbox), or a per-item error naming the field; and every
 * case checks that no other row / contact was touched.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { startActiveCampaignSandbox, type ActiveCampaignSandbox } from '../sandbox/activecampaign';
import { startCaspioSandbox, type RunningCaspioSandbox } from '../sandbox/caspio';
import type { SandboxRequest } from '../sandbox/server';
import { runNode, TestCredentials, type NodeRun } from '../support/n8n';
import { report } from './support/figures';
import { keepSecret, keepText } from './support/secrets';

jest.setTimeout(600_000);

// ---------------------------------------------------------------------------------------------------------------
// Sandboxes and helpers
// ---------------------------------------------------------------------------------------------------------------

const FIELDS = [
	{ Name: 'Name', Type: 'STRING' },
	{ Name: 'Notes', Type: 'TEXT' },
	{ Name: 'Score', Type: 'NUMBER' },
	{ Name: 'Count', Type: 'INTEGER' },
	{ Name: 'Active', Type: 'YES/NO' },
	{ Name: 'Joined', Type: 'DATE/TIME' },
	{ Name: 'Tags', Type: 'LIST-STRING', ListField: ['Hot', 'Cold', 'VIP'] },
	{ Name: 'Email', Type: 'STRING', Unique: true },
];

const LONG_4K = 'L'.repeat(4000);
const TEXT_64K = 'x'.repeat(63_990) + 'END—✓😀';
const CRLF = 'line1\r\nX-Injected: yes';
/** Values that mean something in SQL, LIKE patterns, JSON, HTTP or Unicode; each becomes one row's Notes. */
const HOSTILE = [
	"x' OR '1'='1",
	"' OR 1=1 --",
	"'; DROP TABLE Hostile; --",
	"Robert'); DELETE FROM Hostile WHERE ('1'='1",
	"N'x'",
	'%',
	'_',
	'[',
	']',
	'[a]',
	'[%]',
	'a_b',
	'50%',
	'%%',
	'^[a-z]',
	'\\',
	'"quoted" \\"json\\"',
	'*',
	'😀 emoji 👩‍👩‍👧',
	'مرحبا بالعالم',
	'\u202Eevil\u202C',
	'Zürich ß İstanbul',
	CRLF,
	'tab\there',
	LONG_4K,
];
/** Rows that would match if a hostile value were read as SQL or as a pattern. */
const DECOYS = ['x', '1', 'abc', 'aXb', 'a b', '50 percent', '5000', 'DROP', 'a', 'L', 'Robert', 'evil', '', 'line1'];
const SEED_ROWS = [
	...HOSTILE.map((Notes, i) => ({ Name: `target-${i}`, Notes, Score: i, Email: `t${i}@example.com` })),
	...DECOYS.map((Notes, i) => ({ Name: `decoy-${i}`, Notes, Score: 100 + i, Email: `d${i}@example.com` })),
];

let caspio: RunningCaspioSandbox;
let ac: ActiveCampaignSandbox;
let caspioCreds: TestCredentials;
let acCreds: TestCredentials;
const seen: SandboxRequest[] = [];
const figures = { cases: 0, caspioCases: 0, acCases: 0, literal: 0, fieldErrors: 0, wrong: 0, otherRowsTouched: 0 };

async function admin(url: string, method: string, path: string, body?: unknown): Promise<IDataObject> {
	const res = await fetch(`${url}/__sandbox/${path}`, {
		method,
		headers: { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	if (res.status !== 200) throw new Error(`sandbox ${path}: ${res.status} ${await res.text()}`);
	return (await res.json()) as IDataObject;
}

async function rows(): Promise<IDataObject[]> {
	const state = (await admin(caspio.url, 'GET', 'state')) as { tables: Array<{ name: string; records: IDataObject[] }> };
	return state.tables.find((t) => t.name === 'Hostile')?.records ?? [];
}

async function resetCaspio(): Promise<IDataObject[]> {
	await admin(caspio.url, 'POST', 'reset');
	await admin(caspio.url, 'POST', 'seed', { tables: [{ name: 'Hostile', fields: FIELDS, records: SEED_ROWS }] });
	seen.length = 0;
	return await rows();
}

const table = { __rl: true, mode: 'name', value: 'Hostile' };
const columns = (value: IDataObject, matchingColumns: string[] = []) => ({
	mappingMode: 'defineBelow',
	value,
	matchingColumns,
	schema: [],
	attemptToConvertTypes: false,
	convertFieldsToString: false,
});

interface Outcome {
	items: IDataObject[];
	/** Message + description of the per-item error (continue-on-fail output) or of the execution's error. */
	error?: string;
}

function outcomeOf(run: NodeRun, source: string): Outcome {
	const items = (run.outputs[0] ?? []).map((i) => i.json);
	const itemError = items.find((i) => i.error !== undefined);
	const error = itemError
		? [JSON.stringify(itemError.error), itemError.message, itemError.description, itemError.details].filter(Boolean).join(' ')
		: run.error
			? `${run.error.message} ${run.error.description ?? ''}`
			: undefined;
	keepText(source, { items, error, runError: run.error });
	return { items: itemError ? [] : items, error };
}

async function runCaspio(parameters: IDataObject, items: IDataObject[] = [{}], onError: INode['onError'] = 'continueRegularOutput') {
	return outcomeOf(await runNode({ type: 'caspio', parameters, items, credentials: caspioCreds, onError }), `r3 caspio ${String(parameters.operation)}`);
}
async function runAc(parameters: IDataObject, items: IDataObject[] = [{}], onError: INode['onError'] = 'continueRegularOutput') {
	return outcomeOf(
		await runNode({ type: 'activeCampaignPlus', parameters, items, credentials: acCreds, onError }),
		`r3 ac ${String(parameters.resource)}.${String(parameters.operation)}`,
	);
}

/**
 * Case-insensitive, like the collation Caspio (SQL Server) uses; that collation also gives Unicode format characters
 * (U+202E RIGHT-TO-LEFT OVERRIDE, zero-width joiners, …) no weight, so '\u202Eevil\u202C' = 'evil' there too.
 */
const ci = (s: unknown) => String(s ?? '').replace(/\p{Cf}/gu, '').toLowerCase();
/** LIKE compares characters (the sandbox's LIKE does not apply the collation's ignorables), so only case folds. */
const lc = (s: unknown) => String(s ?? '').toLowerCase();
const literalMatch: Record<string, (cell: string, v: string) => boolean> = {
	equals: (c, v) => ci(c) === ci(v),
	notEquals: (c, v) => ci(c) !== ci(v),
	contains: (c, v) => lc(c).includes(lc(v)),
	notContains: (c, v) => !lc(c).includes(lc(v)),
	startsWith: (c, v) => lc(c).startsWith(lc(v)),
	endsWith: (c, v) => lc(c).endsWith(lc(v)),
};

const label = (v: unknown) => {
	const s = typeof v === 'string' ? v : JSON.stringify(v);
	return s === undefined ? 'undefined' : s.length > 40 ? `${s.slice(0, 12)}… (${s.length} chars)` : JSON.stringify(s);
};

const byPk = (list: IDataObject[]) => new Map(list.map((r) => [Number(r.PK_ID), r]));

/** Every row of `before` except `allowed` PK_IDs is byte-identical in `after`, and no row appeared or vanished. */
function untouched(before: IDataObject[], after: IDataObject[], allowed: Set<number>, added = 0, removed = 0): string[] {
	const problems: string[] = [];
	const a = byPk(after);
	for (const row of before) {
		const pk = Number(row.PK_ID);
		if (allowed.has(pk)) continue;
		if (!a.has(pk)) problems.push(`row ${pk} vanished`);
		else if (JSON.stringify(a.get(pk)) !== JSON.stringify(row)) problems.push(`row ${pk} changed`);
	}
	if (after.length !== before.length + added - removed) problems.push(`row count ${before.length} → ${after.length}`);
	if (problems.length) figures.otherRowsTouched++;
	return problems;
}

beforeAll(async () => {
	caspio = await startCaspioSandbox({ port: 0 });
	const before = caspio.service.before.bind(caspio.service);
	caspio.service.before = (req) => {
		if (!req.path.endsWith('/oauth/token')) seen.push(req);
		return before(req);
	};
	caspioCreds = new TestCredentials().set('caspioApi', {
		integrationUrl: caspio.url,
		clientId: 'sandbox-client',
		clientSecret: 'sandbox-secret',
		accessToken: '',
	});
	ac = await startActiveCampaignSandbox({ port: 0, rateLimit: true });
	acCreds = new TestCredentials().set('activeCampaignPlusApi', {
		apiUrl: ac.url,
		apiKey: 'sandbox-key',
		eventAccountId: '1000',
		eventSecretKey: 'sandbox-event-key',
		eventTrackingUrl: `${ac.url}/event`,
	});
});

afterAll(async () => {
	// The Caspio access token the in-process credential holds: the secret scan looks for it in every text.
	keepSecret('Caspio access token (R3)', String(caspioCreds.store.caspioApi?.accessToken ?? ''));
	report('R3 hostile inputs', { ...figures });
	await caspio?.close();
	await ac?.close();
});

/** No request the sandboxes received carried a header smuggled in by a value (CRLF injection). */
afterEach(() => {
	const smuggled = seen.filter((r) => Object.keys(r.headers).some((h) => h.toLowerCase() === 'x-injected'));
	expect(smuggled.map((r) => r.path)).toEqual([]);
});

// ---------------------------------------------------------------------------------------------------------------
// Caspio: filters (read, update, delete by every operator)
// ---------------------------------------------------------------------------------------------------------------

describe('R3 Caspio filters: hostile values match only literally', () => {
	const OPS = ['equals', 'contains', 'startsWith', 'endsWith'] as const;
	// A 4,000-character value cannot fit in Caspio's 2,047-character request URI (414, test/nodes/Caspio/record/delete.test.ts).
	const FILTERABLE = HOSTILE.filter((value) => value !== LONG_4K);
	const cases = FILTERABLE.flatMap((value) => OPS.map((op) => [label(value), op, value] as const));

	it.each(cases)('Get Many where Notes %s %s returns exactly the literal matches', async (_l, op, value) => {
		figures.cases++;
		figures.caspioCases++;
		const before = await resetCaspio();
		const out = await runCaspio({
			resource: 'record',
			operation: 'getMany',
			table,
			returnAll: true,
			filters: { conditions: [{ field: 'Notes', operator: op, value }] },
		});
		const expected = before.filter((r) => literalMatch[op](String(r.Notes ?? ''), value)).map((r) => r.PK_ID).sort();
		expect(out.error).toBeUndefined();
		const got = out.items.map((r) => r.PK_ID).sort();
		if (JSON.stringify(got) !== JSON.stringify(expected)) figures.wrong++;
		else figures.literal++;
		expect(got).toEqual(expected);
		expect(expected.length).toBeGreaterThan(0);
	});

	it.each(FILTERABLE.map((v) => [label(v), v] as const))('Update where Notes equals %s changes that row only; Delete removes it only', async (_l, value) => {
		figures.cases++;
		figures.caspioCases++;
		const before = await resetCaspio();
		const targets = new Set(before.filter((r) => literalMatch.equals(String(r.Notes ?? ''), value)).map((r) => Number(r.PK_ID)));
		const updated = await runCaspio({
			resource: 'record',
			operation: 'update',
			table,
			filters: { conditions: [{ field: 'Notes', operator: 'equals', value }] },
			columns: columns({ Name: 'changed' }),
		});
		expect(updated.error).toBeUndefined();
		const afterUpdate = await rows();
		expect(afterUpdate.filter((r) => r.Name === 'changed').map((r) => Number(r.PK_ID)).sort()).toEqual([...targets].sort());
		expect(untouched(before, afterUpdate, targets)).toEqual([]);

		const deleted = await runCaspio({
			resource: 'record',
			operation: 'delete',
			table,
			filters: { conditions: [{ field: 'Notes', operator: 'equals', value }] },
		});
		expect(deleted.error).toBeUndefined();
		expect(deleted.items).toEqual([{ recordsAffected: targets.size }]);
		const afterDelete = await rows();
		expect(untouched(before, afterDelete, targets, 0, targets.size)).toEqual([]);
		figures.literal++;
	});

	const REFUSED: Array<[string, IDataObject, RegExp]> = [
		['contains with empty text (would match every row)', { field: 'Notes', operator: 'contains', value: '' }, /Notes/],
		['startsWith with empty text', { field: 'Notes', operator: 'startsWith', value: '' }, /Notes/],
		['endsWith with empty text', { field: 'Name', operator: 'endsWith', value: '' }, /Name/],
		['a number filter given SQL', { field: 'Score', operator: 'equals', value: '5 OR 1=1' }, /Score/],
		['a number filter given text', { field: 'Score', operator: 'greaterThan', value: 'abc' }, /Score/],
		['a field name with SQL in it', { field: 'Notes OR 1=1', operator: 'equals', value: 'x' }, /Notes OR 1=1/],
		['a field name with a bracket', { field: 'Notes]', operator: 'equals', value: 'x' }, /Notes\]/],
		['a field that does not exist', { field: 'Nonexistent', operator: 'equals', value: 'x' }, /Nonexistent/],
		['a date filter given a bad date', { field: 'Joined', operator: 'equals', value: '2026-02-30' }, /Joined/],
		['a date filter given words', { field: 'Joined', operator: 'greaterThan', value: 'yesterday; DROP' }, /Joined/],
		['contains with null', { field: 'Notes', operator: 'contains', value: null }, /Notes/],
		['contains with an object', { field: 'Notes', operator: 'contains', value: { $ne: 1 } }, /Notes/],
		['an unknown operator', { field: 'Notes', operator: 'like', value: '%' }, /Notes/],
		['a list field', { field: 'Tags', operator: 'equals', value: 'Hot' }, /Tags/],
	];
	it.each(REFUSED)('refuses %s with an error naming the field, and touches nothing', async (_name, condition, names) => {
		figures.cases++;
		figures.caspioCases++;
		const before = await resetCaspio();
		const errors: Array<string | undefined> = [];
		// Writes first: whatever the node answers, a refused filter must not have changed or deleted any row.
		for (const operation of ['delete', 'update', 'getMany']) {
			const out = await runCaspio({
				resource: 'record',
				operation,
				table,
				returnAll: true,
				filters: { conditions: [condition] },
				...(operation === 'update' ? { columns: columns({ Name: 'changed' }) } : {}),
			});
			errors.push(out.error);
		}
		expect(untouched(before, await rows(), new Set())).toEqual([]);
		for (const error of errors) expect(error).toMatch(names);
		expect(seen.filter((r) => r.method !== 'GET')).toEqual([]);
		figures.fieldErrors++;
	});
});

// ---------------------------------------------------------------------------------------------------------------
// Caspio: writes
// ---------------------------------------------------------------------------------------------------------------

/** `skipped`: null means "leave as is" (the preference-center template relies on it): create stores nothing, an update with nothing else to write is an error. */
type WriteExpect = { stored: unknown } | { error: RegExp } | { skipped: true };
/** [case, field, value given, exact outcome] — create, update by PK and upsert by Email all get the same outcome. */
const WRITES: Array<[string, string, IDataObject[string], WriteExpect]> = [
	['single quote', 'Name', "O'Brien", { stored: "O'Brien" }],
	['SQL drop', 'Name', "'; DROP TABLE Hostile; --", { stored: "'; DROP TABLE Hostile; --" }],
	['SQL delete', 'Notes', "Robert'); DELETE FROM Hostile WHERE ('1'='1", { stored: "Robert'); DELETE FROM Hostile WHERE ('1'='1" }],
	['LIKE wildcards and brackets', 'Name', '100% _done_ [x] [%]', { stored: '100% _done_ [x] [%]' }],
	['emoji and ZWJ sequences', 'Name', '😀 👩‍👩‍👧 🏳️‍🌈', { stored: '😀 👩‍👩‍👧 🏳️‍🌈' }],
	['RTL text', 'Notes', 'مرحبا بالعالم שלום', { stored: 'مرحبا بالعالم שלום' }],
	['RTL override', 'Name', '\u202Etxt.exe\u202C', { stored: '\u202Etxt.exe\u202C' }],
	['CRLF header injection', 'Name', CRLF, { stored: CRLF }],
	['JSON in text', 'Notes', '{"PK_ID": 1, "Name": "x"}', { stored: '{"PK_ID": 1, "Name": "x"}' }],
	['template syntax', 'Notes', '{{ $json.secret }} [@field:Name] ${x}', { stored: '{{ $json.secret }} [@field:Name] ${x}' }],
	['64,000-character text', 'Notes', TEXT_64K, { stored: TEXT_64K }],
	['64,001 characters into TEXT', 'Notes', 'y'.repeat(64_001), { error: /Notes/ }],
	['256 characters into STRING', 'Name', 'n'.repeat(256), { error: /Name/ }],
	['255 characters into STRING', 'Name', 'n'.repeat(255), { stored: 'n'.repeat(255) }],
	['null text', 'Name', null, { skipped: true }],
	['number into text', 'Name', 12345, { stored: '12345' }],
	['number as string', 'Score', '12.5', { stored: 12.5 }],
	['number with spaces', 'Score', ' 42 ', { stored: 42 }],
	['negative number as string', 'Score', '-0.25', { stored: -0.25 }],
	['empty number', 'Score', '', { stored: null }],
	['decimal comma', 'Score', '12,5', { error: /Score/ }],
	['NaN', 'Score', 'NaN', { error: /Score/ }],
	['Infinity', 'Score', 'Infinity', { error: /Score/ }],
	['SQL in a number', 'Score', '1; DROP TABLE Hostile', { error: /Score/ }],
	['hex string in a number', 'Score', '0x10', { error: /Score/ }],
	['fraction in an integer', 'Count', '3.5', { error: /Count/ }],
	['integer as string', 'Count', '7', { stored: 7 }],
	['yes as text', 'Active', 'yes', { stored: true }],
	['maybe as Yes/No', 'Active', 'maybe', { error: /Active/ }],
	['date', 'Joined', '2026-11-27T10:00:00', { stored: '2026-11-27T10:00:00' }],
	['30 February', 'Joined', '2026-02-30', { error: /Joined/ }],
	['month 13', 'Joined', '2026-13-01', { error: /Joined/ }],
	['words as date', 'Joined', 'next tuesday', { error: /Joined/ }],
	['SQL as date', 'Joined', "2026-01-01'; DROP TABLE Hostile --", { error: /Joined/ }],
	['list labels', 'Tags', 'Hot, VIP', { stored: ['1', '3'] }],
	['unknown list label', 'Tags', 'Lukewarm', { error: /Tags/ }],
	['list label with SQL', 'Tags', "Hot'], [2", { error: /Tags/ }],
	['unknown field', 'Nonexistent', 'x', { error: /Nonexistent/ }],
	['field name with SQL', 'Name = 1; DROP', 'x', { error: /Name = 1; DROP/ }],
];

describe('R3 Caspio writes: literal or a per-item error naming the field', () => {
	it.each(WRITES)('%s (%s)', async (_name, field, value, expected) => {
		figures.cases++;
		figures.caspioCases++;
		const before = await resetCaspio();
		const target = before.find((r) => r.Name === 'decoy-0')!;
		const results: Array<{ op: string; out: Outcome; pk?: number }> = [];

		// Create: one good item beside the hostile one, so a per-item error must not stop the good item.
		const created = await runCaspio(
			{ resource: 'record', operation: 'create', table, columns: columns({ Email: '={{ $json.email }}', [field]: '={{ $json.value }}' }) },
			[{ email: 'good@example.com', value: field === 'Tags' ? 'Cold' : field === 'Joined' ? '2026-01-01T00:00:00' : field === 'Active' ? true : field === 'Score' || field === 'Count' ? 1 : 'good' }, { email: 'hostile@example.com', value }],
		);
		// Update the decoy-0 row by PK.
		const updated = await runCaspio(
			{
				resource: 'record',
				operation: 'update',
				table,
				filters: { conditions: [{ field: 'PK_ID', operator: 'equals', value: String(target.PK_ID) }] },
				columns: columns({ [field]: '={{ $json.value }}' }),
			},
			[{ value }],
		);
		// Upsert keyed by Email onto decoy-1's row.
		const upserted = await runCaspio(
			{ resource: 'record', operation: 'upsert', table, columns: columns({ Email: 'd1@example.com', [field]: '={{ $json.value }}' }, ['Email']) },
			[{ value }],
		);
		results.push({ op: 'create', out: created }, { op: 'update', out: updated }, { op: 'upsert', out: upserted });
		const after = await rows();
		const stored = (email: string) => after.find((r) => r.Email === email);
		const fieldKey = FIELDS.find((f) => f.Name.toLowerCase() === field.toLowerCase())?.Name ?? field;

		if ('skipped' in expected) {
			expect(created.error).toBeUndefined();
			expect(stored('hostile@example.com')?.[fieldKey]).toBeNull();
			expect(updated.error).toMatch(/no field values to write/);
			expect(untouched(before, after, new Set([Number(before.find((r) => r.Email === 'd1@example.com')!.PK_ID)]), 2)).toEqual([]);
			figures.literal++;
		} else if ('error' in expected) {
			// create: the good item went through, the hostile one reports the field; update / upsert: only the error.
			expect(created.error).toMatch(expected.error);
			expect(updated.error).toMatch(expected.error);
			expect(upserted.error).toMatch(expected.error);
			expect(stored('hostile@example.com')).toBeUndefined();
			const allowed = new Set<number>();
			const good = stored('good@example.com');
			expect(untouched(before, after, allowed, good ? 1 : 0)).toEqual([]);
			figures.fieldErrors++;
		} else {
			for (const r of results) expect([r.op, r.out.error]).toEqual([r.op, undefined]);
			const d1 = before.find((r) => r.Email === 'd1@example.com')!;
			expect(stored('hostile@example.com')?.[fieldKey]).toEqual(expected.stored);
			expect(after.find((r) => r.PK_ID === target.PK_ID)?.[fieldKey]).toEqual(expected.stored);
			expect(after.find((r) => r.PK_ID === d1.PK_ID)?.[fieldKey]).toEqual(expected.stored);
			expect(untouched(before, after, new Set([Number(target.PK_ID), Number(d1.PK_ID)]), 2)).toEqual([]);
			figures.literal++;
		}
	});

	it('a 64,000-character filter value: a clear error or the literal match, never another row', async () => {
		figures.cases++;
		figures.caspioCases++;
		const before = await resetCaspio();
		const out = await runCaspio({
			resource: 'record',
			operation: 'delete',
			table,
			filters: { conditions: [{ field: 'Notes', operator: 'equals', value: TEXT_64K }] },
		});
		if (out.error) expect(out.error).toMatch(/\S/);
		else expect(out.items).toEqual([{ recordsAffected: 0 }]);
		expect(untouched(before, await rows(), new Set())).toEqual([]);
	});

	it('a table name with CRLF and a path is refused with an error naming the table, nothing sent elsewhere', async () => {
		figures.cases++;
		figures.caspioCases++;
		const before = await resetCaspio();
		for (const name of ['Hostile\r\nX-Injected: yes', '../tables/Hostile', 'Hostile?q.where=1=1']) {
			// The node refuses a name that is not a Caspio object name (letters, digits, underscores) before any request.
			const error = await runCaspio({ resource: 'record', operation: 'delete', table: { __rl: true, mode: 'name', value: name }, deleteAll: true }).then(
				(out) => out.error,
				(e: Error) => e.message,
			);
			keepText('r3 caspio table name', error);
			expect(error).toMatch(/table name/i);
		}
		expect(untouched(before, await rows(), new Set())).toEqual([]);
		figures.fieldErrors++;
	});
});

// ---------------------------------------------------------------------------------------------------------------
// ActiveCampaign: every contact field, custom fields, tags and lists
// ---------------------------------------------------------------------------------------------------------------

interface AcContact {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	phone: string;
	tags: string[];
	lists: Array<{ name: string; status: number }>;
	fieldValues: Record<string, string>;
}
const AC_SEED = {
	lists: ['Newsletter', 'Events'],
	tags: ['customer', 'vip'],
	fields: [
		{ title: 'Notes', type: 'textarea' as const },
		{ title: 'Company Size', type: 'number' as const },
		{ title: 'Interest', type: 'listbox' as const, options: ['Analytics', 'Automation', 'Reporting'] },
		{ title: 'Event Date', type: 'date' as const },
	],
	contacts: [
		{ email: 'bystander@example.com', firstName: 'By', lastName: 'Stander', tags: ['customer', 'vip'], lists: ['Newsletter'], fieldValues: { NOTES: 'keep me' } },
		{ email: 'target@example.com', firstName: 'Old', lastName: 'Name', tags: ['customer'], lists: ['Events'] },
	],
};

async function acState(): Promise<{ contacts: AcContact[]; tags: Array<{ tag: string }> }> {
	return (await admin(ac.url, 'GET', 'state')) as unknown as { contacts: AcContact[]; tags: Array<{ tag: string }> };
}
async function resetAc(): Promise<AcContact[]> {
	await admin(ac.url, 'POST', 'reset');
	await admin(ac.url, 'POST', 'seed', AC_SEED);
	return (await acState()).contacts;
}

type AcExpect = { contact: Partial<AcContact> & { email: string } } | { error: RegExp };
const upsert = (extra: IDataObject = {}): IDataObject => ({
	resource: 'contact',
	operation: 'upsert',
	email: '={{ $json.email }}',
	createMissingTags: true,
	...extra,
});

/** [case, item json for the expressions, node parameters, exact outcome]. */
const AC_CASES: Array<[string, IDataObject, IDataObject, AcExpect]> = [
	['quote in the email', { email: "o'brien@example.com" }, {}, { contact: { email: "o'brien@example.com" } }],
	['plus addressing', { email: 'ada+news@example.com' }, {}, { contact: { email: 'ada+news@example.com' } }],
	['email padded with spaces', { email: '  padded@example.com  ' }, {}, { contact: { email: 'padded@example.com' } }],
	['email without a domain', { email: 'bad@' }, {}, { error: /Email/ }],
	['email without a TLD', { email: 'a@b' }, {}, { error: /Email/ }],
	['empty email', { email: '' }, {}, { error: /Email/ }],
	['null email', { email: null }, {}, { error: /Email/ }],
	['number as email', { email: 12345 }, {}, { error: /Email/ }],
	['SQL in the email', { email: "x' OR '1'='1@example.com" }, {}, { error: /Email/ }],
	['two addresses', { email: 'a@example.com, b@example.com' }, {}, { error: /Email/ }],
	['CRLF in the email', { email: 'crlf@example.com\r\nBcc: victim@example.com' }, {}, { error: /Email/ }],
	['internationalised domain', { email: 'jose@exämple.com' }, {}, { contact: { email: 'jose@exämple.com' } }],
	['internationalised local part', { email: 'josé@example.com' }, {}, { contact: { email: 'josé@example.com' } }],
	['existing contact, other case', { email: 'TARGET@EXAMPLE.COM' }, { additionalFields: { firstName: 'New' } }, { contact: { email: 'target@example.com', firstName: 'New' } }],
	['first name with a quote and emoji', { email: 'target@example.com', v: "O'Brien 😀" }, { additionalFields: { firstName: '={{ $json.v }}' } }, { contact: { email: 'target@example.com', firstName: "O'Brien 😀" } }],
	['RTL last name', { email: 'target@example.com', v: 'שלום עליכם' }, { additionalFields: { lastName: '={{ $json.v }}' } }, { contact: { email: 'target@example.com', lastName: 'שלום עליכם' } }],
	['SQL last name', { email: 'target@example.com', v: "'; DROP TABLE contacts; --" }, { additionalFields: { lastName: '={{ $json.v }}' } }, { contact: { email: 'target@example.com', lastName: "'; DROP TABLE contacts; --" } }],
	['CRLF first name', { email: 'target@example.com', v: CRLF }, { additionalFields: { firstName: '={{ $json.v }}' } }, { contact: { email: 'target@example.com', firstName: CRLF } }],
	['number as first name', { email: 'target@example.com', v: 42 }, { additionalFields: { firstName: '={{ $json.v }}' } }, { contact: { email: 'target@example.com', firstName: '42' } }],
	['phone with symbols', { email: 'target@example.com', v: '+1 (555) 010-0000 ext. 7' }, { additionalFields: { phone: '={{ $json.v }}' } }, { contact: { email: 'target@example.com', phone: '+1 (555) 010-0000 ext. 7' } }],
	['64,000-character custom text field', { email: 'target@example.com', v: TEXT_64K }, { customFields: { field: [{ name: 'Notes', value: '={{ $json.v }}' }] } }, { contact: { email: 'target@example.com', fieldValues: { NOTES: TEXT_64K } } }],
	['template syntax in a custom field', { email: 'target@example.com' }, { customFields: { field: [{ name: 'Notes', value: '%FIRSTNAME% {{x}} [%]' }] } }, { contact: { email: 'target@example.com', fieldValues: { NOTES: '%FIRSTNAME% {{x}} [%]' } } }],
	['number as string', { email: 'target@example.com' }, { customFields: { field: [{ name: 'Company Size', value: '42' }] } }, { contact: { email: 'target@example.com', fieldValues: { COMPANY_SIZE: '42' } } }],
	['words in a number field', { email: 'target@example.com' }, { customFields: { field: [{ name: 'Company Size', value: 'forty' }] } }, { error: /Company Size/ }],
	['decimal comma in a number field', { email: 'target@example.com' }, { customFields: { field: [{ name: 'Company Size', value: '12,5' }] } }, { error: /Company Size/ }],
	['exponent in a number field', { email: 'target@example.com' }, { customFields: { field: [{ name: 'Company Size', value: '1e3' }] } }, { error: /Company Size/ }],
	['30 February in a date field', { email: 'target@example.com' }, { customFields: { field: [{ name: 'Event Date', value: '2026-02-30' }] } }, { error: /Event Date/ }],
	['words in a date field', { email: 'target@example.com' }, { customFields: { field: [{ name: 'Event Date', value: 'soon' }] } }, { error: /Event Date/ }],
	['option that does not exist', { email: 'target@example.com' }, { customFields: { field: [{ name: 'Interest', value: "Analytics' OR 1=1" }] } }, { error: /Interest/ }],
	['unknown custom field', { email: 'target@example.com' }, { customFields: { field: [{ name: 'No Such Field', value: 'x' }] } }, { error: /No Such Field/ }],
	['custom field name with a LIKE wildcard', { email: 'target@example.com' }, { customFields: { field: [{ name: '%', value: 'x' }] } }, { error: /%/ }],
	['tag with quotes, brackets and emoji', { email: 'target@example.com' }, { tagsToAdd: ["vip's [a]%_ 😀"] }, { contact: { email: 'target@example.com', tags: ['customer', "vip's [a]%_ 😀"] } }],
	['1,000-character tag', { email: 'target@example.com' }, { tagsToAdd: ['t'.repeat(1000)] }, { contact: { email: 'target@example.com', tags: ['customer', 't'.repeat(1000)] } }],
	['removing the wildcard tag "%" removes nothing else', { email: 'target@example.com' }, { tagsToRemove: ['%', '_', 'cust%'] }, { contact: { email: 'target@example.com', tags: ['customer'] } }],
	['unknown list', { email: 'target@example.com' }, { listsToSubscribe: ['No Such List'] }, { error: /No Such List/ }],
	['list name with SQL', { email: 'target@example.com' }, { listsToSubscribe: ["Newsletter' OR 1=1 --"] }, { error: /Newsletter' OR 1=1 --/ }],
];

describe('R3 ActiveCampaign contact fields: literal or a per-item error naming the field', () => {
	it.each(AC_CASES)('%s', async (_name, item, params, expected) => {
		figures.cases++;
		figures.acCases++;
		const before = await resetAc();
		const out = await runAc(upsert(params), [item]);
		const after = (await acState()).contacts;
		const bystander = (list: AcContact[]) => list.find((c) => c.email === 'bystander@example.com');
		expect(bystander(after)).toEqual(bystander(before));
		if ('error' in expected) {
			expect(out.error).toMatch(expected.error);
			expect(after).toEqual(before);
			figures.fieldErrors++;
		} else {
			expect(out.error).toBeUndefined();
			const contact = after.find((c) => c.email === expected.contact.email);
			expect(contact).toMatchObject(expected.contact);
			if (expected.contact.tags) expect([...contact!.tags].sort()).toEqual([...expected.contact.tags].sort());
			// Only the addressed contact changed (or was added).
			const others = (list: AcContact[]) => list.filter((c) => c.email !== expected.contact.email);
			expect(others(after)).toEqual(others(before));
			figures.literal++;
		}
	});

	it('a bad item among good ones: the good items are written, the bad one reports its field, nothing else moves', async () => {
		figures.cases++;
		figures.acCases++;
		const before = await resetAc();
		const run = await runNode({
			type: 'activeCampaignPlus',
			parameters: {
				resource: 'contact',
				operation: 'upsert',
				email: '={{ $json.email }}',
				customFields: { field: [{ name: 'Company Size', value: '={{ $json.size }}' }] },
			},
			items: [
				{ email: 'one@example.com', size: '1' },
				{ email: 'two@example.com', size: 'two' },
				{ email: 'three@example.com', size: '3' },
			],
			credentials: acCreds,
			onError: 'continueRegularOutput',
		});
		const items = (run.outputs[0] ?? []).map((i) => i.json);
		keepText('r3 ac mixed batch', items);
		expect(items.map((i) => (i.error ? 'error' : i.email))).toEqual(['one@example.com', 'error', 'three@example.com']);
		expect(JSON.stringify(items[1])).toMatch(/Company Size/);
		const after = (await acState()).contacts;
		expect(after.map((c) => [c.email, c.fieldValues.COMPANY_SIZE ?? null])).toEqual([
			...before.map((c) => [c.email, c.fieldValues.COMPANY_SIZE ?? null]),
			['one@example.com', '1'],
			['three@example.com', '3'],
		]);
	});

	it('a Bulk Import item with hostile values is imported literally; an invalid email fails only that item', async () => {
		figures.cases++;
		figures.acCases++;
		const before = await resetAc();
		const run = await runNode({
			type: 'activeCampaignPlus',
			parameters: {
				resource: 'contact',
				operation: 'bulkImport',
				email: '={{ $json.email }}',
				tags: '={{ $json.tag }}',
				additionalFields: { firstName: '={{ $json.first }}' },
				customFields: { field: [{ name: 'Notes', value: '={{ $json.notes }}' }] },
				options: {},
			},
			items: [
				{ email: 'bulk1@example.com', tag: "o'tag [%]", first: "'; DROP TABLE contacts; --", notes: CRLF },
				{ email: 'not-an-email', tag: 'x', first: 'x', notes: 'x' },
				{ email: 'bulk2@example.com', tag: '😀', first: 'مرحبا', notes: LONG_4K },
			],
			credentials: acCreds,
			onError: 'continueRegularOutput',
		});
		const items = (run.outputs[0] ?? []).map((i) => i.json);
		keepText('r3 ac bulk', items);
		expect(items.map((i) => (i.error ? 'error' : i.status))).toEqual(['imported', 'error', 'imported']);
		expect(JSON.stringify(items[1])).toMatch(/[Ee]mail/);
		const after = (await acState()).contacts;
		expect(after.find((c) => c.email === 'bulk1@example.com')).toMatchObject({ firstName: "'; DROP TABLE contacts; --", tags: ["o'tag [%]"], fieldValues: { NOTES: CRLF } });
		expect(after.find((c) => c.email === 'bulk2@example.com')).toMatchObject({ firstName: 'مرحبا', tags: ['😀'], fieldValues: { NOTES: LONG_4K } });
		expect(after.filter((c) => !c.email.startsWith('bulk'))).toEqual(before);
	});
});
