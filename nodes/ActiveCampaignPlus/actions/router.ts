import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems, type ItemOperation, type OperationMap } from '../../shared/router';
import { ExecutionCache } from '../cache';
import * as account from './account';
import * as accountContact from './accountContact';
import * as automation from './automation';
import * as connection from './connection';
import * as contact from './contact';
import * as customField from './customField';
import * as deal from './deal';
import * as ecommerceCustomer from './ecommerceCustomer';
import * as ecommerceOrder from './ecommerceOrder';
import * as ecommerceOrderProduct from './ecommerceOrderProduct';
import * as event from './event';
import * as list from './list';
import type { ActiveCampaignPlusOperations } from './node.type';
import * as note from './note';
import * as tag from './tag';

/** An operation of this node: one item's work, with the execution's name cache. */
export type Operation = (this: IExecuteFunctions, itemIndex: number, cache: ExecutionCache) => Promise<IDataObject | IDataObject[]>;

/** Binds every operation of a resource to this run's cache, keeping the typed resource → operation map. */
function bind<K extends string>(resource: Record<K, { execute: Operation }>, names: readonly K[], cache: ExecutionCache): Record<K, ItemOperation> {
	return Object.fromEntries(
		names.map((name) => [name, async function (this: IExecuteFunctions, itemIndex: number) {
			return await cache.runItem(async () => await resource[name].execute.call(this, itemIndex, cache));
		}]),
	) as Record<K, ItemOperation>;
}

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const cache = new ExecutionCache(this);
	const operations: OperationMap<ActiveCampaignPlusOperations> = {
		contact: bind(contact, ['upsert', 'get', 'getMany', 'update', 'delete', 'bulkImport'], cache),
		tag: bind(tag, ['add', 'remove', 'get', 'getForContact', 'findOrCreate', 'getMany', 'update', 'delete'], cache),
		list: bind(list, ['subscribe', 'unsubscribe', 'create', 'getMany'], cache),
		customField: bind(customField, ['getMany', 'create', 'setValues'], cache),
		event: bind(event, ['track'], cache),
		automation: bind(automation, ['addContact', 'removeContact', 'getMany'], cache),
		note: bind(note, ['create', 'getMany'], cache),
		connection: bind(connection, ['create', 'get', 'getMany', 'update', 'delete'], cache),
		ecommerceCustomer: bind(ecommerceCustomer, ['create', 'get', 'getMany', 'update', 'delete'], cache),
		ecommerceOrder: bind(ecommerceOrder, ['create', 'get', 'getMany', 'update', 'delete'], cache),
		ecommerceOrderProduct: bind(ecommerceOrderProduct, ['getMany', 'get'], cache),
		deal: bind(deal, ['create', 'update', 'get', 'getMany', 'delete', 'createNote', 'updateNote'], cache),
		account: bind(account, ['create', 'findOrCreate', 'get', 'getMany', 'update', 'delete'], cache),
		accountContact: bind(accountContact, ['create', 'getMany', 'update', 'delete'], cache),
	};
	return await routeItems.call(this, operations);
}
