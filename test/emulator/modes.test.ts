import { decrypt } from '../../nodes/Factomos/transport/codec';
import { wireCall } from '../helpers/wire';
import { http, timersPromises } from '../host';
import { DOC_BODIES } from './docExamples';
import { FactomosEmulator } from './index';

describe('emulator => documentation example answers', () => {
	const emu = new FactomosEmulator({ seed: true, docExamples: true });
	let baseUrl = '';
	beforeAll(async () => {
		baseUrl = await emu.start();
	});
	afterAll(() => emu.stop());
	beforeEach(() => emu.reset());

	it('should answer a successful call with the documentation\'s text, byte for byte, encrypted as usual', async () => {
		const result = await wireCall(baseUrl, emu.token, emu.secret, { action: 'listEmailTemplates' });
		expect(decrypt(emu.secret, result.body)).toBe(DOC_BODIES.listEmailTemplates);
		// The slips are kept: JSON.parse cannot read it.
		expect(result.json).toBeUndefined();
	});

	it('should keep its own errors and the actions the documentation gives no example for', async () => {
		const missing = await wireCall(baseUrl, emu.token, emu.secret, { action: 'getClient' });
		expect(missing.json).toEqual({ error: { code: -8, message: 'Missing parameter client_id' } });
		emu.seed();
		const payment = await wireCall(baseUrl, emu.token, emu.secret, { action: 'createPayment', invoice_id: '5001', montant: '10', type: 'cb' });
		expect(payment.json).toMatchObject({ payment_id: expect.any(String), error: { code: 0 } });
	});

	it('should still carry out the call: a created client exists after the example answer', async () => {
		const before = emu.store.clients.size;
		const result = await wireCall(baseUrl, emu.token, emu.secret, { action: 'createClient', category: 'client', client_company_name: 'Doc' });
		expect(result.json).toEqual({ client_id: '5782', error: { code: 0, message: 'OK' } });
		expect(emu.store.clients.size).toBe(before + 1);
	});
});

describe('emulator => refused connections', () => {
	const emu = new FactomosEmulator({ seed: true });
	let baseUrl = '';
	beforeAll(async () => {
		baseUrl = await emu.start();
	});
	afterAll(() => emu.stop());

	/** A POST on a new connection (no pooled socket), resolving to its connection error code if any. */
	function connectionError(): Promise<string | undefined> {
		return new Promise((resolve) => {
			const request = http.request(`${baseUrl}/api/api.php`, { method: 'POST', agent: false }, (response) => {
				response.resume();
				response.on('end', () => resolve(undefined));
			});
			request.on('error', (error: Error & { code?: string }) => resolve(error.code));
			request.end();
		});
	}

	it('should refuse connections after the given number of answers, then open the same port again', async () => {
		emu.refuseConnectionsAfter(1, { action: 'listService', ms: 300 });
		expect((await wireCall(baseUrl, emu.token, emu.secret, { action: 'listClient' })).json!.error.code).toBe(0);
		expect((await wireCall(baseUrl, emu.token, emu.secret, { action: 'listService' })).json!.error.code).toBe(0);
		expect(await connectionError()).toBe('ECONNREFUSED');
		await timersPromises.setTimeout(400);
		expect(await connectionError()).toBeUndefined();
		expect(emu.calls.map((call) => call.action)).toEqual(['listClient', 'listService', undefined]);
	});

	it('should refuse at once when asked for zero answers', async () => {
		emu.refuseConnectionsAfter(0, { ms: 200 });
		expect(await connectionError()).toBe('ECONNREFUSED');
		await timersPromises.setTimeout(300);
		expect(await connectionError()).toBeUndefined();
	});
});

describe('emulator => latency', () => {
	const emu = new FactomosEmulator({ seed: true, latencyMs: 120 });
	let baseUrl = '';
	beforeAll(async () => {
		baseUrl = await emu.start();
	});
	afterAll(() => emu.stop());
	beforeEach(() => {
		emu.reset();
		emu.seed();
	});

	it('should answer every call after the latency given, and at once when it is set to 0', async () => {
		let start = Date.now();
		const slow = await wireCall(baseUrl, emu.token, emu.secret, { action: 'getClient', client_id: '1001' });
		expect(Date.now() - start).toBeGreaterThanOrEqual(115);
		expect(slow.json).toMatchObject({ error: { code: 0 } });
		emu.setLatency(0);
		start = Date.now();
		await wireCall(baseUrl, emu.token, emu.secret, { action: 'getClient', client_id: '1001' });
		expect(Date.now() - start).toBeLessThan(115);
	});

	it('should go back to the constructor latency on reset', async () => {
		emu.setLatency(0);
		emu.reset();
		const start = Date.now();
		await wireCall(baseUrl, emu.token, emu.secret, { action: 'getClient', client_id: '1001' });
		expect(Date.now() - start).toBeGreaterThanOrEqual(115);
	});
});
