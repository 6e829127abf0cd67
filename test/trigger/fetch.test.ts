import { FactomosEmulator } from '../emulator';
import { notification } from './fixtures';
import { TriggerHarness } from './harness';

const emu = new FactomosEmulator({ seed: true });
const harness = new TriggerHarness();
let credentials: { token: string; secret: string; baseUrl: string };

beforeAll(async () => {
	const baseUrl = await emu.start();
	credentials = { token: emu.token, secret: emu.secret, baseUrl };
	await harness.start();
});

afterAll(async () => {
	await harness.stop();
	await emu.stop();
});

beforeEach(() => {
	emu.reset();
	emu.seed();
	harness.configure({ parameters: { events: ['*'], options: { fetchFullObject: true } }, credentials });
});

afterEach(() => {
	expect(harness.problems).toEqual([]);
	expect(emu.violations).toEqual([]);
});

/** Posts a notification and waits until the node has finished, fetch included. */
async function deliver(body: string) {
	const response = await harness.post(body);
	await harness.settled();
	return response;
}

function expectNoCredentialsIn(value: unknown) {
	const text = JSON.stringify(value);
	expect(text).not.toContain(emu.secret);
	expect(text).not.toContain(emu.token);
}

describe('trigger => Fetch Full Object', () => {
	it.each([
		['create_invoice', '5002', 'getInvoice', 'invoice_id', 'id'],
		['create_avoir', '5006', 'getInvoice', 'invoice_id', 'id'],
		['estimate_status_gained', '7001', 'getEstimate', 'estimate_id', 'id'],
		['update_contact', '1002', 'getClient', 'client_id', 'client_id'],
		['update_stock', '2003', 'getService', 'service_id', 'service_id'],
	])('should add the object of %s (%s) fetched with %s', async (type, id, action, param, idKey) => {
		const response = await deliver(notification(type, { id }));
		expect(response.status).toBe(200);
		expect(response.json).toEqual({ received: true });
		expect(emu.calls).toHaveLength(1);
		expect(emu.calls[0].action).toBe(action);
		expect(emu.calls[0].params).toEqual({ action, [param]: id });
		expect(harness.executions).toHaveLength(1);
		const { json } = harness.executions[0];
		expect(json).toMatchObject({ event: type, id });
		expect((json.object as Record<string, unknown>)[idKey]).toBe(id);
		expect(json.fetch_error).toBeUndefined();
	});

	it('should output the object exactly as Get returns it', async () => {
		await deliver(notification('update_contact', { id: '1001' }));
		expect(harness.executions[0].json.object).toMatchObject({ client_id: '1001', client_company_name: 'World Company', company_id: '550' });
	});

	it('should make no call for deletions, templates and payments', async () => {
		const types = ['delete_invoice', 'delete_estimate', 'delete_contact', 'delete_service', 'update_template_email', 'create_design', 'add_invoice_payment'];
		for (const type of types) await deliver(notification(type, { id: '5002' }));
		expect(emu.calls).toEqual([]);
		expect(harness.executions).toHaveLength(types.length);
		for (const { json } of harness.executions) {
			expect(json.object).toBeUndefined();
			expect(json.fetch_error).toBeUndefined();
		}
	});

	it('should make no call when the option is off', async () => {
		harness.configure({ parameters: { events: ['*'] }, credentials });
		await deliver(notification('create_invoice', { id: '5002' }));
		expect(emu.calls).toEqual([]);
		expect(harness.executions[0].json.object).toBeUndefined();
	});

	it('should still emit the event, with fetch_error, when the object is not found', async () => {
		const response = await deliver(notification('update_invoice', { id: '999999' }));
		expect(response.json).toEqual({ received: true });
		expect(emu.calls.map((call) => call.responseCode)).toEqual([-20]);
		const { json } = harness.executions[0];
		expect(json).toMatchObject({ event: 'update_invoice', id: '999999' });
		expect(json.object).toBeUndefined();
		expect(json.fetch_error).toBe('Factomos error -20 on getInvoice: Invoice not found');
		expectNoCredentialsIn(harness.executions);
	});

	it('should still emit the event when the daily quota is exhausted', async () => {
		emu.setQuota(0);
		await deliver(notification('create_estimate', { id: '7002' }));
		expect(harness.executions[0].json.fetch_error).toBe('Factomos error -4 on getEstimate: Too many API calls for the day');
	});

	it('should still emit the event when Factomos cannot be reached', async () => {
		harness.configure({
			parameters: { events: ['*'], options: { fetchFullObject: true } },
			credentials: { ...credentials, baseUrl: 'http://127.0.0.1:9' },
		});
		await deliver(notification('create_service', { id: '2001' }));
		expect(harness.executions[0].json.fetch_error).toBe('Could not connect to Factomos (getService)');
		expectNoCredentialsIn(harness.executions);
	});

	it('should still emit the event, with fetch_error, when no credential is selected', async () => {
		harness.configure({ parameters: { events: ['*'], options: { fetchFullObject: true } } });
		await deliver(notification('create_invoice', { id: '5002' }));
		expect(emu.calls).toEqual([]);
		expect(harness.executions[0].json.fetch_error).toBe(
			'Fetch Full Object needs a Factomos API credential: select one in the trigger',
		);
	});

	it('should report a notification without result.id instead of calling', async () => {
		await deliver('{"company_id":"550","notification_type":"create_invoice","result":{}}');
		expect(emu.calls).toEqual([]);
		expect(harness.executions[0].json.fetch_error).toBe('The notification has no result.id to fetch');
	});

	it('should acknowledge Factomos before the fetch finishes', async () => {
		emu.setFault({ type: 'slow', action: 'getInvoice', delayMs: 1500 });
		const started = Date.now();
		const response = await harness.post(notification('create_invoice', { id: '5002' }));
		const answeredAfter = Date.now() - started;
		expect(response.json).toEqual({ received: true });
		expect(harness.executions).toEqual([]);
		await harness.settled();
		expect(answeredAfter).toBeLessThan(1000);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1400);
		expect(harness.executions[0].json.fetch_error).toBeUndefined();
		expect((harness.executions[0].json.object as Record<string, unknown>).id).toBe('5002');
	});

	it('should check the URL secret and the filters before spending an API call', async () => {
		harness.configure({
			parameters: { events: ['create_invoice'], options: { fetchFullObject: true, companyId: '550', urlSecret: 'abc' } },
			credentials,
		});
		expect((await deliver(notification('create_invoice'))).status).toBe(401);
		expect((await deliver(notification('update_invoice'))).status).toBe(401);
		expect((await harness.post(notification('update_invoice', { id: '5002' }), { query: 'secret=abc' })).json).toEqual({
			received: true,
			ignored: 'event not selected',
		});
		expect((await harness.post(notification('create_invoice', { company_id: '9' }), { query: 'secret=abc' })).json).toEqual({
			received: true,
			ignored: 'company_id does not match',
		});
		await harness.settled();
		expect(emu.calls).toEqual([]);
		expect(harness.executions).toEqual([]);
	});
});
