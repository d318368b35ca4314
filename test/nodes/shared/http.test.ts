import { credentialUrl, isIdempotentMethod, readHttpFailure } from '../../../nodes/shared/http';
import { caspioBaseUrl } from '../../../nodes/shared/url';
import { answered, node, unreachable } from './support';

describe('readHttpFailure', () => {
	test('reads the status, the parsed body and Retry-After from an answered request', () => {
		const failure = readHttpFailure(answered(429, '{"Code":"TooMany"}', { 'retry-after': '3' }));
		expect(failure).toMatchObject({ status: 429, body: { Code: 'TooMany' }, retryAfterMs: 3000 });
	});

	test('finds the answer under a wrapping error, and reads a body that came as bytes', () => {
		const wrapped = Object.assign(new Error('wrapper'), { cause: answered(404, Buffer.from('{"Code":"ObjectNotFound"}')) });
		expect(readHttpFailure(wrapped)).toMatchObject({ status: 404, body: { Code: 'ObjectNotFound' } });
	});

	test("reads n8n's own httpCode when there is no raw answer", () => {
		const n8nError = Object.assign(new Error('Forbidden'), { httpCode: '403', context: { data: { message: 'no' } } });
		expect(readHttpFailure(n8nError)).toEqual({ status: 403, body: { message: 'no' } });
	});

	test('a network failure gives its code; anything else its words', () => {
		expect(readHttpFailure(unreachable('ECONNREFUSED'))).toEqual({ networkCode: 'ECONNREFUSED' });
		expect(readHttpFailure(new Error('Token request failed'))).toEqual({ message: 'Token request failed' });
	});
});

describe('isIdempotentMethod', () => {
	test('only POST may duplicate when resent', () => {
		expect(['GET', 'PUT', 'DELETE', 'PATCH', 'get'].map(isIdempotentMethod)).toEqual([true, true, true, true, true]);
		expect(isIdempotentMethod('POST')).toBe(false);
		expect(isIdempotentMethod('post')).toBe(false);
	});
});

describe('credentialUrl', () => {
	const context = { getNode: () => node } as Parameters<typeof credentialUrl>[0];

	test('hands back the normalised URL', () => {
		expect(credentialUrl(context, caspioBaseUrl('c1abc123.caspio.com/rest/v2'))).toBe('https://c1abc123.caspio.com');
	});

	test('a problem becomes an error that points at the credential', () => {
		expect(() => credentialUrl(context, caspioBaseUrl(''))).toThrow(/Integration URL is empty/);
	});
});
