import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { chosenTask, taskLocator } from './task.descriptions';

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, [taskLocator]);

/** One task's properties, its current Status included (Busy or Processing while a run goes on). */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject> {
	return (await chosenTask.call(this, itemIndex)) as unknown as IDataObject;
}
