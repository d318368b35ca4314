/**
 * Real-n8n end-to-end suites (`npm run test:e2e`). One harness per run: global-setup.ts installs n8n 2.41.1 (cached),
 * builds and installs this package, starts the sandboxes and n8n, and hands the connection to the suites through a
 * state file; global-teardown.ts stops everything.
 */
const path = require('path');

module.exports = {
	rootDir: path.resolve(__dirname, '../..'),
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/e2e'],
	testMatch: ['**/*.e2e.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: { warnOnly: false }, isolatedModules: false }] },
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
	// The installed package's dist files are required by the smoke suite; let them find n8n-workflow here.
	modulePaths: ['<rootDir>/node_modules'],
	maxWorkers: 1,
	testTimeout: 300000,
	slowTestThreshold: 60,
};
