import { newToken, tokensMatch } from '../../../nodes/shared/tokens';

describe('newToken', () => {
	test('is URL-safe, as long as asked, and new each time', () => {
		const token = newToken();
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(newToken()).not.toBe(token);
		expect(Buffer.from(newToken(16), 'base64url')).toHaveLength(16);
	});
});

describe('tokensMatch', () => {
	test('accepts only the same token', () => {
		const token = newToken();
		expect(tokensMatch(token, token)).toBe(true);
		expect(tokensMatch(token, `${token}x`)).toBe(false);
		expect(tokensMatch(token, token.slice(1))).toBe(false);
		expect(tokensMatch(token, newToken())).toBe(false);
	});

	test('fails closed when either side is missing, empty or not text', () => {
		expect(tokensMatch('', '')).toBe(false);
		expect(tokensMatch(undefined, undefined)).toBe(false);
		expect(tokensMatch('abc', undefined)).toBe(false);
		expect(tokensMatch(undefined, 'abc')).toBe(false);
		expect(tokensMatch('abc', ['abc'])).toBe(false);
		expect(tokensMatch(123, 123)).toBe(false);
	});
});
