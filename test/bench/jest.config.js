/**
 * The benchmarks' smoke run (small N, real n8n): `npx jest -c test/bench/jest.config.js`.
 * It starts its own harness and sandboxes (it resets and reseeds them, so it cannot share test/e2e's harness) and
 * checks that every benchmark runs, produces its figures and meets the deterministic targets (request counts,
 * failures). It never asserts speed. The full benchmarks are `npm run bench` (test/bench/run.ts).
 */
const path = require('path');

module.exports = {
	rootDir: path.resolve(__dirname, '../..'),
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test/bench'],
	// Not *.test.ts, so the unit run (`npm test`, jest.config.js: **/*.test.ts) never picks it up.
	testMatch: ['**/*.smoke.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: { warnOnly: false }, isolatedModules: false }] },
	modulePaths: ['<rootDir>/node_modules'],
	maxWorkers: 1,
	testTimeout: 30 * 60 * 1000,
	slowTestThreshold: 600,
};
