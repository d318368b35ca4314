/**
 * The second half of `npm run lint`: the rule set of n8n's community-package scanner
 * (`@n8n/scan-community-package`, a devDependency at the version n8n runs), applied the way the scanner applies it,
 * with inline configuration disallowed: on the source (package.json, nodes/, credentials/) and on the files of the
 * packed tarball (its .js files and package.json). The scanner fails a package on errors only; this fails on warnings
 * too. Builds first when dist/ is missing or older than the sources.
 */
import * as fs from 'fs';
import { createRequire } from 'module';
import * as path from 'path';
import type { ESLint } from 'eslint';

import { buildAndPack } from './harness/install';
import { REPO_ROOT } from './harness/repo';
import { run } from './n8n-install';

// Everything is loaded from the scanner's own dependencies, so the plugin versions it pins apply (not the newer
// ones eslint.config.mjs uses) and its own config-building code (buildScanConfig) is what runs.
const SCANNER = '@n8n/scan-community-package';
const scannerPackageJson = require.resolve(`${SCANNER}/package.json`);
const fromScanner = createRequire(scannerPackageJson);

/** What the scanner lints in the tarball it downloads (analyzePackageByName's second leg). */
export const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

export interface Finding {
	file: string;
	line: number;
	rule: string | null;
	severity: 'error' | 'warning';
	message: string;
}

export interface ScanResult {
	files: number;
	errors: number;
	warnings: number;
	findings: Finding[];
	/** ESLint's "stylish" report of the findings ('' when there are none). */
	report: string;
}

interface Scanner {
	buildScanConfig(): Promise<ESLint.Options['overrideConfig']>;
	SOURCE_FILE_PATTERNS: string[];
}

function loadScanner(): Scanner {
	// The scanner makes a temp folder when it loads; graceful cleanup removes it when this process exits.
	fromScanner('tmp').setGracefulCleanup();
	return fromScanner('./scanner/scanner.mjs') as Scanner;
}

/** The version of the scanner, or of a package as the scanner resolves it (some export no package.json). */
function scannerDependencyVersion(name: string): string {
	for (let dir = path.dirname(name === SCANNER ? scannerPackageJson : fromScanner.resolve(name)); ; dir = path.dirname(dir)) {
		const file = path.join(dir, 'package.json');
		const json = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
		if (json?.name === name) return json.version;
		if (dir === path.dirname(dir)) throw new Error(`${name} has no package.json where ${SCANNER} finds it`);
	}
}

export function ruleSetName(): string {
	const version = (name: string) => `${name} ${scannerDependencyVersion(name)}`;
	return `${version(SCANNER)}: ${version('@n8n/eslint-plugin-community-nodes')}, ${version('eslint-plugin-n8n-nodes-base')}, ${version('eslint')}`;
}

/**
 * Lints the files of `dir` matching `patterns` (the scanner's source patterns unless told) with the scanner's config
 * and the options of its analyzePackage, which is not called itself: it passes warnings and reports only on an error.
 */
export async function scanFolder(dir: string, patterns?: string[]): Promise<ScanResult> {
	const scanner = loadScanner();
	const { ESLint: ScannerESLint } = fromScanner('eslint') as typeof import('eslint');
	const glob = fromScanner('fast-glob') as typeof import('fast-glob');
	const eslint = new ScannerESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await scanner.buildScanConfig(),
	});
	const files = glob.sync(patterns ?? scanner.SOURCE_FILE_PATTERNS, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const results = files.length ? await eslint.lintFiles(files) : [];
	const findings = results.flatMap((result) =>
		result.messages.map((m) => ({
			file: path.relative(dir, result.filePath),
			line: m.line,
			rule: m.ruleId,
			severity: m.severity === 2 ? ('error' as const) : ('warning' as const),
			message: m.message,
		})),
	);
	const errors = findings.filter((f) => f.severity === 'error').length;
	const report = findings.length ? await (await eslint.loadFormatter('stylish')).format(results) : '';
	return { files: files.length, errors, warnings: findings.length - errors, findings, report };
}

function filesUnder(dir: string): string[] {
	if (!fs.existsSync(dir)) return [];
	return fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => path.join(dir, f)).filter((f) => fs.statSync(f).isFile());
}

/** Why dist/ needs a build: missing, older than a source, or holding a compiled file whose source is gone. */
function staleDist(): string | undefined {
	const dist = path.join(REPO_ROOT, 'dist');
	const compiled = filesUnder(dist).filter((f) => f.endsWith('.js'));
	if (!compiled.length) return 'dist/ has no compiled files';
	const builtAt = Math.min(...compiled.map((f) => fs.statSync(f).mtimeMs));
	const sources = [
		...filesUnder(path.join(REPO_ROOT, 'nodes')),
		...filesUnder(path.join(REPO_ROOT, 'credentials')),
		...['tsconfig.json', 'tsconfig.build.json', 'gulpfile.js'].map((f) => path.join(REPO_ROOT, f)),
	];
	const newer = sources.find((f) => fs.statSync(f).mtimeMs > builtAt);
	if (newer) return `${path.relative(REPO_ROOT, newer)} changed after the last build`;
	const orphan = compiled.find((f) => !fs.existsSync(path.join(REPO_ROOT, path.relative(dist, f)).replace(/\.js$/, '.ts')));
	return orphan ? `${path.relative(REPO_ROOT, orphan)} has no source any more` : undefined;
}

function summary(leg: string, result: ScanResult): string {
	return `  ${leg}: ${result.files} files, ${result.errors} errors, ${result.warnings} warnings`;
}

async function main(): Promise<number> {
	const stale = staleDist();
	if (stale) console.log(`Building first: ${stale}.`);
	const tarball = await buildAndPack({ build: !!stale, log: (m) => console.log(`> ${m}`) });
	const unpacked = path.join(path.dirname(tarball), 'package');
	try {
		fs.mkdirSync(unpacked);
		await run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1'], { cwd: path.dirname(tarball) });
		const legs: Array<[string, ScanResult]> = [
			['source', await scanFolder(REPO_ROOT)],
			[path.basename(tarball), await scanFolder(unpacked, TARBALL_FILE_PATTERNS)],
		];
		for (const [leg, result] of legs) if (result.report) console.log(`\n${leg}:${result.report}`);
		console.log(`\nn8n community-package scanner rules (${ruleSetName()}), inline configuration disallowed:`);
		for (const [leg, result] of legs) console.log(summary(leg, result));
		const empty = legs.filter(([, r]) => r.files === 0).map(([leg]) => leg);
		if (empty.length) console.log(`No files found to lint in: ${empty.join(', ')}.`);
		const failed = empty.length > 0 || legs.some(([, r]) => r.errors + r.warnings > 0);
		console.log(failed ? 'FAILED: fix every error and warning above (inline eslint comments do not count).' : 'OK');
		return failed ? 1 : 0;
	} finally {
		fs.rmSync(path.dirname(tarball), { recursive: true, force: true });
	}
}

if (require.main === module) {
	main().then(
		(code) => process.exit(code),
		(error) => {
			console.error(error);
			process.exit(1);
		},
	);
}
