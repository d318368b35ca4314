import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { answeredWith, asNodeError, inputError } from '../../../shared/errors';
import { fetchTask, type TaskInfo } from '../../transport/tasks';

/** The task an operation works on: picked from the account's tasks, or typed as its External Key (the Task ID). */
export const taskLocator: INodeProperties = {
	displayName: 'Task',
	name: 'task',
	description: 'The data import/export task, picked from the list or given by its External Key (Task ID)',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchTasks', searchable: true },
		},
		{
			displayName: 'By External Key',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. b7c3b7d5-4fa5-4725-86a2-6ca5ca797157',
		},
	],
};

/** The chosen task as Caspio reports it now; an unknown key is the user's to fix, so it is said in their words. */
export async function chosenTask(this: IExecuteFunctions, itemIndex: number): Promise<TaskInfo> {
	const key = String(this.getNodeParameter('task', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (key === '') throw inputError(this.getNode(), itemIndex, 'no task chosen', 'Pick a task from the list or enter its External Key.');
	try {
		return await fetchTask.call(this, key);
	} catch (error) {
		if (!answeredWith(error, 404)) throw asNodeError(this.getNode(), error, itemIndex);
		throw inputError(
			this.getNode(),
			itemIndex,
			`No data import/export task has the External Key "${key}"`,
			'Pick the task from the list, or copy its Task ID from Caspio (Tools → Data import/export tasks).',
		);
	}
}
