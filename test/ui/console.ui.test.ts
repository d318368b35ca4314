/**
 * The sandbox console in Debian's Chromium (playwright-core), against the stack `npm start` gives: real n8n 2.41.1
 * with this package and the published templates, and the sandboxes with the console linked to both (started once by
 * test/e2e/global-setup.ts, like the editor test). A lead submitted through the console's Caspio form is a DataPage
 * insert into Leads, which runs lead-nurture.json; the ActiveCampaign contact must appear on the page, with its
 * tags, within 10 s. Screenshot: test/ui/screenshots/console-sandbox.png (a failing step leaves console-FAILED-*.png).
 */
import * as fs from 'fs';
import * as path from 'path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

import { getHarness, type HarnessClient } from '../e2e/harness';

const SCREENSHOTS = path.join(__dirname, 'screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CONTACT_WITHIN_MS = 10_000;

/** A ready-to-buy lead about automation, with consent: lead-nurture.json makes it hot. */
const email = `console.lead.${Date.now()}@example.com`;
/** Markup characters, to see them shown as text. */
const lastName = "O'Hara & <Sons>";
const EXPECTED_TAGS = ['caspio-sync', 'hot-lead', 'interest-automation'];

let h: HarnessClient;
let context: BrowserContext;
let page: Page;
let userDataDir: string;
const browserErrors: string[] = [];

function expect_(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}

async function step<T>(name: string, fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (error) {
		const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60);
		await page.screenshot({ path: path.join(SCREENSHOTS, `console-FAILED-${slug}.png`) }).catch(() => undefined);
		throw new Error(`console step "${name}" failed: ${error instanceof Error ? error.message : String(error)}`);
	}
}

/** Polls until `read` gives a value `done` accepts, or the deadline passes; returns the last value read. */
async function pollUntil<T>(deadline: number, read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
	let value = await read();
	while (!done(value) && Date.now() < deadline) {
		await page.waitForTimeout(100);
		value = await read();
	}
	return value;
}

jest.setTimeout(300_000);

beforeAll(async () => {
	h = getHarness();
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
	for (const f of fs.readdirSync(SCREENSHOTS)) if (f.startsWith('console-') && f.endsWith('.png')) fs.rmSync(path.join(SCREENSHOTS, f));
	expect_(fs.existsSync(CHROMIUM), `No Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install -y chromium) or set CHROMIUM_PATH`);
	userDataDir = fs.mkdtempSync(path.join(h.info.userFolder, 'chromium-console-'));
	context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM,
		headless: !process.env.UI_HEADFUL,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
		viewport: { width: 1440, height: 900 },
		colorScheme: 'light',
	});
	page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(30_000);
	page.on('console', (msg) => {
		if (msg.type() === 'error') browserErrors.push(`${msg.text()} (${msg.location()?.url ?? ''})`);
	});
	page.on('pageerror', (error) => browserErrors.push(`${error.name}: ${error.message}`));
});

afterAll(async () => {
	await context?.close().catch(() => undefined);
	if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

describe('sandbox console', () => {
	test('a lead submitted through the Caspio form appears as an ActiveCampaign contact with its tags within 10 s', async () => {
		const consoleUrl = h.info.consoleUrl;
		expect_(consoleUrl, 'the harness reports no console URL (were the sandboxes started?)');
		const template = h.info.workflows.find((w) => w.file === 'lead-nurture.json');
		expect_(template?.active, `lead-nurture.json is not published (${JSON.stringify(template)}): nothing would turn a lead into a contact`);

		await step('open the console', async () => {
			await page.goto(consoleUrl);
			await page.locator('article.contact').first().waitFor();
			await page.locator('button[data-table="Leads"]').click();
			await page.getByRole('heading', { name: 'Add a record to Leads' }).waitFor();
		});

		const submitted = await step('fill and submit the Leads form', async () => {
			await page.getByLabel('First Name', { exact: true }).fill('Rosa');
			await page.getByLabel('Last Name', { exact: true }).fill(lastName);
			await page.getByLabel('Email', { exact: true }).fill(email);
			await page.getByLabel('Company', { exact: true }).fill('Console Co');
			await page.getByLabel('Company Size', { exact: true }).fill('30');
			await page.getByLabel('Interest', { exact: true }).fill('Automation');
			await page.getByLabel('Readiness', { exact: true }).fill('Ready to buy');
			await page.getByLabel('Consent', { exact: true }).check();
			await page.getByRole('button', { name: 'Submit' }).click();
			const at = Date.now();
			await page.locator('#form-result.ok').waitFor({ timeout: 5_000 });
			return at;
		});

		const card = page.locator(`article.contact[data-email="${email}"]`);
		await step('the contact appears with its tags within 10 s', async () => {
			const readTags = async () => ((await card.count()) ? (await card.locator('.pill.tag').allInnerTexts()).map((t) => t.trim()).sort() : undefined);
			const tags = await pollUntil(submitted + CONTACT_WITHIN_MS, readTags, (t) => !!t && EXPECTED_TAGS.every((e) => t.includes(e)));
			const elapsed = Date.now() - submitted;
			expect_(tags, `no contact ${email} on the console ${elapsed} ms after the submit`);
			expect_(EXPECTED_TAGS.every((e) => tags.includes(e)), `contact ${email} shows tags ${tags.join(', ')} after ${elapsed} ms; expected ${EXPECTED_TAGS.join(', ')}`);
			process.stderr.write(`[ui] console: contact ${email} with tags ${tags.join(', ')} shown ${elapsed} ms after the submit\n`);
		});

		await step('the rest of the template shows up: list, fields, automation, the write-back to Caspio', async () => {
			const deadline = Date.now() + 20_000;
			const cardText = await pollUntil(deadline, () => card.innerText(), (t) => t.includes('Lead Nurture – Hot'));
			for (const part of ['Newsletter · active', 'Company Size: 30', 'Interest: Automation', 'Lead Nurture – Hot']) {
				expect_(cardText.includes(part), `contact card lacks "${part}":\n${cardText}`);
			}
			const syncCell = page.locator('#records tbody tr').filter({ hasText: email }).locator('td[data-field="Sync_Status"]');
			const sync = await pollUntil(deadline, () => syncCell.innerText(), (t) => t === 'Synced (hot)');
			expect_(sync === 'Synced (hot)', `the Leads record shows Sync_Status "${sync}", expected "Synced (hot)" (the template's write-back)`);
		});

		await step('values are shown as text, never as markup', async () => {
			expect_((await card.locator('.who').innerText()) === `Rosa ${lastName}`, `contact name shown as "${await card.locator('.who').innerText()}"`);
			const cell = page.locator('#records tbody tr').filter({ hasText: email }).locator('td[data-field="Last_Name"]');
			expect_((await cell.innerText()) === lastName, `Last_Name cell shows "${await cell.innerText()}"`);
			expect_((await page.locator('#records sons, #contacts sons').count()) === 0, 'a value was rendered as markup');
		});

		await page.evaluate(() => (globalThis as unknown as { scrollTo(x: number, y: number): void }).scrollTo(0, 0));
		await page.screenshot({ path: path.join(SCREENSHOTS, 'console-sandbox.png') });
		expect_(browserErrors.length === 0, `browser errors on the console:\n${browserErrors.join('\n')}`);
	});
});
