import { execFile, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IDataObject } from 'n8n-workflow';

import { deliveryKey, mapConcurrent } from '../trigger/flood';

/** Typed view of scripts/n8n-runtime.js, the shared installer/launcher of real n8n. */

export interface Runtime {
	major: number;
	version: string;
	nodeBin: string;
	n8nBin: string;
	env: NodeJS.ProcessEnv;
}

export interface RestResponse {
	status: number;
	json: any;
	text: string;
}

export interface RunningN8n {
	url: string;
	/** The `n8n start` server process itself (bin/n8n is a node script, spawned directly). */
	process: ChildProcess;
	request(method: string, route: string, body?: unknown): Promise<RestResponse>;
	setupOwner(): Promise<unknown>;
	stop(): Promise<void>;
	logs(): string;
}

interface RuntimeModule {
	RUNTIMES: Record<string, { n8n: string; node: string }>;
	ensureN8n(major: number): Runtime;
	installPackage(userFolder: string): string;
	n8nEnv(runtime: Runtime, userFolder: string, extra?: Record<string, string>): NodeJS.ProcessEnv;
	startN8n(runtime: Runtime, userFolder: string, port: number, extraEnv?: Record<string, string>, options?: StartOptions): Promise<RunningN8n>;
}

/** Which n8n process to start (queue mode: 'worker', 'webhook') and through which launcher script. */
export interface StartOptions {
	command?: 'start' | 'worker' | 'webhook';
	launcher?: string;
	logChars?: number;
}

export interface InstanceOptions {
	/** Environment of every command and process of this instance (queue mode: database, Redis, key). */
	env?: Record<string, string>;
	/** false: a user folder without the package (the trap cases of queue mode). */
	withPackage?: boolean;
	/** A script that runs `<script> <n8n command> [arguments]` with its own settings (docs/queue-mode/n8n-queue.sh). */
	launcher?: string;
}

export const runtimeModule = require('../../scripts/n8n-runtime.js') as RuntimeModule;

export const CREDENTIAL = { id: 'fctE2eCredential', name: 'Factomos e2e' };

/** Outbound features n8n would otherwise use on boot: the instance must only talk to 127.0.0.1. */
const OFFLINE_ENV = {
	N8N_TEMPLATES_ENABLED: 'false',
	N8N_VERIFIED_PACKAGES_ENABLED: 'false',
	N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
	N8N_HIRING_BANNER_ENABLED: 'false',
	EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
};

const COMMAND_TIMEOUT_MS = 150_000;

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** The last complete top-level JSON object in a command's output (n8n 2.x logs lines before it). */
export function findJson(output: string): any {
	const lines = output.split('\n');
	const end = lines.lastIndexOf('}');
	for (let start = 0; start < end; start++) {
		if (lines[start] !== '{') continue;
		try {
			return JSON.parse(lines.slice(start, end + 1).join('\n'));
		} catch {
			// a '{' line inside a logged block: try the next one
		}
	}
	throw new Error(`no JSON object in the output:\n${output.slice(-3000)}`);
}

/** Decodes n8n's "flatted" execution data: every string inside an object is an index into the array. */
export function parseFlatted(text: string): any {
	const table = JSON.parse(text) as unknown[];
	for (const entry of table) {
		if (entry === null || typeof entry !== 'object') continue;
		const record = entry as Record<string, unknown>;
		for (const key of Object.keys(record)) {
			if (typeof record[key] === 'string') record[key] = table[Number(record[key])];
		}
	}
	return table[0];
}

/** The items each node output (first run, main output 0), by node name. */
export function nodeOutputs(run: any): Record<string, IDataObject[]> {
	const runData = run?.data?.resultData?.runData ?? {};
	const outputs: Record<string, IDataObject[]> = {};
	for (const [name, runs] of Object.entries(runData as Record<string, any[]>)) {
		const items = (runs[0]?.data?.main?.[0] ?? []) as Array<{ json: IDataObject }>;
		outputs[name] = items.map((item) => item.json);
	}
	return outputs;
}

/** Installing n8n the first time takes minutes: the budget of a suite's beforeAll. */
export const SETUP_TIMEOUT = 20 * 60_000;

/** [n8n version, major] of every n8n the e2e suites run against, for describe.each. */
export const MAJORS = [1, 2].map((major) => [runtimeModule.RUNTIMES[major].n8n, major] as const);

export async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 60_000): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await probe();
		if (value !== undefined) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
}

/**
 * n8n may report ready before it registered an active workflow's webhook (2.x does): waits until
 * the production URL answers something else than 404 and returns that answer.
 */
export function waitForWebhook(label: string, url: string, body: string): Promise<{ status: number; text: string }> {
	return waitFor(`${label}: the trigger's production webhook`, async () => {
		const response = await fetch(url, { method: 'POST', body });
		const text = await response.text();
		return response.status === 404 ? undefined : { status: response.status, text };
	});
}

/**
 * Waits until n8n serves a production webhook path, without running its workflow: a CORS preflight
 * answers 404 until the webhook is registered, and unlike a POST starts no execution.
 */
export function waitForRegistered(label: string, url: string, timeoutMs = 60_000): Promise<true> {
	return waitFor(
		`${label}: the webhook ${url}`,
		async () => {
			const response = await fetch(url, { method: 'OPTIONS', headers: { origin: new URL(url).origin, 'access-control-request-method': 'POST' } });
			await response.arrayBuffer();
			return response.status === 404 ? undefined : true;
		},
		timeoutMs,
	);
}

export interface ExecutionSummary {
	id: string;
	status?: string;
	finished?: boolean;
	mode?: string;
}

const EXECUTION_STATUSES = ['new', 'running', 'waiting', 'success', 'error', 'crashed', 'canceled', 'unknown'];

async function executionsPage(server: RunningN8n, filter: IDataObject, limit: number, lastId?: string) {
	const query = `filter=${encodeURIComponent(JSON.stringify(filter))}&limit=${limit}${lastId ? `&lastId=${lastId}` : ''}`;
	const response = await server.request('GET', `/rest/executions?${query}`);
	if (response.status !== 200) throw new Error(`GET /rest/executions answered ${response.status}: ${response.text.slice(0, 300)}`);
	const data = response.json?.data;
	return { results: ((Array.isArray(data) ? data : data?.results) ?? []) as ExecutionSummary[], count: data?.count as number | undefined };
}

/**
 * Every execution of a workflow, newest first. A status filter makes n8n order by id, so pages of
 * 100 (its maximum) chain with lastId.
 */
export async function listExecutions(server: RunningN8n, workflowId: string): Promise<ExecutionSummary[]> {
	const all: ExecutionSummary[] = [];
	for (;;) {
		const { results } = await executionsPage(server, { workflowId, status: EXECUTION_STATUSES }, 100, all.at(-1)?.id);
		all.push(...results);
		if (results.length < 100) return all;
	}
}

/** How many executions of a workflow have one of the statuses. */
export async function countExecutions(server: RunningN8n, workflowId: string, status: string[]): Promise<number> {
	const { count } = await executionsPage(server, { workflowId, status }, 1);
	if (typeof count !== 'number') throw new Error('GET /rest/executions answered no count');
	return count;
}

/** Waits until `total` executions of a workflow succeeded (the trigger floods). */
export async function waitForSuccesses(server: RunningN8n, workflowId: string, total: number, label: string): Promise<void> {
	await waitFor(`${label}: ${total} successful executions`, async () =>
		(await countExecutions(server, workflowId, ['success'])) >= total ? true : undefined,
	);
}

/**
 * Every execution of a trigger flood workflow (Factomos Trigger → No Operation), each checked:
 * successful, started by a webhook, one item through both nodes. Returns the sorted delivery keys,
 * to compare with expectedDeliveries(), and one line per execution that is not so.
 */
export async function floodDeliveries(server: RunningN8n, workflowId: string, concurrency: number): Promise<{ keys: string[]; problems: string[] }> {
	const executions = await listExecutions(server, workflowId);
	const problems: string[] = [];
	const keys = await mapConcurrent(executions, concurrency, async ({ id }) => {
		const { status, mode, run } = await getExecution(server, id);
		const runData = run?.resultData?.runData ?? {};
		const items = runData['Factomos Trigger']?.[0]?.data?.main?.[0] ?? [];
		if (status !== 'success' || mode !== 'webhook' || items.length !== 1 || runData['No Operation']?.[0]?.data?.main?.[0]?.length !== 1) {
			problems.push(`execution ${id}: ${status} ${mode}, ${items.length} trigger items${run?.resultData?.error ? `, ${String(run.resultData.error.message)}` : ''}`);
		}
		return deliveryKey(items[0]?.json ?? {});
	});
	return { keys: keys.sort(), problems };
}

/** One execution with its run data decoded, as GET /rest/executions/:id returns it. */
export async function getExecution(server: RunningN8n, id: string): Promise<{ status: string; mode: string; run: any }> {
	const response = await server.request('GET', `/rest/executions/${id}`);
	if (response.status !== 200) throw new Error(`GET /rest/executions/${id} answered ${response.status}: ${response.text.slice(0, 300)}`);
	const detail = response.json.data;
	return { status: detail.status, mode: detail.mode, run: typeof detail.data === 'string' ? parseFlatted(detail.data) : detail.data };
}

/** One real n8n of a given major with its own user folder and the packed package installed. */
export class N8nInstance {
	readonly userFolder = mkdtempSync(join(tmpdir(), 'factomos-e2e-'));
	private brokerPort = 0;
	private server: RunningN8n | null = null;

	private constructor(
		readonly runtime: Runtime,
		private readonly options: InstanceOptions = {},
	) {}

	static async create(major: number, options: InstanceOptions = {}): Promise<N8nInstance> {
		let runtime: Runtime;
		try {
			runtime = runtimeModule.ensureN8n(major);
		} catch (error) {
			const version = runtimeModule.RUNTIMES[major]?.n8n ?? `${major}.x`;
			throw new Error(`n8n ${version}: installing n8n failed: ${(error as Error).message}`);
		}
		const instance = new N8nInstance(runtime, options);
		// n8n 2.x always starts a task broker, on 5679 unless told otherwise: avoid clashing with other n8n.
		instance.brokerPort = await freePort();
		try {
			if (options.withPackage !== false) runtimeModule.installPackage(instance.userFolder);
		} catch (error) {
			rmSync(instance.userFolder, { recursive: true, force: true });
			throw new Error(`${instance.label}: installing the packed package failed: ${(error as Error).message}`);
		}
		return instance;
	}

	get label(): string {
		return `n8n ${this.runtime.version}`;
	}

	private env(): Record<string, string> {
		return { ...OFFLINE_ENV, N8N_RUNNERS_BROKER_PORT: String(this.brokerPort), ...this.options.env };
	}

	/**
	 * Runs an n8n CLI command without blocking: the emulator lives in this process and must keep
	 * answering. A failure names the n8n version and shows the command's output.
	 */
	command(args: string[]): Promise<string> {
		const launcher = this.options.launcher;
		const options = {
			env: runtimeModule.n8nEnv(this.runtime, this.userFolder, { ...this.env(), ...(launcher ? { N8N_BIN: this.runtime.n8nBin } : {}) }),
			encoding: 'utf8' as const,
			maxBuffer: 64 * 1024 * 1024,
			timeout: COMMAND_TIMEOUT_MS,
		};
		return new Promise((resolve, reject) => {
			const [file, argv] = launcher ? ['bash', [launcher, ...args]] : [this.runtime.n8nBin, args];
			execFile(file, argv, options, (error, stdout, stderr) => {
				if (!error) return resolve(stdout);
				const output = `${stdout}\n${stderr}`.trim().slice(-4000);
				reject(new Error(`${this.label}: "n8n ${args.join(' ')}" failed (exit ${error.code ?? error.signal}): ${output}`));
			});
		});
	}

	/** Writes `content` as JSON to a file in the user folder and imports it. */
	async importFile(kind: 'credentials' | 'workflow', content: unknown): Promise<string> {
		const file = join(this.userFolder, `${kind}-${randomUUID()}.json`);
		writeFileSync(file, JSON.stringify(content));
		try {
			return await this.command([`import:${kind}`, `--input=${file}`]);
		} finally {
			rmSync(file, { force: true });
		}
	}

	/** `n8n execute --id --rawOutput`, returning every node's output items by node name. */
	async execute(workflowId: string): Promise<Record<string, IDataObject[]>> {
		const output = await this.command(['execute', `--id=${workflowId}`, '--rawOutput']);
		let run: any;
		try {
			run = findJson(output);
		} catch (error) {
			throw new Error(`${this.label}: ${(error as Error).message}`);
		}
		const failure = run?.data?.resultData?.error;
		if (failure) throw new Error(`${this.label}: workflow ${workflowId} failed: ${JSON.stringify(failure).slice(0, 2000)}`);
		return nodeOutputs(run);
	}

	/** Makes a trigger workflow active for the next `n8n start`; 2.x calls it publishing. */
	async activate(workflowId: string): Promise<void> {
		if (this.runtime.major >= 2) await this.command(['publish:workflow', `--id=${workflowId}`]);
		else await this.command(['update:workflow', `--id=${workflowId}`, '--active=true']);
	}

	/** Starts `n8n start`, or a queue-mode worker or webhook processor, with `env` on top of the instance's. */
	async start(options: Omit<StartOptions, 'launcher'> & { env?: Record<string, string>; port?: number } = {}): Promise<RunningN8n> {
		const { env, port = await freePort(), ...startOptions } = options;
		this.server = await runtimeModule.startN8n(this.runtime, this.userFolder, port, { ...this.env(), ...env }, {
			...startOptions,
			launcher: this.options.launcher,
		});
		return this.server;
	}

	/** Stops the running process, keeping the user folder (start() may run again). */
	async stop(): Promise<void> {
		if (this.server) await this.server.stop();
		this.server = null;
	}

	async dispose(): Promise<void> {
		if (this.server) await this.server.stop();
		this.server = null;
		rmSync(this.userFolder, { recursive: true, force: true });
	}
}
