import { createHmac } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { newToken, tokensMatch } from '../../shared/tokens';

/** What static data keeps of Caspio's webhook secret: a salted HMAC, never the secret itself. */
export interface StoredSecret {
	secretSalt: string;
	secretHash: string;
}

const digest = (salt: string, secret: string) => createHmac('sha256', salt).update(secret, 'utf8').digest('hex');

export function storeSecret(secret: string): StoredSecret {
	const secretSalt = newToken(16);
	return { secretSalt, secretHash: digest(secretSalt, secret) };
}

/** Fails closed: nothing stored, no secret given, or a different one → false. Compared in constant time. */
export function secretMatches(stored: Partial<StoredSecret>, given: unknown): boolean {
	if (typeof stored.secretSalt !== 'string' || typeof given !== 'string' || given === '') return false;
	return tokensMatch(stored.secretHash, digest(stored.secretSalt, given));
}

/** The delivery without its secret, so it never reaches an output item. */
export function withoutSecret(body: IDataObject): IDataObject {
	const { secret: _secret, ...rest } = body;
	return rest;
}
