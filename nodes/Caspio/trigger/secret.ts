import { createHmac, randomBytes, timingSafeEqual } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

/** What static data keeps of Caspio's webhook secret: a salted HMAC, never the secret itself. */
export interface StoredSecret {
	secretSalt: string;
	secretHash: string;
}

const digest = (salt: string, secret: string) => createHmac('sha256', salt).update(secret, 'utf8').digest('hex');

export function storeSecret(secret: string): StoredSecret {
	const secretSalt = randomBytes(16).toString('hex');
	return { secretSalt, secretHash: digest(secretSalt, secret) };
}

/** Fails closed: nothing stored, no secret given, or a different one → false. Compared in constant time. */
export function secretMatches(stored: Partial<StoredSecret>, given: unknown): boolean {
	if (typeof stored.secretSalt !== 'string' || typeof stored.secretHash !== 'string') return false;
	if (typeof given !== 'string' || given === '') return false;
	const expected = Buffer.from(stored.secretHash, 'hex');
	const actual = Buffer.from(digest(stored.secretSalt, given), 'hex');
	return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** The delivery without its secret, so it never reaches an output item. */
export function withoutSecret(body: IDataObject): IDataObject {
	const { secret: _secret, ...rest } = body;
	return rest;
}
