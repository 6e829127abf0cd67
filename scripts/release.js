'use strict';
// `npm run release`: publishes through n8n's `n8n-node release`, which in GitHub Actions lints, builds
// and runs `npm publish` with an npm provenance statement. It refuses until package.json names the
// public repository and the maintainer's email: neither is known yet, and neither may be invented.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { authorEmail } = require('./known-findings');

const ROOT = path.resolve(__dirname, '..');

/** The package.json fields a release needs and that are still missing, by their JSON path. */
function missingReleaseFields(pkg) {
	const missing = [];
	const repository = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
	// A placeholder such as the starter's "<...>" is as missing as no URL at all.
	if (!repository || /[<>]|\.\.\./.test(repository)) missing.push('repository');
	if (authorEmail(pkg) === '') missing.push('author.email');
	return missing;
}

function main() {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const missing = missingReleaseFields(pkg);
	if (missing.length > 0) {
		process.stderr.write(
			`Refusing to release: package.json has no ${missing.join(' and no ')}.\n` +
				'n8n verifies a package against its public repository and its maintainer. Set ' +
				`${missing.map((field) => `"${field}"`).join(' and ')} in package.json first (RELEASING.md, one-time set-up).\n`,
		);
		return 1;
	}
	if (!process.env.GITHUB_ACTIONS) {
		process.stderr.write(
			'Releases are published by .github/workflows/publish.yml, with npm provenance, when a version tag is pushed.\n' +
				'Run `npm version <patch|minor|major>` and `git push --follow-tags` instead (RELEASING.md).\n',
		);
		return 1;
	}
	const bin = path.join(ROOT, 'node_modules', '.bin', 'n8n-node');
	return spawnSync(bin, ['release', ...process.argv.slice(2)], { cwd: ROOT, stdio: 'inherit' }).status ?? 1;
}

module.exports = { missingReleaseFields };

if (require.main === module) process.exit(main());
