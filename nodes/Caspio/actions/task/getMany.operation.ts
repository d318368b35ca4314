import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { fetchTasks } from '../../transport/tasks';
import { returnAllProperties } from '../common.descriptions';

// Caspio lists every task in one answer, so all of them are returned by default.
const properties: INodeProperties[] = returnAllProperties.map((p) => (p.name === 'returnAll' ? { ...p, default: true } : p));

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['getMany'] } }, properties);

/** The account's data import/export tasks, one item each, with their status and schedule. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const tasks = (await fetchTasks.call(this)) as unknown as IDataObject[];
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	return returnAll ? tasks : tasks.slice(0, this.getNodeParameter('limit', itemIndex) as number);
}
