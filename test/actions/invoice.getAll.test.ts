import type { IDataObject, IExecuteFunctions, INodeParameters } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { FactomosEmulator, RawRequest } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runNode, type TestCredentials } from '../helpers/n8n';
import { fetchRowPages, type RowPage } from '../../nodes/Factomos/helpers/pagination';

const { env, ...shared } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});

async function list(parameters: INodeParameters) {
	const output = await runNode(creds, { resource: 'invoice', operation: 'getAll', ...parameters });
	expect(JSON.stringify(output)).not.toContain(emu.secret);
	return output;
}

/** The shared failure check (no secret or token in the error), around this file's list. */
const failure = (parameters: INodeParameters) => shared.failure(list(parameters));

/** Only `count` invoices of one status, newest first as Factomos lists them. */
function onlyInvoices(count: number, status = 'pending'): string[] {
	emu.reset();
	return emu.addInvoices(count, { status }).reverse();
}

const pageIndexes = () => emu.calls.map((call) => call.params.page_index);

describe('invoice => getAll', () => {
	it('should send the status and the first page index and return one item per invoice', async () => {
		const output = await list({ invoice_status: 'later', returnAll: true });
		expect(emu.calls.map((call) => call.params)).toEqual([
			{ action: 'listInvoice', invoice_status: 'later', page_index: '0' },
		]);
		expect(output).toHaveLength(1);
		expect(output[0]).toMatchObject({ json: { id: '5002', invoice_status: 'later' }, pairedItem: { item: 0 } });
		expect(output[0].json).not.toHaveProperty('document_url');
	});

	it.each([
		['avoir', ['5006']],
		['later', ['5002']],
		['paid', ['5003']],
		['paid-avoir', ['5005']],
		['partially-paid', ['5004']],
		['partially-paid-avoir', []],
		['pending', ['5001']],
	])('should list the %s invoices', async (status, ids) => {
		const output = await list({ invoice_status: status, returnAll: true });
		expect(emu.calls[0].params.invoice_status).toBe(status);
		expect(output.map((item) => item.json.id)).toEqual(ids);
		expect(output.every((item) => item.json.invoice_status === status)).toBe(true);
	});

	it('should page through 120 invoices with exactly 3 calls when Return All is on', async () => {
		const ids = onlyInvoices(120);
		const output = await list({ invoice_status: 'pending', returnAll: true });
		expect(pageIndexes()).toEqual(['0', '50', '100']);
		expect(emu.calls.every((call) => call.responseCode === 0)).toBe(true);
		expect(output.map((item) => item.json.id)).toEqual(ids);
	});

	it('should make a single call for exactly one full page', async () => {
		onlyInvoices(50);
		expect(await list({ invoice_status: 'pending', returnAll: true })).toHaveLength(50);
		expect(pageIndexes()).toEqual(['0']);
	});

	it('should make a single call and return nothing when no invoice has the status', async () => {
		onlyInvoices(3, 'paid');
		expect(await list({ invoice_status: 'pending', returnAll: true })).toEqual([]);
		expect(emu.calls).toHaveLength(1);
	});

	it('should stop after the first call when the limit fits in one page', async () => {
		const ids = onlyInvoices(120);
		const output = await list({ invoice_status: 'pending', returnAll: false, limit: 10 });
		expect(pageIndexes()).toEqual(['0']);
		expect(output.map((item) => item.json.id)).toEqual(ids.slice(0, 10));
	});

	it('should fetch only the pages the limit needs', async () => {
		const ids = onlyInvoices(120);
		const output = await list({ invoice_status: 'pending', limit: 60 });
		expect(pageIndexes()).toEqual(['0', '50']);
		expect(output.map((item) => item.json.id)).toEqual(ids.slice(0, 60));
	});

	it('should end cleanly when invoices disappear between pages and a later page answers -41', async () => {
		const ids = onlyInvoices(120);
		// Deletes invoices in Factomos right when the second page is requested.
		const requests: RawRequest[] = [];
		requests.push = (...entries: RawRequest[]) => {
			for (const entry of entries) {
				if (entry.path === '/api/api.php' && requests.length === 1) {
					for (const id of ids.slice(20)) emu.store.invoices.delete(id);
				}
				Array.prototype.push.call(requests, entry);
			}
			return requests.length;
		};
		emu.requests = requests;

		const output = await list({ invoice_status: 'pending', returnAll: true });
		// The first page announced 120: pages 50 and 100 went out together, and both answer -41.
		expect(pageIndexes().sort()).toEqual(['0', '100', '50']);
		expect(emu.calls.map((call) => call.responseCode)).toEqual([0, -41, -41]);
		expect(output.map((item) => item.json.id)).toEqual(ids.slice(0, 50));
	});

	it('should convert the numeric strings of each invoice when asked', async () => {
		const output = await list({ invoice_status: 'paid', returnAll: true, options: { convertNumericStrings: true } });
		expect(output[0].json).toMatchObject({ id: 5003, client_id: 1001 });
		expect(typeof output[0].json.figures_total_withvat).toBe('number');
	});

	it('should stop an invalid status from an expression before Factomos answers -40', async () => {
		const error = await failure({ invoice_status: '={{ "unpaid" }}', returnAll: true });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Status is invalid: "unpaid"');
		expect(error.description).toBe(
			'Pick Status from the list; an expression must give one of: avoir, later, paid, paid-avoir, partially-paid, partially-paid-avoir, pending.',
		);
		expect(error.context.itemIndex).toBe(0);
		expect(emu.calls).toHaveLength(0);
	});

	it('should stop an empty status before Factomos answers -39', async () => {
		const error = await failure({ invoice_status: '={{ "" }}', returnAll: true });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Status is invalid: ""');
		expect(emu.calls).toHaveLength(0);
	});

	it('should reject a limit below 1 before any request', async () => {
		const error = await failure({ invoice_status: 'pending', limit: '={{ 0 }}' });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('Limit is invalid: "0"');
		expect(error.context.itemIndex).toBe(0);
		expect(emu.calls).toHaveLength(0);
	});

	it('should report the quota error of the first page with its description', async () => {
		emu.setQuota(0);
		const error = await failure({ invoice_status: 'pending', returnAll: true });
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Factomos error -4 on listInvoice: Too many API calls for the day');
		expect(error.description).toMatch(/500 API calls a day/);
		expect(emu.calls).toHaveLength(1);
	});
});

describe('invoice => getAll pagination helper', () => {
	const context = (parameters: IDataObject) =>
		({
			getNodeParameter: (name: string, _i: number, fallback: unknown) => parameters[name] ?? fallback,
			getNode: () => ({ id: 'factomos', name: 'Factomos', type: 'n8n-nodes-factomos.factomos', typeVersion: 1, position: [0, 0], parameters: {} }),
		}) as unknown as IExecuteFunctions;
	const beyondEnd = () => Object.assign(new Error('Factomos error -41'), { errorResponse: { code: -41 } });

	it('should treat -41 on the first page as an error', async () => {
		const fetchPage = jest.fn(async () => {
			throw beyondEnd();
		});
		const error = await fetchRowPages(context({ returnAll: true }), 0, fetchPage, -41).catch((caught: unknown) => caught);
		// Errors leave the node as n8n errors, with the item index and the message kept.
		expect(error).toBeInstanceOf(NodeOperationError);
		expect((error as NodeOperationError).message).toBe('Factomos error -41');
		expect((error as NodeOperationError).context.itemIndex).toBe(0);
		expect(fetchPage).toHaveBeenCalledTimes(1);
	});

	it('should read string counters and follow last_row', async () => {
		const rows = (from: number, count: number) => Array.from({ length: count }, (_, i) => ({ id: from + i }));
		const fetchPage = jest.fn(async (pageIndex: number) => ({
			records: rows(pageIndex, pageIndex === 0 ? 50 : 4),
			first: String(pageIndex),
			last: String(pageIndex === 0 ? 49 : 53),
			total: '54',
		}));
		const records = await fetchRowPages(context({ returnAll: true }), 0, fetchPage, -41);
		expect(fetchPage.mock.calls.map(([pageIndex]) => pageIndex)).toEqual([0, 50]);
		expect(records).toHaveLength(54);
	});

	it('should stop instead of looping when the server keeps answering the same page', async () => {
		const page = Array.from({ length: 50 }, (_, i) => ({ id: i }));
		// Answers page 0 whatever page is asked for.
		const fetchPage = jest.fn<Promise<RowPage>, [pageIndex: number]>(async () => ({ records: page, first: '0', last: '49', total: '500' }));
		const records = await fetchRowPages(context({ returnAll: true }), 0, fetchPage, -41);
		// One batch of 5 pages after the first; the first answer that does not move forward ends the walk.
		expect(fetchPage.mock.calls.map(([pageIndex]) => pageIndex)).toEqual([0, 50, 100, 150, 200, 250]);
		expect(records).toHaveLength(100);
	});
});
