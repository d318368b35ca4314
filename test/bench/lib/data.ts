/** Benchmark data: Caspio lead tables of any size and the check that a contact arrived complete in ActiveCampaign. */
import type { SandboxClient } from '../../../scripts/harness';

/** The options of the demo account's "Interest" listbox field. */
const INTERESTS = ['Analytics', 'Automation', 'Integrations', 'Reporting'];

/** The Leads shape the templates read (no Unique on Email: the sandbox's unique check is O(n) per row). */
export const LEAD_FIELDS = [
	{ Name: 'First_Name', Type: 'STRING' },
	{ Name: 'Last_Name', Type: 'STRING' },
	{ Name: 'Email', Type: 'STRING' },
	{ Name: 'Company', Type: 'STRING' },
	{ Name: 'Company_Size', Type: 'NUMBER' },
	{ Name: 'Interest', Type: 'STRING' },
	{ Name: 'Consent', Type: 'YES/NO' },
];

export function lead(i: number, domain: string): Record<string, unknown> {
	return {
		First_Name: `First${i}`,
		Last_Name: `Last${i}`,
		Email: `lead${i}@${domain}`,
		Company: `Company ${i % 97}`,
		Company_Size: 1 + ((i * 37) % 1000),
		Interest: INTERESTS[i % INTERESTS.length],
		Consent: true,
	};
}

export const leads = (from: number, count: number, domain: string) => Array.from({ length: count }, (_, k) => lead(from + k, domain));

/**
 * Seeds (or replaces) a Caspio table with `count` leads in one `POST /__sandbox/seed`. The sandbox takes any body
 * size, but a seed *replaces* a table of the same name, so it cannot be appended to in chunks.
 */
export async function seedLeadTable(caspio: SandboxClient, name: string, count: number, domain: string): Promise<number> {
	const t0 = Date.now();
	await seedCaspio(caspio, { tables: [{ name, note: 'benchmark data', fields: LEAD_FIELDS, records: leads(1, count, domain) }] });
	return Date.now() - t0;
}

/** `POST /__sandbox/seed` without the harness client's 60 s timeout (100,000 rows take longer than that). */
export async function seedCaspio(caspio: SandboxClient, body: unknown): Promise<void> {
	const res = await fetch(`${caspio.url}/__sandbox/seed`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
		signal: AbortSignal.timeout(15 * 60_000),
	});
	const text = await res.text();
	if (res.status >= 300) throw new Error(`seeding Caspio answered HTTP ${res.status}: ${text.slice(0, 300)}`);
}

/** What every benchmark contact must end up with: 2 tags, 1 list, 3 custom fields. */
export const P1_TAGS = ['caspio-sync', 'backfill-2026'];
export const P2_TAGS = ['caspio-sync', 'realtime-2026'];
export const LIST = 'Newsletter';
export const FIELD_PERSTAGS = ['COMPANY_SIZE', 'INTEREST', 'CASPIO_RECORD_ID'];

export interface AcStateContact {
	id: string;
	email: string;
	tags: string[];
	lists: Array<{ name: string; status: number }>;
	fieldValues: Record<string, string>;
}

/** How many of the contacts whose email ends in `@domain` are missing, or lack a tag, the list or a field. */
export async function incompleteContacts(
	ac: SandboxClient,
	domain: string,
	expected: number,
	tags: string[],
): Promise<{ complete: number; failed: number; found: number }> {
	const state = await ac.state<{ contacts: AcStateContact[] }>();
	const mine = state.contacts.filter((c) => c.email.toLowerCase().endsWith(`@${domain}`));
	const complete = mine.filter(
		(c) =>
			tags.every((t) => c.tags.some((x) => x.toLowerCase() === t.toLowerCase())) &&
			c.lists.some((l) => l.name === LIST && Number(l.status) === 1) &&
			FIELD_PERSTAGS.every((p) => (c.fieldValues[p] ?? '') !== ''),
	).length;
	return { complete, failed: expected - complete, found: mine.length };
}
