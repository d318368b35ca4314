import type { SandboxCore } from '../server';
import { defaultEcomQuirks, type EcomQuirks } from './ecommerce';
import type { RateMeter, RateModel, SlidingWindow } from './limiter';
import type { Store } from './store';
import type { WebhookEmitter } from './webhooks';

/**
 * Switches for every behaviour the reference marks UNCERTAIN. The defaults are the most likely behaviour;
 * the alternative is one option away (start option `quirks` or `POST /__sandbox/options`).
 */
export interface Quirks extends EcomQuirks {
	/** §1: 403 body for a missing/wrong Api-Token: `{"message":"Forbidden"}` or the `errors[]` form. */
	forbiddenBody: 'message' | 'errors';
	/** §2: status when the 5 req/s budget is exceeded (one client reports 503). */
	throttleStatus: 429 | 503;
	/** §4.1: `POST /contact/sync` answers 201 on create; this is the status on update. */
	syncUpdateStatus: 200 | 201;
	/** §4.2: whether `POST /tags` rejects a name that exists (case-insensitive) with 422 duplicate. */
	uniqueTagNames: boolean;
	/** §4.2: `POST /contactTags` with an unknown tag id: 404 or 422 in the `errors[]` form. */
	unknownTagStatus: 404 | 422;
	/** §4.2: re-adding a tag the contact has: answer with the existing association, or 422 duplicate. */
	duplicateContactTag: 'existing' | 'error';
	/** §3: whether `GET /contacts` honours `filters[tagName]` (newer docs page, not in the OpenAPI file). */
	tagNameFilter: boolean;
	/** §4.4: `POST /fields` answers `{"field":{…}}` or, like the spec's example, `{"fields":[…]}`. */
	fieldCreateEnvelope: 'field' | 'fields';
	/** §4.4: perstag from a title: every non-alphanumeric → `_` ("replace"), or runs squeezed and trimmed ("collapse"). */
	perstagRule: 'replace' | 'collapse';
	/** §4.4: `POST /fieldValues` on an existing (contact, field): update it, or 422 duplicate. */
	fieldValueDuplicate: 'update' | 'error';
	/** §4.4: whether a value needs the field related to one of the contact's lists (or to all lists). */
	requireFieldRel: boolean;
	/** §4.6: trackcmp failures: 200 `{"success":0,"message":…}`, or the documented 400 `{}`. */
	trackFailure: 'success0' | 'http400';
	/** §4.6: an event for an email with no contact: spawned anyway (async on the vendor's side), or refused. */
	trackUnknownContact: 'accept' | 'reject';
	/** §4.9: key inside `contact[fields][…]`: numeric field id, or lower-case perstag. */
	webhookFieldKeys: 'id' | 'perstag';
	/** §4.9: whether deliveries carry a `url` envelope field (the account URL). */
	webhookEnvelopeUrl: boolean;
	/** §6.2: `POST /webhooks` with `sources: []`: 422, or accepted (and then matches no event). */
	emptyWebhookSources: 'reject' | 'accept';
	/** §3/§6.3: `orders[x]=true` and other bad directions: ignored, or 422 "Invalid order direction". */
	strictOrderDirection: boolean;
	/** §4.8: `GET /import/info` reports `status:false` for this long after queueing, then `completed`. */
	importDelayMs: number;
	/**
	 * §9.0: a missing id or a missing/invalid field on accounts, account contacts, deals and Deep Data (connections,
	 * e-commerce customers and orders): 404/422 in the §4.10 shapes ("documented"), or the only error the spec
	 * declares for most of them, 400 `{}` ("declared400").
	 */
	parityErrors: 'documented' | 'declared400';
	/** §9.1: whether account-name uniqueness ignores case (surrounding spaces are always ignored). */
	accountNamesIgnoreCase: boolean;
}

export const defaultQuirks = (): Quirks => ({
	...defaultEcomQuirks(),
	forbiddenBody: 'message',
	throttleStatus: 429,
	syncUpdateStatus: 200,
	uniqueTagNames: true,
	unknownTagStatus: 404,
	duplicateContactTag: 'existing',
	tagNameFilter: true,
	fieldCreateEnvelope: 'field',
	perstagRule: 'replace',
	fieldValueDuplicate: 'update',
	requireFieldRel: false,
	trackFailure: 'success0',
	trackUnknownContact: 'accept',
	webhookFieldKeys: 'id',
	webhookEnvelopeUrl: false,
	emptyWebhookSources: 'reject',
	strictOrderDirection: false,
	importDelayMs: 0,
	parityErrors: 'documented',
	accountNamesIgnoreCase: true,
});

export interface Account {
	apiKey: string;
	eventAccountId: string;
	eventKey: string;
}

/** Everything a route needs; `store` is replaced on reset, so handlers read it per request. */
export interface Ctx {
	store: Store;
	quirks: Quirks;
	account: Account;
	rate: { enabled: boolean; model: RateModel; window: RateMeter; accepted: number[]; refused: number };
	imports: { single: SlidingWindow; multi: SlidingWindow };
	hooks: WebhookEmitter;
	/** The server's own base URL, for `links`; set once listening. */
	url: string;
	core?: SandboxCore;
}
