import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { getMany, getManyProperties } from '../common.getMany';

/** Tables only: records whose Timestamp or Date/Time field is later than a moment (views have no field list here). */
const changedSince: INodeProperties = {
	displayName: 'Changed Since',
	name: 'changedSince',
	type: 'fixedCollection',
	default: {},
	placeholder: 'Add Changed Since',
	description: 'Only records whose change time is later than this moment',
	options: [
		{
			displayName: 'Changed Since',
			name: 'value',
			values: [
				{
					displayName: 'Change Time Field Name or ID',
					name: 'field',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getDateFields', loadOptionsDependsOn: ['table.value'] },
					default: '',
					description:
						'The Timestamp (or Date/Time) field Caspio sets on every change. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
				},
				{ displayName: 'Since', name: 'since', type: 'dateTime', default: '', description: 'A moment without an offset is read in the time zone of the field; one with an offset is converted to UTC' },
			],
		},
	],
};

const properties = getManyProperties.map((p) => (p.name === 'options' ? { ...p, options: [...(p.options as INodeProperties[]), changedSince] } : p));

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['getMany'] } }, properties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getMany.call(this, itemIndex, 'tables');
}
