import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/** A fresh random secret, URL-safe (32 bytes unless told). */
export function newToken(bytes = 32): string {
	return randomBytes(bytes).toString('base64url');
}

/**
 * True only when both are non-empty strings and equal. Digests are compared in constant time, so neither the content
 * nor the length of the expected token leaks through timing; anything missing fails closed.
 */
export function tokensMatch(expected: unknown, received: unknown): boolean {
	if (typeof expected !== 'string' || expected === '' || typeof received !== 'string' || received === '') return false;
	const digest = (value: string) => createHash('sha256').update(value).digest();
	return timingSafeEqual(digest(expected), digest(received));
}
