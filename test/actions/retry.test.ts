import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FaultType } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runWorkflow, type NodeSettings } from '../helpers/workflow';

/**
 * n8n's Retry On Fail runs the whole node again with every input item. These runs go through
 * n8n-core's real WorkflowExecute: five items, three tries, the emulator failing the third call once.
 */

const { env } = useActionEmulator();

const RETRY: NodeSettings = { retryOnFail: true, maxTries: 3, waitBetweenTries: 400 };
const NAMES = ['Item 0', 'Item 1', 'Item 2', 'Item 3', 'Item 4'];
const ITEMS = NAMES.map((name) => ({ name }));
/** Faults after which the request may have reached Factomos. */
const MAYBE_REACHED: Array<[FaultType, RegExp]> = [
	['timeout', /^Factomos did not answer within 1000 ms \((createClient|createInvoice)\)$/],
	['reset', /^The connection to Factomos was reset \((createClient|createInvoice)\)$/],
	['http502', /^Factomos returned an unexpected response \(HTTP 502\)$/],
];

interface Case {
	resource: string;
	action: 'createClient' | 'createInvoice';
	parameters: INodeParameters;
	/** The name each created record carries, in creation order. */
	created: () => string[];
}

const CASES: Case[] = [
	{
		resource: 'client',
		action: 'createClient',
		parameters: { resource: 'client', operation: 'create', category: 'client', client_company_name: '={{ $json.name }}' },
		created: () => [...env.emu.store.clients.values()].filter((client) => NAMES.includes(client.client_company_name)).map((client) => client.client_company_name),
	},
	{
		resource: 'invoice',
		action: 'createInvoice',
		parameters: {
			resource: 'invoice',
			operation: 'create',
			client_id: { __rl: true, mode: 'id', value: '1001' },
			lines: { line: [{ serviceId: '2001', description: '={{ $json.name }}', quantity: 1, price: '100' }] },
			additionalFields: { objet: '={{ $json.name }}' },
		},
		created: () => [...env.emu.store.invoices.values()].filter((invoice) => NAMES.includes(invoice.objet)).map((invoice) => invoice.objet),
	},
];

function callsOf(action: string) {
	return env.emu.calls.filter((call) => call.action === action);
}

describe.each(CASES)('$resource => create', ({ action, parameters, created }) => {
	const withTimeout = { ...parameters, options: { timeout: 1000 } };

	it.each(MAYBE_REACHED)('should never send an item twice after a %s on the third call, and fail again with why', async (type, message) => {
		env.emu.setFault({ type, action, skip: 2, times: 1 });
		const run = await runWorkflow(env.creds, withTimeout, ITEMS, RETRY);

		expect(run.error?.message).toMatch(message);
		expect(run.error?.description).toMatch(/may have reached Factomos and a retry could create a duplicate/);
		// Items 0 and 1 once each, item 2 once (the faulted call), items 3 and 4 never.
		expect(callsOf(action).map((call) => call.fault ?? 'ok')).toEqual(['ok', 'ok', type]);
		expect(created()).toEqual(['Item 0', 'Item 1']);
	});

	it('should send again the item whose connection was refused, and create all five exactly once in item order', async () => {
		env.emu.refuseConnectionsAfter(2, { action, ms: 150 });
		const run = await runWorkflow(env.creds, parameters, ITEMS, RETRY);

		expect(run.error).toBeUndefined();
		expect(created()).toEqual(NAMES);
		// The refused request never arrived: five calls, one per item.
		expect(callsOf(action)).toHaveLength(5);
		const [main] = run.outputs;
		expect(main.map((item) => item.pairedItem)).toEqual(NAMES.map((_name, item) => ({ item })));
		const ids = main.map((item) => String(item.json[action === 'createClient' ? 'client_id' : 'invoice_id']));
		expect(new Set(ids).size).toBe(5);
		expect(ids.map(Number)).toEqual([...ids.map(Number)].sort((a, b) => a - b));
	});

	it('should not send again an item Factomos refused with an API error', async () => {
		env.emu.setFault({ type: 'quota', action, skip: 2, times: 1 });
		const run = await runWorkflow(env.creds, parameters, ITEMS, RETRY);

		expect(run.error?.message).toBe(`Factomos error -4 on ${action}: Too many API calls for the day`);
		expect(callsOf(action)).toHaveLength(3);
		expect(created()).toEqual(['Item 0', 'Item 1']);
	});

	it('should start afresh in the next execution', async () => {
		await runWorkflow(env.creds, parameters, ITEMS.slice(0, 2), RETRY);
		await runWorkflow(env.creds, parameters, ITEMS.slice(0, 2), RETRY);
		expect(created()).toEqual(['Item 0', 'Item 1', 'Item 0', 'Item 1']);
	});
});

describe('client => create', () => {
	const parameters = CASES[0].parameters;

	it('should replay recorded items, failures included, when Continue On Fail makes n8n retry the node', async () => {
		env.emu.setFault({ type: 'http502', action: 'createClient', times: 1 });
		const run = await runWorkflow(env.creds, parameters, ITEMS, { ...RETRY, onError: 'continueRegularOutput' });

		// n8n retried because the first item carries an error; nothing was sent again.
		expect(callsOf('createClient')).toHaveLength(5);
		expect(CASES[0].created()).toEqual(NAMES.slice(1));
		const [main] = run.outputs;
		expect(main.map((item) => item.pairedItem)).toEqual(NAMES.map((_name, item) => ({ item })));
		expect(main[0].json).toMatchObject({
			error: 'Factomos returned an unexpected response (HTTP 502)',
			description: expect.stringMatching(/may have reached Factomos/),
		});
		expect(main.slice(1).every((item) => typeof item.json.client_id === 'string')).toBe(true);
	});

	it('should check the input of an item again on each try without sending the earlier items twice', async () => {
		const items: IDataObject[] = [{ name: 'Item 0' }, { name: 'Item 1' }, { name: '' }, { name: 'Item 3' }];
		const run = await runWorkflow(env.creds, parameters, items, RETRY);

		expect(run.error?.message).toBe('Company Name is required');
		expect(callsOf('createClient')).toHaveLength(2);
	});
});

describe('client => get', () => {
	it('should retry reads normally: every item is read again on the next try', async () => {
		env.emu.setFault({ type: 'http502', action: 'getClient', skip: 1, times: 1 });
		const run = await runWorkflow(
			env.creds,
			{ resource: 'client', operation: 'get', client_id: { __rl: true, mode: 'id', value: '={{ $json.id }}' } },
			[{ id: '1001' }, { id: '1002' }],
			RETRY,
		);

		expect(run.error).toBeUndefined();
		expect(callsOf('getClient').map((call) => call.params.client_id)).toEqual(['1001', '1002', '1001', '1002']);
		expect(run.outputs[0].map((item) => item.json.client_id)).toEqual(['1001', '1002']);
	});
});
