/**
 * `npm run release [-- patch|minor|major|X.Y.Z]` (patch by default): writes the new version into package.json and
 * package-lock.json, moves CHANGELOG.md's unreleased entries under it with today's date, and prints the git commands
 * that commit, tag and push. It never pushes or publishes: the tag's run of .github/workflows/publish.yml does,
 * with provenance.
 */
import * as fs from 'fs';
import * as path from 'path';

const SEMVER = /^(\d+)\.(\d+)\.(\d+)$/;
// The top section before a release: "## Unreleased", or "## 0.1.0 (unreleased)" naming the version it will become.
const UNRELEASED = /^## (?:Unreleased|\d+\.\d+\.\d+ \(unreleased\))\s*$/i;

function parts(version: string): number[] {
	const match = SEMVER.exec(version);
	if (!match) throw new Error(`"${version}" is not a version of the form X.Y.Z`);
	return match.slice(1).map(Number);
}

/**
 * The version after `current`: a bump, or an explicit X.Y.Z. An explicit version may equal the current one, so the
 * first release ships the version package.json already names (`npm run release -- 0.1.0`); a lower one is refused.
 */
export function nextVersion(current: string, spec = 'patch'): string {
	const now = parts(current);
	const [major, minor, patch] = now;
	if (spec === 'major') return `${major + 1}.0.0`;
	if (spec === 'minor') return `${major}.${minor + 1}.0`;
	if (spec === 'patch') return `${major}.${minor}.${patch + 1}`;
	if (!SEMVER.test(spec)) throw new Error(`"${spec}" is neither patch, minor, major nor a version X.Y.Z`);
	// The first part that differs decides which version is higher.
	const difference = parts(spec).map((n, i) => n - now[i]).find((d) => d !== 0) ?? 0;
	if (difference < 0) throw new Error(`${spec} is lower than the current version ${current}`);
	return spec;
}

/** CHANGELOG.md with the unreleased entries under "## <version> (<date>)" and an empty "## Unreleased" above them. */
export function releaseChangelog(text: string, version: string, date: string): string {
	const lines = text.split('\n');
	const start = lines.findIndex((line) => line.startsWith('## '));
	if (start < 0 || !UNRELEASED.test(lines[start])) {
		throw new Error('CHANGELOG.md must begin its sections with "## Unreleased": add the entries of this release there');
	}
	const end = lines.findIndex((line, i) => i > start && line.startsWith('## '));
	const entries = lines.slice(start + 1, end < 0 ? lines.length : end);
	if (!entries.some((line) => line.trim() !== '')) {
		throw new Error('CHANGELOG.md has nothing under "## Unreleased": write what this release changes first');
	}
	return [...lines.slice(0, start), '## Unreleased', '', `## ${version} (${date})`, ...entries, ...(end < 0 ? [] : lines.slice(end))].join('\n');
}

/** package.json or package-lock.json text with the package's own version set, formatted as npm writes it. */
export function withVersion(jsonText: string, version: string): string {
	const json = JSON.parse(jsonText);
	json.version = version;
	// The lockfile repeats the root package's version under packages[""].
	if (json.packages?.['']) json.packages[''].version = version;
	return `${JSON.stringify(json, null, 2)}\n`;
}

/** YYYY-MM-DD in local time. */
export function isoDate(date: Date): string {
	return [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
}

/** Rewrites the release files in `root` (all checks pass before anything is written); returns the git commands. */
export function release(root: string, spec: string | undefined, date: string): { version: string; commands: string[] } {
	const file = (name: string) => path.join(root, name);
	const pkg = fs.readFileSync(file('package.json'), 'utf8');
	const version = nextVersion(JSON.parse(pkg).version, spec);
	const changelog = releaseChangelog(fs.readFileSync(file('CHANGELOG.md'), 'utf8'), version, date);
	const files = ['package.json', 'CHANGELOG.md'];
	fs.writeFileSync(file('package.json'), withVersion(pkg, version));
	fs.writeFileSync(file('CHANGELOG.md'), changelog);
	if (fs.existsSync(file('package-lock.json'))) {
		fs.writeFileSync(file('package-lock.json'), withVersion(fs.readFileSync(file('package-lock.json'), 'utf8'), version));
		files.push('package-lock.json');
	}
	const tag = `v${version}`;
	return {
		version,
		commands: [`git add ${files.join(' ')}`, `git commit -m "Release ${version}"`, `git tag ${tag}`, `git push origin main ${tag}`],
	};
}

if (require.main === module) {
	try {
		const { version, commands } = release(path.resolve(__dirname, '..'), process.argv[2], isoDate(new Date()));
		console.log(`Version ${version} written. Review the diff, then:\n`);
		console.log(commands.map((command) => `  ${command}`).join('\n'));
		console.log('\nThe pushed tag runs .github/workflows/publish.yml, which tests and publishes with provenance.');
	} catch (error) {
		console.error(`release: ${(error as Error).message}`);
		process.exitCode = 1;
	}
}
