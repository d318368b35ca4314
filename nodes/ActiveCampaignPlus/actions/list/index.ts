import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getMany from './getMany.operation';
import * as subscribe from './subscribe.operation';
import * as unsubscribe from './unsubscribe.operation';

export { create, getMany, subscribe, unsubscribe };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['list'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Create a list', action: 'Create a list' },
			{ name: 'Get Many', value: 'getMany', description: 'List lists', action: 'Get many lists' },
			{ name: 'Subscribe Contact', value: 'subscribe', description: 'Subscribe a contact to a list', action: 'Subscribe a contact to a list' },
			{ name: 'Unsubscribe Contact', value: 'unsubscribe', description: 'Unsubscribe a contact from a list', action: 'Unsubscribe a contact from a list' },
		],
		default: 'subscribe',
	},
	...subscribe.description,
	...unsubscribe.description,
	...create.description,
	...getMany.description,
];
