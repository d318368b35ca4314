import { NodeOperationError, type IExecuteFunctions } from 'n8n-workflow';

import { memoOf, type ExecutionMemo } from '../shared/cache';
import { answeredWith, asNodeError } from '../shared/errors';
import { serviceBaseUrl } from '../shared/transport';
import type { Catalog } from './helpers/catalog';
import { activeCampaignService } from './transport/service';

/**
 * Each name is looked up once per execution, and what was found is kept for the next executions of this n8n process
 * for a few minutes, so a webhook-driven workflow spends its requests on writes, not on the same lookups for every
 * event.
 */

/**
 * How long a name found in one execution is trusted by the next ones. Deleted and new names are noticed at once
 * (see below); only a rename that hands an old name to another tag or list waits for this to run out.
 */
export const SHARED_NAMES_TTL_MS = 15 * 60_000;

/**
 * Names found per account (API host) in this process. ActiveCampaign never reuses an id, so an entry goes stale only
 * when a tag, list, field or automation is renamed or deleted: a catalog miss reloads once, and an item that fails
 * with 404/422 after using a kept entry is run again with fresh lookups (see `ExecutionCache.runItem`). Only what
 * was found is kept; "no such tag" is asked again next time.
 */
class AccountNames {
	private entries = new Map<string, { value: unknown; until: number }>();

	get(name: string): unknown {
		const entry = this.entries.get(name);
		if (entry && entry.until > Date.now()) return entry.value;
		this.entries.delete(name);
		return undefined;
	}

	set(name: string, value: unknown): void {
		if (value !== undefined) this.entries.set(name, { value, until: Date.now() + SHARED_NAMES_TTL_MS });
	}

	delete(name: string): void {
		this.entries.delete(name);
	}

	clear(): void {
		this.entries.clear();
	}
}

const accounts = new Map<string, AccountNames>();

/** Forgets every kept name in this process (a sandbox reset in tests reuses ids that real accounts never do). */
export function forgetSharedNames(): void {
	accounts.clear();
}

/** The memo keys whose results are kept across executions. */
const SHARED = /^(tag|tag-id|lists|fields|automations|connections|account|account-fields)(:|$)/;

/** An item failure that a stale kept name can cause: the thing behind a kept id is gone, or the input no longer fits. */
const isStaleReference = (error: unknown) => error instanceof NodeOperationError || answeredWith(error, 404, 422);

/**
 * One per node run, created by the router and handed to every operation: a name looked up for item 0 costs
 * nothing for item 1, and one found by an earlier execution costs nothing either. Built on the run's memo, so
 * lookups in flight are shared and failures are not kept (the next item asks again).
 */
export class ExecutionCache {
	private readonly memo: ExecutionMemo;
	private account?: Promise<AccountNames>;
	/** Memo keys this execution answered from the account's kept names rather than from the API. */
	private kept = new Set<string>();
	/** Set when the current item used a kept name, so a 404/422 may mean that name went stale. */
	private itemUsedKept = false;

	constructor(readonly context: IExecuteFunctions) {
		this.memo = memoOf(context);
	}

	private async names(): Promise<AccountNames> {
		this.account ??= (async () => {
			const base = await serviceBaseUrl.call(this.context, activeCampaignService);
			let names = accounts.get(base);
			if (!names) {
				names = new AccountNames();
				accounts.set(base, names);
			}
			return names;
		})();
		return await this.account;
	}

	/** Runs `work` once for `name` in this execution and hands every caller the same result. */
	async once<T>(name: string, work: () => Promise<T>): Promise<T> {
		const value = await this.memo.once(name, async () => (SHARED.test(name) ? await this.keptOr(name, work) : await work()));
		if (this.kept.has(name)) this.itemUsedKept = true;
		return value;
	}

	/** The account's kept answer for `name`, or `work`'s, which is then kept. */
	private async keptOr<T>(name: string, work: () => Promise<T>): Promise<T> {
		const names = await this.names();
		const kept = names.get(name) as T | undefined;
		if (kept !== undefined) {
			this.kept.add(name);
			return kept;
		}
		const value = await work();
		names.set(name, value);
		return value;
	}

	/** Records `value` as the answer for `name`, in this execution and for the next ones. */
	async remember<T>(name: string, value: T): Promise<void> {
		this.memo.set(name, value);
		this.kept.delete(name);
		if (SHARED.test(name)) (await this.names()).set(name, value);
	}

	/** Forgets a result, here and in the kept names, e.g. a catalog that changed because we created something. */
	async forget(name: string): Promise<void> {
		this.memo.forget(name);
		this.kept.delete(name);
		if (SHARED.test(name)) (await this.names()).delete(name);
	}

	/** True when `name`'s answer came from an earlier execution: worth one reload before saying "not found". */
	cameFromKeptNames(name: string): boolean {
		return this.kept.has(name);
	}

	/** A catalog entry by key; a miss in a catalog kept from an earlier execution reloads the catalog once. */
	async lookUp<T>(catalogName: string, load: () => Promise<Catalog<T>>, ref: string): Promise<{ found?: T; catalog: Catalog<T> }> {
		let catalog = await this.once(catalogName, load);
		let found = catalog.byKey.get(ref);
		if (!found && this.cameFromKeptNames(catalogName)) {
			await this.forget(catalogName);
			catalog = await this.once(catalogName, load);
			found = catalog.byKey.get(ref);
		}
		return { found, catalog };
	}

	/**
	 * Runs one item's work. When it fails after using a name kept from an earlier execution — ActiveCampaign answers
	 * 404/422, or the item's input no longer fits the kept catalog (a dropdown option added since) — the kept names
	 * are dropped and the item runs once more with fresh lookups, so the error, if any, is about today's account. The
	 * writes that ran before the failure are upserts and associations, which ActiveCampaign treats as no-ops the
	 * second time.
	 */
	async runItem<T>(work: () => Promise<T>): Promise<T> {
		this.itemUsedKept = false;
		try {
			return await work();
		} catch (error) {
			if (!this.itemUsedKept || !isStaleReference(error)) throw asNodeError(this.context.getNode(), error);
			(await this.names()).clear();
			this.memo.clear();
			this.kept.clear();
			this.itemUsedKept = false;
			return await work();
		}
	}
}
