/**
 * Editor browser test (`npm run test:ui`): n8n's editor in Debian's Chromium (playwright-core, /usr/bin/chromium),
 * against the same real-n8n harness as the e2e suites (test/e2e/global-setup.ts starts n8n 2.41.1 with this
 * package, the sandboxes and the preset credentials; global-teardown.ts stops it).
 *
 * Environment: N8N_E2E_NO_BUILD=1 (pack the current dist/), CHROMIUM_PATH (default /usr/bin/chromium),
 * UI_HEADFUL=1 (show the browser, when a display is available).
 */
const path = require('path');

module.exports = {
	rootDir: path.resolve(__dirname, '../..'),
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/ui'],
	testMatch: ['**/*.ui.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: { warnOnly: false }, isolatedModules: false }] },
	globalSetup: '<rootDir>/test/e2e/global-setup.ts',
	globalTeardown: '<rootDir>/test/e2e/global-teardown.ts',
	maxWorkers: 1,
	testTimeout: 300000,
	slowTestThreshold: 120,
};
