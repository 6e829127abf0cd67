import { FactomosEmulator, NOTIFICATION_TYPES } from '../emulator';
import { wireCall } from '../helpers/wire';
import { TriggerHarness } from './harness';

/** Factomos (the emulator) notifies the trigger's URL after real API calls, as in production. */

const harness = new TriggerHarness();
let emu: FactomosEmulator;

beforeAll(async () => {
	await harness.start();
	emu = new FactomosEmulator({ seed: true, webhookUrl: harness.webhookUrl });
	await emu.start();
});

afterAll(async () => {
	await emu.stop();
	await harness.stop();
});

beforeEach(() => {
	emu.reset();
	emu.seed();
	harness.configure({ parameters: { events: ['*'] } });
});

afterEach(() => {
	expect(harness.problems).toEqual([]);
	expect(emu.violations).toEqual([]);
});

async function call(params: Record<string, string | string[]>) {
	const response = await wireCall(emu.baseUrl, emu.token, emu.secret, params);
	expect(response.json?.error?.code).toBe(0);
	return response.json!;
}

const INVOICE_PARAMS = {
	action: 'createInvoice',
	client_id: '1001',
	line_service_id: ['2001'],
	line_description: ['Développement'],
	line_quantity: ['2'],
	line_price: ['800'],
	custom: 'id=3&source=n8n',
};

async function allDelivered() {
	await emu.webhooksSettled();
	await harness.settled();
}

describe('trigger => end to end', () => {
	it('should receive create_invoice with the new invoice id after createInvoice', async () => {
		const created = await call(INVOICE_PARAMS);
		await allDelivered();
		expect(emu.webhookDeliveries).toHaveLength(1);
		expect(emu.webhookDeliveries[0]).toMatchObject({ url: harness.webhookUrl, contentType: null, status: 200 });
		expect(harness.executions).toHaveLength(1);
		expect(harness.executions[0].json).toMatchObject({
			event: 'create_invoice',
			event_label: 'Invoice Created',
			company_id: emu.companyId,
			id: created.invoice_id,
			invoice_id: null,
			error: { code: 0, message: 'OK' },
			custom: 'id=3&source=n8n',
			custom_fields: { id: '3', source: 'n8n' },
		});
	});

	it('should receive estimate_status_gained with the estimate id and the new invoice id after transformEstimate', async () => {
		const created = await call({ action: 'transformEstimate', estimate_id: '7002' });
		await allDelivered();
		expect(harness.executions).toHaveLength(1);
		expect(harness.executions[0].json).toMatchObject({
			event: 'estimate_status_gained',
			event_label: 'Estimate Accepted',
			id: '7002',
			invoice_id: created.invoice_id,
		});
		expect(created.invoice_id).toMatch(/^\d+$/);
	});

	it('should start only for the selected events of a sequence of actions', async () => {
		harness.configure({ parameters: { events: ['create_invoice', 'estimate_status_gained'] } });
		const invoice = await call(INVOICE_PARAMS);
		await call({ action: 'createPayment', invoice_id: invoice.invoice_id, montant: '100', type: 'virement' });
		const transformed = await call({ action: 'transformEstimate', estimate_id: '7002' });
		await call({ action: 'createClient', category: 'client', client_company_name: 'Nouvelle SAS' });
		await allDelivered();
		expect(emu.webhookDeliveries).toHaveLength(4);
		expect(emu.webhookDeliveries.every((delivery) => delivery.status === 200)).toBe(true);
		const received = harness.executions.map((execution) => [execution.json.event, execution.json.id, execution.json.invoice_id]);
		// Deliveries are concurrent, so their arrival order is not guaranteed.
		expect(received.sort((a, b) => String(a[0]).localeCompare(String(b[0])))).toEqual([
			['create_invoice', invoice.invoice_id, null],
			['estimate_status_gained', '7002', transformed.invoice_id],
		]);
	});

	it('should add the full objects when Fetch Full Object is on', async () => {
		harness.configure({
			parameters: { events: ['*'], options: { fetchFullObject: true } },
			credentials: { token: emu.token, secret: emu.secret, baseUrl: emu.baseUrl },
		});
		const invoice = await call(INVOICE_PARAMS);
		await allDelivered();
		const transformed = await call({ action: 'transformEstimate', estimate_id: '7002' });
		await allDelivered();
		const [created, gained] = harness.executions.map((execution) => execution.json);
		expect(created.object).toMatchObject({ id: invoice.invoice_id, client_id: '1001' });
		expect(gained.object).toMatchObject({ id: '7002', estimate_status: 'gained' });
		expect(gained.invoice_id).toBe(transformed.invoice_id);
		expect(emu.calls.map((apiCall) => [apiCall.action, apiCall.params])).toEqual([
			['createInvoice', expect.anything()],
			['getInvoice', { action: 'getInvoice', invoice_id: invoice.invoice_id }],
			['transformEstimate', expect.anything()],
			['getEstimate', { action: 'getEstimate', estimate_id: '7002' }],
		]);
	});

	it('should receive every documented notification type', async () => {
		for (const type of NOTIFICATION_TYPES) await emu.emitWebhook(type, '42', { custom: `type=${type}` });
		await allDelivered();
		expect(harness.executions.map((execution) => execution.json.event)).toEqual([...NOTIFICATION_TYPES]);
		for (const { json } of harness.executions) {
			expect(json.event_label).toEqual(expect.any(String));
			expect(json.custom_fields).toEqual({ type: json.event });
		}
	});

	it('should accept deliveries when Factomos registers the URL with the secret, and refuse others', async () => {
		harness.configure({ parameters: { events: ['*'], options: { urlSecret: 'k3y' } } });
		emu.setWebhookUrl(`${harness.webhookUrl}?secret=k3y`);
		await call(INVOICE_PARAMS);
		emu.setWebhookUrl(`${harness.webhookUrl}?secret=nope`);
		await call(INVOICE_PARAMS);
		await allDelivered();
		expect(emu.webhookDeliveries.map((delivery) => delivery.status)).toEqual([200, 401]);
		expect(harness.executions).toHaveLength(1);
	});
});

describe.each([['application/x-www-form-urlencoded'], ['application/json'], ['text/plain']])(
	'trigger => end to end with Content-Type %s',
	(contentType) => {
		let typed: FactomosEmulator;

		beforeAll(async () => {
			typed = new FactomosEmulator({ seed: true, webhookUrl: harness.webhookUrl, webhookContentType: contentType });
			await typed.start();
		});

		afterAll(async () => {
			await typed.stop();
		});

		it('should receive create_invoice', async () => {
			const response = await wireCall(typed.baseUrl, typed.token, typed.secret, INVOICE_PARAMS);
			await typed.webhooksSettled();
			await harness.settled();
			expect(typed.webhookDeliveries[0]).toMatchObject({ contentType, status: 200 });
			expect(harness.executions[0].json).toMatchObject({
				event: 'create_invoice',
				id: response.json!.invoice_id,
				custom: 'id=3&source=n8n',
				custom_fields: { id: '3', source: 'n8n' },
			});
		});
	},
);
