'use strict';
// `npm start`: a local n8n with this package installed, a seeded Factomos emulator, a ready
// credential and the example workflows. Ctrl-C stops everything.
//
// Environment: PLAYGROUND_N8N_MAJOR (2 or 1, default 2), PLAYGROUND_PORT (n8n, default 5678),
// PLAYGROUND_EMULATOR_PORT (default 8089).
const { spawn } = require('node:child_process');
const { createHash } = require('node:crypto');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const { OWNER, ROOT, CACHE, LOG_DIR, RUNTIMES, ensureN8n, installPackage, n8nCommand, startN8n } = require('./n8n-runtime');

const MAJOR = process.env.PLAYGROUND_N8N_MAJOR || '2';
const N8N_PORT = Number(process.env.PLAYGROUND_PORT || 5678);
const EMULATOR_PORT = Number(process.env.PLAYGROUND_EMULATOR_PORT || 8089);
const HOST = '127.0.0.1';
// The emulator's fixed demo account; the examples reference this credential by id and name.
const TOKEN = 'demo-token';
const SECRET = 'demo-secret-1234';
const CREDENTIAL = { id: 'factomos-sandbox', name: 'Factomos Sandbox', type: 'factomosApi' };
const TRIGGER_WORKFLOW_ID = 'fctmPlayTrigger1';
const TRIGGER_WEBHOOK_ID = '5b1d2a8e-0c4f-4e8a-9f7d-6a3c2e1b0f55';

const started = Date.now();
const children = new Set();
let stopping = null;
// startN8n hands over the n8n process only once it answers; a stop meanwhile waits for it.
let n8nStarting = Promise.resolve();

function log(message) {
	const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
	process.stdout.write(`[playground ${seconds}s] ${message}\n`);
}

/** A problem the user can fix; printed without a stack trace. */
class PlaygroundError extends Error {}

function freePort() {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen(0, HOST, () => {
			const { port } = probe.address();
			probe.close(() => resolve(port));
		});
	});
}

function assertPortFree(port, label, variable) {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', () =>
			reject(new PlaygroundError(`Port ${port} (${label}) is already in use. Stop what uses it or set ${variable}.`)),
		);
		probe.listen(port, HOST, () => probe.close(resolve));
	});
}

/** Stable 16-character workflow ids, so each start updates the same workflows instead of adding copies. */
function workflowId(file) {
	return `fctm${createHash('sha1').update(file).digest('hex').slice(0, 12)}`;
}

function exampleWorkflows() {
	const folder = path.join(ROOT, 'examples');
	return fs
		.readdirSync(folder)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({ ...JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')), id: workflowId(file), active: false }));
}

/** A workflow listening for the emulator's notifications: every change made through the examples shows up in its executions. */
function triggerWorkflow() {
	return {
		id: TRIGGER_WORKFLOW_ID,
		name: 'Factomos: log every notification (playground)',
		active: false,
		nodes: [
			{
				// As the editor saves a new node: version 1, options at their default.
				parameters: { events: ['*'] },
				id: 'c0a8f3d2-6b7e-4f41-8d0a-2f9e5c1b7a31',
				name: 'Factomos Trigger',
				type: 'n8n-nodes-factomos.factomosTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
}

/** n8n CLI commands only print their reason on stdout: show it when they fail. */
function cli(runtime, userFolder, args) {
	try {
		return n8nCommand(runtime, userFolder, args);
	} catch (error) {
		const output = `${error.stdout || ''}\n${error.stderr || ''}`.trim().slice(-3000);
		throw new PlaygroundError(`"n8n ${args[0]}" failed (exit ${error.status}):\n${output}`);
	}
}

/** Imports (upserts by id) the credential and the workflows; n8n must not be running on this user folder. */
function importData(runtime, userFolder, emulatorUrl, workflows) {
	const folder = path.join(userFolder, 'import');
	fs.rmSync(folder, { recursive: true, force: true });
	fs.mkdirSync(path.join(folder, 'workflows'), { recursive: true });
	const credentialFile = path.join(folder, 'credentials.json');
	const data = { token: TOKEN, secret: SECRET, baseUrl: emulatorUrl };
	fs.writeFileSync(credentialFile, JSON.stringify([{ ...CREDENTIAL, data }], null, 2));
	cli(runtime, userFolder, ['import:credentials', `--input=${credentialFile}`]);
	for (const workflow of workflows) {
		fs.writeFileSync(path.join(folder, 'workflows', `${workflow.id}.json`), JSON.stringify(workflow, null, 2));
	}
	cli(runtime, userFolder, ['import:workflow', '--separate', `--input=${path.join(folder, 'workflows')}`]);
}

function startEmulator(webhookUrl) {
	const tsNode = require.resolve('ts-node/dist/bin.js', { paths: [ROOT] });
	const args = [tsNode, '--transpile-only', 'test/emulator/cli.ts', '--seed', '--host', HOST, '--port', String(EMULATOR_PORT)];
	args.push('--token', TOKEN, '--secret', SECRET, '--webhook-url', webhookUrl);
	const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
	track(child);
	let output = '';
	return new Promise((resolve, reject) => {
		const onData = (chunk) => {
			output += chunk.toString();
			const match = /listening on (\S+)/.exec(output);
			if (match) {
				child.stdout.off('data', onData);
				resolve({ child, url: match[1], seeded: (/seeded:\s+(.*)/.exec(output) || [])[1] });
			}
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', (chunk) => (output += chunk.toString()));
		child.once('exit', (code) => reject(new Error(`The Factomos emulator exited (${code}):\n${output}`)));
	});
}

function waitForExit(child, timeoutMs) {
	return new Promise((resolve) => {
		if (child.exitCode !== null || child.signalCode !== null) return resolve();
		const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.once('exit', () => {
			clearTimeout(timer);
			resolve();
		});
	});
}

/** Stops n8n, then the emulator; safe to call more than once (Ctrl-C also reaches the children directly). */
function shutdown() {
	if (!stopping) {
		stopping = (async () => {
			await n8nStarting.catch(() => undefined);
			for (const child of [...children].reverse()) {
				child.kill('SIGTERM');
				await waitForExit(child, 20_000);
			}
		})();
	}
	return stopping;
}

function track(child) {
	children.add(child);
	child.once('exit', () => children.delete(child));
}

async function main() {
	const userFolder = path.join(CACHE, 'playground', `n8n-${MAJOR}`);
	const n8nUrl = `http://${HOST}:${N8N_PORT}`;
	const emulatorUrl = `http://${HOST}:${EMULATOR_PORT}`;
	const webhookUrl = `${n8nUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
	await assertPortFree(N8N_PORT, 'n8n', 'PLAYGROUND_PORT');
	await assertPortFree(EMULATOR_PORT, 'Factomos emulator', 'PLAYGROUND_EMULATOR_PORT');

	const spec = RUNTIMES[MAJOR];
	if (!spec) throw new PlaygroundError(`PLAYGROUND_N8N_MAJOR must be one of ${Object.keys(RUNTIMES).join(', ')}`);
	if (!fs.existsSync(path.join(CACHE, `n8n-${spec.n8n}`, '.installed'))) {
		log(`first start: installing n8n ${spec.n8n} and Node.js ${spec.node} into ${path.relative(ROOT, CACHE) || CACHE}/, once (5 to 15 minutes; progress below, npm's full output in ${path.relative(ROOT, LOG_DIR) || LOG_DIR}/)`);
	}
	const runtime = ensureN8n(MAJOR);
	log(`installing the built package into ${path.relative(ROOT, userFolder)}/.n8n/nodes`);
	installPackage(userFolder);
	const workflows = [...exampleWorkflows(), triggerWorkflow()];
	log(`importing the "${CREDENTIAL.name}" credential and ${workflows.length} workflows`);
	importData(runtime, userFolder, emulatorUrl, workflows);

	const onSignal = (signal) => {
		log(`${signal} received, stopping n8n and the emulator`);
		shutdown().then(() => {
			log('stopped');
			process.exit(0);
		});
	};
	process.on('SIGINT', onSignal);
	process.on('SIGTERM', onSignal);
	process.on('SIGHUP', onSignal);

	const emulator = await startEmulator(webhookUrl);
	log(`Factomos emulator on ${emulator.url} (${emulator.seeded || 'seeded'})`);
	if (stopping) return;
	log(`starting n8n ${runtime.version}`);
	// n8n 2.x always runs a task broker, by default on 5679: keep clear of any other n8n.
	const extraEnv = { N8N_RUNNERS_BROKER_PORT: String(await freePort()) };
	n8nStarting = startN8n(runtime, userFolder, N8N_PORT, extraEnv).then((instance) => {
		track(instance.process);
		return instance;
	});
	const n8n = await n8nStarting;
	n8n.process.once('exit', (code) => {
		if (stopping) return;
		process.stderr.write(n8n.logs().slice(-4000));
		log(`n8n exited unexpectedly (${code})`);
		shutdown().then(() => process.exit(1));
	});
	if (stopping) return;
	await n8n.setupOwner(OWNER);
	const trigger = await n8n.request('GET', `/rest/workflows/${TRIGGER_WORKFLOW_ID}`);
	const activation = await n8n.request('POST', `/rest/workflows/${TRIGGER_WORKFLOW_ID}/activate`, {
		versionId: trigger.json && trigger.json.data && trigger.json.data.versionId,
	});
	if (activation.status >= 400) log(`could not activate the trigger workflow (${activation.status}); activate it in the editor`);

	const line = '─'.repeat(72);
	process.stdout.write(
		[
			'',
			line,
			` n8n ${runtime.version} with n8n-nodes-factomos is ready (${((Date.now() - started) / 1000).toFixed(0)} s)`,
			'',
			` Editor:    ${n8nUrl}/home/workflows`,
			` Email:     ${OWNER.email}`,
			` Password:  ${OWNER.password}`,
			'',
			` Factomos emulator: ${emulator.url}  (token ${TOKEN}, secret ${SECRET}, demo data only)`,
			` Credential "${CREDENTIAL.name}" points at it. Example workflows (re-imported at each start):`,
			...workflows.map((workflow) => `   ${n8nUrl}/workflow/${workflow.id}  ${workflow.name}`),
			` Notifications from the emulator start "${triggerWorkflow().name}" (see its Executions).`,
			'',
			' Press Ctrl-C to stop n8n and the emulator.',
			line,
			'',
		].join('\n'),
	);
}

main().catch((error) => {
	process.stderr.write(`\n[playground] ${error instanceof PlaygroundError ? error.message : error.stack}\n`);
	shutdown().then(() => process.exit(1));
});
