import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared/errors';
import type { ExecutionCache } from '../../cache';
import { CONNECTIONS, recordRequest, resolveConnection, type ConnectionInfo } from '../../lookups/ecommerce';
import { connectionField } from '../ecommerce.descriptions';
import { CONNECTION_TEXTS, readConnectionTexts } from './create.operation';

const properties: INodeProperties[] = [
	connectionField(),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			...CONNECTION_TEXTS,
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				options: [
					{ name: 'Connected', value: '1' },
					{ name: 'Error', value: '0' },
				],
				default: '1',
				description: 'Whether the connection works',
			},
			{
				displayName: 'Sync Status',
				name: 'syncStatus',
				type: 'options',
				options: [
					{ name: 'Running', value: '1' },
					{ name: 'Stopped', value: '0' },
				],
				default: '0',
				description: 'Whether a sync from the external service is running',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['connection'], operation: ['update'] } }, properties);

/** ActiveCampaign's own integrations' connections can be read, not changed: say so before asking. */
export function assertModifiable(this: IExecuteFunctions, connection: ConnectionInfo, itemIndex: number): void {
	if (!connection.internal) return;
	throw inputError(
		this.getNode(),
		itemIndex,
		`Connection "${connection.name}" belongs to one of ActiveCampaign's own integrations and cannot be changed through the API`,
		'Change it in ActiveCampaign under Settings → Integrations, or choose a connection your workflows created.',
	);
}

/** Changes a connection chosen by name or id: its texts, status or sync status. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const target = await resolveConnection(cache, String(this.getNodeParameter('connection', itemIndex)), itemIndex);
	const fields = this.getNodeParameter('updateFields', itemIndex, {}) as IDataObject;
	const connection = readConnectionTexts.call(this, itemIndex, fields);
	for (const key of ['status', 'syncStatus']) if (fields[key] !== undefined && fields[key] !== '') connection[key] = Number(fields[key]);
	if (Object.keys(connection).length === 0) {
		throw inputError(this.getNode(), itemIndex, 'Update Fields is empty', 'Add at least one field to change; nothing was sent to ActiveCampaign for this item.');
	}
	assertModifiable.call(this, target, itemIndex);
	const response = await recordRequest.call(
		this,
		{ method: 'PUT', path: `/connections/${target.id}`, body: { connection }, what: `updating connection ${target.id}` },
		itemIndex,
		{ field: 'Connection', kind: 'connection', id: target.id },
	);
	await cache.forget(CONNECTIONS);
	return response.connection as IDataObject;
}
