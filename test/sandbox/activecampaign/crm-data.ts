import type { Ctx } from './context';
import { ACCOUNT_FIELD_TYPES } from './routes/accounts';
import { createPipeline } from './routes/crm';
import { fieldValueText } from './store';
import { sameText } from './util';

/**
 * Users, accounts (with their custom fields and contacts), pipelines and deals: what `POST /__sandbox/seed` adds by
 * name and what `GET /__sandbox/state` shows of them (§9.1–9.3, §9.8).
 */

export interface SeedUser {
	username: string;
	firstName?: string;
	lastName?: string;
	email?: string;
}

export interface SeedAccountField {
	fieldLabel: string;
	/** One of §9.2's types; text when absent. */
	fieldType?: string;
	fieldOptions?: string[];
	fieldDefaultCurrency?: string;
}

export interface SeedAccount {
	name: string;
	accountUrl?: string;
	/** Values by field label or id; currency values in cents (in the field's default currency). */
	fields?: Record<string, string | number | string[]>;
	/** Contacts on the account: emails, or `{email, jobTitle}`. */
	contacts?: Array<string | { email: string; jobTitle?: string }>;
}

export interface SeedDeal {
	title: string;
	/** Email of the primary contact. */
	contact?: string;
	/** Account name. */
	account?: string;
	/** Cents. */
	value?: number;
	currency?: string;
	/** Pipeline and stage titles: the first pipeline and its first stage when absent. */
	pipeline?: string;
	stage?: string;
	status?: 0 | 1 | 2;
	/** Owner's username; the admin (user 1) when absent. */
	owner?: string;
	description?: string;
}

export interface CrmSeedInput {
	users?: SeedUser[];
	accountFields?: SeedAccountField[];
	accounts?: SeedAccount[];
	/** Pipeline titles, or `{title, stages}`; a pipeline without stages gets the three default ones. */
	pipelines?: Array<string | { title: string; stages?: string[] }>;
	deals?: SeedDeal[];
}

/** Ids of what was seeded: users by username, account fields by label, accounts and pipelines by name, deals by title. */
export interface CrmSeedIds {
	users?: Record<string, string>;
	accountFields?: Record<string, string>;
	accounts?: Record<string, string>;
	pipelines?: Record<string, string>;
	deals?: Record<string, string>;
}

/** Seeds after the contacts (accounts and deals name them); `fail` reports a reference it cannot resolve. */
export function applyCrmSeed(ctx: Ctx, input: CrmSeedInput, now: number, fail: (message: string) => never): CrmSeedIds {
	const store = ctx.store;
	const ids: Required<CrmSeedIds> = { users: {}, accountFields: {}, accounts: {}, pipelines: {}, deals: {} };
	for (const spec of input.users ?? []) {
		if (typeof spec?.username !== 'string') fail("Every entry of 'users' needs a username");
		const user =
			store.users.find((u) => sameText(u.username, spec.username)) ??
			store.users.insert({
				username: spec.username,
				firstName: spec.firstName ?? '',
				lastName: spec.lastName ?? '',
				email: spec.email ?? `${spec.username}@sandbox.example`,
			});
		ids.users[user.username] = String(user.id);
	}
	for (const spec of input.accountFields ?? []) {
		if (typeof spec?.fieldLabel !== 'string') fail("Every entry of 'accountFields' needs a fieldLabel");
		const fieldType = spec.fieldType ?? 'text';
		if (!ACCOUNT_FIELD_TYPES.includes(fieldType)) fail(`Unknown account field type '${fieldType}'`);
		const field =
			store.accountFieldMeta.find((f) => sameText(f.fieldLabel, spec.fieldLabel)) ??
			store.accountFieldMeta.insert({
				fieldLabel: spec.fieldLabel,
				fieldType,
				fieldOptions: spec.fieldOptions ?? null,
				fieldDefault: '',
				fieldDefaultCurrency: spec.fieldDefaultCurrency ?? 'USD',
				isFormVisible: 1,
				isRequired: 0,
				displayOrder: store.accountFieldMeta.all().length + 1,
				created: now,
				updated: now,
			});
		ids.accountFields[field.fieldLabel] = String(field.id);
	}
	for (const spec of input.accounts ?? []) {
		if (typeof spec?.name !== 'string') fail("Every entry of 'accounts' needs a name");
		const account =
			store.accountByName(spec.name) ??
			store.accounts.insert({ name: spec.name.trim(), accountUrl: spec.accountUrl ?? null, owner: 1, created: now, updated: now });
		for (const [ref, value] of Object.entries(spec.fields ?? {})) {
			const field =
				store.accountFieldMeta.get(ref) ?? store.accountFieldMeta.find((f) => sameText(f.fieldLabel, ref)) ?? fail(`Unknown account field '${ref}'`);
			store.accountFieldData.deleteWhere((d) => d.account === account.id && d.field === field.id);
			const currency = field.fieldType === 'currency' ? field.fieldDefaultCurrency : null;
			store.accountFieldData.insert({ account: account.id, field: field.id, value: fieldValueText(value), currency, created: now, updated: now });
		}
		for (const entry of spec.contacts ?? []) {
			const { email, jobTitle } = typeof entry === 'string' ? { email: entry, jobTitle: '' } : entry;
			const contact = store.contactByEmail(email) ?? fail(`Unknown contact '${email}'`);
			if (store.accountContacts.find((ac) => ac.contact === contact.id)) fail(`Contact '${email}' is already on an account`);
			store.accountContacts.insert({ account: account.id, contact: contact.id, jobTitle: jobTitle ?? '', created: now, updated: now });
		}
		ids.accounts[account.name] = String(account.id);
	}
	for (const entry of input.pipelines ?? []) {
		const spec = typeof entry === 'string' ? { title: entry } : entry;
		let group = store.dealGroups.find((g) => sameText(g.title, spec.title));
		if (!group && spec.stages) {
			group = store.dealGroups.insert({ title: spec.title, currency: 'usd', cdate: now });
			for (const [i, title] of spec.stages.entries()) store.dealStages.insert({ title, group: group.id, order: i + 1, cdate: now });
		}
		group ??= createPipeline(store, spec.title, 'usd', now);
		ids.pipelines[group.title] = String(group.id);
	}
	for (const spec of input.deals ?? []) {
		if (typeof spec?.title !== 'string') fail("Every entry of 'deals' needs a title");
		const group = spec.pipeline
			? (store.dealGroups.find((g) => sameText(g.title, spec.pipeline ?? '')) ?? fail(`Unknown pipeline '${spec.pipeline}'`))
			: (store.dealGroups.all()[0] ?? fail('The account has no pipeline'));
		const stages = store.dealStages.where((s) => s.group === group.id).sort((a, b) => a.order - b.order);
		const stage = spec.stage ? stages.find((s) => sameText(s.title, spec.stage ?? '')) : stages[0];
		if (!stage) fail(`Unknown stage '${spec.stage ?? ''}' in pipeline '${group.title}'`);
		const contact = spec.contact === undefined ? undefined : (store.contactByEmail(spec.contact) ?? fail(`Unknown contact '${spec.contact}'`));
		const account = spec.account === undefined ? undefined : (store.accountByName(spec.account) ?? fail(`Unknown account '${spec.account}'`));
		const owner = spec.owner === undefined ? store.users.get(1) : store.users.find((u) => sameText(u.username, spec.owner ?? ''));
		if (!owner) fail(`Unknown user '${spec.owner ?? ''}'`);
		const deal = store.deals.insert({
			title: spec.title,
			description: spec.description ?? '',
			contact: contact?.id ?? null,
			account: account?.id ?? null,
			value: spec.value ?? 0,
			currency: spec.currency ?? 'usd',
			group: group.id,
			stage: stage.id,
			owner: owner.id,
			percent: 0,
			status: spec.status ?? 0,
			cdate: now,
			mdate: now,
		});
		ids.deals[deal.title] = String(deal.id);
	}
	return ids;
}

/** What `GET /__sandbox/state` shows of these: accounts with their field values by label and their people. */
export function crmState(ctx: Ctx) {
	const store = ctx.store;
	const label = (field: number) => store.accountFieldMeta.get(field)?.fieldLabel ?? String(field);
	return {
		users: store.users.all().map((u) => ({ id: String(u.id), username: u.username, firstName: u.firstName, lastName: u.lastName, email: u.email })),
		accountFields: store.accountFieldMeta.all().map((f) => ({
			id: String(f.id),
			fieldLabel: f.fieldLabel,
			fieldType: f.fieldType,
			fieldOptions: f.fieldOptions,
		})),
		accounts: store.accounts.all().map((a) => ({
			id: String(a.id),
			name: a.name,
			accountUrl: a.accountUrl,
			owner: String(a.owner),
			fields: Object.fromEntries(
				store.accountFieldData.where((d) => d.account === a.id).map((d) => [label(d.field), d.currency ? `${d.value} ${d.currency}` : d.value]),
			),
			contacts: store.accountContacts
				.where((ac) => ac.account === a.id)
				.map((ac) => ({ email: store.contacts.get(ac.contact)?.email ?? '', jobTitle: ac.jobTitle })),
		})),
		accountContacts: store.accountContacts.all().map((ac) => ({
			id: String(ac.id),
			account: String(ac.account),
			contact: String(ac.contact),
			jobTitle: ac.jobTitle,
		})),
		pipelines: store.dealGroups.all().map((g) => ({
			id: String(g.id),
			title: g.title,
			stages: store.dealStages
				.where((s) => s.group === g.id)
				.sort((a, b) => a.order - b.order)
				.map((s) => ({ id: String(s.id), title: s.title })),
		})),
	};
}

