import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { CONNECTIONS, recordRequest, resolveConnection } from '../../lookups/ecommerce';
import { connectionField } from '../ecommerce.descriptions';
import { assertModifiable } from './update.operation';

export const description = updateDisplayOptions({ show: { resource: ['connection'], operation: ['delete'] } }, [connectionField()]);

/** Deletes a connection chosen by name or id. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const target = await resolveConnection(cache, String(this.getNodeParameter('connection', itemIndex)), itemIndex);
	assertModifiable.call(this, target, itemIndex);
	await recordRequest.call(this, { method: 'DELETE', path: `/connections/${target.id}`, what: `deleting connection ${target.id}` }, itemIndex, {
		field: 'Connection',
		kind: 'connection',
		id: target.id,
	});
	await cache.forget(CONNECTIONS);
	return { id: target.id, name: target.name, deleted: true };
}
