import { NodeApiError, sleep } from 'n8n-workflow';
import type { INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { FAULT_RESPONSE_CODE, type Fault, type ResponseMode } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runNode, type RunOptions } from '../helpers/n8n';
import { expectNoCredentials } from '../transport/support';

/**
 * Issue #6 "Fault injection": each fault hits only item 2 of a 3-item batch of a create operation,
 * run by the real node over HTTP. The run must end with a clear error on item 2, pairedItem on every
 * output, one API call per item (no retry) and no duplicate record in the emulator.
 */

const { env } = useActionEmulator();

/** The node's Timeout option, small so that timeouts are quick; slow answers land 200 ms either side. */
const TIMEOUT = 600;
/** Far below jest's 30 s: a run that hangs on a fault fails here. */
const RUN_BOUND_MS = TIMEOUT + 2500;
/** In alphabetical order, so that sorted lists of created records compare with it. */
const NAMES = ['Alpha', 'Bravo', 'Charlie'];
const NOT_RETRIED = /not retried.*duplicate/;
const CUT_OFF = /cut off/;

interface Case {
	mode: string;
	fault?: Omit<Fault, 'action' | 'skip' | 'times'>;
	responseMode?: ResponseMode;
	/** Item 2's error and description; none when item 2 must succeed. */
	error?: [message: RegExp, description: RegExp];
}

const timedOut = (action: string): Case['error'] => [new RegExp(`^Factomos did not answer within ${TIMEOUT} ms \\(${action}\\)$`), NOT_RETRIED];

const CASES = (action: string): Case[] => [
	{ mode: 'timeout', fault: { type: 'timeout' }, error: timedOut(action) },
	{ mode: 'reset', fault: { type: 'reset' }, error: [new RegExp(`^The connection to Factomos was reset \\(${action}\\)$`), NOT_RETRIED] },
	{ mode: 'http500', fault: { type: 'http500' }, error: [/^Factomos returned an unexpected response \(HTTP 500\)$/, /server may be failing.*500 Internal Server Error/] },
	{ mode: 'http502', fault: { type: 'http502' }, error: [/^Factomos returned an unexpected response \(HTTP 502\)$/, /server may be failing.*502 Bad Gateway/] },
	{ mode: 'empty', fault: { type: 'empty' }, error: [/^Factomos returned an empty response$/, /down or overloaded/] },
	{ mode: 'truncated', fault: { type: 'truncated' }, error: [/^Factomos returned (an incomplete|a damaged) encrypted response$/, CUT_OFF] },
	{ mode: 'wrongSecret', fault: { type: 'wrongSecret' }, error: [/^Factomos' response could not be decrypted$/, /Secret .*probably wrong/] },
	{ mode: 'invalidJson', fault: { type: 'invalidJson' }, error: [/^Factomos returned an incomplete encrypted response$/, CUT_OFF] },
	{ mode: 'quota', fault: { type: 'quota' }, error: [new RegExp(`^Factomos error -4 on ${action}: Too many API calls for the day$`), /500 API calls a day/] },
	{ mode: 'slow, just under the timeout', fault: { type: 'slow', delayMs: TIMEOUT - 200 } },
	{ mode: 'slow, just over the timeout', fault: { type: 'slow', delayMs: TIMEOUT + 200 }, error: timedOut(action) },
	{ mode: 'urlencoded response', responseMode: 'urlencoded' },
	{ mode: 'base64 response', responseMode: 'base64' },
	{ mode: 'plain response', responseMode: 'plain' },
];

/** A non-idempotent create, with each item's name in a field the emulator stores. */
const OPERATIONS = [
	{
		action: 'createClient',
		parameters: { resource: 'client', operation: 'create', category: 'client', client_company_name: '={{ $json.name }}' },
		sentName: (params: Record<string, unknown>) => params.client_company_name,
		storedNames: () => [...env.emu.store.clients.values()].map((client) => client.client_company_name),
		idField: 'client_id',
	},
	{
		action: 'createInvoice',
		parameters: {
			resource: 'invoice',
			operation: 'create',
			client_id: { __rl: true, mode: 'id', value: '1002' },
			lines: { line: [{ serviceId: '2003', description: 'Abonnement', quantity: 12, price: '9.5' }] },
			additionalFields: { objet: '={{ $json.name }}' },
		},
		sentName: (params: Record<string, unknown>) => params.objet,
		storedNames: () => [...env.emu.store.invoices.values()].map((invoice) => invoice.objet),
		idField: 'invoice_id',
	},
];

const TABLE = OPERATIONS.flatMap((operation) => CASES(operation.action).map((row) => ({ ...row, operation, label: `${operation.action} / ${row.mode}` })));

/** Waits until `done` holds, polling; a slow fault finishes server-side after the client gave up. */
async function until(done: () => boolean, deadlineMs = 3000): Promise<void> {
	const deadline = Date.now() + deadlineMs;
	while (!done()) {
		if (Date.now() > deadline) throw new Error('Timed out waiting for the emulator');
		await sleep(20);
	}
}

/** Arranges the case with the fault on item 2 only, runs the batch and checks what every mode shares. */
async function runBatch(row: (typeof TABLE)[number], options: RunOptions) {
	const { emu } = env;
	const before = row.operation.storedNames();
	if (row.responseMode) emu.setResponseMode(row.responseMode);
	if (row.fault) emu.setFault({ ...row.fault, action: row.operation.action, skip: 1, times: 1 });
	const parameters: INodeParameters = { ...row.operation.parameters, options: { timeout: TIMEOUT } };
	const started = Date.now();
	const run = runNode(env.creds, parameters, { items: NAMES.map((name) => ({ name })), ...options });
	const outcome: { output?: INodeExecutionData[]; error?: NodeApiError } = await run.then(
		(output) => ({ output }),
		(error: NodeApiError) => ({ error }),
	);
	const elapsed = Date.now() - started;
	expect(elapsed).toBeLessThan(RUN_BOUND_MS);
	if (row.fault?.type === 'timeout' || (row.fault?.type === 'slow' && row.error)) expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT);
	// A slow call the node gave up on still runs to its end on the server: wait for it before counting records.
	if (row.fault?.type === 'slow') await until(() => emu.calls[1].responseCode !== FAULT_RESPONSE_CODE);

	expect(emu.calls[1].fault).toBe(row.fault?.type);
	expect(emu.calls.every((call) => call.action === row.operation.action)).toBe(true);
	// Sorted: a slow item 2 the node gave up on is stored after item 3.
	const created = row.operation.storedNames().slice(before.length).sort();
	// A slow call runs the action; every other fault replaces the answer without running it.
	const item2Ran = !row.error || row.fault?.type === 'slow';
	return { outcome, created, item2Ran };
}

describe('faults => a fault on item 2 of 3 with continueOnFail', () => {
	it.each(TABLE)('should report $label on item 2 only, pair every item and create nothing twice', async (row) => {
		const { emu } = env;
		const { outcome, created, item2Ran } = await runBatch(row, { continueOnFail: true });
		expect(outcome.error).toBeUndefined();
		const output = outcome.output!;

		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(emu.calls.map((call) => row.operation.sentName(call.params))).toEqual(NAMES);
		expect(created).toEqual(item2Ran ? NAMES : [NAMES[0], NAMES[2]]);
		for (const index of [0, 2]) expect(output[index].json[row.operation.idField]).toEqual(expect.any(String));
		if (row.error) {
			expect(output[1].json.error).toMatch(row.error[0]);
			expect(output[1].json.description).toMatch(row.error[1]);
			expect(output[1].json[row.operation.idField]).toBeUndefined();
		} else {
			expect(output[1].json.error).toBeUndefined();
			expect(output[1].json[row.operation.idField]).toEqual(expect.any(String));
		}
		const text = JSON.stringify(output);
		expect(text).not.toContain(emu.secret);
		expect(text).not.toContain(emu.token);
	});
});

describe('faults => a fault on item 2 of 3 without continueOnFail', () => {
	it.each(TABLE.filter((row) => row.error))('should fail the run on item 2 for $label and never send item 3', async (row) => {
		const { emu } = env;
		const { outcome, created, item2Ran } = await runBatch(row, {});
		const error = outcome.error!;
		expect(error).toBeInstanceOf(NodeApiError);
		expectNoCredentials(error, emu);
		expect(error.message).toMatch(row.error![0]);
		expect(error.description).toMatch(row.error![1]);
		expect(error.context.itemIndex).toBe(1);
		expect(emu.calls.map((call) => row.operation.sentName(call.params))).toEqual(NAMES.slice(0, 2));
		expect(created).toEqual(item2Ran ? NAMES.slice(0, 2) : [NAMES[0]]);
	});
});
