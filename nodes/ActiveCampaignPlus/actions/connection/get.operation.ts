import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { simplifyProperty } from '../../../shared/descriptions';
import { pickFields } from '../../../shared/simplify';
import type { ExecutionCache } from '../../cache';
import { CONNECTION_FIELDS, keepsHint } from '../../helpers/simplify';
import { recordRequest, resolveConnection } from '../../lookups/ecommerce';
import { connectionField } from '../ecommerce.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['connection'], operation: ['get'] } }, [
	connectionField(),
	simplifyProperty(keepsHint(CONNECTION_FIELDS)),
]);

/** Reads one connection, chosen by name or id. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const { id } = await resolveConnection(cache, String(this.getNodeParameter('connection', itemIndex)), itemIndex);
	const response = await recordRequest.call(this, { method: 'GET', path: `/connections/${id}`, what: `reading connection ${id}` }, itemIndex, {
		field: 'Connection',
		kind: 'connection',
		id,
	});
	const connection = response.connection as IDataObject;
	return this.getNodeParameter('simple', itemIndex) ? pickFields(connection, CONNECTION_FIELDS) : connection;
}
