import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

import { isoDate, nextVersion, release, releaseChangelog, withVersion } from '../../scripts/release';

const ROOT = path.resolve(__dirname, '../..');

describe('nextVersion', () => {
	it('bumps the patch by default, or the part asked for', () => {
		expect(nextVersion('0.1.0')).toBe('0.1.1');
		expect(nextVersion('0.1.9', 'patch')).toBe('0.1.10');
		expect(nextVersion('0.1.4', 'minor')).toBe('0.2.0');
		expect(nextVersion('0.9.4', 'major')).toBe('1.0.0');
	});

	it('takes an explicit version that is not lower, so a first release can ship the version package.json names', () => {
		expect(nextVersion('0.1.0', '1.2.3')).toBe('1.2.3');
		expect(nextVersion('0.9.0', '0.10.0')).toBe('0.10.0');
		expect(nextVersion('0.1.0', '0.1.0')).toBe('0.1.0');
	});

	it('refuses a lower version and anything that is not a bump or X.Y.Z', () => {
		expect(() => nextVersion('0.10.0', '0.9.9')).toThrow('0.9.9 is lower than the current version 0.10.0');
		expect(() => nextVersion('1.0.0', 'v1.0.1')).toThrow('neither patch, minor, major nor a version X.Y.Z');
		expect(() => nextVersion('1.0.0', 'prerelease')).toThrow('neither patch, minor, major nor a version X.Y.Z');
		expect(() => nextVersion('1.0', 'patch')).toThrow('"1.0" is not a version of the form X.Y.Z');
	});
});

describe('releaseChangelog', () => {
	it('dates the "X.Y.Z (unreleased)" section CHANGELOG.md starts with and opens an empty Unreleased one', () => {
		const before = '# Changelog\n\n## 0.1.0 (unreleased)\n\n- First entry.\n- Second entry.\n';
		expect(releaseChangelog(before, '0.1.0', '2026-12-04')).toBe(
			'# Changelog\n\n## Unreleased\n\n## 0.1.0 (2026-12-04)\n\n- First entry.\n- Second entry.\n',
		);
	});

	it('moves only the Unreleased entries and leaves the earlier releases as they were', () => {
		const before = '# Changelog\n\n## Unreleased\n\n- New thing.\n\n## 0.1.0 (2026-12-04)\n\n- Old thing.\n';
		expect(releaseChangelog(before, '0.1.1', '2027-01-15')).toBe(
			'# Changelog\n\n## Unreleased\n\n## 0.1.1 (2027-01-15)\n\n- New thing.\n\n## 0.1.0 (2026-12-04)\n\n- Old thing.\n',
		);
	});

	it('refuses a changelog with nothing to release or without an Unreleased section on top', () => {
		expect(() => releaseChangelog('# Changelog\n\n## Unreleased\n\n## 0.1.0 (2026-12-04)\n\n- Old.\n', '0.1.1', '2027-01-15')).toThrow(
			'nothing under "## Unreleased"',
		);
		expect(() => releaseChangelog('# Changelog\n\n## 0.1.0 (2026-12-04)\n\n- Old.\n', '0.1.1', '2027-01-15')).toThrow(
			'must begin its sections with "## Unreleased"',
		);
	});
});

describe('withVersion and isoDate', () => {
	it("sets the package's own version in a lockfile, never a dependency's", () => {
		const lock = { name: 'p', version: '0.1.0', lockfileVersion: 3, packages: { '': { name: 'p', version: '0.1.0' }, 'node_modules/x': { version: '0.1.0' } } };
		const after = JSON.parse(withVersion(JSON.stringify(lock), '0.2.0'));
		expect([after.version, after.packages[''].version, after.packages['node_modules/x'].version]).toEqual(['0.2.0', '0.2.0', '0.1.0']);
	});

	it('writes dates as YYYY-MM-DD', () => {
		expect(isoDate(new Date(2027, 0, 5))).toBe('2027-01-05');
	});
});

describe('release on a copy of this repository', () => {
	let dir: string;
	const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

	beforeEach(() => {
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'release-'));
		for (const name of ['package.json', 'package-lock.json', 'CHANGELOG.md']) fs.copyFileSync(path.join(ROOT, name), path.join(dir, name));
	});
	afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

	it('changes the version lines and the changelog heading only, and returns the commands that tag and push', () => {
		const pkgBefore = read('package.json');
		const lockBefore = read('package-lock.json');
		const next = nextVersion(JSON.parse(pkgBefore).version, 'minor');

		const { version, commands } = release(dir, 'minor', '2027-01-15');

		expect(version).toBe(next);
		const changedLines = (before: string, after: string) => after.split('\n').filter((line, i) => line !== before.split('\n')[i]);
		expect(changedLines(pkgBefore, read('package.json'))).toEqual([`  "version": "${next}",`]);
		expect(changedLines(lockBefore, read('package-lock.json'))).toEqual([`  "version": "${next}",`, `      "version": "${next}",`]);
		expect(read('CHANGELOG.md')).toMatch(new RegExp(`^# Changelog\\n\\n## Unreleased\\n\\n## ${next.replace(/\./g, '\\.')} \\(2027-01-15\\)\\n\\n- `));
		expect(commands).toEqual([
			'git add package.json CHANGELOG.md package-lock.json',
			`git commit -m "Release ${next}"`,
			`git tag v${next}`,
			`git push origin main v${next}`,
		]);
	});

	it('writes nothing when the changelog has nothing to release', () => {
		release(dir, undefined, '2027-01-15');
		const after = ['package.json', 'package-lock.json', 'CHANGELOG.md'].map(read);

		expect(() => release(dir, undefined, '2027-01-16')).toThrow('nothing under "## Unreleased"');
		expect(['package.json', 'package-lock.json', 'CHANGELOG.md'].map(read)).toEqual(after);
	});
});
