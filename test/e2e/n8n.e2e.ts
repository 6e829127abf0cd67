import { randomUUID } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { FactomosEmulator } from '../emulator';
import { wireCall } from '../helpers/wire';
import { CREDENTIAL, N8nInstance, getExecution, listExecutions, MAJORS, nodeOutputs, SETUP_TIMEOUT, waitFor, waitForWebhook } from './support';
import {
	WorkflowFile,
	accountWorkflow,
	estimateWorkflow,
	expenseWorkflow,
	invoiceWorkflow,
	triggerWorkflow,
} from './workflows';

/**
 * Runs the packed n8n-nodes-factomos inside real n8n (1.x on Node 22, 2.x on Node 24): installed
 * like the marketplace does, workflows imported and run by the n8n CLI, the trigger activated and
 * fed by the emulator's webhooks through `n8n start`.
 */

const STEP_TIMEOUT = 3 * 60_000;

function callsOf(emu: FactomosEmulator, action: string) {
	return emu.calls.filter((call) => call.action === action);
}

describe.each(MAJORS)('n8n %s with the packed package', (_version, major) => {
	let emu: FactomosEmulator;
	let baseUrl: string;
	let n8n: N8nInstance;
	let supplierId: string;
	const webhookId = randomUUID();
	const workflows: Record<string, WorkflowFile> = {};

	beforeAll(async () => {
		emu = new FactomosEmulator({ seed: true });
		baseUrl = await emu.start();
		supplierId = [...emu.store.clients.values()].find((client) => client.category === 'fournisseur')!.client_id;
		workflows.invoice = invoiceWorkflow();
		workflows.estimate = estimateWorkflow('1001');
		workflows.expense = expenseWorkflow(supplierId);
		workflows.account = accountWorkflow(`e2e-${major}-${Date.now()}@example.test`);
		// Version 1: workflows made before 1.1 keep working.
		workflows.trigger = triggerWorkflow(webhookId, { typeVersion: 1 });

		n8n = await N8nInstance.create(major);
		await n8n.importFile('credentials', [
			{ ...CREDENTIAL, type: 'factomosApi', data: { token: emu.token, secret: emu.secret, baseUrl } },
		]);
		await n8n.importFile('workflow', Object.values(workflows));
		await n8n.activate(workflows.trigger.id);
	}, SETUP_TIMEOUT);

	afterAll(async () => {
		await n8n?.dispose();
		await emu?.stop();
	}, 60_000);

	beforeEach(() => {
		emu.violations = [];
	});

	it('should run an invoice through its whole life cycle', async () => {
		const before = emu.calls.length;
		const out = await n8n.execute(workflows.invoice.id);

		const clientId = out['Create client'][0].client_id as string;
		const serviceId = out['Create service'][0].service_id as string;
		const created = out['Create invoice'][0];
		const invoiceId = created.invoice_id as string;
		expect(emu.store.clients.get(clientId)).toMatchObject({ client_company_name: 'Atelier E2E', category: 'client' });
		expect(emu.store.services.get(serviceId)).toMatchObject({ service_name: 'Audit day', price: '700', unit: 'jour' });
		expect(created).toMatchObject({ client_id: clientId, document_url: `${baseUrl}/${created.invoice_document_key}` });

		const [create] = callsOf(emu, 'createInvoice').slice(-1);
		expect(create.params).toMatchObject({
			client_id: clientId,
			objet: 'E2E project',
			line_service_id: [serviceId, '75', '2001'],
			line_description: ['Audit', 'Phase 2', 'Development'],
			line_quantity: ['2', '', '1.5'],
			line_price: ['700', '', '800'],
		});
		const invoice = emu.store.invoices.get(invoiceId)!;
		expect(invoice.lines.map((line) => line.serviceId)).toEqual([serviceId, '75', '2001']);

		const got = out['Get invoice'][0];
		expect(got).toMatchObject({ id: invoiceId, client_id: clientId, figures_total_withoutvat: '2600', invoice_status: 'pending' });
		expect((got.articleList as IDataObject[]).map((line) => line.service_id)).toEqual([serviceId, '75', '2001']);

		const pending = out['List pending invoices'];
		expect(pending.length).toBeGreaterThan(1);
		expect(pending.every((entry) => entry.invoice_status === 'pending')).toBe(true);
		expect(pending.map((entry) => entry.id)).toContain(invoiceId);

		// Execute Once: one email whatever the number of pending invoices.
		expect(out['Send invoice']).toEqual([{ invoice_id: invoiceId, sent: true }]);
		const mails = [...emu.store.mails.values()].filter((mail) => mail.invoice_id === invoiceId);
		expect(mails).toHaveLength(1);
		expect(mails[0].email_to).toBe('compta@atelier-e2e.example');

		const payment = out['Add payment'][0];
		expect(payment.invoice_id).toBe(invoiceId);
		expect(emu.store.payments.get(payment.payment_id as string)).toMatchObject({
			montant: '500',
			type: 'virement',
			reference: 'E2E transfer',
		});

		const note = out['Create credit note'][0];
		expect(note.invoice_id).not.toBe(invoiceId);
		expect(emu.store.invoices.get(note.invoice_id as string)).toMatchObject({ type: 'avoir', clientId });
		expect(emu.store.creditNotesOf(invoiceId).map((entry) => entry.id)).toEqual([note.invoice_id]);

		expect(emu.calls.slice(before).map((call) => call.action)).toEqual([
			'createClient',
			'createService',
			'createInvoice',
			'getInvoice',
			'listInvoice',
			'sendInvoice',
			'createPayment',
			'createCreditNote',
		]);
		expect(emu.violations).toEqual([]);
	}, STEP_TIMEOUT);

	it('should create an estimate and convert it into an invoice', async () => {
		const out = await n8n.execute(workflows.estimate.id);
		const estimateId = out['Create estimate'][0].estimate_id as string;
		const converted = out['Convert to invoice'][0];

		const [create] = callsOf(emu, 'createEstimate').slice(-1);
		expect(create.params).toMatchObject({
			client_id: '1001',
			objet: 'E2E estimate',
			line_service_id: ['75', '2002', '75', '2001'],
			line_description: ['Brand identity', 'Logo', 'Extras', ''],
			line_quantity: ['', '1', '', '3'],
			line_price: ['', '600', '', '90'],
		});
		const lists = ['line_service_id', 'line_description', 'line_quantity', 'line_price'].map(
			(name) => (create.params[name] as string[]).length,
		);
		expect(new Set(lists).size).toBe(1);

		expect(callsOf(emu, 'transformEstimate').at(-1)!.params).toEqual({ action: 'transformEstimate', estimate_id: estimateId });
		const estimate = emu.store.estimates.get(estimateId)!;
		expect(estimate).toMatchObject({ status: 'gained', invoiceId: converted.invoice_id });
		expect(emu.store.invoices.get(converted.invoice_id as string)).toMatchObject({ estimateId, clientId: '1001' });
		expect(converted.document_url).toBe(`${baseUrl}/${converted.invoice_document_key}`);
		expect(emu.violations).toEqual([]);
	}, STEP_TIMEOUT);

	it('should create an expense and read it back', async () => {
		const out = await n8n.execute(workflows.expense.id);
		const expenseId = out['Create expense'][0].expense_id as string;
		expect(callsOf(emu, 'createExpense').at(-1)!.params).toEqual({
			action: 'createExpense',
			supplier_id: supplierId,
			amount: '42.5',
			payment_type: 'cb',
			date: '2026-01-15',
			comment: 'Printer paper',
		});
		expect(out['Get expense']).toEqual([
			expect.objectContaining({ expense_id: expenseId, supplier_id: supplierId, amount: '42.5', comment: 'Printer paper' }),
		]);
		expect(emu.store.expenses.get(expenseId)).toMatchObject({ payment_type: 'cb', date: '2026-01-15' });
		expect(emu.violations).toEqual([]);
	}, STEP_TIMEOUT);

	it('should create an account and change its subscription status', async () => {
		const out = await n8n.execute(workflows.account.id);
		const created = out['Create account'][0];
		const companyId = created.company_id as string;
		expect(created.auth_token).toEqual(expect.any(String));
		expect(emu.store.accounts.get(companyId)).toMatchObject({
			subscription_status: 'readonly',
			profile: expect.objectContaining({ name: 'E2E Company', city: 'Lille' }),
		});
		expect(out['Update status']).toEqual([
			expect.objectContaining({ company_id: companyId, subscription_status: 'readonly', updated: true }),
		]);
		expect(callsOf(emu, 'updateAccount').at(-1)!.params).toEqual({
			action: 'updateAccount',
			company_id: companyId,
			subscription_status: 'readonly',
		});
		expect(emu.violations).toEqual([]);
	}, STEP_TIMEOUT);

	it('should start the active trigger workflow for the selected notifications only', async () => {
		const server = await n8n.start();
		await server.setupOwner();
		const workflowId = workflows.trigger.id;
		// A body the trigger rejects without an execution.
		const webhookUrl = `${server.url}/webhook/${webhookId}/webhook`;
		const probe = await waitForWebhook(n8n.label, webhookUrl, '{"company_id":"550"}');
		expect(probe).toEqual({ status: 400, text: JSON.stringify({ error: 'Missing notification_type' }) });
		expect(await listExecutions(server, workflowId)).toEqual([]);

		emu.setWebhookUrl(webhookUrl);
		const call = async (params: Record<string, string | string[]>) => {
			const result = await wireCall(baseUrl, emu.token, emu.secret, params);
			expect(result.json?.error?.code).toBe(0);
			return result.json!;
		};

		// create_contact is not among the trigger's events: acknowledged, no execution.
		const client = await call({ action: 'createClient', category: 'client', client_company_name: 'Filtered Out' });
		await emu.webhooksSettled();
		const invoice = await call({
			action: 'createInvoice',
			client_id: '1001',
			line_service_id: ['75', '2001'],
			line_description: ['Webhook', 'Work'],
			line_quantity: ['1', '2'],
			line_price: ['', '100'],
		});
		const estimateId = [...emu.store.estimates.values()].find((entry) => entry.invoiceId === null)!.id;
		const transformed = await call({ action: 'transformEstimate', estimate_id: estimateId });
		await emu.webhooksSettled();

		const deliveries = emu.webhookDeliveries.map((delivery) => ({
			type: JSON.parse(delivery.body).notification_type,
			status: delivery.status,
			error: delivery.error,
		}));
		expect(deliveries).toEqual([
			{ type: 'create_contact', status: 200, error: undefined },
			{ type: 'create_invoice', status: 200, error: undefined },
			{ type: 'estimate_status_gained', status: 200, error: undefined },
		]);

		const finished = await waitFor(`${n8n.label}: two finished trigger executions`, async () => {
			const list = await listExecutions(server, workflowId);
			const done = list.filter((entry) => entry.finished === true || entry.status === 'success');
			return done.length >= 2 ? list : undefined;
		});
		expect(finished).toHaveLength(2);

		const items: IDataObject[] = [];
		for (const execution of finished) {
			const { status, mode, run } = await getExecution(server, execution.id);
			expect(status).toBe('success');
			expect(mode).toBe('webhook');
			const outputs = nodeOutputs(run);
			expect(outputs['No Operation']).toHaveLength(1);
			items.push(outputs['Factomos Trigger'][0]);
		}
		items.sort((a, b) => String(a.event).localeCompare(String(b.event)));

		expect(items).toEqual([
			expect.objectContaining({
				event: 'create_invoice',
				event_label: 'Invoice Created',
				company_id: emu.companyId,
				id: invoice.invoice_id,
				invoice_id: null,
				object: expect.objectContaining({ id: invoice.invoice_id, client_id: '1001' }),
			}),
			expect.objectContaining({
				event: 'estimate_status_gained',
				event_label: 'Estimate Accepted',
				company_id: emu.companyId,
				id: estimateId,
				invoice_id: transformed.invoice_id,
				object: expect.objectContaining({ id: estimateId }),
			}),
		]);
		expect(items.every((item) => item.fetch_error === undefined)).toBe(true);
		// Fetch Full Object: the trigger called the API with the imported credential.
		expect(callsOf(emu, 'getInvoice').at(-1)!.params).toEqual({ action: 'getInvoice', invoice_id: invoice.invoice_id });
		expect(callsOf(emu, 'getEstimate').at(-1)!.params).toEqual({ action: 'getEstimate', estimate_id: estimateId });
		expect(emu.store.clients.has(client.client_id)).toBe(true);
		expect(emu.violations).toEqual([]);
	}, STEP_TIMEOUT);
});
