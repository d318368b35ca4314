import { NodeApiError, NodeOperationError, type JsonObject } from 'n8n-workflow';

import { answeredWith, asNodeError, forItem, inputError } from '../../../nodes/shared/errors';
import { node } from './support';

describe('item messages', () => {
	test("name the item the way n8n's own errors do: its index in brackets at the end", () => {
		expect(forItem('Email is empty', 0)).toBe('Email is empty [item 0]');
		expect(forItem('Email is empty', 12)).toBe('Email is empty [item 12]');
	});

	test('bad input says what is wrong with which item, and how to fix it', () => {
		const error = inputError(node, 3, 'Record ID must be a whole number', 'Enter the PK_ID.');
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Record ID must be a whole number [item 3]');
		expect(error.description).toBe('Enter the PK_ID.');
		expect(error.context.itemIndex).toBe(3);
	});
});

describe('asNodeError', () => {
	test("keeps n8n's API error as it is, adding the item it belongs to", () => {
		const original = new NodeApiError(node, { message: 'Caspio answered HTTP 404' } as JsonObject, { message: 'Caspio answered HTTP 404', httpCode: '404' });
		const error = asNodeError(node, original, 2);
		expect(error).toBe(original);
		expect(error.context.itemIndex).toBe(2);
		expect(error.message).toBe('Caspio answered HTTP 404');
	});

	test('does not move an error to another item once it names one', () => {
		const original = new NodeOperationError(node, 'bad', { itemIndex: 1 });
		expect(asNodeError(node, original, 4).context.itemIndex).toBe(1);
	});

	test("turns anything else into n8n's operation error with the item and the original words", () => {
		const error = asNodeError(node, new TypeError('x is not a function'), 5);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('x is not a function');
		expect(error.context.itemIndex).toBe(5);
	});
});

describe('answeredWith', () => {
	test('is true only for an API error with one of the statuses', () => {
		const notFound = new NodeApiError(node, { message: 'gone' } as JsonObject, { httpCode: '404' });
		expect(answeredWith(notFound, 404)).toBe(true);
		expect(answeredWith(notFound, 422, 404)).toBe(true);
		expect(answeredWith(notFound, 422)).toBe(false);
		expect(answeredWith(new Error('404'), 404)).toBe(false);
	});
});
