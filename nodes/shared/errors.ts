import { NodeApiError, NodeOperationError, type INode, type JsonObject } from 'n8n-workflow';

/**
 * A message about one input item, in n8n's own style: the item's index (counted from 0, as n8n's error details show
 * it) in brackets at the end.
 */
export function forItem(message: string, itemIndex: number): string {
	return `${message} [item ${itemIndex}]`;
}

/** Bad input in one item: what is wrong (with the item) and, as the description, how to fix it. */
export function inputError(node: INode, itemIndex: number, message: string, description: string): NodeOperationError {
	return new NodeOperationError(node, forItem(message, itemIndex), { itemIndex, description });
}

/**
 * Any failure as n8n's error for this node, with the item it belongs to. An error that already is n8n's comes back as
 * the same instance (n8n's classes hand their own kind back unchanged), so nothing is wrapped twice.
 */
export function asNodeError(node: INode, error: unknown, itemIndex?: number): NodeApiError | NodeOperationError {
	if (itemIndex !== undefined && (error instanceof NodeApiError || error instanceof NodeOperationError)) {
		error.context.itemIndex ??= itemIndex;
	}
	if (error instanceof NodeApiError) return new NodeApiError(node, error as unknown as JsonObject);
	return new NodeOperationError(node, error as Error, itemIndex === undefined ? {} : { itemIndex });
}

/** True when n8n's error says the service answered with one of these HTTP statuses. */
export function answeredWith(error: unknown, ...statuses: number[]): boolean {
	return error instanceof NodeApiError && statuses.map(String).includes(error.httpCode ?? '');
}
