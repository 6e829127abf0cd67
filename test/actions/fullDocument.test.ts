import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runNode, type TestCredentials } from '../helpers/n8n';

/**
 * Options → Return Full Document on Invoice → Create / Update and Estimate → Create: the write's
 * answer (§17, §20, §31: IDs, number, key) plus the document as getInvoice / getEstimate give it
 * (§18, §30: lines, totals), at exactly one more call per item, and none when the option is off.
 * Seeded: clients 1001-1002, service 2003 (Abonnement Pictomos, 9.5 a month), invoice 5001.
 */
const { env } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});

const LINES = {
	linesInputMode: 'json',
	linesJson: '[{ "serviceId": "2003", "description": "Abonnement", "quantity": 12, "price": 9.5 }]',
};
const client = { __rl: true, mode: 'id', value: '1002' };
const full = { options: { returnFullDocument: true } };

async function run(parameters: INodeParameters, items?: IDataObject[]) {
	const output = await runNode(creds, { ...LINES, client_id: client, ...parameters }, { typeVersion: 1.1, items });
	expect(JSON.stringify(output)).not.toContain(emu.secret);
	return output.map((item) => item.json);
}

const actions = () => emu.calls.map((call) => [call.action, call.params.invoice_id ?? call.params.estimate_id]);

describe('invoice => create', () => {
	it('should make one call and return what createInvoice answers when the option is off (default)', async () => {
		const [output] = await run({ resource: 'invoice', operation: 'create' });
		expect(emu.calls.map((call) => call.action)).toEqual(['createInvoice']);
		expect(output).not.toHaveProperty('articleList');
		expect(output).not.toHaveProperty('figures_total_withvat');
	});

	it('should read the new invoice back with one more call and return its lines, totals and link', async () => {
		const [output] = await run({ resource: 'invoice', operation: 'create', ...full });
		const invoice = [...emu.store.invoices.values()].at(-1)!;
		expect(actions()).toEqual([
			['createInvoice', undefined],
			['getInvoice', invoice.id],
		]);
		expect(output).toMatchObject({
			// createInvoice's answer stays, so expressions on it keep working.
			invoice_id: invoice.id,
			invoice_formated_number: invoice.formattedNumber,
			invoice_date: invoice.invoiceDate,
			client_id: '1002',
			// getInvoice's invoice object.
			id: invoice.id,
			invoice_status: 'pending',
			figures_total_withoutvat: '114',
			figures_total_vat: '22.8',
			figures_total_withvat: '136.8',
			document_url: `${creds.baseUrl}/${invoice.documentKey}`,
		});
		expect(output.articleList).toEqual([
			expect.objectContaining({ service_id: '2003', quantity: '12', invoice_price: '9.5', total_ht: '114' }),
		]);
	});

	it('should make exactly two calls per item, in item order', async () => {
		const output = await run({ resource: 'invoice', operation: 'create', ...full }, [{}, {}]);
		const ids = output.map((record) => record.invoice_id);
		expect(actions()).toEqual([
			['createInvoice', undefined],
			['getInvoice', ids[0]],
			['createInvoice', undefined],
			['getInvoice', ids[1]],
		]);
		expect(output.map((record) => record.id)).toEqual(ids);
	});

	it('should keep the created invoice and say why when reading it back fails, without creating it again', async () => {
		emu.setFault({ type: 'quota', action: 'getInvoice' });
		const [output] = await run({ resource: 'invoice', operation: 'create', ...full });
		expect(emu.calls.map((call) => call.action)).toEqual(['createInvoice', 'getInvoice']);
		const invoice = [...emu.store.invoices.values()].at(-1)!;
		expect(output).toMatchObject({
			invoice_id: invoice.id,
			document_url: `${creds.baseUrl}/${invoice.documentKey}`,
			full_document_error: { code: -4, message: expect.stringContaining('Too many API calls for the day') },
		});
		expect(output).not.toHaveProperty('articleList');
	});
});

describe('invoice => update', () => {
	const update = { resource: 'invoice', operation: 'update', invoice_id: '5001' };

	it('should make one call when the option is off', async () => {
		await run(update);
		expect(emu.calls.map((call) => call.action)).toEqual(['editInvoice']);
	});

	it('should read the edited invoice back with one more call and return its new lines and totals', async () => {
		const [output] = await run({ ...update, ...full });
		expect(actions()).toEqual([
			['editInvoice', '5001'],
			['getInvoice', '5001'],
		]);
		expect(output).toMatchObject({ invoice_id: '5001', id: '5001', client_id: '1002', figures_total_withvat: '136.8' });
		expect(output.articleList).toHaveLength(1);
	});
});

describe('estimate => create', () => {
	it('should make one call when the option is off', async () => {
		const [output] = await run({ resource: 'estimate', operation: 'create' });
		expect(emu.calls.map((call) => call.action)).toEqual(['createEstimate']);
		expect(output).not.toHaveProperty('articleList');
	});

	it('should read the new estimate back with one more call and return its lines, totals and link', async () => {
		const [output] = await run({ resource: 'estimate', operation: 'create', ...full });
		const estimate = [...emu.store.estimates.values()].at(-1)!;
		expect(actions()).toEqual([
			['createEstimate', undefined],
			['getEstimate', estimate.id],
		]);
		expect(output).toMatchObject({
			estimate_id: estimate.id,
			estimate_date: estimate.estimateDate,
			id: estimate.id,
			estimate_status: 'pending',
			figures_total_withvat: '136.8',
			document_url: `${creds.baseUrl}/${estimate.documentKey}`,
		});
		expect(output.articleList).toEqual([expect.objectContaining({ service_id: '2003', quantity: '12' })]);
	});
});
