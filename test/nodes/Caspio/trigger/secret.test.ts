import { secretMatches, storeSecret, withoutSecret } from '../../../../nodes/Caspio/trigger/secret';

describe('Caspio Trigger: secret check', () => {
	const stored = storeSecret('caspio-generated-secret');

	it('keeps only a salted hash of the secret', () => {
		expect(JSON.stringify(stored)).not.toContain('caspio-generated-secret');
		expect(storeSecret('caspio-generated-secret').secretHash).not.toBe(stored.secretHash);
	});

	it.each([
		['the right secret', 'caspio-generated-secret', true],
		['another secret', 'caspio-generated-secreT', false],
		['a longer one', 'caspio-generated-secret-and-more', false],
		['an empty one', '', false],
		['none', undefined, false],
		['a number', 42, false],
		['an object', { secret: 'caspio-generated-secret' }, false],
	])('%s → %s', (_label, given, expected) => {
		expect(secretMatches(stored, given)).toBe(expected);
	});

	it('fails closed when nothing is stored', () => {
		expect(secretMatches({}, 'caspio-generated-secret')).toBe(false);
		expect(secretMatches({ secretSalt: 'x' }, 'caspio-generated-secret')).toBe(false);
	});

	it('strips the secret from a delivery', () => {
		expect(withoutSecret({ secret: 's', messageId: 'm', data: [] })).toEqual({ messageId: 'm', data: [] });
	});
});
