/**
 * The templates in workflows/*.json inside a real n8n 2.41.1, as global setup imported and published them (credentials
 * linked by type to the sandbox ones). Each is driven the way its users would: a Caspio change made as a DataPage
 * would make it, an ActiveCampaign change made by the person or an AC user, or a manual run. Every test asserts the
 * final sandbox state exactly and that the change started exactly one execution of exactly one template.
 */
import { BASE_NODE_VERSIONS, loadTemplate } from '../workflows/templates';
import { getHarness, sleep, type ExecutionRecord, type HarnessClient, type ImportedWorkflow } from './harness';

interface AcContact {
	id: string;
	email: string;
	firstName: string;
	lastName: string;
	phone: string;
	tags: string[];
	lists: Array<{ name: string; status: number }>;
	fieldValues: Record<string, string>;
	automations: Array<{ name: string }>;
	events: Array<{ event: string; eventdata: string }>;
}
type CaspioRecord = Record<string, unknown> & { PK_ID: number };

let h: HarnessClient;
let templates: ImportedWorkflow[];
let acThrottled: number;

beforeAll(async () => {
	h = getHarness();
	templates = h.info.workflows;
	acThrottled = (await h.ac!.stats<{ sent429: number }>()).sent429;
	// Count only this suite's ActiveCampaign v3 requests in the rate check at the end.
	await h.ac!.admin('POST', '/__sandbox/rate-limit', { enabled: true });
});

// ---------------------------------------------------------------------------------------------------------------
// Sandbox and execution helpers
// ---------------------------------------------------------------------------------------------------------------

const workflowOf = (file: string): ImportedWorkflow => {
	const found = templates.find((w) => w.file === file);
	if (!found) throw new Error(`workflows/${file} was not imported by global setup`);
	return found;
};

async function caspioWrite(body: { table: string; op: 'insert' | 'update' | 'delete'; values?: Record<string, unknown>; where?: string; source?: string }) {
	return await h.caspio!.admin<{ Result?: CaspioRecord[] }>('POST', '/__sandbox/records', { source: 'DataPages', ...body });
}
const insert = async (table: string, values: Record<string, unknown>, source = 'DataPages') =>
	(await caspioWrite({ table, op: 'insert', values, source })).Result![0];
const update = (table: string, pk: number, values: Record<string, unknown>, source = 'DataPages') =>
	caspioWrite({ table, op: 'update', where: `PK_ID = ${pk}`, values, source });
const remove = (table: string, pk: number) => caspioWrite({ table, op: 'delete', where: `PK_ID = ${pk}` });

async function records(table: string): Promise<CaspioRecord[]> {
	const state = await h.caspio!.state<{ tables: Array<{ name: string; records: CaspioRecord[] }> }>();
	return state.tables.find((t) => t.name === table)?.records ?? [];
}
const record = async (table: string, pk: number) => (await records(table)).find((r) => r.PK_ID === pk);

async function acContacts(): Promise<AcContact[]> {
	return (await h.ac!.state<{ contacts: AcContact[] }>()).contacts;
}
async function acContact(email: string): Promise<AcContact> {
	const found = (await acContacts()).find((c) => c.email === email);
	if (!found) throw new Error(`no ActiveCampaign contact ${email}`);
	return found;
}

/** What a user sees of a contact in ActiveCampaign: tags and lists sorted, automations and events by name. */
function summary(contact: AcContact) {
	return {
		tags: [...contact.tags].sort(),
		lists: contact.lists.map((l) => `${l.name}:${l.status}`).sort(),
		fieldValues: contact.fieldValues,
		automations: contact.automations.map((a) => a.name).sort(),
		events: contact.events.map((e) => `${e.event}:${e.eventdata}`),
	};
}

/** The newest execution id of each template (0 when none). */
async function latestIds(): Promise<Map<string, number>> {
	const ids = new Map<string, number>();
	for (const w of templates) {
		const list = await h.api<{ data: ExecutionRecord[] }>('GET', `/executions?workflowId=${w.id}&limit=1`);
		ids.set(w.id, Number(list.data[0]?.id ?? 0));
	}
	return ids;
}

/** Executions of every template newer than `since`, as "file: count". */
async function newExecutions(since: Map<string, number>): Promise<string[]> {
	const counts: string[] = [];
	for (const w of templates) {
		const list = await h.api<{ data: ExecutionRecord[] }>('GET', `/executions?workflowId=${w.id}&limit=250`);
		const count = list.data.filter((e) => Number(e.id) > (since.get(w.id) ?? 0)).length;
		if (count > 0) counts.push(`${w.file}: ${count}`);
	}
	return counts;
}

/** Lets webhook deliveries of both sandboxes (and anything they start in n8n) finish. */
async function settle(): Promise<void> {
	await h.caspio!.admin('GET', '/__sandbox/deliveries');
	await h.ac!.admin('POST', '/__sandbox/idle');
	await sleep(1500);
	await h.caspio!.admin('GET', '/__sandbox/deliveries');
	await h.ac!.admin('POST', '/__sandbox/idle');
}

/**
 * Does `change`, waits for the template's execution, and checks it succeeded and was the only execution of any
 * template the change caused (no echo, no loop, no other template reacting). Returns the execution.
 */
async function expectOneRun(file: string, change: () => Promise<unknown>): Promise<ExecutionRecord> {
	const workflow = workflowOf(file);
	const since = await latestIds();
	await change();
	const execution = await h.waitForExecution(workflow.id, { afterId: since.get(workflow.id), timeoutMs: 90_000 });
	const error = execution.data?.resultData?.error;
	if (execution.status !== 'success') {
		throw new Error(`${file}: execution ${execution.id} ${execution.status} at "${execution.data?.resultData?.lastNodeExecuted}": ${error?.message} ${error?.description ?? ''}`);
	}
	await settle();
	expect(await newExecutions(since)).toEqual([`${file}: 1`]);
	return execution;
}

/** The nodes that ran in an execution. */
const ran = (execution: ExecutionRecord) => Object.keys(execution.data?.resultData?.runData ?? {}).sort();

// ---------------------------------------------------------------------------------------------------------------

describe('templates are imported and live', () => {
	it('all eight are in n8n; those with triggers are published without activation errors', () => {
		expect(templates.map((w) => [w.file, w.active, w.activationError ?? null])).toEqual([
			['application-status.json', true, null],
			['bulk-backfill.json', false, null],
			['contact-profile-sync.json', true, null],
			['download-tracking.json', true, null],
			['event-registration.json', true, null],
			['lead-nurture.json', true, null],
			['onboarding-milestones.json', true, null],
			['preference-center.json', true, null],
			['reconcile.json', false, null],
			['replay-failed-syncs.json', false, null],
			['survey-feedback.json', true, null],
			['sync-errors.json', true, null],
		]);
		expect(workflowOf('bulk-backfill.json').note).toBe('no trigger node');
	});

	it('the n8n-nodes-base types and versions the unit test allows exist in this n8n', async () => {
		// A versioned node is listed once per version group, so collect the versions of every entry of a name.
		const list = await h.get<Array<{ name: string; version: number | number[] }>>('/types/nodes.json');
		const known = new Map<string, number[]>();
		for (const d of list) known.set(d.name, [...(known.get(d.name) ?? []), ...(Array.isArray(d.version) ? d.version : [d.version])]);
		const missing = Object.entries(BASE_NODE_VERSIONS).flatMap(([type, versions]) =>
			versions.filter((v) => !(known.get(type) ?? []).includes(v)).map((v) => `${type} v${v}`),
		);
		expect(missing).toEqual([]);
	});
});

describe('lead-nurture.json', () => {
	const FILE = 'lead-nurture.json';

	it('a hot lead: tier, interest and sync tags, Newsletter (consent), fields, hot nurture automation, write-back', async () => {
		let lead!: CaspioRecord;
		await expectOneRun(FILE, async () => {
			lead = await insert('Leads', {
				First_Name: 'Hedy', Last_Name: 'Lamarr', Email: 'hedy.hot@example.com', Phone: '+1 555 0100', Company: 'Spread Spectrum',
				Company_Size: 30, Interest: 'Automation', Readiness: 'Ready to buy', Consent: true,
			});
		});
		const contact = await acContact('hedy.hot@example.com');
		expect([contact.firstName, contact.lastName, contact.phone]).toEqual(['Hedy', 'Lamarr', '+1 555 0100']);
		expect(summary(contact)).toEqual({
			tags: ['caspio-sync', 'hot-lead', 'interest-automation'],
			lists: ['Newsletter:1'],
			fieldValues: { COMPANY_SIZE: '30', INTEREST: '||Automation||', CASPIO_RECORD_ID: String(lead.PK_ID) },
			automations: ['Lead Nurture – Hot'],
			events: [],
		});
		const stored = await record('Leads', lead.PK_ID);
		expect(stored).toMatchObject({ AC_Contact_ID: contact.id, Sync_Status: 'Synced (hot)', Synced_At: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/) });
	});

	it('a large company that is still researching is warm; without consent no list', async () => {
		let lead!: CaspioRecord;
		await expectOneRun(FILE, async () => {
			lead = await insert('Leads', {
				First_Name: 'Radia', Last_Name: 'Perlman', Email: 'radia.warm@example.com', Company: 'Spanning Tree Inc', Company_Size: 500,
				Interest: 'Integrations', Readiness: 'Researching', Consent: false,
			});
		});
		const contact = await acContact('radia.warm@example.com');
		expect(summary(contact)).toEqual({
			tags: ['caspio-sync', 'interest-integrations', 'warm-lead'],
			lists: [],
			fieldValues: { COMPANY_SIZE: '500', INTEREST: '||Integrations||', CASPIO_RECORD_ID: String(lead.PK_ID) },
			automations: ['Lead Nurture – Warm'],
			events: [],
		});
		expect(await record('Leads', lead.PK_ID)).toMatchObject({ AC_Contact_ID: contact.id, Sync_Status: 'Synced (warm)' });
	});

	it('a cold lead gets the cold tag and no automation; the write-back still happens', async () => {
		let lead!: CaspioRecord;
		const execution = await expectOneRun(FILE, async () => {
			lead = await insert('Leads', { First_Name: 'Cold', Last_Name: 'Caller', Email: 'cold.lead@example.com', Company_Size: 5, Readiness: 'Researching', Consent: false });
		});
		expect(ran(execution)).not.toContain('Add to Nurture Automation');
		const contact = await acContact('cold.lead@example.com');
		expect(summary(contact)).toEqual({
			tags: ['caspio-sync', 'cold-lead'],
			lists: [],
			// The form left Interest blank, and the Upsert sends a blank value as "clear this field".
			fieldValues: { COMPANY_SIZE: '5', INTEREST: '', CASPIO_RECORD_ID: String(lead.PK_ID) },
			automations: [],
			events: [],
		});
		expect(await record('Leads', lead.PK_ID)).toMatchObject({ AC_Contact_ID: contact.id, Sync_Status: 'Synced (cold)' });
	});

	it('an existing hot contact who answers "Evaluating" becomes warm: the hot tag is swapped, other tags stay', async () => {
		await h.ac!.seed({ contacts: [{ email: 'ruth.requalify@example.com', firstName: 'Ruth', tags: ['hot-lead', 'customer'] }] });
		await expectOneRun(FILE, async () => {
			await insert('Leads', { First_Name: 'Ruth', Last_Name: 'Teitelbaum', Email: 'ruth.requalify@example.com', Readiness: 'Evaluating', Consent: true });
		});
		const contact = await acContact('ruth.requalify@example.com');
		expect([contact.firstName, contact.lastName]).toEqual(['Ruth', 'Teitelbaum']);
		expect(summary(contact)).toMatchObject({ tags: ['caspio-sync', 'customer', 'warm-lead'], lists: ['Newsletter:1'], automations: ['Lead Nurture – Warm'] });
	});
});

describe('event-registration.json', () => {
	const FILE = 'event-registration.json';
	const TAG = 'event-automation-summit-2026';

	it('a registration tags, lists and tracks the contact and is marked in Caspio; cancelling undoes tag and list', async () => {
		let reg!: CaspioRecord;
		await expectOneRun(FILE, async () => {
			reg = await insert('Registrations', {
				Email: 'barbara.reg@example.com', Name: 'Barbara Liskov', Event_Name: 'Automation Summit 2026', Session: 'Morning', Dietary: 'Vegan', Status: 'Registered',
			});
		});
		let contact = await acContact('barbara.reg@example.com');
		expect([contact.firstName, contact.lastName]).toEqual(['Barbara', 'Liskov']);
		expect(summary(contact)).toEqual({
			tags: [TAG],
			lists: ['Events:1'],
			fieldValues: { SESSION: 'Morning', DIETARY: 'Vegan' },
			automations: [],
			events: ['registered:Automation Summit 2026 (Morning)'],
		});
		expect(await record('Registrations', reg.PK_ID)).toMatchObject({ AC_Contact_ID: contact.id, Sync_Status: 'Registered in ActiveCampaign', Status: 'Registered' });

		const attended = await expectOneRun(FILE, () => update('Registrations', reg.PK_ID, { Status: 'Attended' }));
		expect(ran(attended)).toEqual(['Event Settings', 'Registered or Cancelled?', 'Registration Status Changed']);
		expect(summary(await acContact('barbara.reg@example.com'))).toEqual(summary(contact));

		await expectOneRun(FILE, () => update('Registrations', reg.PK_ID, { Status: 'Cancelled' }));
		contact = await acContact('barbara.reg@example.com');
		expect(summary(contact)).toEqual({
			tags: [],
			lists: ['Events:2'],
			fieldValues: { SESSION: 'Morning', DIETARY: 'Vegan' },
			automations: [],
			events: ['registered:Automation Summit 2026 (Morning)', 'cancelled:Automation Summit 2026'],
		});
		expect(await record('Registrations', reg.PK_ID)).toMatchObject({ Status: 'Cancelled', Sync_Status: 'Cancelled in ActiveCampaign' });
	});

	it('a deleted registration cancels too', async () => {
		let reg!: CaspioRecord;
		await expectOneRun(FILE, async () => {
			reg = await insert('Registrations', { Email: 'ken.reg@example.com', Name: 'Ken Thompson', Event_Name: 'Automation Summit 2026', Session: 'Afternoon', Status: 'Registered' });
		});
		const deleted = await expectOneRun(FILE, () => remove('Registrations', reg.PK_ID));
		expect(ran(deleted)).not.toContain('Mark Cancelled in Caspio');
		expect(summary(await acContact('ken.reg@example.com'))).toEqual({
			tags: [],
			lists: ['Events:2'],
			fieldValues: { SESSION: 'Afternoon', DIETARY: '' },
			automations: [],
			events: ['registered:Automation Summit 2026 (Afternoon)', 'cancelled:Automation Summit 2026'],
		});
		expect(await record('Registrations', reg.PK_ID)).toBeUndefined();
	});
});

describe('preference-center.json', () => {
	const FILE = 'preference-center.json';
	const EMAIL = 'pref.center@example.com';
	let pk: number;

	it('a new Preferences record subscribes, unsubscribes and tags by topic in AC, once', async () => {
		await expectOneRun(FILE, async () => {
			pk = (await insert('Preferences', { Email: EMAIL, Newsletter: true, Product_Updates: false, Events: true, Unsubscribed_All: false })).PK_ID;
		});
		expect(summary(await acContact(EMAIL))).toMatchObject({
			tags: ['topic-events', 'topic-newsletter'],
			lists: ['Events:1', 'Newsletter:1', 'Product Updates:2'],
		});
	});

	it('a Caspio change travels to AC once and stops (AC webhooks of the API writes start nothing)', async () => {
		await expectOneRun(FILE, () => update('Preferences', pk, { Newsletter: false }));
		expect(summary(await acContact(EMAIL))).toMatchObject({ tags: ['topic-events'], lists: ['Events:1', 'Newsletter:2', 'Product Updates:2'] });
	});

	it('an AC subscribe and unsubscribe by the person travel to Caspio once each and stop', async () => {
		const before = await record('Preferences', pk);
		await expectOneRun(FILE, () => h.ac!.admin('POST', '/__sandbox/contact-events', { email: EMAIL, type: 'subscribe', list: 'Newsletter' }));
		const contact = await acContact(EMAIL);
		expect(await record('Preferences', pk)).toEqual({
			...before,
			Newsletter: true,
			Unsubscribed_All: false,
			AC_Contact_ID: contact.id,
			Updated: expect.any(String),
		});

		await expectOneRun(FILE, () => h.ac!.admin('POST', '/__sandbox/contact-events', { email: EMAIL, type: 'unsubscribe', list: 'Events', reason: 'too many' }));
		expect(await record('Preferences', pk)).toMatchObject({ Newsletter: true, Product_Updates: false, Events: false, Unsubscribed_All: false });
		// The Caspio writes did not come back to AC: the contact is as the person left it.
		expect(summary(await acContact(EMAIL))).toMatchObject({ tags: ['topic-events'], lists: ['Events:2', 'Newsletter:1', 'Product Updates:2'] });
	});

	it('echo guard: an AC change Caspio already has is not written again', async () => {
		const since = await latestIds();
		await update('Preferences', pk, { Product_Updates: true }, 'RESTAPIs');
		await settle();
		expect(await newExecutions(since)).toEqual([]);
		const before = await record('Preferences', pk);

		const execution = await expectOneRun(FILE, () =>
			h.ac!.admin('POST', '/__sandbox/contact-events', { email: EMAIL, type: 'subscribe', list: 'Product Updates', source: 'admin' }),
		);
		expect(ran(execution)).toContain('Unchanged?');
		expect(ran(execution)).not.toContain('Update Preferences');
		expect(await record('Preferences', pk)).toEqual(before);
	});

	it('"unsubscribe from all" in Caspio unsubscribes every list and removes every topic tag', async () => {
		await expectOneRun(FILE, () => update('Preferences', pk, { Unsubscribed_All: true }));
		expect(summary(await acContact(EMAIL))).toMatchObject({ tags: [], lists: ['Events:2', 'Newsletter:2', 'Product Updates:2'] });
	});

	it('100 changes alternating between Caspio and AC: 100 executions, both sides agree after each', async () => {
		const email = 'pref.alternating@example.com';
		const id = workflowOf(FILE).id;
		let subscribed = true;
		let rowPk!: number;
		await expectOneRun(FILE, async () => {
			rowPk = (await insert('Preferences', { Email: email, Newsletter: true, Product_Updates: false, Events: false, Unsubscribed_All: false })).PK_ID;
		});
		const since = await latestIds();
		let last = since.get(id) ?? 0;
		const mismatches: string[] = [];
		for (let change = 0; change < 100; change++) {
			subscribed = !subscribed;
			if (change % 2 === 0) await update('Preferences', rowPk, { Newsletter: subscribed });
			else await h.ac!.admin('POST', '/__sandbox/contact-events', { email, type: subscribed ? 'subscribe' : 'unsubscribe', list: 'Newsletter' });
			const execution = await h.waitForExecution(id, { afterId: last, timeoutMs: 60_000 });
			last = Number(execution.id);
			if (execution.status !== 'success') mismatches.push(`change ${change}: execution ${execution.id} ${execution.status}`);
			const caspio = (await record('Preferences', rowPk))?.Newsletter;
			const ac = (await acContact(email)).lists.find((l) => l.name === 'Newsletter')?.status;
			if (caspio !== subscribed || ac !== (subscribed ? 1 : 2)) mismatches.push(`change ${change}: wanted ${subscribed}, Caspio ${String(caspio)}, AC status ${String(ac)}`);
		}
		await settle();
		expect(mismatches).toEqual([]);
		expect(await newExecutions(since)).toEqual([`${FILE}: 100`]);
	}, 600_000);
});

describe('onboarding-milestones.json', () => {
	const FILE = 'onboarding-milestones.json';
	const EMAIL = 'frances.onboard@example.com';

	it('milestones tag and track the contact; Account Created starts and Onboarding Complete ends the automation', async () => {
		let pk!: number;
		await expectOneRun(FILE, async () => {
			pk = (await insert('Onboarding', { Email: EMAIL, Name: 'Frances Allen', Plan: 'Team', Milestone: 'Account Created' })).PK_ID;
		});
		expect(summary(await acContact(EMAIL))).toEqual({
			tags: ['onboarding-account-created'],
			lists: [],
			fieldValues: {},
			automations: ['Onboarding'],
			events: ['milestone_reached:Account Created'],
		});

		await expectOneRun(FILE, () => update('Onboarding', pk, { Milestone: 'First Workflow' }));
		expect(summary(await acContact(EMAIL))).toMatchObject({
			tags: ['onboarding-account-created', 'onboarding-first-workflow'],
			automations: ['Onboarding'],
			events: ['milestone_reached:Account Created', 'milestone_reached:First Workflow'],
		});

		await expectOneRun(FILE, () => update('Onboarding', pk, { Milestone: 'Onboarding Complete' }));
		const contact = await acContact(EMAIL);
		expect([contact.firstName, contact.lastName]).toEqual(['Frances', 'Allen']);
		expect(summary(contact)).toEqual({
			tags: ['onboarding-account-created', 'onboarding-first-workflow', 'onboarding-onboarding-complete'],
			lists: [],
			fieldValues: {},
			automations: [],
			events: ['milestone_reached:Account Created', 'milestone_reached:First Workflow', 'milestone_reached:Onboarding Complete'],
		});
	});
});

describe('survey-feedback.json', () => {
	const FILE = 'survey-feedback.json';
	const respond = (email: string, score: number | null, comment = '') =>
		expectOneRun(FILE, () => insert('Surveys', { Email: email, Name: 'Survey Person', NPS_Score: score, Comment: comment }));

	it('scores promoters, passives and detractors: tag, NPS fields, tracked event, follow-up automation', async () => {
		await respond('nps.promoter@example.com', 10, 'Great product');
		await respond('nps.passive@example.com', 8);
		await respond('nps.detractor@example.com', 3, 'Too slow');
		expect(summary(await acContact('nps.promoter@example.com'))).toEqual({
			tags: ['promoter'],
			lists: [],
			fieldValues: { NPS_SCORE: '10', NPS_COMMENT: 'Great product' },
			automations: ['Promoter Referral'],
			events: ['nps_submitted:10'],
		});
		expect(summary(await acContact('nps.passive@example.com'))).toEqual({
			tags: ['passive'],
			lists: [],
			fieldValues: { NPS_SCORE: '8', NPS_COMMENT: '' },
			automations: ['Feedback Follow-up'],
			events: ['nps_submitted:8'],
		});
		expect(summary(await acContact('nps.detractor@example.com'))).toEqual({
			tags: ['detractor'],
			lists: [],
			fieldValues: { NPS_SCORE: '3', NPS_COMMENT: 'Too slow' },
			automations: ['Feedback Follow-up'],
			events: ['nps_submitted:3'],
		});
	});

	it('a later, better score swaps the category tag; a response without a score changes nothing', async () => {
		await respond('nps.detractor@example.com', 9, 'Much better now');
		expect(summary(await acContact('nps.detractor@example.com'))).toEqual({
			tags: ['promoter'],
			lists: [],
			fieldValues: { NPS_SCORE: '9', NPS_COMMENT: 'Much better now' },
			automations: ['Feedback Follow-up', 'Promoter Referral'],
			events: ['nps_submitted:3', 'nps_submitted:9'],
		});
		const execution = await respond('nps.noscore@example.com', null);
		expect(ran(execution)).toEqual(['Has Score?', 'New Survey Response']);
		expect((await acContacts()).map((c) => c.email)).not.toContain('nps.noscore@example.com');
	});
});

describe('download-tracking.json', () => {
	it('a download adds interest and asset tags and tracks "downloaded"', async () => {
		await expectOneRun('download-tracking.json', () =>
			insert('Downloads', { Email: 'annie.download@example.com', Name: 'Annie Easley', Asset: 'Automation Playbook', Topic: 'Automation' }),
		);
		await expectOneRun('download-tracking.json', () =>
			insert('Downloads', { Email: 'annie.download@example.com', Name: 'Annie Easley', Asset: 'Reporting 101', Topic: 'Reporting' }),
		);
		const contact = await acContact('annie.download@example.com');
		expect([contact.firstName, contact.lastName]).toEqual(['Annie', 'Easley']);
		expect(summary(contact)).toEqual({
			tags: ['download-automation-playbook', 'download-reporting-101', 'interest-automation', 'interest-reporting'],
			lists: [],
			fieldValues: {},
			automations: [],
			events: ['downloaded:Automation Playbook', 'downloaded:Reporting 101'],
		});
	});
});

describe('application-status.json', () => {
	it('each status change swaps the status tag and tracks the status event', async () => {
		const FILE = 'application-status.json';
		const EMAIL = 'mary.apply@example.com';
		let pk!: number;
		await expectOneRun(FILE, async () => {
			pk = (await insert('Applications', { Email: EMAIL, Name: 'Mary Jackson', Program: 'Fellowship 2026', Status: 'Submitted' })).PK_ID;
		});
		expect(summary(await acContact(EMAIL))).toMatchObject({ tags: ['application-submitted'], events: ['application_submitted:Fellowship 2026'] });

		await expectOneRun(FILE, () => update('Applications', pk, { Status: 'Under Review' }));
		expect(summary(await acContact(EMAIL))).toMatchObject({
			tags: ['application-under-review'],
			events: ['application_submitted:Fellowship 2026', 'application_under_review:Fellowship 2026'],
		});

		await expectOneRun(FILE, () => update('Applications', pk, { Status: 'Accepted' }));
		expect(summary(await acContact(EMAIL))).toEqual({
			tags: ['application-accepted'],
			lists: [],
			fieldValues: {},
			automations: [],
			events: ['application_submitted:Fellowship 2026', 'application_under_review:Fellowship 2026', 'application_accepted:Fellowship 2026'],
		});
	});
});

describe('bulk-backfill.json', () => {
	const cleanups: Array<() => Promise<unknown>> = [];
	afterAll(async () => {
		for (const cleanup of cleanups) await cleanup();
	});

	it('imports every Caspio lead and reports created / updated / failed in one summary item', async () => {
		// A lead with a broken address, added through the API so no trigger reacts to it.
		const broken = await insert('Leads', { First_Name: 'Broken', Email: 'not-an-email', Readiness: 'Researching' }, 'RESTAPIs');
		// Suites that run after this one on the same sandbox (queue mode: R1) import every lead and expect none to fail.
		cleanups.push(() => caspioWrite({ table: 'Leads', op: 'delete', where: `PK_ID = ${broken.PK_ID}`, source: 'RESTAPIs' }));
		// Two leads ActiveCampaign has never seen, whatever earlier suites (reconcile, profile sync) already imported.
		for (const name of ['Newcomer', 'Latecomer']) {
			const lead = await insert('Leads', { First_Name: name, Email: `${name.toLowerCase()}.${Date.now()}@backfill.example.com`, Readiness: 'Researching' }, 'RESTAPIs');
			cleanups.push(() => caspioWrite({ table: 'Leads', op: 'delete', where: `PK_ID = ${lead.PK_ID}`, source: 'RESTAPIs' }));
		}
		const leads = await records('Leads');
		const known = new Set((await acContacts()).map((c) => c.email.toLowerCase()));
		const valid = leads.filter((l) => String(l.Email).includes('@'));
		const expected = {
			created: valid.filter((l) => !known.has(String(l.Email).toLowerCase())).length,
			updated: valid.filter((l) => known.has(String(l.Email).toLowerCase())).length,
			failed: 1,
		};
		// Both outcomes: the two new leads are created, the demo leads Ada, Grace, Alan and Katherine exist already.
		expect(expected.created).toBeGreaterThanOrEqual(2);
		expect(expected.updated).toBeGreaterThanOrEqual(4);

		const run = await h.runWorkflow(loadTemplate('bulk-backfill.json'), { timeoutMs: 300_000 });

		if (run.status !== 'success') throw new Error(`execution ${run.executionId} ${run.status}: ${run.error}`);
		expect(run.output('Backfill Summary')).toEqual([expected]);
		const contacts = new Map((await acContacts()).map((c) => [c.email, c]));
		for (const lead of valid) {
			const contact = contacts.get(String(lead.Email));
			expect(contact).toBeDefined();
			expect(contact!.tags).toContain('caspio-sync');
			expect(contact!.fieldValues.CASPIO_RECORD_ID).toBe(String(lead.PK_ID));
			if (lead.Consent === true) expect(contact!.lists).toContainEqual(expect.objectContaining({ name: 'Newsletter', status: 1 }));
		}
		expect(summary(contacts.get('linus@example.com')!)).toEqual({
			tags: ['caspio-sync'],
			lists: ['Newsletter:1'],
			fieldValues: { COMPANY_SIZE: '1200', INTEREST: '||Integrations||', CASPIO_RECORD_ID: '5' },
			automations: [],
			events: [],
		});
		expect([...contacts.keys()]).not.toContain('not-an-email');
	});
});

describe('all template runs together', () => {
	it('kept to ActiveCampaign\'s 5 API requests per second and were never throttled', async () => {
		const rate = await h.ac!.admin<{ enabled: boolean; maxAcceptedPerSecond: number }>('GET', '/__sandbox/rate-limit');
		expect(rate.enabled).toBe(true);
		expect(rate.maxAcceptedPerSecond).toBeGreaterThan(0);
		expect(rate.maxAcceptedPerSecond).toBeLessThanOrEqual(5);
		expect((await h.ac!.stats<{ sent429: number }>()).sent429 - acThrottled).toBe(0);
	});
});
