import { randomUUID } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { fs, path, REPO_ROOT } from '../host';
import { CREDENTIAL } from './support';

/** Workflow files for `n8n import:workflow`: a Manual Trigger followed by a chain of nodes. */

export const FACTOMOS = 'n8n-nodes-factomos.factomos';
export const FACTOMOS_TRIGGER = 'n8n-nodes-factomos.factomosTrigger';
const START = 'Start';

interface Step {
	name: string;
	parameters: IDataObject;
	type?: string;
	/** Node setting: run once with the first item whatever the input holds. */
	executeOnce?: boolean;
	typeVersion?: number;
	webhookId?: string;
	/** Other node settings, as the Settings tab stores them: retryOnFail, maxTries, onError… */
	settings?: IDataObject;
}

export interface WorkflowFile {
	id: string;
	name: string;
	active: boolean;
	nodes: IDataObject[];
	connections: IDataObject;
	settings: IDataObject;
	versionId: string;
}

function node(step: Step, index: number): IDataObject {
	const type = step.type ?? FACTOMOS;
	return {
		id: randomUUID(),
		name: step.name,
		type,
		typeVersion: step.typeVersion ?? 1,
		position: [index * 220, 0],
		parameters: step.parameters,
		...(step.webhookId ? { webhookId: step.webhookId } : {}),
		...(type === FACTOMOS ? { credentials: { factomosApi: CREDENTIAL } } : {}),
		...(step.executeOnce ? { executeOnce: true } : {}),
		...step.settings,
	};
}

/** n8n workflow ids are 16 alphanumeric characters. */
export function workflowId(seed: string): string {
	return `fctE2e${seed}`.replace(/[^A-Za-z0-9]/g, '').padEnd(16, '0').slice(0, 16);
}

const MANUAL_START: Step = { name: START, type: 'n8n-nodes-base.manualTrigger', parameters: {} };

/**
 * First node of a workflow started by POST /webhook/<path> (active workflows only): n8n's Webhook
 * node, answering with the last node's first item once the run is over.
 */
export function webhookStart(path: string): Step {
	return {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: path,
		parameters: { httpMethod: 'POST', path, responseMode: 'lastNode', options: {} },
	};
}

export function chain(id: string, name: string, steps: Step[], start: Step = MANUAL_START): WorkflowFile {
	const all: Step[] = [start, ...steps];
	const connections: IDataObject = {};
	for (let i = 0; i + 1 < all.length; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id: workflowId(id),
		name,
		active: false,
		nodes: all.map(node),
		connections,
		settings: { executionOrder: 'v1' },
		versionId: randomUUID(),
	};
}

const locator = (value: string) => ({ __rl: true, mode: 'id', value });

/** Started by hand (n8n execute), or by a POST when `start` is webhookStart(). */
export function invoiceWorkflow(start?: Step): WorkflowFile {
	return chain(start ? 'InvoiceHook' : 'Invoice', 'E2E invoice life cycle', [
		{
			name: 'Create client',
			parameters: {
				resource: 'client',
				operation: 'create',
				category: 'client',
				client_company_name: 'Atelier E2E',
				additionalFields: { client_email: 'compta@atelier-e2e.example', client_city: 'Nantes' },
			},
		},
		{
			name: 'Create service',
			parameters: {
				resource: 'service',
				operation: 'create',
				service_name: 'Audit day',
				price: 700,
				additionalFields: { unit: 'jour' },
			},
		},
		{
			name: 'Create invoice',
			parameters: {
				resource: 'invoice',
				operation: 'create',
				client_id: locator("={{ $('Create client').item.json.client_id }}"),
				lines: {
					line: [
						{
							title: false,
							serviceId: "={{ $('Create service').item.json.service_id }}",
							description: 'Audit',
							quantity: 2,
							price: '700',
						},
						{ title: true, description: 'Phase 2' },
						{ title: false, serviceId: '2001', description: 'Development', quantity: 1.5, price: '800' },
					],
				},
				additionalFields: { objet: 'E2E project' },
			},
		},
		{
			name: 'Get invoice',
			parameters: { resource: 'invoice', operation: 'get', invoice_id: '={{ $json.invoice_id }}' },
		},
		{
			name: 'List pending invoices',
			parameters: { resource: 'invoice', operation: 'getAll', invoice_status: 'pending', returnAll: true },
		},
		{
			name: 'Send invoice',
			executeOnce: true,
			parameters: {
				resource: 'invoice',
				operation: 'send',
				invoice_id: "={{ $('Create invoice').first().json.invoice_id }}",
			},
		},
		{
			name: 'Add payment',
			parameters: {
				resource: 'payment',
				operation: 'create',
				invoice_id: '={{ $json.invoice_id }}',
				montant: 500,
				type: 'virement',
				additionalFields: { reference: 'E2E transfer' },
			},
		},
		{
			name: 'Create credit note',
			parameters: {
				resource: 'invoice',
				operation: 'createCreditNote',
				invoice_id: "={{ $('Create invoice').first().json.invoice_id }}",
			},
		},
	], start);
}

export function estimateWorkflow(clientId: string): WorkflowFile {
	return chain('Estimate', 'E2E estimate to invoice', [
		{
			name: 'Create estimate',
			parameters: {
				resource: 'estimate',
				operation: 'create',
				client_id: locator(clientId),
				linesInputMode: 'json',
				linesJson:
					"={{ [ { title: true, description: 'Brand ' + 'identity' }, { serviceId: '2002', description: 'Logo', quantity: 1, price: 600 }, { title: true, description: 'Extras' }, { serviceId: '2001', quantity: 3, price: 90 } ] }}",
				additionalFields: { objet: 'E2E estimate' },
			},
		},
		{
			name: 'Convert to invoice',
			parameters: { resource: 'estimate', operation: 'convertToInvoice', estimate_id: '={{ $json.estimate_id }}' },
		},
	]);
}

export function expenseWorkflow(supplierId: string): WorkflowFile {
	return chain('Expense', 'E2E expense round trip', [
		{
			name: 'Create expense',
			parameters: {
				resource: 'expense',
				operation: 'create',
				supplier_id: locator(supplierId),
				amount: 42.5,
				payment_type: 'cb',
				additionalFields: { date: '2026-01-15', comment: 'Printer paper' },
			},
		},
		{
			name: 'Get expense',
			parameters: { resource: 'expense', operation: 'get', expense_id: '={{ $json.expense_id }}' },
		},
	]);
}

export function accountWorkflow(username: string): WorkflowFile {
	return chain('Account', 'E2E account management', [
		{
			name: 'Create account',
			parameters: {
				resource: 'account',
				operation: 'create',
				username,
				additionalFields: { name: 'E2E Company', city: 'Lille' },
			},
		},
		{
			name: 'Update status',
			parameters: {
				resource: 'account',
				operation: 'updateStatus',
				company_id: '={{ $json.company_id }}',
				subscription_status: 'readonly',
			},
		},
	]);
}

export interface TriggerWorkflowOptions {
	/** Seed of the workflow id. */
	id?: string;
	name?: string;
	parameters?: IDataObject;
	/**
	 * 1.1 unless given: the version whose bodies n8n parses itself (the flood's 422 cases rely on
	 * it). New nodes are version 1 with no options saved.
	 */
	typeVersion?: number;
}

/**
 * An active workflow: the Factomos Trigger followed by a No Operation. By default it starts on two
 * notifications and fetches the invoice/estimate, with the e2e credential.
 */
export function triggerWorkflow(webhookId: string, options: TriggerWorkflowOptions = {}): WorkflowFile {
	const parameters = options.parameters ?? { events: ['create_invoice', 'estimate_status_gained'], options: { fetchFullObject: true } };
	const fetches = (parameters.options as IDataObject | undefined)?.fetchFullObject === true;
	const workflow = chain(options.id ?? 'Trigger', options.name ?? 'E2E Factomos trigger', []);
	workflow.nodes = [
		{
			id: randomUUID(),
			name: 'Factomos Trigger',
			type: FACTOMOS_TRIGGER,
			typeVersion: options.typeVersion ?? 1.1,
			position: [0, 0],
			webhookId,
			parameters,
			...(fetches ? { credentials: { factomosApi: CREDENTIAL } } : {}),
		},
		{
			id: randomUUID(),
			name: 'No Operation',
			type: 'n8n-nodes-base.noOp',
			typeVersion: 1,
			position: [220, 0],
			parameters: {},
		},
	];
	workflow.connections = { 'Factomos Trigger': { main: [[{ node: 'No Operation', type: 'main', index: 0 }]] } };
	return workflow;
}

/**
 * An example of examples/ as `n8n import:workflow` takes it: its own id, inactive, and each
 * credential reference (by credential type) swapped for one the suite imported.
 */
export function exampleWorkflow(
	file: string,
	id: string,
	credentials: Record<string, { id: string; name: string }>,
): WorkflowFile {
	const example = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as WorkflowFile;
	const nodes = example.nodes.map((entry) => {
		const used = entry.credentials as Record<string, unknown> | undefined;
		if (!used) return entry;
		const swapped = Object.fromEntries(Object.keys(used).map((type) => [type, credentials[type] ?? used[type]]));
		return { ...entry, credentials: swapped };
	});
	return { ...example, id: workflowId(id), active: false, nodes, versionId: randomUUID() };
}
