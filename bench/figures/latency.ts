import type { FactomosEmulator } from '../../test/emulator';
import { assertCalls, clearRecords } from '../lib/emulator';
import type { BenchN8n, WorkflowRun } from '../lib/n8n';
import type { FigureResult, Row } from '../lib/report';
import { median, rotated } from '../lib/stats';
import {
	type BenchWorkflow,
	factomosCreate,
	factomosGetClient,
	factomosReturnAll,
	workaroundCreate,
	workaroundReturnAll,
} from '../lib/workflows';

/**
 * Figures 7 to 9: the node against the workaround with the emulator answering at once and after a
 * fixed latency (80 ms, a plausible round trip to a French SaaS): Return All over 2,000 invoices,
 * 100 × Get Client, 20 × Invoice Create. All variants run in the same n8n and alternate in each
 * round; the emulator counts and checks every call.
 */

export const LATENCIES_MS = [0, 80];
const INVOICES = 2000;
/** Paid invoices need no payment or credit note records, which keeps the emulator's listing cheap. */
const STATUS = 'paid';
const PAGE_CALLS = INVOICES / 50;
const GETS = 100;
const CREATES = 20;
const SEQUENTIAL_GOAL = 0.3;
const ALL_AT_ONCE_GOAL = 1.0;

type Scenario = 'returnAll' | 'get' | 'create';
type Variant = 'node' | 'nodeAlt' | 'workaround';

interface Case {
	workflow: BenchWorkflow;
	body: () => unknown;
	action: string;
	calls: number;
}

export interface LatencyWorkflows {
	returnAll: BenchWorkflow;
	returnAllOneByOne: BenchWorkflow;
	returnAllWorkaround: BenchWorkflow;
	get: BenchWorkflow;
	getAllAtOnce: BenchWorkflow;
	getWorkaround: BenchWorkflow;
	create: BenchWorkflow;
	createWorkaround: BenchWorkflow;
}

/** `get` and `getWorkaround` are figures 2 and 3's workflows, run here on 100 items. */
export function latencyWorkflows(emulator: FactomosEmulator, get: BenchWorkflow, getWorkaround: BenchWorkflow): LatencyWorkflows {
	const { baseUrl, token, secret } = emulator;
	return {
		returnAll: factomosReturnAll(STATUS),
		returnAllOneByOne: factomosReturnAll(STATUS, 1),
		returnAllWorkaround: workaroundReturnAll(baseUrl, token, secret, STATUS),
		get,
		getAllAtOnce: factomosGetClient(-1),
		getWorkaround,
		create: factomosCreate(),
		createWorkaround: workaroundCreate(baseUrl, token, secret),
	};
}

interface Setup {
	n8n: BenchN8n;
	emulator: FactomosEmulator;
	workflows: LatencyWorkflows;
	clientIds: string[];
	rounds: number;
}

export async function latencyFigure(setup: Setup): Promise<FigureResult> {
	const { n8n, emulator, workflows } = setup;
	// The demo data has paid invoices too: add what makes exactly INVOICES.
	const { store } = emulator;
	const existing = [...store.invoices.values()].filter((invoice) => invoice.companyId === emulator.companyId && store.invoiceFigures(invoice).status === STATUS).length;
	emulator.addInvoices(INVOICES - existing, { status: STATUS });
	const ids = setup.clientIds.slice(0, GETS);
	const orders = Array.from({ length: CREATES }, (_, n) => ({ client_id: setup.clientIds[n], objet: `Commande ${n + 1}` }));
	let plaintexts: string[] = [];

	const cases: Record<Scenario, Partial<Record<Variant, Case>>> = {
		returnAll: {
			node: { workflow: workflows.returnAll, body: () => ({}), action: 'listInvoice', calls: PAGE_CALLS },
			nodeAlt: { workflow: workflows.returnAllOneByOne, body: () => ({}), action: 'listInvoice', calls: PAGE_CALLS },
			workaround: { workflow: workflows.returnAllWorkaround, body: () => ({}), action: 'listInvoice', calls: PAGE_CALLS },
		},
		get: {
			node: { workflow: workflows.get, body: () => ({ ids }), action: 'getClient', calls: GETS },
			nodeAlt: { workflow: workflows.getAllAtOnce, body: () => ({ ids }), action: 'getClient', calls: GETS },
			workaround: { workflow: workflows.getWorkaround, body: () => ({ ids }), action: 'getClient', calls: GETS },
		},
		create: {
			node: { workflow: workflows.create, body: () => ({ orders }), action: 'createInvoice', calls: CREATES },
			workaround: { workflow: workflows.createWorkaround, body: () => ({ plaintexts }), action: 'createInvoice', calls: CREATES },
		},
	};
	const expectedItems: Record<Scenario, number> = { returnAll: INVOICES, get: GETS, create: CREATES };

	const runCase = async (scenario: Scenario, variant: Variant): Promise<WorkflowRun> => {
		const entry = cases[scenario][variant]!;
		clearRecords(emulator);
		const run = await n8n.run(entry.workflow, entry.body());
		const last = entry.workflow.timed[entry.workflow.timed.length - 1];
		const items = run.execution.itemCounts[last];
		if (items !== expectedItems[scenario]) throw new Error(`${entry.workflow.file.name}: ${last} output ${items} items, not ${expectedItems[scenario]}`);
		if (scenario === 'create' && variant === 'node') {
			// The node's writes reach Factomos one by one, in item order.
			const sent = emulator.calls.map((call) => call.params.objet);
			if (sent.join('|') !== orders.map((order) => order.objet).join('|')) throw new Error(`Invoice Create: creates arrived out of item order: ${sent.join(', ')}`);
			plaintexts = emulator.calls.map((call) => call.plaintext ?? '');
		}
		assertCalls(emulator, entry.action, entry.calls, entry.workflow.file.name);
		return run;
	};

	const results: Record<string, number[]> = {};
	const record = (key: string, run: WorkflowRun) => (results[key] ??= []).push(run.nodesMs);
	const variantsOf = (scenario: Scenario) => Object.keys(cases[scenario]) as Variant[];
	try {
		// Warm-up at 0 ms, discarded; the node's creates come first: the workaround posts their plaintexts.
		for (const scenario of Object.keys(cases) as Scenario[]) for (const variant of variantsOf(scenario)) await runCase(scenario, variant);
		for (const latency of LATENCIES_MS) {
			emulator.setLatency(latency);
			for (let round = 0; round < setup.rounds; round++) {
				for (const scenario of Object.keys(cases) as Scenario[]) {
					for (const variant of rotated(variantsOf(scenario), round)) record(`${scenario}/${variant}/${latency}`, await runCase(scenario, variant));
				}
			}
		}
	} finally {
		emulator.setLatency(0);
	}

	const ms = (scenario: Scenario, variant: Variant, latency: number) => median(results[`${scenario}/${variant}/${latency}`]);
	const row = (figure: string, ours: number, baseline: number, goal?: number): Row => ({
		figure,
		ours: ours.toFixed(0),
		baseline: baseline.toFixed(0),
		ratio: ours / baseline,
		goal: goal === undefined ? '—' : `≤ ${goal.toFixed(2)}×`,
		met: goal === undefined ? null : ours / baseline <= goal,
	});
	const rows: Row[] = [
		{
			figure: `7. Return All ${INVOICES.toLocaleString('en')} invoices: API calls`,
			ours: String(PAGE_CALLS),
			baseline: `${PAGE_CALLS} (${INVOICES}/50)`,
			ratio: 1,
			goal: `= ${PAGE_CALLS}`,
			met: true,
		},
	];
	for (const latency of LATENCIES_MS) {
		rows.push(row(`7. Return All ${INVOICES.toLocaleString('en')}, ${latency} ms: node / workaround (ms)`, ms('returnAll', 'node', latency), ms('returnAll', 'workaround', latency)));
		rows.push(
			row(
				`7. Return All ${INVOICES.toLocaleString('en')}, ${latency} ms: node / node one page at a time (ms)`,
				ms('returnAll', 'node', latency),
				ms('returnAll', 'nodeAlt', latency),
				latency > 0 ? SEQUENTIAL_GOAL : undefined,
			),
		);
		rows.push(row(`8. ${GETS} × Get Client, ${latency} ms: node (5 at once) / workaround (ms)`, ms('get', 'node', latency), ms('get', 'workaround', latency)));
		rows.push(
			row(
				`8. ${GETS} × Get Client, ${latency} ms: node (all at once) / workaround (ms)`,
				ms('get', 'nodeAlt', latency),
				ms('get', 'workaround', latency),
				latency > 0 ? ALL_AT_ONCE_GOAL : undefined,
			),
		);
		rows.push(row(`9. ${CREATES} × Invoice Create, ${latency} ms: node / workaround (ms)`, ms('create', 'node', latency), ms('create', 'workaround', latency)));
	}
	return {
		name: 'latency',
		rows,
		notes: [
			`Latency: the emulator waits ${LATENCIES_MS.join(' or ')} ms before answering each call. Times are the sum of executionTime of the timed nodes, n8n ${n8n.version}, median of ${setup.rounds} alternating rounds per latency after a warm-up. Return All: Invoice → Get Many (status ${STATUS}, Return All, ${INVOICES} invoices, exactly ${PAGE_CALLS} calls checked every run) at the default Batching (5 pages at once after the first) and at Items per Batch 1 (one page at a time, as before), vs a workaround Code (encrypt page 0) → HTTP Request → Code (decrypt, read the total, encrypt the other pages) → HTTP Request (every page at once) → Code (decrypt). Get Client: ${GETS} items at the default Batching (5 at once) and at Items per Batch -1 (all at once, like the HTTP Request node), vs figure 3's workaround. Invoice Create: ${CREATES} items, always one at a time in item order (checked every run), vs Code + HTTP Request + Code posting the node's own ${CREATES} requests every one at once, in no set order.`,
		],
		details: { runsMs: results },
	};
}
