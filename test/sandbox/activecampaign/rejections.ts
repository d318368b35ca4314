import type { Router, SandboxRequest, SandboxResponse } from '../server';
import { invalid } from './http';
import { isObject, text } from './util';

/**
 * A permanent fault for failure-capture tests: a share of contacts, picked by a hash of the email so the same contacts
 * are picked on every attempt, whose `POST /contact/sync` is refused with a 422 until the share is set back to 0.
 * Unlike the core's random 429/5xx faults, a retry never gets through, so the sync fails for good.
 * `POST /__sandbox/reject-syncs {share}` sets it; `GET` reads it with the emails refused so far.
 */
export class SyncRejections {
	share = 0;
	readonly refused = new Set<string>();

	/** The refusal for this request, or undefined when it is not a refused contact's sync. */
	check(req: SandboxRequest): SandboxResponse | undefined {
		if (this.share <= 0 || req.method !== 'POST' || req.path !== '/api/3/contact/sync') return undefined;
		const contact = isObject(req.body) && isObject(req.body.contact) ? req.body.contact : {};
		const email = (text(contact.email) ?? '').toLowerCase();
		if (!email || !picked(email, this.share)) return undefined;
		this.refused.add(email);
		return invalid([{ title: 'The contact could not be saved.', code: 'contact_rejected', detail: 'Rejected by the sandbox fault switch.', pointer: 'email' }]);
	}

	clear(): void {
		this.share = 0;
		this.refused.clear();
	}

	routes(router: Router): Router {
		const state = () => ({ status: 200, body: { share: this.share, refused: [...this.refused].sort() } });
		return router.add('GET', '/__sandbox/reject-syncs', state).add('POST', '/__sandbox/reject-syncs', (req) => {
			const share = isObject(req.body) ? Number(req.body.share) : NaN;
			if (!(share >= 0 && share <= 1)) return { status: 400, body: { message: 'share must be a number from 0 to 1' } };
			this.share = share;
			if (share === 0) this.refused.clear();
			return state();
		});
	}
}

/** FNV-1a of the email mapped to 0..1: the same email is always in or out of a given share. */
export function picked(email: string, share: number): boolean {
	let hash = 0x811c9dc5;
	for (let i = 0; i < email.length; i++) {
		hash ^= email.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash / 4294967296 < share;
}
