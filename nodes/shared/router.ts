import { NodeOperationError, type IBinaryKeyData, type IDataObject, type IExecuteFunctions, type INodeExecutionData } from 'n8n-workflow';

import { asNodeError } from './errors';

/** An output item that carries files besides its JSON (downloads); plain objects stay JSON-only rows. */
export class BinaryItem {
	constructor(
		readonly json: IDataObject,
		readonly binary: IBinaryKeyData,
	) {}
}

/** One operation's work for one input item; it returns the item's output row(s), or one item with files. */
export type ItemOperation = (this: IExecuteFunctions, itemIndex: number) => Promise<IDataObject | IDataObject[] | BinaryItem>;

/** resource → operation → executor; typed per node so a missing operation is a compile error. */
export type OperationMap<M extends Record<string, string>> = { [R in keyof M]: Record<M[R], ItemOperation> };

/**
 * The single loop over input items for a node: resolves the operation per item, keeps `pairedItem`, and with
 * "Continue On Fail" sends a failed item (with its error) on while the rest go on.
 */
export async function routeItems<M extends Record<string, string>>(
	this: IExecuteFunctions,
	operations: OperationMap<M>,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as keyof M;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const execute = (operations[resource] as Record<string, ItemOperation> | undefined)?.[operation];
			if (!execute) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${String(resource)}" is not supported`, {
					itemIndex,
				});
			}
			const result = await execute.call(this, itemIndex);
			if (result instanceof BinaryItem) {
				output.push({ json: result.json, binary: result.binary, pairedItem: { item: itemIndex } });
				continue;
			}
			for (const json of Array.isArray(result) ? result : [result]) {
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this.getNode(), error, itemIndex);
			const description = (error as { description?: string }).description;
			output.push({
				json: { error: (error as Error).message, ...(description ? { details: description } : {}) },
				pairedItem: { item: itemIndex },
			});
		}
	}
	return [output];
}
