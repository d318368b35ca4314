import type { INodeProperties } from 'n8n-workflow';

import * as track from './track.operation';

export { track };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [{ name: 'Track', value: 'track', description: 'Record an event for a contact', action: 'Track an event' }],
		default: 'track',
	},
	...track.description,
];
