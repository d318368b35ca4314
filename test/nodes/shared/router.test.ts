import { NodeApiError, NodeOperationError, type IDataObject, type IExecuteFunctions, type JsonObject } from 'n8n-workflow';

import { BinaryItem, routeItems, type OperationMap } from '../../../nodes/shared/router';
import { node } from './support';

type Ops = { record: 'get' | 'getMany' };

/** A node run over `items`, each naming its resource and operation, with Continue On Fail on or off. */
function run(items: IDataObject[], continueOnFail: boolean): IExecuteFunctions {
	return {
		getNode: () => node,
		getInputData: () => items.map((json) => ({ json })),
		getNodeParameter: (name: string, itemIndex: number) => items[itemIndex][name],
		continueOnFail: () => continueOnFail,
	} as unknown as IExecuteFunctions;
}

const operations: OperationMap<Ops> = {
	record: {
		get: async function (this: IExecuteFunctions, itemIndex: number) {
			const fail = this.getInputData()[itemIndex].json.fail;
			if (fail === 'input') throw new NodeOperationError(this.getNode(), 'Record ID is empty [item 1]', { itemIndex, description: 'Enter it.' });
			if (fail === 'api') throw new NodeApiError(this.getNode(), { message: 'gone' } as JsonObject, { message: 'Caspio answered HTTP 404', httpCode: '404' });
			return { id: itemIndex };
		},
		getMany: async (itemIndex: number) => [{ row: `${itemIndex}a` }, { row: `${itemIndex}b` }],
	},
};

describe('routeItems', () => {
	test('each item runs its own operation, and every output row is paired with the item it came from', async () => {
		const items = [
			{ resource: 'record', operation: 'getMany' },
			{ resource: 'record', operation: 'get' },
		];
		items[1] = { resource: 'record', operation: 'getMany' };
		const [output] = await routeItems.call(run(items, false), operations);
		expect(output).toEqual([
			{ json: { row: '0a' }, pairedItem: { item: 0 } },
			{ json: { row: '0b' }, pairedItem: { item: 0 } },
			{ json: { row: '1a' }, pairedItem: { item: 1 } },
			{ json: { row: '1b' }, pairedItem: { item: 1 } },
		]);
	});

	test('with Continue On Fail, a failed item comes out with its error and the rest go on', async () => {
		const items = [undefined, 'input', 'api', undefined].map((fail) => ({ resource: 'record', operation: 'get', fail }));
		const [output] = await routeItems.call(run(items, true), operations);
		expect(output).toMatchObject([
			{ json: { id: 0 }, pairedItem: { item: 0 } },
			{ json: { error: 'Record ID is empty [item 1]', details: 'Enter it.' }, pairedItem: { item: 1 } },
			{ json: { error: 'Caspio answered HTTP 404' }, pairedItem: { item: 2 } },
			{ json: { id: 3 }, pairedItem: { item: 3 } },
		]);
	});

	test('without Continue On Fail, the first failure stops the run and names its item', async () => {
		const items = [undefined, 'api', 'input'].map((fail) => ({ resource: 'record', operation: 'get', fail }));
		const error = await routeItems.call(run(items, false), operations).catch((e: NodeApiError) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe('Caspio answered HTTP 404');
		expect((error as NodeApiError).context.itemIndex).toBe(1);
	});

	test('an operation the node does not have is an error naming it', async () => {
		const items = [{ resource: 'record', operation: 'explode' }];
		await expect(routeItems.call(run(items, false), operations)).rejects.toThrow('The operation "explode" of "record" is not supported');
	});

	test('an item with files keeps them beside its JSON', async () => {
		const withFile: OperationMap<{ file: 'download' }> = {
			file: { download: async () => new BinaryItem({ name: 'a.pdf' }, { data: { data: 'cGRm', mimeType: 'application/pdf' } }) },
		};
		const [output] = await routeItems.call(run([{ resource: 'file', operation: 'download' }], false), withFile);
		expect(output).toEqual([{ json: { name: 'a.pdf' }, binary: { data: { data: 'cGRm', mimeType: 'application/pdf' } }, pairedItem: { item: 0 } }]);
	});
});
