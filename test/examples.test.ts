import type {
	IConnections,
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	IPinData,
} from 'n8n-workflow';

import { Factomos } from '../nodes/Factomos/Factomos.node';
import { FactomosTrigger } from '../nodes/FactomosTrigger/FactomosTrigger.node';
import { FactomosEmulator } from './emulator';
import { factomosNode } from './helpers/n8n';
import { executeWorkflow } from './helpers/workflow';
import { TriggerHarness } from './trigger/harness';
import { fs, path, REPO_ROOT } from './host';

/**
 * Runs every example workflow as the editor's Execute workflow does, in n8n-core's WorkflowExecute
 * against a seeded emulator: the Factomos nodes are the real ones, the trigger's pinned sample is
 * its output, and n8n's own start nodes (Manual, Schedule, Webhook) stand in as one empty item,
 * which is what they give a manual run when nothing is pinned.
 */

interface Example {
	name: string;
	nodes: INode[];
	connections: IConnections;
	pinData?: IPinData;
}

const FACTOMOS = 'n8n-nodes-factomos.factomos';
const TRIGGER = 'n8n-nodes-factomos.factomosTrigger';
const STICKY = 'n8n-nodes-base.stickyNote';
/** The AI examples need n8n's LangChain nodes: test/examples.ai.test.ts and test/e2e/mcp.e2e.ts cover them. */
const AI_EXAMPLES = ['invoicing-assistant.json', 'mcp-server.json'];

function startNode(name: string): INodeType {
	return {
		description: {
			displayName: name,
			name,
			group: ['trigger'],
			version: [1, 1.1, 1.2, 2],
			description: `Stands in for n8n's ${name} in a manual run`,
			defaults: { name },
			inputs: [],
			outputs: ['main'],
			properties: [],
		},
		async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
			return [[{ json: {} }]];
		},
	};
}

const NODE_TYPES: Record<string, INodeType> = {
	[FACTOMOS]: factomosNode,
	[TRIGGER]: new FactomosTrigger(),
	'n8n-nodes-base.manualTrigger': startNode('manualTrigger'),
	'n8n-nodes-base.scheduleTrigger': startNode('scheduleTrigger'),
	'n8n-nodes-base.webhook': startNode('webhook'),
};

const folder = path.join(REPO_ROOT, 'examples');
const examples = fs
	.readdirSync(folder)
	.filter((file) => file.endsWith('.json'))
	.sort()
	.map((file) => [file, JSON.parse(fs.readFileSync(path.join(folder, file), 'utf8')) as Example] as const);
const runnable = examples.filter(([file]) => !AI_EXAMPLES.includes(file));

let emu: FactomosEmulator;
let baseUrl: string;

beforeAll(async () => {
	emu = new FactomosEmulator({ seed: true });
	baseUrl = await emu.start();
});
afterAll(async () => await emu.stop());
beforeEach(() => {
	emu.seed();
	emu.violations = [];
});

describe('examples => workflows', () => {
	it('should cover every resource of the node', () => {
		const resources = new Set(
			examples.flatMap(([, workflow]) => workflow.nodes.map((node) => node.parameters.resource).filter(Boolean)),
		);
		expect([...resources].sort()).toEqual(
			['account', 'client', 'emailTemplate', 'estimate', 'expense', 'invoice', 'payment', 'service', 'session'],
		);
	});

	it.each(examples)('should explain %s in a sticky note: what it does and what to set', (_file, workflow) => {
		const notes = workflow.nodes.filter((node) => node.type === STICKY).map((node) => String(node.parameters.content));
		expect(notes.length).toBeGreaterThan(0);
		expect(notes.join('\n')).toMatch(/^## \S/m);
		if (!AI_EXAMPLES.includes(_file)) expect(notes.join('\n')).toContain('**Set:**');
	});

	it('should start the CRM example from a Webhook with a pinned sample deal', () => {
		const [, workflow] = examples.find(([file]) => file === 'invoice.json')!;
		const hook = workflow.nodes.find((node) => node.type === 'n8n-nodes-base.webhook')!;
		expect(hook.parameters.httpMethod).toBe('POST');
		const sample = workflow.pinData?.[hook.name]?.[0]?.json.body as IDataObject;
		expect(sample).toEqual(expect.objectContaining({ company: 'World Company', title: expect.any(String) }));
	});

	it('should chase late invoices on a Schedule Trigger', () => {
		const [, workflow] = examples.find(([file]) => file === 'invoice-chase-late.json')!;
		expect(workflow.nodes[0].type).toBe('n8n-nodes-base.scheduleTrigger');
		const target = workflow.connections[workflow.nodes[0].name].main[0]?.[0]?.node;
		expect(workflow.nodes.find((node) => node.name === target)?.parameters.invoiceStatuses).toEqual(['later']);
	});

	it.each(runnable)('should build %s of Factomos nodes at the version a new node gets', (_file, workflow) => {
		const { defaultVersion } = new Factomos().description;
		const versions = workflow.nodes.filter((node) => node.type === FACTOMOS).map((node) => node.typeVersion);
		expect(versions.length).toBeGreaterThan(0);
		expect(versions.every((version) => version === defaultVersion)).toBe(true);
	});

	it('should react only to an estimate accepted without invoice, so nothing is invoiced twice', () => {
		const [, workflow] = examples.find(([file]) => file === 'estimate-accepted.json')!;
		const trigger = workflow.nodes.find((node) => node.type === TRIGGER)!;
		expect(trigger.parameters.events).toEqual(['estimate_status_gainedwithoutinvoice']);
	});

	it.each(runnable)('should run %s end to end against the emulator', async (file, workflow) => {
		const nodes = workflow.nodes.filter((node) => node.type !== STICKY);
		const unknown = nodes.filter((node) => !NODE_TYPES[node.type]).map((node) => node.type);
		expect(unknown).toEqual([]);
		const start = nodes.find((node) => !Object.values(workflow.connections).some((outputs) =>
			outputs.main?.some((links) => links?.some((link) => link.node === node.name)),
		))!;
		const pinData = workflow.pinData && Object.keys(workflow.pinData).length > 0 ? workflow.pinData : undefined;
		const credentials = { token: emu.token, secret: emu.secret, baseUrl };
		const run = await executeWorkflow(credentials, nodes, workflow.connections, NODE_TYPES, start, pinData);

		expect(run.data.resultData.error).toBeUndefined();
		const runData = run.data.resultData.runData;
		for (const node of nodes.filter((entry) => entry.type === FACTOMOS)) {
			const output = runData[node.name]?.[0]?.data?.main[0] ?? [];
			expect([file, node.name, output.length > 0]).toEqual([file, node.name, true]);
			expect(output.every((item) => item.json.error === undefined)).toBe(true);
		}
		expect(emu.violations).toEqual([]);
	});

	it('should invoice the pinned CRM deal to the client found by its company name, then send it', async () => {
		const [, workflow] = examples.find(([file]) => file === 'invoice.json')!;
		const nodes = workflow.nodes.filter((node) => node.type !== STICKY);
		const before = emu.calls.length;
		const credentials = { token: emu.token, secret: emu.secret, baseUrl };
		const run = await executeWorkflow(credentials, nodes, workflow.connections, NODE_TYPES, nodes[0], workflow.pinData);
		const calls = emu.calls.slice(before);
		expect(calls.map((call) => call.action)).toEqual(['listClient', 'createInvoice', 'sendInvoice']);
		expect(calls[0].params.search_keyword).toBe('World Company');
		expect(calls[1].params).toEqual({
			action: 'createInvoice',
			client_id: '1001',
			objet: 'Website project (deal D-1042)',
			line_service_id: ['75', '2001'],
			line_description: ['Website project', 'Development'],
			line_quantity: ['', '2'],
			line_price: ['', '800'],
		});
		const [created] = run.data.resultData.runData['Create invoice'][0].data!.main[0]!;
		expect(calls[2].params).toEqual({ action: 'sendInvoice', invoice_id: String(created.json.invoice_id) });
	});

	it('should record a payment of the amount due on the first pending invoice', async () => {
		const [, workflow] = examples.find(([file]) => file === 'payment.json')!;
		const nodes = workflow.nodes.filter((node) => node.type !== STICKY);
		const credentials = { token: emu.token, secret: emu.secret, baseUrl };
		const before = emu.calls.length;
		const run = await executeWorkflow(credentials, nodes, workflow.connections, NODE_TYPES, nodes[0]);
		const [invoice] = run.data.resultData.runData['Pending invoice'][0].data!.main[0]!;
		expect(invoice.json).toMatchObject({ id: expect.any(Number), status_code: 'pending', amount_due: expect.any(Number) });
		expect(emu.calls.slice(before).map((call) => call.params)).toEqual([
			{ action: 'listInvoice', invoice_status: 'pending', page_index: '0' },
			{
				action: 'createPayment',
				invoice_id: String(invoice.json.id),
				montant: String(invoice.json.amount_due),
				type: 'virement',
				reference: 'Bank transfer',
			},
		]);
	});

	it('should send a reminder for each late invoice, and nothing else', async () => {
		const [, workflow] = examples.find(([file]) => file === 'invoice-chase-late.json')!;
		const nodes = workflow.nodes.filter((node) => node.type !== STICKY);
		const credentials = { token: emu.token, secret: emu.secret, baseUrl };
		const before = emu.calls.length;
		const run = await executeWorkflow(credentials, nodes, workflow.connections, NODE_TYPES, nodes[0]);
		const late = run.data.resultData.runData['Late invoices'][0].data!.main[0]!.map((item) => item.json);
		expect(late.length).toBeGreaterThan(0);
		expect(late.every((invoice) => invoice.status_code === 'later')).toBe(true);
		expect(emu.calls.slice(before).map((call) => call.params)).toEqual([
			{ action: 'listInvoice', invoice_status: 'later', page_index: '0' },
			...late.map((invoice) => ({ action: 'sendInvoice', invoice_id: String(invoice.id) })),
		]);
	});

	it('should pin what the trigger outputs for that notification', async () => {
		const [, workflow] = examples.find(([file]) => file === 'estimate-accepted.json')!;
		const trigger = workflow.nodes.find((node) => node.type === TRIGGER)!;
		const [pinned] = workflow.pinData![trigger.name];
		const harness = new TriggerHarness();
		await harness.start();
		try {
			harness.configure({ parameters: trigger.parameters, rawBody: true });
			const response = await harness.post(JSON.stringify(pinned.json.body));
			expect(response.status).toBe(200);
			await harness.settled();
			expect({ ...harness.executions[0].json, received_at: undefined }).toEqual({ ...pinned.json, received_at: undefined });
		} finally {
			await harness.stop();
		}
	});

	it('should turn the pinned accepted estimate into one invoice, and send it', async () => {
		const [, workflow] = examples.find(([file]) => file === 'estimate-accepted.json')!;
		const nodes = workflow.nodes.filter((node) => node.type !== STICKY);
		const credentials = { token: emu.token, secret: emu.secret, baseUrl };
		const before = emu.calls.length;
		const run = await executeWorkflow(credentials, nodes, workflow.connections, NODE_TYPES, nodes[0], workflow.pinData);
		expect(run.data.resultData.error).toBeUndefined();
		expect(emu.calls.slice(before).map((call) => call.action)).toEqual(['transformEstimate', 'sendInvoice']);
	});
});
