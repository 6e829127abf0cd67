// `npm run scan`: the analysis of n8n's package scanner (@n8n/scan-community-package), run locally on
// the source tree and on the packed tarball, as its verification gate does after a publish. Only its
// provenance step is skipped: it needs a version published from GitHub Actions (RELEASING.md).
// Same ESLint, same config, same file sets and options as the scanner's analyzePackage().
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const { isToleratedFinding } = require('./known-findings.js');

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scannerPath = require.resolve('@n8n/scan-community-package/scanner/scanner.mjs');
const { buildScanConfig, SOURCE_FILE_PATTERNS } = await import(scannerPath);
const { ESLint } = createRequire(scannerPath)('eslint');
const glob = createRequire(scannerPath)('fast-glob');

const TARBALL_FILE_PATTERNS = ['**/*.js', 'package.json'];

async function analyze(label, dir, patterns) {
	const eslint = new ESLint({ cwd: dir, allowInlineConfig: false, overrideConfigFile: true, overrideConfig: await buildScanConfig() });
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	if (files.length === 0) throw new Error(`${label}: no files to analyze in ${dir}`);
	const results = await eslint.lintFiles(files);
	const findings = results.flatMap((result) =>
		result.messages.map((message) => ({ ...message, file: path.relative(dir, result.filePath) })),
	);
	return { label, files: files.length, findings };
}

function packTarball() {
	// Built first, so the scan never sees a stale dist/.
	execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'factomos-scan-'));
	const output = execFileSync('npm', ['pack', '--ignore-scripts', '--loglevel=warn', '--json', '--pack-destination', scratch], {
		cwd: ROOT,
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'inherit'],
	});
	const [{ filename }] = JSON.parse(output);
	execFileSync('tar', ['-xzf', path.join(scratch, filename), '-C', scratch]);
	return { scratch, unpacked: path.join(scratch, 'package') };
}

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const { scratch, unpacked } = packTarball();
let failed = false;
try {
	const reports = [
		await analyze('source', ROOT, SOURCE_FILE_PATTERNS),
		await analyze('tarball', unpacked, TARBALL_FILE_PATTERNS),
	];
	for (const { label, files, findings } of reports) {
		const blocking = findings.filter((finding) => !isToleratedFinding(finding, pkg));
		const tolerated = findings.length - blocking.length;
		process.stdout.write(
			`scan ${label}: ${files} files, ${blocking.length} finding(s)${tolerated ? ` (+${tolerated} accepted: valid-author, no maintainer email yet)` : ''}\n`,
		);
		for (const finding of blocking) {
			process.stdout.write(`  ${finding.file}:${finding.line}:${finding.column}  ${finding.message}  ${finding.ruleId ?? ''}\n`);
		}
		if (blocking.length > 0) failed = true;
	}
	process.stdout.write('scan provenance: skipped (needs a version published with provenance; see RELEASING.md)\n');
} finally {
	fs.rmSync(scratch, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
