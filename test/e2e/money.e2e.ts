import { randomUUID } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { FactomosEmulator, type FaultType } from '../emulator';
import { postRaw } from '../helpers/http';
import { DOC_EXAMPLE, notification } from '../trigger/fixtures';
import { getExecution, listExecutions, MAJORS, N8nInstance, nodeOutputs, type RunningN8n, SETUP_TIMEOUT, waitFor, waitForWebhook } from './support';
import { chain, triggerWorkflow, type WorkflowFile } from './workflows';

/**
 * Issue #12 in real n8n 1.x and 2.x. Retry On Fail: a Client → Create and an Invoice → Create over
 * five items with three tries, while the emulator fails the third call once (timeout, reset,
 * HTTP 502, refused connection). Trigger: the documentation's notification under every
 * Content-Type starts exactly one execution of a new Factomos Trigger node.
 */

const STEP_TIMEOUT = 3 * 60_000;
const NAMES = ['Item 0', 'Item 1', 'Item 2', 'Item 3', 'Item 4'];
const RETRY = { retryOnFail: true, maxTries: 3, waitBetweenTries: 1000 };
const TIMEOUT_MS = 2000;

type Fault = FaultType | 'refused';
const FAULTS: Array<[Fault, RegExp]> = [
	['timeout', new RegExp(`did not answer within ${TIMEOUT_MS} ms`)],
	['reset', /connection to Factomos was reset/],
	['http502', /unexpected response \(HTTP 502\)/],
	['refused', /.*/],
];

interface Creation {
	action: 'createClient' | 'createInvoice';
	parameters: IDataObject;
	/** Names of the records of this kind, in creation order (ids ascend). */
	created: (emu: FactomosEmulator) => Array<{ id: number; name: string }>;
}

const CREATIONS: Record<string, Creation> = {
	client: {
		action: 'createClient',
		parameters: { resource: 'client', operation: 'create', category: 'client', client_company_name: '={{ $json.name }}' },
		created: (emu) => [...emu.store.clients.values()].map((client) => ({ id: Number(client.client_id), name: client.client_company_name })),
	},
	invoice: {
		action: 'createInvoice',
		parameters: {
			resource: 'invoice',
			operation: 'create',
			client_id: { __rl: true, mode: 'id', value: '1001' },
			lines: { line: [{ serviceId: '2001', description: 'Work', quantity: 1, price: '100' }] },
			additionalFields: { objet: '={{ $json.name }}' },
		},
		created: (emu) => [...emu.store.invoices.values()].map((invoice) => ({ id: Number(invoice.id), name: invoice.objet })),
	},
};

/** Manual Trigger → five items → Factomos with Retry On Fail (3 tries). */
function retryWorkflow(resource: string): WorkflowFile {
	return chain(`Retry${resource}`, `E2E Retry On Fail: ${resource} create`, [
		{
			name: 'Five items',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			parameters: { mode: 'raw', jsonOutput: JSON.stringify({ items: NAMES.map((name) => ({ name })) }), options: {} },
		},
		{
			name: 'One per item',
			type: 'n8n-nodes-base.splitOut',
			typeVersion: 1,
			parameters: { fieldToSplitOut: 'items', include: 'noOtherFields', options: {} },
		},
		{ name: 'Create', parameters: { ...CREATIONS[resource].parameters, options: { timeout: TIMEOUT_MS } }, settings: RETRY },
	]);
}

/** [Content-Type, body]: the documentation's notification under every header Factomos might send. */
const STRICT = notification('create_estimate', { custom: 'id=3' });
const DELIVERIES: Array<[string | null, string]> = [
	[null, DOC_EXAMPLE],
	['text/plain', DOC_EXAMPLE],
	['application/x-www-form-urlencoded', DOC_EXAMPLE],
	['application/x-www-form-urlencoded', `payload=${encodeURIComponent(STRICT)}`],
	['application/json', STRICT],
	['application/json', DOC_EXAMPLE],
	['application/json; charset=utf-8', DOC_EXAMPLE],
];

describe.each(MAJORS)('n8n %s => Retry On Fail and notification content types', (_version, major) => {
	let emu: FactomosEmulator;
	let n8n: N8nInstance;
	let server: RunningN8n;
	const workflows = { client: retryWorkflow('client'), invoice: retryWorkflow('invoice') };
	const newTrigger = { webhookId: randomUUID(), workflow: undefined as WorkflowFile | undefined };
	const savedTrigger = { webhookId: randomUUID(), workflow: undefined as WorkflowFile | undefined };

	beforeAll(async () => {
		emu = new FactomosEmulator({ seed: true });
		const baseUrl = await emu.start();
		// As the editor saves a new node: version 1, options left at their default.
		newTrigger.workflow = triggerWorkflow(newTrigger.webhookId, { id: 'NewTrigger', name: 'E2E new trigger', typeVersion: 1, parameters: { events: ['*'] } });
		savedTrigger.workflow = triggerWorkflow(savedTrigger.webhookId, { id: 'SavedTrigger', name: 'E2E trigger saved at 1.1', typeVersion: 1.1, parameters: { events: ['*'] } });
		n8n = await N8nInstance.create(major);
		await n8n.importFile('credentials', [
			{ id: 'fctE2eCredential', name: 'Factomos e2e', type: 'factomosApi', data: { token: emu.token, secret: emu.secret, baseUrl } },
		]);
		await n8n.importFile('workflow', [workflows.client, workflows.invoice, newTrigger.workflow, savedTrigger.workflow]);
		await n8n.activate(newTrigger.workflow.id);
		await n8n.activate(savedTrigger.workflow.id);
	}, SETUP_TIMEOUT);

	afterAll(async () => {
		await n8n?.dispose();
		await emu?.stop();
	}, 60_000);

	beforeEach(() => {
		emu.violations = [];
	});

	describe.each(Object.keys(CREATIONS))('%s => create', (resource) => {
		const { action, created } = CREATIONS[resource];

		it.each(FAULTS)('should create each item at most once, in item order, when the third call meets a %s', async (fault, message) => {
			const before = new Set(created(emu).map((record) => record.id));
			const callsBefore = emu.calls.length;
			if (fault === 'refused') emu.refuseConnectionsAfter(2, { action, ms: 400 });
			else emu.setFault({ type: fault, action, skip: 2, times: 1 });

			let output: Record<string, IDataObject[]> | undefined;
			let failure = '';
			try {
				output = await n8n.execute(workflows[resource as keyof typeof workflows].id);
			} catch (error) {
				failure = (error as Error).message;
			}
			emu.setFault(null);

			const mine = created(emu)
				.filter((record) => !before.has(record.id))
				.sort((a, b) => a.id - b.id)
				.map((record) => record.name);
			const calls = emu.calls.slice(callsBefore).filter((call) => call.action === action);
			if (fault === 'refused') {
				// The refused request never arrived and was sent again: five calls, five records.
				expect(failure).toBe('');
				expect(mine).toEqual(NAMES);
				expect(calls).toHaveLength(5);
				expect(output?.Create.map((json) => json.client_id ?? json.invoice_id)).toHaveLength(5);
			} else {
				// Items 0 and 1 once, item 2 once (faulted, never sent again), items 3 and 4 never.
				// (The CLI prints the run's error message last; its description is checked in test/actions/retry.test.ts.)
				expect(failure).toMatch(message);
				expect(mine).toEqual(['Item 0', 'Item 1']);
				expect(calls.map((call) => call.fault ?? 'ok')).toEqual(['ok', 'ok', fault]);
			}
			expect(emu.violations).toEqual([]);
		}, STEP_TIMEOUT);
	});

	describe('trigger => content types', () => {
		beforeAll(async () => {
			server = await n8n.start();
			await server.setupOwner();
		}, SETUP_TIMEOUT);

		const url = (webhookId: string) => `${server.url}/webhook/${webhookId}/webhook`;

		it('should start exactly one execution per notification of a new node, whatever the Content-Type', async () => {
			const workflowId = newTrigger.workflow!.id;
			await waitForWebhook(n8n.label, url(newTrigger.webhookId), '{"company_id":"550"}');
			for (const [contentType, body] of DELIVERIES) {
				const response = await postRaw(url(newTrigger.webhookId), body, contentType);
				expect([contentType, response.status, response.json]).toEqual([contentType, 200, { received: true }]);
			}
			const executions = await waitFor(`${n8n.label}: ${DELIVERIES.length} executions`, async () => {
				const list = await listExecutions(server, workflowId);
				return list.filter((entry) => entry.status === 'success').length >= DELIVERIES.length ? list : undefined;
			});
			expect(executions).toHaveLength(DELIVERIES.length);
			for (const execution of executions) {
				const { run } = await getExecution(server, execution.id);
				const items = nodeOutputs(run)['Factomos Trigger'];
				expect(items).toHaveLength(1);
				expect(items[0]).toMatchObject({ event: 'create_estimate', id: '5782', custom: 'id=3', company_id: '550' });
			}
		}, STEP_TIMEOUT);

		it('should leave a node saved at 1.1 as it was: n8n itself refuses the example declared JSON', async () => {
			await waitForWebhook(n8n.label, url(savedTrigger.webhookId), '{"company_id":"550"}');
			const refused = await postRaw(url(savedTrigger.webhookId), DOC_EXAMPLE, 'application/json');
			expect(refused.status).toBe(422);
			expect(refused.text).toContain('Failed to parse request body');
			const accepted = await postRaw(url(savedTrigger.webhookId), DOC_EXAMPLE, null);
			expect([accepted.status, accepted.json]).toEqual([200, { received: true }]);
			await waitFor(`${n8n.label}: one execution of the 1.1 node`, async () =>
				(await listExecutions(server, savedTrigger.workflow!.id)).some((entry) => entry.status === 'success') ? true : undefined,
			);
			expect(await listExecutions(server, savedTrigger.workflow!.id)).toHaveLength(1);
		}, STEP_TIMEOUT);
	});
});
