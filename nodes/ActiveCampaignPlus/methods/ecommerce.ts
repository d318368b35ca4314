import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { readConnections } from '../lookups/ecommerce';

/** Dropdowns of the connection and e-commerce parameters (the action node only). */

/** The account's Deep Data connections, by name. */
export async function getConnections(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const connections = await readConnections.call(this);
	return connections.map((c) => ({ name: c.name, value: c.id })).sort((a, b) => a.name.localeCompare(b.name));
}
