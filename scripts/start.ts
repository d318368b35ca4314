/**
 * `npm start`: a local n8n 2.41.1 with this package installed (as from the Community Nodes screen), the Caspio and
 * ActiveCampaign sandboxes, preset credentials and the templates from workflows/. Runs until Ctrl-C.
 *
 * Options (flags or environment):
 *   --no-sandbox | NO_SANDBOX=1         no sandboxes and no preset credentials (use real accounts from the editor)
 *   --no-build   | NO_BUILD=1           pack the current dist/ without `npm run build`
 *   --fresh                             delete the user folder first
 *   --user-folder=<dir> | N8N_E2E_USER_FOLDER   default <repo>/.n8n-e2e/sandbox, or <repo>/.n8n-e2e/real with
 *                                       --no-sandbox (gitignored); kept between runs, so a second start reuses it
 *   N8N_PORT (5678), N8N_RUNNERS_BROKER_PORT (5679), CASPIO_PORT (4010), AC_PORT (4020)
 *   N8N_OWNER_EMAIL (owner@example.com), N8N_OWNER_PASSWORD (Sandbox-Passw0rd): the local demo login
 */
import * as fs from 'fs';
import * as path from 'path';
import { CREDENTIAL_NAMES, REPO_ROOT, startHarness, tailFile, type PresetCredentialType } from './harness';

function flag(name: string): boolean {
	return process.argv.includes(`--${name}`);
}
function option(name: string): string | undefined {
	const prefix = `--${name}=`;
	const hit = process.argv.find((a) => a.startsWith(prefix));
	if (hit) return hit.slice(prefix.length);
	const i = process.argv.indexOf(`--${name}`);
	return i >= 0 ? process.argv[i + 1] : undefined;
}
const truthy = (v: string | undefined) => !!v && !['0', 'false', 'no', ''].includes(v.toLowerCase());
function port(envName: string, fallback: number): number {
	const raw = process.env[envName];
	const n = raw ? Number(raw) : fallback;
	if (!Number.isInteger(n) || n <= 0 || n > 65535) throw new Error(`${envName}=${raw} is not a port number`);
	return n;
}

async function main() {
	if (flag('help') || flag('h')) {
		const src = fs.readFileSync(__filename, 'utf8');
		process.stdout.write(`${src.slice(src.indexOf('/**') + 3, src.indexOf('*/')).replace(/^ \* ?/gm, '')}\n`);
		return;
	}
	const sandbox = !(flag('no-sandbox') || truthy(process.env.NO_SANDBOX));
	const build = !(flag('no-build') || truthy(process.env.NO_BUILD));
	const userFolder = path.resolve(option('user-folder') ?? process.env.N8N_E2E_USER_FOLDER ?? path.join(REPO_ROOT, '.n8n-e2e', sandbox ? 'sandbox' : 'real'));
	if (flag('fresh')) fs.rmSync(userFolder, { recursive: true, force: true });
	const owner = {
		email: process.env.N8N_OWNER_EMAIL ?? 'owner@example.com',
		password: process.env.N8N_OWNER_PASSWORD ?? 'Sandbox-Passw0rd',
		firstName: 'Local',
		lastName: 'Owner',
	};

	const t0 = Date.now();
	const harness = await startHarness({
		sandbox,
		build,
		userFolder,
		removeUserFolder: false,
		n8nPort: port('N8N_PORT', 5678),
		brokerPort: port('N8N_RUNNERS_BROKER_PORT', 5679),
		caspioPort: port('CASPIO_PORT', 4010),
		acPort: port('AC_PORT', 4020),
		owner,
		handleSignals: true,
		log: (m) => process.stdout.write(`  · ${m}\n`),
	});

	const lines: string[] = [];
	lines.push('', `n8n is ready (${((Date.now() - t0) / 1000).toFixed(0)} s)`, '');
	lines.push(`  Editor:      ${harness.n8nUrl}/`);
	lines.push(`  Login:       ${owner.email} / ${owner.password}   (local demo instance only)`);
	lines.push(`  User folder: ${userFolder}`);
	lines.push(`  n8n log:     ${harness.logFile}`);
	if (sandbox) {
		lines.push(`  Sandboxes:   Caspio ${harness.info.caspioUrl}   ActiveCampaign ${harness.info.acUrl}`);
		lines.push('  Credentials:');
		for (const [type, id] of Object.entries(harness.credentials)) {
			lines.push(`    - "${CREDENTIAL_NAMES[type as PresetCredentialType]}" (${type}, id ${id})`);
		}
	} else {
		lines.push('  Sandboxes:   off (--no-sandbox); create credentials for your real accounts in the editor');
	}
	if (harness.info.workflows.length === 0) {
		lines.push('  Templates:   none (no workflows/*.json)');
	} else {
		lines.push('  Templates:');
		for (const w of harness.info.workflows) {
			const notes = [w.note, w.activationError && `activation error: ${w.activationError}`].filter(Boolean).join('; ');
			lines.push(`    - ${w.active ? 'ACTIVE  ' : 'inactive'} "${w.name}" (${w.file}) ${harness.n8nUrl}/workflow/${w.id}${notes ? `  [${notes}]` : ''}`);
		}
	}
	lines.push('', 'Press Ctrl-C to stop.', '');
	if (harness.info.consoleUrl) lines.push(`Try it: open ${harness.info.consoleUrl}, submit a lead, watch the contact appear`, '');
	process.stdout.write(lines.join('\n'));

	const code = await harness.n8n.exited;
	if (!harness.isStopping()) {
		process.stderr.write(`\nn8n exited unexpectedly (code ${code}). Last lines of ${harness.logFile}:\n${tailFile(harness.logFile, 40)}\n`);
		await harness.stop();
		process.exit(1);
	}
}

main().catch((error: Error) => {
	process.stderr.write(`\nnpm start failed: ${error.message}\n`);
	process.exit(1);
});
