import { randomUUID } from 'node:crypto';
import { sleep } from 'n8n-workflow';
import type { IDataObject, IRun, IRunExecutionData } from 'n8n-workflow';

import * as runtimeModule from '../../scripts/n8n-runtime.js';
import type { Runtime, RunningN8n, StartOptions } from '../../scripts/n8n-runtime.js';
import { execFile, fs, net, os, path } from '../host';
import { deliveryKey, mapConcurrent } from '../trigger/flood';

/** scripts/n8n-runtime.js, the shared installer/launcher of real n8n, and its types. */
export { runtimeModule };
export type { RestResponse, Runtime, RunningN8n, StartOptions } from '../../scripts/n8n-runtime.js';

export interface InstanceOptions {
	/** Environment of every command and process of this instance (queue mode: database, Redis, key). */
	env?: Record<string, string>;
	/** false: a user folder without the package (the trap cases of queue mode). */
	withPackage?: boolean;
	/** A script that runs `<script> <n8n command> [arguments]` with its own settings (docs/queue-mode/n8n-queue.sh). */
	launcher?: string;
}

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
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** The last complete top-level JSON object in a command's output (n8n 2.x logs lines before it). */
export function findJson(output: string): unknown {
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
export function parseFlatted(text: string): unknown {
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
export function nodeOutputs(run: IRunExecutionData | undefined): Record<string, IDataObject[]> {
	const runData = run?.resultData?.runData ?? {};
	const outputs: Record<string, IDataObject[]> = {};
	for (const [name, runs] of Object.entries(runData)) {
		const items = runs[0]?.data?.main?.[0] ?? [];
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
		await sleep(500);
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

/** What GET /rest/executions answers in `data`: a list on n8n 1.x, a page with the total on 2.x. */
export type ExecutionsData = ExecutionSummary[] | { results?: ExecutionSummary[]; count?: number };

/** What GET /rest/executions/:id answers in `data`; the run itself may come flatted (a string). */
export interface ExecutionDetail {
	status: string;
	mode: string;
	startedAt: string;
	stoppedAt: string;
	data: string | IRunExecutionData;
}

const EXECUTION_STATUSES = ['new', 'running', 'waiting', 'success', 'error', 'crashed', 'canceled', 'unknown'];

async function executionsPage(server: RunningN8n, filter: IDataObject, limit: number, lastId?: string) {
	const query = `filter=${encodeURIComponent(JSON.stringify(filter))}&limit=${limit}${lastId ? `&lastId=${lastId}` : ''}`;
	const response = await server.request('GET', `/rest/executions?${query}`);
	if (response.status !== 200) throw new Error(`GET /rest/executions answered ${response.status}: ${response.text.slice(0, 300)}`);
	const data = response.json?.data as ExecutionsData | undefined;
	if (Array.isArray(data)) return { results: data, count: undefined };
	return { results: data?.results ?? [], count: data?.count };
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
		const outputs = nodeOutputs(run);
		const items = outputs['Factomos Trigger'] ?? [];
		if (status !== 'success' || mode !== 'webhook' || items.length !== 1 || outputs['No Operation']?.length !== 1) {
			const error = run?.resultData?.error;
			problems.push(`execution ${id}: ${status} ${mode}, ${items.length} trigger items${error ? `, ${String(error.message)}` : ''}`);
		}
		return deliveryKey(items[0] ?? {});
	});
	return { keys: keys.sort(), problems };
}

/** One execution with its run data decoded, as GET /rest/executions/:id returns it. */
export async function getExecution(server: RunningN8n, id: string): Promise<{ status: string; mode: string; run: IRunExecutionData }> {
	const response = await server.request('GET', `/rest/executions/${id}`);
	if (response.status !== 200) throw new Error(`GET /rest/executions/${id} answered ${response.status}: ${response.text.slice(0, 300)}`);
	const detail = response.json!.data as ExecutionDetail;
	return { status: detail.status, mode: detail.mode, run: runOf(detail) };
}

/** The run of an execution detail, decoded when flatted. */
export function runOf(detail: ExecutionDetail): IRunExecutionData {
	return typeof detail.data === 'string' ? (parseFlatted(detail.data) as IRunExecutionData) : detail.data;
}

/** What `fn` returns, or what it threw, so that the caller can say which n8n failed. */
function attempt<T>(fn: () => T): { value: T } | { error: Error } {
	try {
		return { value: fn() };
	} catch (error) {
		return { error: error as Error };
	}
}

/** One real n8n of a given major with its own user folder and the packed package installed. */
export class N8nInstance {
	readonly userFolder = fs.mkdtempSync(path.join(os.tmpdir(), 'factomos-e2e-'));
	private brokerPort = 0;
	private server: RunningN8n | null = null;

	private constructor(
		readonly runtime: Runtime,
		private readonly options: InstanceOptions = {},
	) {}

	static async create(major: number, options: InstanceOptions = {}): Promise<N8nInstance> {
		const runtime = attempt(() => runtimeModule.ensureN8n(major));
		if ('error' in runtime) {
			const version = runtimeModule.RUNTIMES[major]?.n8n ?? `${major}.x`;
			throw new Error(`n8n ${version}: installing n8n failed: ${runtime.error.message}`);
		}
		const instance = new N8nInstance(runtime.value, options);
		// n8n 2.x always starts a task broker, on 5679 unless told otherwise: avoid clashing with other n8n.
		instance.brokerPort = await freePort();
		const installed = attempt(() => (options.withPackage !== false ? runtimeModule.installPackage(instance.userFolder) : ''));
		if ('error' in installed) {
			fs.rmSync(instance.userFolder, { recursive: true, force: true });
			throw new Error(`${instance.label}: installing the packed package failed: ${installed.error.message}`);
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
		const file = path.join(this.userFolder, `${kind}-${randomUUID()}.json`);
		fs.writeFileSync(file, JSON.stringify(content));
		try {
			return await this.command([`import:${kind}`, `--input=${file}`]);
		} finally {
			fs.rmSync(file, { force: true });
		}
	}

	/** `n8n execute --id --rawOutput`, returning every node's output items by node name. */
	async execute(workflowId: string): Promise<Record<string, IDataObject[]>> {
		const output = await this.command(['execute', `--id=${workflowId}`, '--rawOutput']);
		const found = attempt(() => findJson(output) as IRun | undefined);
		if ('error' in found) throw new Error(`${this.label}: ${found.error.message}`);
		const run = found.value;
		const failure = run?.data?.resultData?.error;
		if (failure) throw new Error(`${this.label}: workflow ${workflowId} failed: ${JSON.stringify(failure).slice(0, 2000)}`);
		return nodeOutputs(run?.data);
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
		fs.rmSync(this.userFolder, { recursive: true, force: true });
	}
}
