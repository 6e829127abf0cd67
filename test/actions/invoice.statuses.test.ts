import type { INodeParameters } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runNode, type TestCredentials } from '../helpers/n8n';

/**
 * Invoice → Get Many from node version 1.1: several statuses or all, and a client filter applied
 * while paging. listInvoice takes one required status per call (§19), so each status is its own
 * series of calls; every test counts them. Seeded: 5001 pending (client 1001), 5002 later (1002),
 * 5003 paid (1001), 5004 partially-paid (1002), 5005 paid-avoir (1001), 5006 its credit note (avoir).
 */
const { env, failure } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});

async function list(parameters: INodeParameters, typeVersion = 1.1) {
	const output = await runNode(creds, { resource: 'invoice', operation: 'getAll', simplify: false, ...parameters }, { typeVersion });
	expect(JSON.stringify(output)).not.toContain(emu.secret);
	return output.map((item) => item.json);
}

/** [status, page_index] of every call. */
const calls = () => emu.calls.map((call) => [call.params.invoice_status, call.params.page_index]);
const client = (value: string) => ({ client_id: { __rl: true, mode: 'id', value } });

const DOC_ORDER = ['avoir', 'later', 'paid', 'paid-avoir', 'partially-paid', 'partially-paid-avoir', 'pending'];

describe('invoice => getAll', () => {
	it('should list several statuses in the order chosen, one call each', async () => {
		const output = await list({ invoiceStatuses: ['later', 'pending'], returnAll: true });
		expect(calls()).toEqual([
			['later', '0'],
			['pending', '0'],
		]);
		expect(output.map((invoice) => invoice.id)).toEqual(['5002', '5001']);
	});

	it('should list all statuses with exactly one call per status, in the documentation order', async () => {
		const output = await list({ invoiceStatuses: ['all'], returnAll: true });
		expect(calls()).toEqual(DOC_ORDER.map((status) => [status, '0']));
		expect(output.map((invoice) => [invoice.invoice_status, invoice.id])).toEqual([
			['avoir', '5006'],
			['later', '5002'],
			['paid', '5003'],
			['paid-avoir', '5005'],
			['partially-paid', '5004'],
			['pending', '5001'],
		]);
	});

	it('should treat All Statuses chosen with others as all, and a status chosen twice as once', async () => {
		await list({ invoiceStatuses: ['pending', 'all'], returnAll: true });
		expect(calls()).toEqual(DOC_ORDER.map((status) => [status, '0']));
		emu.calls = [];
		await list({ invoiceStatuses: ['paid', 'paid'], returnAll: true });
		expect(calls()).toEqual([['paid', '0']]);
	});

	it('should ask no further status once Limit is met', async () => {
		emu.reset();
		const pending = emu.addInvoices(120, { status: 'pending' }).reverse();
		emu.addInvoices(5, { status: 'paid' });
		const output = await list({ invoiceStatuses: ['pending', 'paid'], limit: 60 });
		expect(calls()).toEqual([
			['pending', '0'],
			['pending', '50'],
		]);
		expect(output.map((invoice) => invoice.id)).toEqual(pending.slice(0, 60));
	});

	it('should read only the pages the rest of Limit needs from the next status', async () => {
		emu.reset();
		const paid = emu.addInvoices(60, { status: 'paid' }).reverse();
		const pending = emu.addInvoices(120, { status: 'pending' }).reverse();
		// 60 paid, then the 40 still wanted: one page of pending, not the two a Limit of 100 alone would read.
		const output = await list({ invoiceStatuses: ['paid', 'pending'], limit: 100 });
		expect(calls()).toEqual([
			['paid', '0'],
			['paid', '50'],
			['pending', '0'],
		]);
		expect(output.map((invoice) => invoice.id)).toEqual([...paid, ...pending.slice(0, 40)]);
	});

	it("should keep only the client's invoices while paging, Limit counting kept ones", async () => {
		emu.reset();
		emu.seed();
		const world = emu.addInvoices(30, { status: 'pending', clientId: '1001' }).reverse();
		// Newer: listed first, on page 0 and half of page 50.
		emu.addInvoices(70, { status: 'pending', clientId: '1002' });
		const output = await list({ invoiceStatuses: ['pending'], filters: client('1001'), limit: 10 });
		expect(calls()).toEqual([
			['pending', '0'],
			['pending', '50'],
		]);
		expect(output.map((invoice) => invoice.id)).toEqual(world.slice(0, 10));
	});

	it('should read every page of every status with a client filter and Return All', async () => {
		emu.reset();
		emu.seed();
		emu.addInvoices(60, { status: 'paid', clientId: '1002' });
		const output = await list({ invoiceStatuses: ['all'], filters: client('1001'), returnAll: true });
		expect(calls()).toEqual([
			['avoir', '0'],
			['later', '0'],
			['paid', '0'],
			['paid', '50'],
			['paid-avoir', '0'],
			['partially-paid', '0'],
			['partially-paid-avoir', '0'],
			['pending', '0'],
		]);
		expect(output.map((invoice) => invoice.id)).toEqual(['5006', '5003', '5005', '5001']);
		expect(output.every((invoice) => invoice.client_id === '1001')).toBe(true);
	});

	it('should filter by client in node version 1 too, with its single status', async () => {
		const output = await list({ invoice_status: 'pending', filters: client('1002'), returnAll: true }, 1);
		expect(calls()).toEqual([['pending', '0']]);
		expect(output).toEqual([]);
	});

	it('should simplify the listed invoices by default, whatever the statuses', async () => {
		const output = (
			await runNode(creds, { resource: 'invoice', operation: 'getAll', invoiceStatuses: ['pending', 'later'], returnAll: true }, { typeVersion: 1.1 })
		).map((item) => item.json);
		expect(output.map((invoice) => [invoice.id, invoice.status])).toEqual([
			[5001, 'Pending'],
			[5002, 'Late'],
		]);
	});

	it.each([
		['no status', { invoiceStatuses: [] }, /^Statuses is empty$/],
		['an unknown status from an expression', { invoiceStatuses: '={{ ["pending", "unpaid"] }}' }, /^Statuses is invalid: "unpaid"$/],
		['a client that is not a numeric ID', { invoiceStatuses: ['pending'], filters: client('World') }, /^Client\b.* is invalid: "World"$/],
		['a Limit below 1', { invoiceStatuses: ['pending'], limit: '={{ 0 }}' }, /^Limit is invalid: "0"$/],
	])('should stop %s before any call', async (_label, parameters, message) => {
		const error = await failure(list(parameters as INodeParameters));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(message);
		expect(error.context.itemIndex).toBe(0);
		expect(emu.calls).toHaveLength(0);
	});
});
