import type { FactomosEmulator } from '../../test/emulator';
import { assertCalls, clearRecords } from '../lib/emulator';
import type { BenchN8n, Execution } from '../lib/n8n';
import type { FigureResult } from '../lib/report';
import { median, rotated, timed, waitFor } from '../lib/stats';
import type { Worker } from '../lib/worker';
import type { BenchWorkflow } from '../lib/workflows';
import type { PlainLoopRequest, PlainLoopResult } from '../workers/plainLoop';

/**
 * Figures 2 and 3, measured in the same rounds: 1,000 Get Client items through the Factomos node
 * in real n8n, the same 1,000 requests from a plain Node loop, and the Code + HTTP Request + Code
 * workaround in the same n8n. Each n8n run starts on a webhook that answers when the run is over;
 * node times come from the execution record (executionTime of each node).
 */

export const ITEMS = 1000;
const PER_ITEM_GOAL = 1.3;
const WORKAROUND_GOAL = 0.5;
const CLIENT_NAME = 'Client de bench';

interface Setup {
	n8n: BenchN8n;
	emulator: FactomosEmulator;
	plainLoop: Worker;
	factomos: BenchWorkflow;
	workaround: BenchWorkflow;
	rounds: number;
	figures: { perItem: boolean; workaround: boolean };
}

type Variant = 'factomos' | 'workaround' | 'plain';

interface N8nRun {
	/** Sum of the timed nodes' executionTime. */
	nodesMs: number;
	/** startedAt → stoppedAt of the whole execution (webhook and Split Out included). */
	executionMs: number;
	/** POST to the webhook until its answer, as a caller sees it. */
	roundTripMs: number;
	nodeMs: Record<string, number>;
}

/** 1,000 distinct clients, so every request and answer differs as in real use. */
export function addBenchClients(emulator: FactomosEmulator): string[] {
	const ids: string[] = [];
	for (let i = 0; i < ITEMS; i++) {
		const client = emulator.store.createClient(emulator.companyId, {
			client_company_name: `${CLIENT_NAME} ${i + 1} & fils`,
			client_email: `client${i + 1}@bench.test`,
			client_city: 'Nantes',
			category: 'client',
		});
		ids.push(client.client_id);
	}
	return ids;
}

class PerItemBench {
	private readonly successCounts = new Map<string, number>();
	private readonly body: string;
	private bodies: string[] = [];
	private headers: Record<string, string> = {};
	private expectedClient: Record<string, unknown> | undefined;

	constructor(private readonly setup: Setup, ids: string[]) {
		this.body = JSON.stringify({ ids });
	}

	/** Triggers the workflow, waits for its execution record and checks its 1,000 items. */
	private async runN8n(workflow: BenchWorkflow): Promise<N8nRun> {
		const { n8n, emulator } = this.setup;
		const id = workflow.file.id;
		clearRecords(emulator);
		const { ms: roundTripMs, value: response } = await timed(() =>
			fetch(`${n8n.url}/webhook/${workflow.path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: this.body }),
		);
		const text = await response.text();
		if (response.status !== 200) throw new Error(`${workflow.file.name}: the webhook answered ${response.status}: ${text.slice(0, 300)}`);
		const expected = (this.successCounts.get(id) ?? 0) + 1;
		const executionId = await waitFor(`${workflow.file.name}: execution ${expected}`, async () => {
			const list = await n8n.executions(id, ['success']);
			return list.count >= expected ? list.ids[0] : undefined;
		}, 60_000, 50);
		this.successCounts.set(id, expected);
		const execution = await n8n.execution(executionId);
		this.check(workflow, execution);
		const nodesMs = workflow.timed.reduce((sum, name) => sum + execution.nodeMs[name], 0);
		return { nodesMs, executionMs: execution.totalMs, roundTripMs, nodeMs: execution.nodeMs };
	}

	private check(workflow: BenchWorkflow, execution: Execution): void {
		const last = workflow.timed[workflow.timed.length - 1];
		if (execution.itemCounts[last] !== ITEMS) throw new Error(`${workflow.file.name}: ${last} output ${execution.itemCounts[last]} items, not ${ITEMS}`);
		// Both variants must return the same client as the first item.
		const first = execution.firstItems[last];
		this.expectedClient ??= first;
		for (const field of ['client_id', 'client_company_name']) {
			if (first?.[field] !== this.expectedClient?.[field]) {
				throw new Error(`${workflow.file.name}: first item ${field} is ${String(first?.[field])}, expected ${String(this.expectedClient?.[field])}`);
			}
		}
		assertCalls(this.setup.emulator, 'getClient', ITEMS, workflow.file.name);
	}

	/** The node's own requests, replayed byte for byte by the plain loop. */
	captureRequests(): void {
		const requests = this.setup.emulator.requests.filter((request) => request.path === '/api/api.php');
		this.bodies = requests.map((request) => request.body);
		this.headers = {
			'Content-Type': String(requests[0].headers['content-type']),
			Accept: String(requests[0].headers.accept ?? '*/*'),
		};
	}

	private async runPlain(): Promise<number> {
		const { emulator, plainLoop } = this.setup;
		clearRecords(emulator);
		const request: PlainLoopRequest = { url: `${emulator.baseUrl}/api/api.php`, headers: this.headers, bodies: this.bodies };
		const result = await plainLoop.request<PlainLoopResult>(request);
		assertCalls(emulator, 'getClient', ITEMS, 'plain loop');
		return result.ms;
	}

	async run(variant: Variant): Promise<N8nRun | number> {
		if (variant === 'plain') return await this.runPlain();
		return await this.runN8n(variant === 'factomos' ? this.setup.factomos : this.setup.workaround);
	}
}

export async function perItemFigures(setup: Setup, ids: string[]): Promise<FigureResult[]> {
	const bench = new PerItemBench(setup, ids);
	const variants: Variant[] = ['factomos'];
	if (setup.figures.workaround) variants.push('workaround');
	if (setup.figures.perItem) variants.push('plain');

	// Warm-up (JIT, connection pools, the task runner), discarded; it also records the node's requests.
	await bench.run('factomos');
	bench.captureRequests();
	for (const variant of variants.slice(1)) await bench.run(variant);

	const factomos: N8nRun[] = [];
	const workaround: N8nRun[] = [];
	const plain: number[] = [];
	for (let round = 0; round < setup.rounds; round++) {
		for (const variant of rotated(variants, round)) {
			const result = await bench.run(variant);
			if (variant === 'plain') plain.push(result as number);
			else (variant === 'factomos' ? factomos : workaround).push(result as N8nRun);
		}
	}

	const nodeMs = median(factomos.map((run) => run.nodesMs));
	const results: FigureResult[] = [];
	const n8nLabel = `n8n ${setup.n8n.version}`;
	const factomosDetails = { factomosRuns: factomos };
	if (setup.figures.perItem) {
		const plainMs = median(plain);
		const ratio = nodeMs / plainMs;
		results.push({
			name: 'perItem',
			rows: [
				{
					figure: `2. Per item: ${ITEMS} Get Client (ms)`,
					ours: nodeMs.toFixed(0),
					baseline: plainMs.toFixed(0),
					ratio,
					goal: `≤ ${PER_ITEM_GOAL.toFixed(2)}×`,
					met: ratio <= PER_ITEM_GOAL,
				},
			],
			notes: [
				`Per item: ours = executionTime of the Factomos node (Get Client over ${ITEMS} items, ${n8nLabel}, from the execution record); baseline = a plain Node loop (node:http, keep-alive, on n8n's Node ${setup.n8n.nodeVersion}) posting the node's own ${ITEMS} captured request bodies one after the other and reading each answer, in a child process. Same emulator (in the bench process) for both; median of ${setup.rounds} alternating rounds after a warm-up.`,
			],
			details: { ...factomosDetails, plainLoopMs: plain, requestsPerRun: ITEMS },
		});
	}
	if (setup.figures.workaround) {
		const workaroundMs = median(workaround.map((run) => run.nodesMs));
		const ratio = nodeMs / workaroundMs;
		const executionRatio = median(factomos.map((run) => run.executionMs)) / median(workaround.map((run) => run.executionMs));
		results.push({
			name: 'workaround',
			rows: [
				{
					figure: `3. vs Code+HTTP+Code workaround, ${ITEMS} items (ms)`,
					ours: nodeMs.toFixed(0),
					baseline: workaroundMs.toFixed(0),
					ratio,
					goal: `≤ ${WORKAROUND_GOAL.toFixed(2)}×`,
					met: ratio <= WORKAROUND_GOAL,
				},
			],
			notes: [
				`Workaround: ours = executionTime of the Factomos node; baseline = the sum of executionTime of Code (encrypt, require('crypto'), one run for all items) + HTTP Request 4.2 (form body token + crequest, text response, default options) + Code (decrypt and parse), in the same ${n8nLabel} and the same rounds. Whole executions (webhook → last node, startedAt → stoppedAt): ${executionRatio.toFixed(2)}×.`,
			],
			details: { ...factomosDetails, workaroundRuns: workaround, executionRatio },
		});
	}
	return results;
}
