/**
 * Reliability & security suite (`npm run test:reliability`). The real-n8n parts reuse the e2e harness (global
 * setup/teardown of test/e2e); R3 runs in-process. Files run in name order (r1 … r6, then the secret scan last).
 *
 * Size: RELIABILITY_SIZE=ci (default, 1,000 records) or full (10,000); RELIABILITY_RECORDS=<n> overrides.
 */
const path = require('path');

module.exports = {
	rootDir: path.resolve(__dirname, '../..'),
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/reliability'],
	testMatch: ['**/*.rel.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: { warnOnly: false }, isolatedModules: false }] },
	globalSetup: '<rootDir>/test/reliability/global-setup.ts',
	globalTeardown: '<rootDir>/test/reliability/global-teardown.ts',
	testSequencer: '<rootDir>/test/reliability/sequencer.js',
	modulePaths: ['<rootDir>/node_modules'],
	maxWorkers: 1,
	testTimeout: 900000,
	slowTestThreshold: 120,
};
