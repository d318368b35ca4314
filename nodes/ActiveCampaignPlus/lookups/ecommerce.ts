import type { IDataObject, IExecuteFunctions, ILoadOptionsFunctions } from 'n8n-workflow';

import { answeredWith, asNodeError, inputError } from '../../shared/errors';
import type { ExecutionCache } from '../cache';
import { nameKey, type Catalog } from '../helpers/catalog';
import { activeCampaignGetAll, activeCampaignRequest, type ActiveCampaignRequest } from '../transport';

/** Deep Data connections by name or id (read once per execution, kept for the next), customers by email, records by id. */

export interface ConnectionInfo {
	id: string;
	name: string;
	/** One of ActiveCampaign's own integrations: readable, not modifiable through the API. */
	internal: boolean;
}

/** Memo key of the connection catalog; created, renamed and deleted connections forget it. */
export const CONNECTIONS = 'connections';

export async function readConnections(this: IExecuteFunctions | ILoadOptionsFunctions): Promise<ConnectionInfo[]> {
	const rows = await activeCampaignGetAll.call(this, '/connections', 'connections');
	return rows.map((c) => ({ id: String(c.id), name: String(c.name), internal: String(c.isInternal) === '1' }));
}

/** Connections by id and by name; a name several connections share is kept as all of them, to be reported. */
function connectionCatalog(all: ConnectionInfo[]): Catalog<ConnectionInfo[]> {
	const byName = new Map<string, ConnectionInfo[]>();
	for (const c of all) byName.set(nameKey(c.name), [...(byName.get(nameKey(c.name)) ?? []), c]);
	// A name wins over an id that happens to read the same, as for lists and automations.
	return { all: all.map((c) => [c]), byKey: new Map([...all.map((c): [string, ConnectionInfo[]] => [c.id, [c]]), ...byName]) };
}

/** A connection by name (ignoring case) or id; an unknown or ambiguous name names the item and the choices. */
export async function resolveConnection(cache: ExecutionCache, ref: string, itemIndex: number, field = 'Connection'): Promise<ConnectionInfo> {
	const node = cache.context.getNode();
	if (ref.trim() === '') throw inputError(node, itemIndex, `${field} is empty`, `Choose a connection in "${field}", or give its name or ID.`);
	const load = async () => connectionCatalog(await readConnections.call(cache.context));
	const { found, catalog } = await cache.lookUp(CONNECTIONS, load, nameKey(ref));
	if (found?.length === 1) return found[0];
	if (found) {
		throw inputError(
			node,
			itemIndex,
			`${field}: ${found.length} connections are named "${ref.trim()}"`,
			`Give the ID of the one you mean instead: ${found.map((c) => c.id).join(', ')}.`,
		);
	}
	const names = catalog.all.map(([c]) => `${c.name} (ID ${c.id})`);
	throw inputError(
		node,
		itemIndex,
		`${field}: no connection named or with ID "${ref.trim()}" exists in ActiveCampaign`,
		`Use one of: ${names.join(', ') || '(the account has no connections; create one with Connection → Create)'}.`,
	);
}

/**
 * The id of the e-commerce customer given by id, or by email on the connection (ActiveCampaign keeps one customer
 * per email and connection). An unknown email is an error that says how to create the customer.
 */
export async function resolveCustomerId(
	cache: ExecutionCache,
	ref: string,
	connection: ConnectionInfo,
	itemIndex: number,
	field = 'Customer',
): Promise<string> {
	if (/^\d+$/.test(ref)) return ref;
	const email = ref.trim();
	const id = await cache.once(`ecom-customer:${connection.id}:${nameKey(email)}`, async () => {
		const response = await activeCampaignRequest.call(cache.context, {
			method: 'GET',
			path: '/ecomCustomers',
			qs: { 'filters[email]': email, 'filters[connectionid]': connection.id },
			what: `looking up e-commerce customer ${email}`,
		});
		const match = ((response.ecomCustomers as IDataObject[] | undefined) ?? []).find(
			(c) => nameKey(String(c.email)) === nameKey(email) && String(c.connectionid) === connection.id,
		);
		return match ? String(match.id) : undefined;
	});
	if (id !== undefined) return id;
	throw inputError(
		cache.context.getNode(),
		itemIndex,
		`${field}: no e-commerce customer with email ${email} exists on connection "${connection.name}"`,
		'Create it first with E-commerce Customer → Create (same connection and email), or enter the customer ID.',
	);
}

/** Which record a by-id request is about, for the sentence when it does not exist. */
export interface RecordRef {
	field: string;
	kind: string;
	id: string;
}

/**
 * Runs a request about one record by id. "No such record" — 404, or for a read or delete the bare 400 `{}` the API
 * reference declares for these resources — becomes a sentence naming the item and the field. Which of the two the
 * API sends is not documented (UNCERTAIN), so both are read the same way; the sandbox's `parityErrors` switches.
 * https://developers.activecampaign.com/reference/errors
 */
export async function aboutRecord<T>(context: IExecuteFunctions, method: string, itemIndex: number, record: RecordRef, work: () => Promise<T>): Promise<T> {
	try {
		return await work();
	} catch (error) {
		const missing = answeredWith(error, 404) || (method !== 'PUT' && answeredWith(error, 400));
		if (!missing) throw asNodeError(context.getNode(), error);
		throw inputError(
			context.getNode(),
			itemIndex,
			`${record.field}: no ${record.kind} with ID ${record.id} exists in ActiveCampaign`,
			`Check the ID in "${record.field}"; the ${record.kind} may have been deleted. Get Many lists the existing ones.`,
		);
	}
}

/** One request about one record by id (see `aboutRecord`). */
export async function recordRequest(this: IExecuteFunctions, request: ActiveCampaignRequest, itemIndex: number, record: RecordRef): Promise<IDataObject> {
	return await aboutRecord(this, request.method, itemIndex, record, async () => await activeCampaignRequest.call(this, request));
}
