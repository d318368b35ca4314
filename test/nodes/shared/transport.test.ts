import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { RequestContext } from '../../../nodes/shared/http';
import { SlidingWindowLimiter } from '../../../nodes/shared/limiter';
import { retryPolicy } from '../../../nodes/shared/retry';
import { serviceRequest, type Service } from '../../../nodes/shared/transport';
import { answered, scriptedContext, unreachable } from './support';

const fast = retryPolicy({ maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2, jitter: 0, budgetMs: 5_000 });

function service(overrides: Partial<Service> = {}): Service {
	return {
		credential: 'exampleApi',
		baseUrl: (credentials) =>
			typeof credentials.url === 'string' && credentials.url !== '' ? { url: credentials.url } : { problem: 'URL is empty. Enter https://example.test' },
		root: '/api/1',
		retryPolicy: fast,
		failures: {
			service: 'Example',
			unreachableAdvice: 'Check the URL in the credential.',
			vendorWords: (failure) => `Example said ${JSON.stringify(failure.body)}`,
			statusHints: { 404: 'Not found. Check the id.', '5xx': 'Server error.', other: 'Rejected.' },
		},
		...overrides,
	};
}

/** The error a call failed with. */
async function failureOf(call: Promise<unknown>): Promise<NodeApiError> {
	try {
		await call;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('the call succeeded');
}

const credentials = { url: 'https://example.test', apiKey: 'key-that-must-not-leak' };

describe('serviceRequest', () => {
	test('joins the base URL from the credential, the root and the path, and signs with the credential', async () => {
		const { context, sent } = scriptedContext(credentials, [{ ok: true }]);
		const answer = await serviceRequest.call(context, service(), { method: 'GET', path: '/things', qs: { a: 1 } });
		expect(answer).toEqual({ ok: true });
		expect(sent).toHaveLength(1);
		expect(sent[0].credential).toBe('exampleApi');
		expect(sent[0].options).toMatchObject({ method: 'GET', url: 'https://example.test/api/1/things', qs: { a: 1 }, json: true });
	});

	test('an unusable base URL is an error naming the credential field, and nothing is sent', async () => {
		const { context, sent } = scriptedContext({ url: '' }, []);
		const call = serviceRequest.call(context, service(), { method: 'GET', path: '/things' });
		await expect(call).rejects.toThrow(NodeOperationError);
		await expect(call).rejects.toThrow('URL is empty. Enter https://example.test');
		expect(sent).toHaveLength(0);
	});

	test('retries a read after 503 and answers with the success', async () => {
		const { context, sent } = scriptedContext(credentials, [answered(503, {}), { ok: 2 }]);
		expect(await serviceRequest.call(context, service(), { method: 'GET', path: '/things' })).toEqual({ ok: 2 });
		expect(sent).toHaveLength(2);
	});

	test('does not resend a create after 503 (it may have been done), but does after 429', async () => {
		const once = scriptedContext(credentials, [answered(503, {}), { created: true }]);
		await expect(serviceRequest.call(once.context, service(), { method: 'POST', path: '/things', body: {} })).rejects.toThrow(
			'Example answered HTTP 503 while calling POST /things: Server error.',
		);
		expect(once.sent).toHaveLength(1);
		const limited = scriptedContext(credentials, [answered(429, {}, { 'retry-after': '0' }), { created: true }]);
		expect(await serviceRequest.call(limited.context, service(), { method: 'POST', path: '/things', body: {} })).toEqual({ created: true });
		expect(limited.sent).toHaveLength(2);
	});

	test('when retries run out the sentence says so, with the attempts', async () => {
		const { context, sent } = scriptedContext(credentials, [answered(500, {}), answered(500, {}), answered(500, {})]);
		const error = await failureOf(serviceRequest.call(context, service(), { method: 'GET', path: '/things', what: 'reading things' }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/^Example answered HTTP 500 while reading things: Server error\. \(gave up after 3 attempts in/);
		expect(error.httpCode).toBe('500');
		expect(sent).toHaveLength(3);
	});

	test('the error carries the vendor words but nothing of the request or the credential', async () => {
		const { context } = scriptedContext(credentials, [answered(404, { code: 'missing' })]);
		const error = await failureOf(serviceRequest.call(context, service(), { method: 'GET', path: '/things/9' }));
		expect(error.message).toBe('Example answered HTTP 404 while calling GET /things/9: Not found. Check the id.');
		expect(error.description).toBe('Example said {"code":"missing"}');
		const everything = JSON.stringify({ ...error, message: error.message, stack: error.stack });
		expect(everything).not.toContain('secret-token-123');
		expect(everything).not.toContain('key-that-must-not-leak');
	});

	test('a network failure says which credential field to check', async () => {
		const { context, sent } = scriptedContext(credentials, [unreachable('ENOTFOUND')]);
		const error = await failureOf(serviceRequest.call(context, service(), { method: 'GET', path: '/x', what: 'reading x' }));
		// n8n puts its own sentence for well-known network codes in front of ours.
		expect(error.message).toMatch(/incorrect host \(domain\) value/);
		expect(error.description).toBe('Check the URL in the credential.');
		expect(sent).toHaveLength(1);
	});

	test("the service's classifier decides: a permanent answer is not retried", async () => {
		const permanent = service({ classify: (failure) => (failure.status === 500 ? {} : failure) });
		const { context, sent } = scriptedContext(credentials, [answered(500, {}), { ok: true }]);
		await expect(serviceRequest.call(context, permanent, { method: 'GET', path: '/x' })).rejects.toThrow('HTTP 500');
		expect(sent).toHaveLength(1);
	});

	test('a resend-once answer is sent again at once with the auth options the service asks for', async () => {
		const tokenRefresh = service({
			classify: (failure) => (failure.status === 400 ? { ...failure, resendOnce: true } : failure),
			authOptions: (previous) => (previous?.resendOnce ? { preAuthenticationRetryStatusCode: [400, 401] } : undefined),
		});
		const { context, sent } = scriptedContext(credentials, [answered(400, {}), { ok: true }]);
		expect(await serviceRequest.call(context, tokenRefresh, { method: 'POST', path: '/x', body: {} })).toEqual({ ok: true });
		expect(sent.map((s) => s.extra)).toEqual([undefined, { preAuthenticationRetryStatusCode: [400, 401] }]);
	});

	test("every request goes through the service's limiters and the request's own", async () => {
		const order: string[] = [];
		const tracking = (name: string) => {
			const limiter = new SlidingWindowLimiter({ requests: 5, windowMs: 1000 });
			const schedule = limiter.schedule.bind(limiter);
			limiter.schedule = async (send) => {
				order.push(name);
				return await schedule(send);
			};
			return limiter;
		};
		const account = tracking('account');
		const bulk = tracking('bulk');
		const limited = service({ limiters: () => [account] });
		const { context } = scriptedContext(credentials, [{}, {}]);
		await serviceRequest.call(context, limited, { method: 'GET', path: '/a' });
		await serviceRequest.call(context, limited, { method: 'GET', path: '/b', limiters: [bulk] });
		expect(order).toEqual(['account', 'bulk', 'account']);
	});

	test('a file answer is asked for as bytes', async () => {
		const { context, sent } = scriptedContext(credentials, [Buffer.from('pdf')]);
		await serviceRequest.call(context, service(), { method: 'GET', path: '/file', binaryResponse: true });
		expect(sent[0].options).toMatchObject({ encoding: 'arraybuffer', headers: { Accept: '*/*' } });
	});

	test('a service without a credential sends to the URL the request names, unsigned', async () => {
		const plain: Array<Record<string, unknown>> = [];
		const context = {
			getNode: () => ({ name: 'Under Test' }),
			getCredentials: async () => {
				throw new Error('no credential should be read');
			},
			helpers: {
				httpRequest: async (options: Record<string, unknown>) => {
					plain.push(options);
					return { accepted: true };
				},
			},
		} as unknown as RequestContext;
		const own = service({ credential: undefined, baseUrl: undefined });
		expect(await serviceRequest.call(context, own, { method: 'POST', url: 'http://127.0.0.1:5678/webhook/abc', body: { a: 1 } })).toEqual({ accepted: true });
		expect(plain).toEqual([expect.objectContaining({ method: 'POST', url: 'http://127.0.0.1:5678/webhook/abc', body: { a: 1 } })]);
	});
});
