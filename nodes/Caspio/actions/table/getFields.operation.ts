import { updateDisplayOptions, type IDataObject, type IExecuteFunctions, type INodeProperties } from 'n8n-workflow';

import { chosenName } from '../../helpers/names';
import { tableFields } from '../../transport/fields';
import { tableLocator } from '../common.descriptions';

const properties: INodeProperties[] = [tableLocator];

export const description = updateDisplayOptions({ show: { resource: ['table'], operation: ['getFields'] } }, properties);

/** The table's field definitions, one item per field, as Caspio describes them. */
export async function execute(this: IExecuteFunctions, itemIndex: number): Promise<IDataObject[]> {
	const fields = await tableFields.call(this, 'tables', chosenName.call(this, itemIndex));
	return fields as unknown as IDataObject[];
}
