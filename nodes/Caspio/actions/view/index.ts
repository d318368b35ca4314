import type { INodeProperties } from 'n8n-workflow';

import { viewLocator } from '../common.descriptions';
import * as getMany from './getMany.operation';

export { getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['view'] } },
		options: [{ name: 'Get Many', value: 'getMany', description: 'Read records of a view', action: 'Get many view records' }],
		default: 'getMany',
	},
	{ ...viewLocator, displayOptions: { show: { resource: ['view'] } } },
	...getMany.description,
];
