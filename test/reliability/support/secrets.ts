/**
 * Everything the suites produce that a user could see (output items, error messages, execution data) is appended to
 * `<RELIABILITY_OUT_DIR>/texts.jsonl`; the last suite scans it and the n8n log for secrets.
 */
import * as fs from 'fs';
import * as path from 'path';
import { outDir } from './figures';

export function keepText(source: string, value: unknown): void {
	const text = typeof value === 'string' ? value : JSON.stringify(value, (_k, v: unknown) => (v instanceof Error ? { ...v, message: v.message } : v));
	fs.appendFileSync(path.join(outDir(), 'texts.jsonl'), `${JSON.stringify({ source, text: text ?? '' })}\n`);
}

/** Secrets with a fixed value in the sandboxes, plus any the suites learned (access tokens, webhook secrets). */
export function keepSecret(name: string, value: string): void {
	if (!value || value.length < 6) return;
	fs.appendFileSync(path.join(outDir(), 'secrets.jsonl'), `${JSON.stringify({ name, value })}\n`);
}

export function readSecrets(): Array<{ name: string; value: string }> {
	const file = path.join(outDir(), 'secrets.jsonl');
	if (!fs.existsSync(file)) return [];
	const seen = new Map<string, string>();
	for (const line of fs.readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
		const { name, value } = JSON.parse(line) as { name: string; value: string };
		seen.set(value, name);
	}
	return [...seen].map(([value, name]) => ({ name, value }));
}

export function readTexts(): Array<{ source: string; text: string }> {
	const file = path.join(outDir(), 'texts.jsonl');
	if (!fs.existsSync(file)) return [];
	return fs.readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { source: string; text: string });
}

/** Where each secret occurs in `text` (also URL-encoded and base64 forms): a list of "name@source". */
export function findSecrets(text: string, source: string, secrets: Array<{ name: string; value: string }>): string[] {
	const hits: string[] = [];
	for (const { name, value } of secrets) {
		const forms = new Set([value, encodeURIComponent(value), Buffer.from(value).toString('base64')]);
		for (const form of forms) {
			if (form.length >= 6 && text.includes(form)) {
				hits.push(`${name}@${source}`);
				break;
			}
		}
	}
	return hits;
}

/** Fixed sandbox credential secrets (see sandboxCredentialData in scripts/harness/credentials.ts). */
export const FIXED_SECRETS = [
	{ name: 'ActiveCampaign API key', value: 'sandbox-key' },
	{ name: 'ActiveCampaign event key', value: 'sandbox-event-key' },
	{ name: 'Caspio client secret', value: 'sandbox-secret' },
];
