import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { routeItems, type OperationMap } from '../../shared/router';
import type { CaspioOperations } from './node.type';
import * as table from './table';

const operations: OperationMap<CaspioOperations> = {
	table: { getMany: table.getMany.execute },
};

export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await routeItems.call(this, operations);
}
