import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import type { ExecutionCache } from '../../cache';
import { toUrl } from '../../helpers/ecommerce';
import { requireText } from '../../helpers/input';
import { resolveList } from '../../lookups/catalogs';
import { CONNECTIONS } from '../../lookups/ecommerce';
import { activeCampaignRequest } from '../../transport';

/** The five texts that describe a connection; Update offers them as optional fields. */
export const CONNECTION_TEXTS: INodeProperties[] = [
	{ displayName: 'Service', name: 'service', type: 'string', default: '', placeholder: 'fooCommerce', description: 'Name of the external service, e.g. your shop system' },
	{
		displayName: 'External Account ID',
		name: 'externalid',
		type: 'string',
		default: '',
		placeholder: 'toystore123',
		description: "The account's ID in the external service, e.g. your store's ID",
	},
	{ displayName: 'Name', name: 'name', type: 'string', default: '', placeholder: 'Toystore, Inc.', description: 'Name of the connection as ActiveCampaign shows it' },
	{ displayName: 'Logo URL', name: 'logoUrl', type: 'string', default: '', placeholder: 'https://example.com/logo.png', description: 'Address of the logo shown for the connection' },
	{ displayName: 'Link URL', name: 'linkUrl', type: 'string', default: '', placeholder: 'https://example.com/', description: 'Address of the store or service the connection links to' },
];

const properties: INodeProperties[] = [
	...CONNECTION_TEXTS.map((p) => ({ ...p, required: true })),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'List Name or ID',
				name: 'list',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getLists' },
				default: '',
				description:
					'The list that contacts from this connection are added to. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['connection'], operation: ['create'] } }, properties);

/** The connection's texts from the item, checked: URLs must be http(s) addresses. */
export function readConnectionTexts(this: IExecuteFunctions, itemIndex: number, values: IDataObject): IDataObject {
	const connection: IDataObject = {};
	for (const { name, displayName } of CONNECTION_TEXTS) {
		if (values[name] === undefined) continue;
		const text = requireText(this, itemIndex, values[name], displayName);
		connection[name] = name.endsWith('Url') ? toUrl(this.getNode(), itemIndex, text, displayName) : text;
	}
	return connection;
}

/** Creates a Deep Data connection (a store or service linked to the account), optionally syncing contacts into a list. */
export async function execute(this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache): Promise<IDataObject> {
	const values = Object.fromEntries(CONNECTION_TEXTS.map(({ name }) => [name, this.getNodeParameter(name, itemIndex)]));
	const connection = readConnectionTexts.call(this, itemIndex, values);
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	if (extra.list) connection.listId = (await resolveList(cache, String(extra.list), itemIndex, 'Additional Fields → List')).id;
	const response = await activeCampaignRequest.call(this, {
		method: 'POST',
		path: '/connections',
		body: { connection },
		what: `creating connection "${String(connection.name)}"`,
	});
	await cache.forget(CONNECTIONS);
	return response.connection as IDataObject;
}
