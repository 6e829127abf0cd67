import { CREDENTIAL, type ExecutionDetail, type ExecutionsData, N8nInstance, type RunningN8n, runOf, runtimeModule, waitForRegistered } from '../../test/e2e/support';
import { cpuMs } from '../../test/e2e/queue';
import { timed, waitFor } from './stats';
import type { BenchWorkflow } from './workflows';

/** One real n8n for figures 2, 3 and 5: the packed package, a credential, active workflows. */

export interface Execution {
	id: string;
	status: string;
	/** startedAt → stoppedAt of the execution record, in ms. */
	totalMs: number;
	/** executionTime of each node's first run, by node name. */
	nodeMs: Record<string, number>;
	/** Items each node output, by node name. */
	itemCounts: Record<string, number>;
	/** First output item of each node. */
	firstItems: Record<string, Record<string, unknown> | undefined>;
}

/** One run of a workflow started on its webhook, with its execution record. */
export interface WorkflowRun {
	execution: Execution;
	/** Sum of the workflow's timed nodes' executionTime. */
	nodesMs: number;
	/** POST to the webhook until its answer, as a caller sees it. */
	roundTripMs: number;
	/** CPU time (user + system) of the n8n process from the POST to the answer. */
	cpuMs: number;
}

export class BenchN8n {
	private server: RunningN8n | null = null;
	private readonly successCounts = new Map<string, number>();

	private constructor(private readonly instance: N8nInstance) {}

	static async create(major: number, extraEnv: Record<string, string>): Promise<BenchN8n> {
		return new BenchN8n(await N8nInstance.create(major, { env: extraEnv }));
	}

	get version(): string {
		return this.instance.runtime.version;
	}

	get major(): number {
		return this.instance.runtime.major;
	}

	get nodeVersion(): string {
		return runtimeModule.RUNTIMES[this.instance.runtime.major].node;
	}

	/** The Node.js binary that runs n8n, so baselines run on the same engine. */
	get nodeBinary(): string {
		return `${this.instance.runtime.nodeBin}/node`;
	}

	/** The `n8n start` process, for its CPU time and RSS readings. */
	get pid(): number {
		if (!this.server?.process.pid) throw new Error('n8n is not started');
		return this.server.process.pid;
	}

	get url(): string {
		if (!this.server) throw new Error('n8n is not started');
		return this.server.url;
	}

	async setUp(credential: { token: string; secret: string; baseUrl: string }, workflows: BenchWorkflow[]): Promise<void> {
		await this.instance.importFile('credentials', [{ ...CREDENTIAL, type: 'factomosApi', data: credential }]);
		await this.instance.importFile('workflow', workflows.map((workflow) => workflow.file));
		for (const workflow of workflows) await this.instance.activate(workflow.file.id);
		this.server = await this.instance.start();
		await this.server.setupOwner();
		// n8n answers before every active webhook is registered (2.x does).
		for (const workflow of workflows) await waitForRegistered(this.version, `${this.url}/webhook/${workflow.path}`);
	}

	/** The `data` of a REST answer; the caller says what it holds. */
	private async rest<T>(method: string, route: string): Promise<T | undefined> {
		if (!this.server) throw new Error('n8n is not started');
		const response = await this.server.request(method, route);
		if (response.status !== 200) throw new Error(`${this.version}: ${method} ${route} answered ${response.status}: ${response.text.slice(0, 300)}`);
		return response.json?.data as T | undefined;
	}

	/** Executions of a workflow, newest first; `count` is the total matching the filter. */
	async executions(workflowId: string, status?: string[], limit = 1): Promise<{ count: number; ids: string[] }> {
		const filter = encodeURIComponent(JSON.stringify(status ? { workflowId, status } : { workflowId }));
		const data = await this.rest<ExecutionsData>('GET', `/rest/executions?filter=${filter}&limit=${limit}`);
		const results = (Array.isArray(data) ? data : data?.results) ?? [];
		const count = Array.isArray(data) ? undefined : data?.count;
		return { count: Number(count ?? results.length), ids: results.map((entry) => String(entry.id)) };
	}

	async execution(id: string): Promise<Execution> {
		const detail = (await this.rest<ExecutionDetail>('GET', `/rest/executions/${id}`))!;
		const run = runOf(detail);
		const runData = run?.resultData?.runData ?? {};
		const nodeMs: Record<string, number> = {};
		const itemCounts: Record<string, number> = {};
		const firstItems: Execution['firstItems'] = {};
		for (const [name, runs] of Object.entries(runData)) {
			nodeMs[name] = Number(runs[0]?.executionTime ?? NaN);
			const items = runs[0]?.data?.main?.[0] ?? [];
			itemCounts[name] = items.length;
			firstItems[name] = items[0]?.json;
		}
		const error = run?.resultData?.error;
		if (error) throw new Error(`${this.version}: execution ${id} failed: ${JSON.stringify(error).slice(0, 1000)}`);
		return {
			id,
			status: String(detail.status),
			totalMs: Date.parse(detail.stoppedAt) - Date.parse(detail.startedAt),
			nodeMs,
			itemCounts,
			firstItems,
		};
	}

	/**
	 * POSTs `body` to the workflow's webhook (which answers when the run is over), then reads the
	 * execution record.
	 */
	async run(workflow: BenchWorkflow, body: unknown): Promise<WorkflowRun> {
		const id = workflow.file.id;
		const cpuBefore = cpuMs(this.pid);
		const { ms: roundTripMs, value: response } = await timed(() =>
			fetch(`${this.url}/webhook/${workflow.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
		);
		const text = await response.text();
		const cpu = cpuMs(this.pid) - cpuBefore;
		if (response.status !== 200) throw new Error(`${workflow.file.name}: the webhook answered ${response.status}: ${text.slice(0, 300)}`);
		const expected = (this.successCounts.get(id) ?? 0) + 1;
		const executionId = await waitFor(`${workflow.file.name}: execution ${expected}`, async () => {
			const list = await this.executions(id, ['success']);
			return list.count >= expected ? list.ids[0] : undefined;
		}, 60_000, 50);
		this.successCounts.set(id, expected);
		const execution = await this.execution(executionId);
		const nodesMs = workflow.timed.reduce((sum, name) => sum + execution.nodeMs[name], 0);
		return { execution, nodesMs, roundTripMs, cpuMs: cpu };
	}

	async dispose(): Promise<void> {
		this.server = null;
		await this.instance.dispose();
	}
}
