import { randomBytes } from 'node:crypto';

import type { SandboxResponse } from '../server';
import { CaspioError } from './errors';
import type { FileArea } from './files';
import type { Store } from './store';

/** Where the temporary download URLs of webhook payloads point; outside the REST API, so no bearer token is asked. */
export const ATTACHMENT_LINK_PATH = '/attachments/temporary/:token';

export interface AttachmentLinkRules {
	/** `[@field:X/]` URLs are valid for 300 s (§15.4); shorter here lets a test see one expire. */
	attachmentUrlTtlSeconds: number;
}

interface Link {
	table: string;
	field: string;
	pk: number;
	expires: number;
}

/**
 * The temporary attachment URLs a custom payload template asks for with `[@field:X/]` (§15.4, §16). UNCERTAIN
 * (§17 #9): whether the URL needs authentication (here it does not) and its value for a record without a file (here
 * an empty string).
 */
export class AttachmentLinks {
	private links = new Map<string, Link>();
	/** The sandbox's own address, set once it listens. */
	baseUrl = '';

	constructor(
		private readonly store: Store,
		private readonly files: FileArea,
	) {}

	clear(): void {
		this.links.clear();
	}

	/** A new URL for the record's file in this field, or '' when it has none. */
	issue(tableName: string, field: string, pk: number, rules: AttachmentLinkRules): string {
		const table = this.store.table(tableName);
		const name = table.fields.find((f) => f.Name.toLowerCase() === field.toLowerCase())?.Name;
		if (!name || !this.files.attachment(table, name, pk)) return '';
		const token = randomBytes(18).toString('base64url');
		this.links.set(token, { table: table.name, field: name, pk, expires: Date.now() + rules.attachmentUrlTtlSeconds * 1000 });
		return `${this.baseUrl}${ATTACHMENT_LINK_PATH.replace(':token', token)}`;
	}

	/** The file behind a token: 404 once the token expired or the file is gone. */
	download(token: string): SandboxResponse {
		const link = this.links.get(token);
		if (!link || link.expires < Date.now()) throw new CaspioError(404, 'ObjectNotFound', 'The download link has expired or does not exist.');
		const file = this.files.attachment(this.store.table(link.table), link.field, link.pk);
		if (!file) throw new CaspioError(404, 'ObjectNotFound', 'The attachment no longer exists.');
		return { status: 200, headers: { 'content-type': file.ContentType }, body: file.bytes };
	}

	dump() {
		return [...this.links.values()].map((l) => ({ ...l, expired: l.expires < Date.now() }));
	}
}
