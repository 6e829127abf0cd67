import type { INodeParameters } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runNode, type TestCredentials } from '../helpers/n8n';

/**
 * Every field where a person types a number takes a decimal comma, as a French user types it,
 * and Factomos receives a decimal point (PHP would read "12,50" as 12).
 */
const { env, expectInputError } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function wireOf(parameters: INodeParameters) {
	await runNode(creds, parameters);
	return emu.calls.at(-1)!.params;
}

describe('invoice => create (decimal comma)', () => {
	it('should send quantities, prices, the VAT rate and amounts typed with a comma as decimal points', async () => {
		const wire = await wireOf({
			resource: 'invoice',
			operation: 'create',
			client_id: byId('1002'),
			lines: { line: [{ serviceId: '2001', description: 'Audit', quantity: '1,5', price: '12,50' }] },
			additionalFields: { invoice_vat: '5,5', payment_amount: '99,90', figures_total_withvat: '1200,50' },
		});
		expect(emu.calls).toHaveLength(1);
		expect(wire).toMatchObject({
			line_quantity: ['1.5'],
			line_price: ['12.50'],
			invoice_vat: '5.5',
			payment_amount: '99.90',
			figures_total_withvat: '1200.50',
		});
	});

	it('should still take the numbers that version-1 workflows saved (numeric quantity and VAT rate)', async () => {
		const wire = await wireOf({
			resource: 'invoice',
			operation: 'create',
			client_id: byId('1002'),
			lines: { line: [{ serviceId: '2001', quantity: 2.25, price: '800' }, { serviceId: '2002', quantity: 1, price: 9.5 }] },
			additionalFields: { invoice_vat: 19.6, payment_amount: 100 },
		});
		expect(wire).toMatchObject({
			line_quantity: ['2.25', '1'],
			line_price: ['800', '9.5'],
			invoice_vat: '19.6',
			payment_amount: '100',
		});
	});

	it('should take a decimal comma in JSON lines too', async () => {
		const wire = await wireOf({
			resource: 'invoice',
			operation: 'create',
			client_id: byId('1002'),
			linesInputMode: 'json',
			linesJson: '[{"serviceId": "2001", "quantity": "0,5", "price": "1,25"}]',
		});
		expect(wire).toMatchObject({ line_quantity: ['0.5'], line_price: ['1.25'] });
	});

	it.each([
		['a thousands separator', '1.250,50'],
		['two commas', '1,2,3'],
		['a unit', '1,5 h'],
	])('should refuse a quantity with %s before any call', async (_label, quantity) => {
		await expectInputError(
			{
				resource: 'invoice',
				operation: 'create',
				client_id: byId('1002'),
				lines: { line: [{ serviceId: '2001', quantity }] },
			},
			new RegExp(`^Line 1: Quantity is not a number: "${quantity}"`),
		);
	});
});

describe('invoice => update (decimal comma)', () => {
	it('should send the VAT rate and lines typed with a comma as decimal points', async () => {
		const wire = await wireOf({
			resource: 'invoice',
			operation: 'update',
			invoice_id: '5002',
			client_id: byId('1001'),
			lines: { line: [{ serviceId: '2001', quantity: '3,75', price: '0,99' }] },
			updateFields: { invoice_vat: '2,1' },
		});
		expect(wire).toMatchObject({ action: 'editInvoice', line_quantity: ['3.75'], line_price: ['0.99'], invoice_vat: '2.1' });
	});
});

describe('estimate => create (decimal comma)', () => {
	it('should send the VAT rate, the forced total and the lines typed with a comma as decimal points', async () => {
		const wire = await wireOf({
			resource: 'estimate',
			operation: 'create',
			client_id: byId('1002'),
			lines: { line: [{ serviceId: '2002', quantity: '2,5', price: '600,00' }] },
			additionalFields: { estimate_vat: '5,5', figures_total_withvat: '1582,50' },
		});
		expect(wire).toMatchObject({
			action: 'createEstimate',
			line_quantity: ['2.5'],
			line_price: ['600.00'],
			estimate_vat: '5.5',
			figures_total_withvat: '1582.50',
		});
	});
});

describe('payment => create and update (decimal comma)', () => {
	it('should send the amount typed with a comma as a decimal point', async () => {
		const wire = await wireOf({ resource: 'payment', operation: 'create', invoice_id: '5001', montant: '12,50', type: 'cb' });
		expect(wire).toMatchObject({ action: 'createPayment', montant: '12.50' });
	});

	it('should send an updated amount typed with a comma as a decimal point', async () => {
		const wire = await wireOf({ resource: 'payment', operation: 'update', invoice_id: '5003', updateFields: { montant: '140,5' } });
		expect(wire).toMatchObject({ action: 'editPayment', montant: '140.5' });
	});
});

describe('expense => create (decimal comma)', () => {
	it('should send the amount and the VAT typed with a comma as decimal points', async () => {
		const wire = await wireOf({
			resource: 'expense',
			operation: 'create',
			supplier_id: byId('1003'),
			amount: '42,50',
			payment_type: 'cb',
			additionalFields: { vat: '7,08' },
		});
		expect(wire).toMatchObject({ action: 'createExpense', amount: '42.50', vat: '7.08' });
	});
});

describe('service => create (decimal comma)', () => {
	it('should send the price typed with a comma as a decimal point', async () => {
		const wire = await wireOf({ resource: 'service', operation: 'create', service_name: 'Audit', price: '12,50' });
		expect(wire).toMatchObject({ action: 'createService', price: '12.50' });
	});
});

describe('account => create (decimal comma)', () => {
	it('should send the default VAT rate typed with a comma as a decimal point', async () => {
		const wire = await wireOf({
			resource: 'account',
			operation: 'create',
			username: 'jean@dupont.test',
			additionalFields: { vat_percentage: '5,5' },
		});
		expect(wire).toMatchObject({ action: 'createAccount', vat_percentage: '5.5' });
	});
});
