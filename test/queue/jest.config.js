/**
 * Queue mode (`npm run test:queue`): n8n 2.41.1 with PostgreSQL, Redis, a main process, a webhook process and two
 * workers. Runs the template suite, R1 (fault soak and bulk backfill, 2,000 records) and R2 (hybrid trigger, 500
 * realtime events with lost and repeated deliveries) against it, then checks what the ActiveCampaign sandbox saw
 * from the two workers together. Sizes: RELIABILITY_RECORDS, RELIABILITY_WEBHOOK_RECORDS, RELIABILITY_LIVE.
 */
const path = require('path');

module.exports = {
	rootDir: path.resolve(__dirname, '../..'),
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: [
		'<rootDir>/test/e2e/templates.e2e.test.ts',
		'<rootDir>/test/reliability/r1-fault-soak.rel.test.ts',
		'<rootDir>/test/reliability/r2-webhook-loss.rel.test.ts',
		'<rootDir>/test/queue/*.queue.test.ts',
	],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: { warnOnly: false }, isolatedModules: false }] },
	globalSetup: '<rootDir>/test/queue/global-setup.ts',
	globalTeardown: '<rootDir>/test/reliability/global-teardown.ts',
	testSequencer: '<rootDir>/test/queue/sequencer.js',
	modulePaths: ['<rootDir>/node_modules'],
	maxWorkers: 1,
	testTimeout: 1800000,
	slowTestThreshold: 120,
};
