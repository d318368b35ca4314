/** Build and pack this package, install the tarball the way n8n does, and check what n8n loaded from it. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { node24Env, run } from '../n8n-install';
import type { HarnessClient } from './client';
import { CREDENTIAL_NAMES } from './credentials';
import { defaultLog, type Logger } from './log';
import { PACKAGE_NAME, REPO_ROOT } from './repo';

/** `npm run build` (unless build=false) and `npm pack` in the repo; returns the tarball path (in a temp folder). */
export async function buildAndPack(options: { build?: boolean; log?: Logger } = {}): Promise<string> {
	const log = options.log ?? defaultLog;
	const env = node24Env();
	if (options.build !== false) {
		log('npm run build');
		await run('npm', ['run', 'build'], { cwd: REPO_ROOT, env });
	}
	const distPackage = path.join(REPO_ROOT, 'dist');
	if (!fs.existsSync(distPackage)) {
		throw new Error(`${distPackage} does not exist: \`npm run build\` produced nothing to pack.`);
	}
	const dest = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-e2e-pack-'));
	log('npm pack');
	const out = await run('npm', ['pack', '--json', '--pack-destination', dest, '--loglevel=warn'], { cwd: REPO_ROOT, env });
	const json = out.slice(out.indexOf('['));
	const [info] = JSON.parse(json) as Array<{ filename: string }>;
	const tarball = path.join(dest, path.basename(info.filename));
	if (!fs.existsSync(tarball)) throw new Error(`npm pack did not produce ${tarball}`);
	return tarball;
}

interface Ledger {
	name: string;
	private: boolean;
	dependencies: Record<string, string>;
}

function readLedger(ledgerPath: string): Ledger {
	try {
		const existing = JSON.parse(fs.readFileSync(ledgerPath, 'utf8'));
		if (existing?.dependencies) return existing;
	} catch {
		/* first install */
	}
	return { name: 'installed-nodes', private: true, dependencies: {} };
}

/** CommunityPackagesService.downloadPackage's steps; returns the installed version. */
async function extractAndInstall(tarball: string, pkgDir: string, nodesDir: string, env: NodeJS.ProcessEnv): Promise<string> {
	fs.mkdirSync(pkgDir, { recursive: true });
	await run('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1'], { cwd: nodesDir, env });
	const pj = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
	const { devDependencies: _d, peerDependencies: _p, optionalDependencies: _o, ...kept } = pj;
	fs.writeFileSync(path.join(pkgDir, 'package.json'), JSON.stringify(kept, null, 2));
	await run(
		'npm',
		['install', '--audit=false', '--fund=false', '--bin-links=false', '--install-strategy=shallow', '--ignore-scripts=true', '--package-lock=false', '--loglevel=warn'],
		{ cwd: pkgDir, env },
	);
	return kept.version;
}

/**
 * Installs the tarball into `<userFolder>/.n8n/nodes` the way n8n 2.41's Community Nodes screen does
 * (CommunityPackagesService.downloadPackage): extract into `node_modules/<pkg>`, drop dev/peer/optional
 * dependencies from its package.json, `npm install` inside it with n8n's flags, and record the version in
 * the ledger `<userFolder>/.n8n/nodes/package.json` (`{ name: 'installed-nodes', private: true, dependencies }`).
 * With method 'npm-install' it does the older `npm install <tarball> --omit=peer --ignore-scripts` instead.
 */
export async function installPackage(
	userFolder: string,
	tarball: string,
	options: { method?: 'n8n' | 'npm-install'; log?: Logger } = {},
): Promise<string> {
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	const pkgDir = path.join(nodesDir, 'node_modules', ...PACKAGE_NAME.split('/'));
	const ledgerPath = path.join(nodesDir, 'package.json');
	fs.mkdirSync(nodesDir, { recursive: true });
	const ledger = readLedger(ledgerPath);
	fs.rmSync(pkgDir, { recursive: true, force: true });
	const env = node24Env();
	if (options.method === 'npm-install') {
		fs.writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
		await run('npm', ['install', tarball, '--omit=peer', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=warn'], {
			cwd: nodesDir,
			env,
		});
	} else {
		ledger.dependencies[PACKAGE_NAME] = await extractAndInstall(tarball, pkgDir, nodesDir, env);
		fs.writeFileSync(ledgerPath, JSON.stringify(ledger, null, 2));
	}
	if (!fs.existsSync(path.join(pkgDir, 'package.json'))) throw new Error(`installing ${tarball} did not create ${pkgDir}`);
	return pkgDir;
}

/** The `n8n` section of the installed (or repo dist) package.json: declared node and credential files. */
export function declaredFiles(pkgDir: string): { nodes: string[]; credentials: string[] } {
	const pj = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
	return { nodes: pj.n8n?.nodes ?? [], credentials: pj.n8n?.credentials ?? [] };
}

/**
 * n8n logs nothing when a community package loads fine, so ask it which of the declared nodes and credentials it
 * knows, write that into its log, and fail loudly when something declared is missing.
 */
export async function reportLoadedPackage(client: HarnessClient, packageDir: string, logFile: string, log: Logger): Promise<void> {
	const declared = declaredFiles(packageDir);
	const [nodeTypes, credentialTypes] = await Promise.all([client.nodeTypes(), client.credentialTypes()]);
	const nodes = [...nodeTypes.keys()].filter((name) => name.startsWith(`${PACKAGE_NAME}.`) && !name.endsWith('Tool'));
	const credentials = [...credentialTypes].filter((c) => c in CREDENTIAL_NAMES);
	const line = `${PACKAGE_NAME} loaded: nodes ${nodes.join(', ')}; credentials ${credentials.join(', ')}`;
	fs.appendFileSync(logFile, `[harness] ${line}\n`);
	log(line);
	if (nodes.length < declared.nodes.length || credentials.length < declared.credentials.length) {
		throw new Error(
			`n8n knows ${nodes.length} of ${declared.nodes.length} declared nodes and ${credentials.length} of ` +
				`${declared.credentials.length} declared credentials of ${PACKAGE_NAME}; see ${logFile}`,
		);
	}
}

/** Scans the n8n log for package load problems (lines naming the package or a loader failure). */
export function packageLoadErrors(logText: string, packageName = PACKAGE_NAME): string[] {
	const lines = logText.split('\n');
	const patterns = [
		/Failed to load package/i,
		/Skipping package/i,
		/Unknown credential name/i,
		/Unrecognized (node|credential) type/i,
		/is not contained within the package directory/i,
	];
	return lines.filter(
		(l) =>
			patterns.some((p) => p.test(l)) ||
			(l.includes(packageName) && /\b(error|failed|cannot|could not|unable)\b/i.test(l)),
	);
}
