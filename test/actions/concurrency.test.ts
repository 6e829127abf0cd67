import type { INodeParameters } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runNode, type RunOptions, type TestCredentials } from '../helpers/n8n';

/**
 * Latency hidden only where it is safe: Return All pages and single-record reads go out in
 * batches (the Batching option, 5 by default), writes one after the other in item order. The
 * emulator answers every call after a fixed latency, so requests that overlap are visible in
 * their arrival times: calls sent one after the other arrive at least LATENCY_MS apart.
 */

const LATENCY_MS = 200;
/** Calls of one batch leave together; under load they still arrive well within one latency. */
const SAME_BATCH_MS = LATENCY_MS * 0.75;

const { env, failure } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});
beforeEach(() => emu.setLatency(LATENCY_MS));

const byId = (value: string) => ({ __rl: true, mode: 'id', value });
const run = (parameters: INodeParameters, options?: RunOptions) => runNode(creds, parameters, options);
const arrivals = () => emu.calls.map((call) => call.at);

/** Only `count` pending invoices, newest first as Factomos lists them. */
function onlyInvoices(count: number): string[] {
	emu.reset();
	emu.setLatency(LATENCY_MS);
	return emu.addInvoices(count, { status: 'pending' }).reverse();
}

const listAll = (parameters: INodeParameters = {}) =>
	run({ resource: 'invoice', operation: 'getAll', invoice_status: 'pending', returnAll: true, ...parameters });

describe('invoice => getAll (pages several at a time)', () => {
	it('should make exactly ⌈total/50⌉ calls and return the invoices in the API order', async () => {
		const ids = onlyInvoices(620);
		const output = await listAll();
		expect(emu.calls).toHaveLength(13);
		expect(emu.calls.map((call) => Number(call.params.page_index)).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 13 }, (_, page) => page * 50),
		);
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(output.every((item) => item.pairedItem && (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('should send the pages after the first five at a time, each one once an earlier one answered', async () => {
		onlyInvoices(620);
		await listAll();
		const at = arrivals();
		// Page 0 alone, then 5 pages at once (1-5); each next page leaves when the oldest one answered.
		expect(at[1] - at[0]).toBeGreaterThanOrEqual(LATENCY_MS - 5);
		for (const [from, to] of [[1, 5], [6, 10], [11, 12]]) expect(at[to] - at[from]).toBeLessThan(SAME_BATCH_MS);
		for (let page = 6; page < at.length; page++) expect(at[page] - at[page - 5]).toBeGreaterThanOrEqual(LATENCY_MS - 5);
	});

	it('should fetch one page at a time with Items per Batch 1', async () => {
		onlyInvoices(160);
		await listAll({ options: { batching: { batch: { batchSize: 1 } } } });
		const at = arrivals();
		expect(emu.calls.map((call) => call.params.page_index)).toEqual(['0', '50', '100', '150']);
		for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(LATENCY_MS - 5);
	});

	it('should fetch only the pages the limit needs, and stop at the limit', async () => {
		const ids = onlyInvoices(620);
		const output = await listAll({ returnAll: false, limit: 120 });
		expect(emu.calls.map((call) => Number(call.params.page_index)).sort((a, b) => a - b)).toEqual([0, 50, 100]);
		expect(output.map((item) => item.json.id)).toEqual(ids.slice(0, 120));
	});

	it('should fail with the error of a middle page and start no page after it', async () => {
		onlyInvoices(620);
		// The third page (page_index 100) fails; it is in the first batch after page 0.
		emu.setFault({ type: 'http500', action: 'listInvoice', skip: 2, times: 1 });
		const error = await failure(listAll());
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toMatch(/HTTP 500/);
		expect(error.context.itemIndex).toBe(0);
		// Pages 50-250 left together; page 300 left when page 50 was taken; nothing after the failure.
		expect(emu.calls.map((call) => Number(call.params.page_index)).sort((a, b) => a - b)).toEqual([0, 50, 100, 150, 200, 250, 300]);
	});
});

describe('client => get (items several at a time)', () => {
	const CLIENTS = ['1001', '1002', '1003', '1002', '1001', '1003', '1001', '1002', '1003', '1002', '1001', '1003'];
	const getClients = (ids: string[], options: RunOptions = {}, extra: INodeParameters = {}) =>
		run({ resource: 'client', operation: 'get', client_id: byId('={{ $json.id }}'), ...extra }, { items: ids.map((id) => ({ id })), ...options });

	it('should return each client in item order with its pairedItem', async () => {
		const output = await getClients(CLIENTS);
		expect(output.map((item) => item.json.client_id)).toEqual(CLIENTS);
		expect(output.map((item) => item.pairedItem)).toEqual(CLIENTS.map((_, item) => ({ item })));
		expect(emu.calls).toHaveLength(CLIENTS.length);
	});

	it('should keep at most five items waiting for Factomos by default', async () => {
		await getClients(CLIENTS);
		const at = arrivals();
		for (const [from, to] of [[0, 4], [5, 9], [10, 11]]) expect(at[to] - at[from]).toBeLessThan(SAME_BATCH_MS);
		for (let item = 5; item < at.length; item++) expect(at[item] - at[item - 5]).toBeGreaterThanOrEqual(LATENCY_MS - 5);
	});

	it('should wait for a whole batch and then the Batch Interval before the next batch', async () => {
		await getClients(CLIENTS.slice(0, 6), {}, { options: { batching: { batch: { batchSize: 3, batchInterval: 150 } } } });
		const at = arrivals();
		for (const from of [0, 3]) expect(at[from + 2] - at[from]).toBeLessThan(SAME_BATCH_MS);
		expect(at[3] - at[2]).toBeGreaterThanOrEqual(LATENCY_MS + 150 - 5);
	});

	it('should send every item at once with Items per Batch -1', async () => {
		await getClients(CLIENTS, {}, { options: { batching: { batch: { batchSize: -1 } } } });
		const at = arrivals();
		expect(at[at.length - 1] - at[0]).toBeLessThan(SAME_BATCH_MS);
	});

	it('should keep item order when a middle item answers last', async () => {
		// The third item's call answers 400 ms late, after every other item of its batch.
		emu.setFault({ type: 'slow', action: 'getClient', delayMs: 400, skip: 2, times: 1 });
		const output = await getClients(CLIENTS.slice(0, 5));
		expect(output.map((item) => item.json.client_id)).toEqual(CLIENTS.slice(0, 5));
		expect(output.map((item) => item.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
		expect(emu.calls[2].fault).toBe('slow');
	});

	it('should put each failure at its own item with continueOnFail, in item order', async () => {
		const ids = ['1001', '99999', 'abc', '1003', '1002', '99998', '1001'];
		const output = await getClients(ids, { continueOnFail: true });
		expect(output.map((item) => item.pairedItem)).toEqual(ids.map((_, item) => ({ item })));
		expect(output.map((item) => item.json.client_id ?? item.json.code ?? item.json.error)).toEqual([
			'1001',
			-9,
			'Client is invalid: "abc"',
			'1003',
			'1002',
			-9,
			'1001',
		]);
		// The invalid item never reached Factomos.
		expect(emu.calls).toHaveLength(6);
	});

	it('should throw the error of the first failing item when a later item of the batch fails first', async () => {
		// Item 1 fails late, item 3 fails at once: item 1's error is the one reported.
		emu.setFault({ type: 'slow', action: 'getClient', delayMs: 300, skip: 1, times: 1 });
		const error = await failure(getClients(['1001', '99999', '1002', '99998', '1003']));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.context.itemIndex).toBe(1);
		expect(error.message).toBe('Factomos error -9 on getClient: Client not found');
	});
});

describe('invoice => create (strictly sequential writes)', () => {
	const LINES = JSON.stringify([{ line_service_id: '2003', line_description: 'Abonnement', line_quantity: 1, line_price: 10 }]);

	it('should send creates one at a time, in item order, even when one answers slowly', async () => {
		const items = Array.from({ length: 8 }, (_, n) => ({ n: `Commande ${n + 1}` }));
		// The second create answers 300 ms late: the third must still wait for it.
		emu.setFault({ type: 'slow', action: 'createInvoice', delayMs: 300, skip: 1, times: 1 });
		const output = await run(
			{
				resource: 'invoice',
				operation: 'create',
				client_id: byId('1002'),
				linesInputMode: 'json',
				linesJson: LINES,
				additionalFields: { objet: '={{ $json.n }}' },
				// Batching does not apply to writes, even when set.
				options: { batching: { batch: { batchSize: -1 } } },
			},
			{ items },
		);
		expect(emu.calls.map((call) => call.params.objet)).toEqual(items.map((item) => item.n));
		const at = arrivals();
		for (let i = 1; i < at.length; i++) expect(at[i] - at[i - 1]).toBeGreaterThanOrEqual(LATENCY_MS - 5);
		expect(at[2] - at[1]).toBeGreaterThanOrEqual(LATENCY_MS + 300 - 5);
		expect(output.map((item) => item.pairedItem)).toEqual(items.map((_, item) => ({ item })));
		// Invoice numbers follow item order.
		const ids = output.map((item) => Number(item.json.invoice_id));
		expect([...ids].sort((a, b) => a - b)).toEqual(ids);
	});
});
