import { execFile, fs, path, process, REPO_ROOT } from '../host';
import { N8nInstance, SETUP_TIMEOUT, runtimeModule } from './support';

/**
 * The README's "From a `.tgz` or a clone" steps, read from the README itself and run as written
 * with HOME in a temporary folder, then real n8n started on that folder: what a self-hoster does
 * before the package is on npm. `npm ci` is the one line left out: .ci/run has run it already.
 */

const README = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const HEADING = '### From a `.tgz` or a clone, into your own n8n';

function readmeSteps(): string[] {
	const section = README.slice(README.indexOf(HEADING));
	const block = /```bash\n([\s\S]*?)```/.exec(section);
	if (README.indexOf(HEADING) < 0 || !block) throw new Error(`README: no bash block under "${HEADING}"`);
	return block[1].split('\n').filter((line) => line.trim() !== '' && !line.trim().startsWith('#'));
}

function bash(script: string, env: NodeJS.ProcessEnv): Promise<string> {
	return new Promise((resolve, reject) => {
		execFile('bash', ['-euo', 'pipefail', '-c', script], { cwd: REPO_ROOT, env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, timeout: 300_000 }, (error, stdout, stderr) => {
			if (error) reject(new Error(`the README's install steps failed (${error.code ?? error.signal}):\n${stdout}\n${stderr}`.slice(-4000)));
			else resolve(stdout);
		});
	});
}

describe('install => README steps from a .tgz into a user folder', () => {
	const major = 2;
	let n8n: N8nInstance;
	let before: Set<string>;
	const tarballs = () => new Set(fs.readdirSync(REPO_ROOT).filter((file) => /^n8n-nodes-factomos-.*\.tgz$/.test(file)));

	beforeAll(async () => {
		n8n = await N8nInstance.create(major, { withPackage: false });
		before = tarballs();
	}, SETUP_TIMEOUT);

	afterAll(async () => {
		for (const file of tarballs()) if (!before?.has(file)) fs.rmSync(path.join(REPO_ROOT, file), { force: true });
		await n8n?.dispose();
	});

	it(
		`should load Factomos, Factomos Trigger and the credential in n8n ${runtimeModule.RUNTIMES[major].n8n}`,
		async () => {
			const steps = readmeSteps();
			expect(steps[0]).toBe('npm ci');
			expect(steps).toContain('mkdir -p ~/.n8n/nodes && cd ~/.n8n/nodes');
			// HOME is n8n's user folder when N8N_USER_FOLDER is unset: here both are the instance's folder.
			const env = { ...process.env, HOME: n8n.userFolder, npm_config_cache: path.join(n8n.userFolder, 'npm-cache') };
			await bash(steps.slice(1).join('\n'), env);
			const installed = path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-nodes-factomos', 'package.json');
			expect(JSON.parse(fs.readFileSync(installed, 'utf8')).name).toBe('n8n-nodes-factomos');
			// The peer dependency stays n8n's own.
			expect(fs.existsSync(path.join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', 'n8n-workflow'))).toBe(false);

			const server = await n8n.start();
			await server.setupOwner();
			const nodes = await server.request('GET', '/types/nodes.json');
			expect(nodes.status).toBe(200);
			const names = (nodes.json as unknown as Array<{ name: string }>).map((type) => type.name);
			expect(names).toEqual(expect.arrayContaining(['n8n-nodes-factomos.factomos', 'n8n-nodes-factomos.factomosTrigger']));
			const credentials = await server.request('GET', '/types/credentials.json');
			const credentialNames = (credentials.json as unknown as Array<{ name: string }>).map((type) => type.name);
			expect(credentialNames).toContain('factomosApi');
		},
		SETUP_TIMEOUT,
	);
});
