import { describeFailure, errorBody, type FailureVocabulary } from '../../../nodes/shared/failures';

const vocabulary: FailureVocabulary = {
	service: 'Example',
	unreachableAdvice: 'Check the URL in the credential.',
	vendorWords: (failure) => `Example said ${String(errorBody<{ text: string }>(failure).text ?? 'nothing')}`,
	codeHint: (failure) => (errorBody<{ code: string }>(failure).code === 'dup' ? 'It exists already.' : undefined),
	statusHints: { 404: 'Not found.', 422: 'Rejected value.', '5xx': 'Server error.', other: 'The request was rejected.' },
};

describe('describeFailure', () => {
	test('an HTTP answer: the service, the status, what we were doing and the hint; the vendor words as description', () => {
		expect(describeFailure(vocabulary, { status: 404, body: { text: 'no such row' } }, 'reading row 9')).toEqual({
			message: 'Example answered HTTP 404 while reading row 9: Not found.',
			description: 'Example said no such row',
		});
	});

	test("the vendor's error code wins over the status", () => {
		expect(describeFailure(vocabulary, { status: 422, body: { code: 'dup' } }, 'creating').message).toBe(
			'Example answered HTTP 422 while creating: It exists already.',
		);
	});

	test('server errors share one hint, and a status with none gets the general one', () => {
		expect(describeFailure(vocabulary, { status: 502 }, 'x').message).toBe('Example answered HTTP 502 while x: Server error.');
		expect(describeFailure(vocabulary, { status: 409, body: 'plain text' }, 'x')).toEqual({
			message: 'Example answered HTTP 409 while x: The request was rejected.',
			description: 'Example said nothing',
		});
	});

	test('no answer at all: the network code and where to look', () => {
		expect(describeFailure(vocabulary, { networkCode: 'ECONNRESET' }, 'reading')).toEqual({
			message: 'Could not reach Example while reading (ECONNRESET)',
			description: 'Check the URL in the credential.',
		});
	});

	test('neither an answer nor a network error: the underlying words, pointing at the credential', () => {
		expect(describeFailure(vocabulary, { message: 'Token request failed' }, 'reading')).toEqual({
			message: 'Token request failed',
			description: 'Check the credential used by this node.',
		});
		expect(describeFailure(vocabulary, {}, 'reading').message).toBe('Example failed while reading');
	});
});
