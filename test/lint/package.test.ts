import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import type { ScanResult } from '../../scripts/lint-package';

const ROOT = path.resolve(__dirname, '../..');

/** Every codex category that n8n-nodes-base 2.41.1's own `*.node.json` files use. */
const N8N_CATEGORIES = [
	'AI',
	'Analytics',
	'Communication',
	'Core Nodes',
	'Data & Storage',
	'Developer Tools',
	'Development',
	'ECM',
	'Finance & Accounting',
	'HITL',
	'Marketing',
	'Miscellaneous',
	'Productivity',
	'Sales',
	'Utility',
];

/** scripts/lint-package.ts's scanFolder in a child process: it loads the scanner, an ES module jest cannot import. */
function scanFolder(dir: string): ScanResult {
	const script = "require('./scripts/lint-package').scanFolder(process.argv[1]).then((r) => process.stdout.write(JSON.stringify(r)))";
	const out = execFileSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', script, dir], { cwd: ROOT, encoding: 'utf8' });
	return JSON.parse(out);
}

describe('codex categories', () => {
	const codexFiles = fs
		.readdirSync(path.join(ROOT, 'nodes'))
		.flatMap((folder) => fs.readdirSync(path.join(ROOT, 'nodes', folder)).filter((f) => f.endsWith('.node.json')).map((f) => path.join('nodes', folder, f)));

	it.each(codexFiles)('%s names only categories n8n 2.41 uses for its own nodes', (file) => {
		const codex = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
		expect(codex.categories.length).toBeGreaterThan(0);
		expect(N8N_CATEGORIES).toEqual(expect.arrayContaining(codex.categories));
	});
});

describe("the scanner's rule set", () => {
	let dir: string;
	beforeAll(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lint-package-test-'));
		fs.mkdirSync(path.join(dir, 'nodes', 'Demo'), { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'nodes', 'Demo', 'log.ts'),
			"export function log(text: string): void {\n\t// eslint-disable-next-line no-console\n\tconsole.log(text);\n}\n",
		);
	});
	afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

	it("reports a console.log that an inline comment disables, as n8n's scanner does", () => {
		const result = scanFolder(dir);
		expect(result.files).toBe(1);
		expect(result.findings).toEqual([expect.objectContaining({ file: 'nodes/Demo/log.ts', line: 3, rule: 'no-console', severity: 'error' })]);
	}, 60_000);
});
