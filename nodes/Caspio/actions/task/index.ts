import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as run from './run.operation';

export { get, getMany, run };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['task'] } },
		options: [
			{ name: 'Get', value: 'get', description: "Get a task's properties and current status", action: 'Get a data import export task' },
			{ name: 'Get Many', value: 'getMany', description: 'List the data import/export tasks of the account', action: 'Get many data import export tasks' },
			{ name: 'Run', value: 'run', description: 'Start a task now, and optionally wait until it has finished', action: 'Run a data import export task' },
		],
		default: 'run',
	},
	...get.description,
	...getMany.description,
	...run.description,
];
