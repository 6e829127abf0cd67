import { childProcess, REPO_ROOT } from '../host';
import packageJson from '../../package.json';

/** What `npm pack` would put in the tarball (npm test has just built dist/). */
function packedFiles(): string[] {
	const output = childProcess.execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts', '--loglevel=error'], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
	});
	const [{ files }] = JSON.parse(output) as Array<{ files: Array<{ path: string }> }>;
	return files.map((file) => file.path).sort();
}

describe('package => tarball', () => {
	let files: string[];

	beforeAll(() => {
		files = packedFiles();
	});

	it('should hold only dist/, index.js, the README, the licence and package.json', () => {
		const allowed = /^(dist\/(nodes|credentials)\/.+|index\.js|README\.md|LICENSE\.md|package\.json)$/;
		expect(files.filter((file) => !allowed.test(file))).toEqual([]);
	});

	it('should ship no tests, bench, docs, screenshots, examples, sources or build leftovers', () => {
		const unwanted = /(^|\/)(test|bench|docs|examples|scripts|\.github)\/|\.png$|\.tsbuildinfo$|^dist\/package\.json$|(?<!\.d)\.ts$/;
		expect(files.filter((file) => unwanted.test(file))).toEqual([]);
	});

	it('should ship every node and credential that package.json registers, with their icons and codex files', () => {
		const registered = [...packageJson.n8n.nodes, ...packageJson.n8n.credentials];
		expect(registered.length).toBe(3);
		for (const file of registered) expect(files).toContain(file);
		for (const file of [
			'dist/nodes/Factomos/factomos.svg',
			'dist/nodes/Factomos/factomos.dark.svg',
			'dist/nodes/Factomos/Factomos.node.json',
			'dist/nodes/FactomosTrigger/FactomosTrigger.node.json',
			'dist/nodes/Factomos/transport/codec.js',
		]) {
			expect(files).toContain(file);
		}
	});

	it('should declare no runtime dependency and n8n-workflow as a peer', () => {
		expect((packageJson as { dependencies?: object }).dependencies).toBeUndefined();
		expect(packageJson.peerDependencies).toEqual({ 'n8n-workflow': '*' });
		expect(packageJson.n8n.strict).toBe(true);
	});
});
