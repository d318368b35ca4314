/**
 * R4 (part 2) secrets, last. Scans for the ActiveCampaign API key and event key, the Caspio client secret, Caspio
 * access tokens and the webhook secrets / tokens:
 *   - every text the suites kept (R3's output items and error messages, execution records, webhook answers);
 *   - every execution n8n stored (all workflows, with data), and the n8n log file of this run.
 * Expected: 0 hits. Caspio access tokens are also found by shape (96 random bytes, base64url = 128 characters).
 */
import * as fs from 'fs';
import { report } from './support/figures';
import { FIXED_SECRETS, findSecrets, keepSecret, readSecrets, readTexts } from './support/secrets';
import { live, Live } from './support/live';

const TOKEN_SHAPE = /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{128}(?![A-Za-z0-9_-])/g;

describe('R4 secrets: no API key, client secret, access token or webhook secret in outputs, errors or logs', () => {
	it('0 hits', async () => {
		const h = live();
		const texts = readTexts();
		let executionsScanned = 0;
		let logLines = 0;
		if (h) {
			const x = new Live(h);
			// The Caspio access token n8n holds now (the credential keeps the latest one).
			const cred = await h
				.rest<{ data?: Record<string, unknown> }>('GET', `/credentials/${h.credentials.caspioApi}?includeData=true`)
				.catch(() => undefined);
			const token = cred?.data?.accessToken;
			if (typeof token === 'string' && !/^_*REDACTED|^\*+$/.test(token) && token.length > 20) keepSecret('Caspio access token (n8n credential)', token);
			const workflows = (await h.api<{ data: Array<{ id: string; name: string }> }>('GET', '/workflows?limit=250')).data;
			for (const w of workflows) {
				for (const e of await x.executions(w.id, { includeData: true, max: 2000 })) {
					texts.push({ source: `execution ${e.id} (${w.name})`, text: JSON.stringify(e) });
					executionsScanned++;
				}
			}
			if (fs.existsSync(h.logFile)) {
				const log = fs.readFileSync(h.logFile, 'utf8');
				logLines = log.split('\n').length;
				texts.push({ source: 'n8n log', text: log });
			}
		}
		const secrets = [...FIXED_SECRETS, ...readSecrets()];
		const hits: string[] = [];
		for (const t of texts) {
			hits.push(...findSecrets(t.text, t.source, secrets));
			for (const m of t.text.matchAll(TOKEN_SHAPE)) hits.push(`token-shaped string ${m[0].slice(0, 6)}…@${t.source}`);
		}
		report('R4 secrets scan', {
			secretsKnown: secrets.length,
			textsScanned: texts.length,
			executionsScanned,
			logLines,
			leaks: hits.length,
		});
		expect([...new Set(hits)].slice(0, 50)).toEqual([]);
	});
});
