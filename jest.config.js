/** Unit, contract and in-process workflow tests. The real-n8n suites run with `npm run test:e2e`. */
module.exports = {
	preset: 'ts-jest',
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	testPathIgnorePatterns: ['/node_modules/', '<rootDir>/test/e2e/', '<rootDir>/test/reliability/', '<rootDir>/test/bench/', '<rootDir>/test/queue/', '<rootDir>/test/ui/.*\\.ui\\.test\\.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: { warnOnly: false }, isolatedModules: false }] },
	setupFiles: ['<rootDir>/test/support/env.ts'],
	testTimeout: 30000,
};
