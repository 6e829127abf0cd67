'use strict';
// PostgreSQL and Redis for n8n's queue mode, started on 127.0.0.1 in a temporary folder from the
// distribution's packages (Debian: postgresql, redis-server) and stopped by pid. Used by the
// queue-mode e2e suite and the bench.
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const START_TIMEOUT_MS = 60_000;

function freePort() {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/** The newest /usr/lib/postgresql/<major>/bin, or PG_BIN. */
function postgresBin() {
	if (process.env.PG_BIN) return process.env.PG_BIN;
	const root = '/usr/lib/postgresql';
	const majors = fs.existsSync(root) ? fs.readdirSync(root).filter((name) => /^\d+$/.test(name)) : [];
	majors.sort((a, b) => Number(b) - Number(a));
	for (const major of majors) {
		const bin = path.join(root, major, 'bin');
		if (fs.existsSync(path.join(bin, 'postgres'))) return bin;
	}
	throw new Error('PostgreSQL is not installed (apt-get install postgresql), or set PG_BIN to its bin folder');
}

function redisBin() {
	for (const candidate of [process.env.REDIS_SERVER, '/usr/bin/redis-server', '/usr/local/bin/redis-server']) {
		if (candidate && fs.existsSync(candidate)) return candidate;
	}
	throw new Error('Redis is not installed (apt-get install redis-server), or set REDIS_SERVER to redis-server');
}

/** PostgreSQL refuses to run as root: as root, run it as the `postgres` user. */
function postgresUser() {
	if (typeof process.getuid !== 'function' || process.getuid() !== 0) return {};
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

/** Spawns a server and resolves once `ready` appears in its output; rejects if it exits first. */
function startServer(label, command, args, options, ready) {
	const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
	let output = '';
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`${label} did not start within ${START_TIMEOUT_MS / 1000} s:\n${output}`));
		}, START_TIMEOUT_MS);
		const keep = (chunk) => {
			output = (output + chunk.toString()).slice(-20000);
			if (ready.test(output)) {
				clearTimeout(timer);
				resolve({ child, logs: () => output });
			}
		};
		child.stdout.on('data', keep);
		child.stderr.on('data', keep);
		child.once('exit', (code, signal) => {
			clearTimeout(timer);
			reject(new Error(`${label} exited (${code ?? signal}) before it was ready:\n${output}`));
		});
		child.once('error', (error) => {
			clearTimeout(timer);
			reject(error);
		});
	});
}

function stopChild(child, signal) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		child.once('exit', () => resolve());
		child.kill(signal);
		setTimeout(() => child.kill('SIGKILL'), 20_000).unref();
	});
}

/**
 * Initialises a PostgreSQL cluster in a temporary folder and starts it on 127.0.0.1:<free port>,
 * with password authentication for `user`. Returns
 * { host, port, user, password, version, pid, createDatabase(name), stop() }.
 */
async function startPostgres({ user = 'n8n', password = 'factomos-queue-e2e' } = {}) {
	const bin = postgresBin();
	const owner = postgresUser();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factomos-pg-'));
	const data = path.join(dir, 'data');
	const passwordFile = path.join(dir, 'password');
	fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
	if (owner.uid !== undefined) {
		fs.chownSync(dir, owner.uid, owner.gid);
		fs.chownSync(passwordFile, owner.uid, owner.gid);
	}
	const port = await freePort();
	let server;
	try {
		execFileSync(
			path.join(bin, 'initdb'),
			['-D', data, '-U', user, `--pwfile=${passwordFile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync'],
			{ ...owner, stdio: ['ignore', 'pipe', 'pipe'] },
		);
		server = await startServer(
			'PostgreSQL',
			path.join(bin, 'postgres'),
			// No Unix socket: clients use TCP on 127.0.0.1 only, like n8n.
			['-D', data, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'max_connections=200'],
			owner,
			/database system is ready to accept connections/,
		);
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	const version = fs.readFileSync(path.join(data, 'PG_VERSION'), 'utf8').trim();
	const clientEnv = { ...process.env, PGPASSWORD: password };

	function createDatabase(name) {
		execFileSync(path.join(bin, 'createdb'), ['-h', '127.0.0.1', '-p', String(port), '-U', user, name], {
			env: clientEnv,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		return name;
	}

	async function stop() {
		// SIGINT: PostgreSQL's fast shutdown (SIGTERM would wait for every client to leave).
		await stopChild(server.child, 'SIGINT');
		fs.rmSync(dir, { recursive: true, force: true });
	}

	return { host: '127.0.0.1', port, user, password, version, pid: server.child.pid, logs: server.logs, createDatabase, stop };
}

/** Starts redis-server on 127.0.0.1:<free port> with a password and no persistence. */
async function startRedis({ password = 'factomos-queue-e2e' } = {}) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'factomos-redis-'));
	const port = await freePort();
	let server;
	try {
		server = await startServer(
			'Redis',
			redisBin(),
			['--port', String(port), '--bind', '127.0.0.1', '--requirepass', password, '--save', '', '--appendonly', 'no', '--dir', dir],
			{},
			/Ready to accept connections/,
		);
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true });
		throw error;
	}
	async function stop() {
		await stopChild(server.child, 'SIGTERM');
		fs.rmSync(dir, { recursive: true, force: true });
	}
	return { host: '127.0.0.1', port, password, pid: server.child.pid, logs: server.logs, stop };
}

module.exports = { startPostgres, startRedis };
