import { updateDisplayOptions, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { getMany, getManyProperties } from '../common.getMany';

export const description = updateDisplayOptions({ show: { resource: ['record'], operation: ['getMany'] } }, getManyProperties);

export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	return await getMany.call(this, itemIndex, 'tables');
}
