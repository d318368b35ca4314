/**
 * For e2e suites: the harness started by global-setup.ts, as an HTTP client.
 *
 *   import { getHarness } from './harness';
 *   const h = getHarness();
 *   await h.api('GET', '/workflows');          // public API, API key
 *   await h.rest('GET', '/credentials');       // internal REST, login cookie
 *   await h.caspio!.state();                   // sandbox admin routes
 *   const run = await h.runWorkflow({ nodes: [...], connections: {...} });
 */
import * as fs from 'fs';
import { HarnessClient, type HarnessInfo } from '../../scripts/harness';

export * from '../../scripts/harness';

let client: HarnessClient | undefined;

export function getHarness(): HarnessClient {
	if (client) return client;
	const file = process.env.N8N_E2E_STATE_FILE;
	if (!file || !fs.existsSync(file)) {
		throw new Error('No running harness: run the e2e suites with `npm run test:e2e` (jest -c test/e2e/jest.config.js).');
	}
	client = new HarnessClient(JSON.parse(fs.readFileSync(file, 'utf8')) as HarnessInfo);
	return client;
}
