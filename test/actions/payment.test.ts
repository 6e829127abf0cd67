import type { INodeParameters } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runNode, type TestCredentials } from '../helpers/n8n';

const { env, failure, expectApiError, expectInputError } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});


const SPECIAL = 'Dupont & Fils = 100% + Café';

describe('payment => create', () => {
	it('should send every field unchanged and return the invoice and payment IDs', async () => {
		const output = await runNode(creds, {
			resource: 'payment',
			operation: 'create',
			invoice_id: '5001',
			montant: 1250.5,
			type: 'check',
			additionalFields: {
				reference: SPECIAL,
				payment_date: '2025-03-20T00:00:00',
				numero_remise: 'R-42 & 43',
				numero_cheque: '0001234',
			},
		});
		expect(emu.calls[0].params).toEqual({
			action: 'createPayment',
			invoice_id: '5001',
			montant: '1250.5',
			type: 'check',
			reference: SPECIAL,
			payment_date: '2025-03-20',
			numero_remise: 'R-42 & 43',
			numero_cheque: '0001234',
		});
		expect(output).toEqual([{ json: { invoice_id: '5001', payment_id: '8003' }, pairedItem: { item: 0 } }]);
		expect(emu.store.payments.get('8003')).toMatchObject({
			invoice_id: '5001',
			montant: '1250.5',
			type: 'check',
			reference: SPECIAL,
			payment_date: '2025-03-20',
		});
	});

	it('should send only the required fields when nothing else is set', async () => {
		await runNode(creds, { resource: 'payment', operation: 'create', invoice_id: '5001', montant: 100, type: 'especes' });
		expect(emu.calls[0].params).toEqual({ action: 'createPayment', invoice_id: '5001', montant: '100', type: 'especes' });
	});

	it('should accept a YYYY-MM-DD date from an expression', async () => {
		await runNode(
			creds,
			{
				resource: 'payment',
				operation: 'create',
				invoice_id: '={{ $json.invoice }}',
				montant: '={{ $json.amount }}',
				type: 'paypal',
				additionalFields: { payment_date: '={{ $json.paidOn }}' },
			},
			{ items: [{ invoice: 5001, amount: '99.90', paidOn: '2025-12-31' }] },
		);
		expect(emu.calls[0].params).toEqual({
			action: 'createPayment',
			invoice_id: '5001',
			montant: '99.90',
			type: 'paypal',
			payment_date: '2025-12-31',
		});
	});

	it('should explain error -20 (invoice not found)', async () => {
		await expectApiError(
			{ resource: 'payment', operation: 'create', invoice_id: '99999', montant: 10, type: 'cb' },
			'createPayment',
			-20,
			'No invoice with this ID exists',
		);
	});

	it('should stop a missing invoice_id (-17) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'payment', operation: 'create', invoice_id: '', montant: 10, type: 'cb' },
			/^Invoice ID is required/,
		);
	});

	it('should stop a missing amount before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'payment', operation: 'create', invoice_id: '5001', montant: '={{ "" }}', type: 'cb' },
			/^Amount is required/,
		);
	});

	it('should reject an amount with a thousands separator before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'payment', operation: 'create', invoice_id: '5001', montant: '={{ "1 250,50" }}', type: 'cb' },
			/^Amount is invalid: "1 250,50"/,
		);
	});

	it('should reject a payment type that only expenses know', async () => {
		await expectInputError(
			{ resource: 'payment', operation: 'create', invoice_id: '5001', montant: 10, type: '={{ "prelevement" }}' },
			/^Type is invalid: "prelevement"/,
		);
	});

	it('should reject a malformed payment date before calling Factomos', async () => {
		await expectInputError(
			{
				resource: 'payment',
				operation: 'create',
				invoice_id: '5001',
				montant: 10,
				type: 'cb',
				additionalFields: { payment_date: '={{ "31/12/2025" }}' },
			},
			/^Payment Date is invalid: "31\/12\/2025"/,
		);
	});

	it('should reject an impossible date before calling Factomos', async () => {
		await expectInputError(
			{
				resource: 'payment',
				operation: 'create',
				invoice_id: '5001',
				montant: 10,
				type: 'cb',
				additionalFields: { payment_date: '2025-02-30' },
			},
			/^Payment Date is invalid: "2025-02-30"/,
		);
	});
});

describe('payment => update', () => {
	it('should update the only payment of an invoice without a payment ID', async () => {
		const output = await runNode(creds, {
			resource: 'payment',
			operation: 'update',
			invoice_id: '5003',
			updateFields: { montant: 140, reference: SPECIAL, payment_date: '2025-03-21T00:00:00' },
		});
		expect(emu.calls[0].params).toEqual({
			action: 'editPayment',
			invoice_id: '5003',
			montant: '140',
			reference: SPECIAL,
			payment_date: '2025-03-21',
		});
		expect(output).toEqual([{ json: { invoice_id: '5003', payment_id: '8001' }, pairedItem: { item: 0 } }]);
		expect(emu.store.payments.get('8001')).toMatchObject({ montant: '140', reference: SPECIAL, payment_date: '2025-03-21' });
	});

	it('should update the chosen payment when the invoice has several', async () => {
		const invoice = emu.store.invoices.get('5004')!;
		const second = emu.store.createPayment(invoice, { montant: '200', type: 'cb' });
		const output = await runNode(creds, {
			resource: 'payment',
			operation: 'update',
			invoice_id: '5004',
			updateFields: { payment_id: second.payment_id, type: 'virement', numero_remise: 'R-7', numero_cheque: '' },
		});
		expect(emu.calls[0].params).toEqual({
			action: 'editPayment',
			invoice_id: '5004',
			payment_id: second.payment_id,
			type: 'virement',
			numero_remise: 'R-7',
		});
		expect(output[0].json).toEqual({ invoice_id: '5004', payment_id: second.payment_id });
		expect(emu.store.payments.get(second.payment_id)).toMatchObject({ type: 'virement', numero_remise: 'R-7' });
		expect(emu.store.payments.get('8002')?.type).toBe('check');
	});

	it('should explain error -21 (several payments, no payment ID)', async () => {
		emu.store.createPayment(emu.store.invoices.get('5004')!, { montant: '200', type: 'cb' });
		await expectApiError(
			{ resource: 'payment', operation: 'update', invoice_id: '5004', updateFields: { montant: 300 } },
			'editPayment',
			-21,
			'set the Payment ID',
		);
	});

	it('should explain error -20 (invoice not found)', async () => {
		await expectApiError(
			{ resource: 'payment', operation: 'update', invoice_id: '99999', updateFields: { montant: 300 } },
			'editPayment',
			-20,
			'No invoice with this ID exists',
		);
	});

	it('should stop a missing invoice_id (-17) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'payment', operation: 'update', invoice_id: ' ', updateFields: { montant: 300 } },
			/^Invoice ID is required/,
		);
	});

	it('should refuse an update with nothing to change', async () => {
		await expectInputError(
			{ resource: 'payment', operation: 'update', invoice_id: '5003', updateFields: { payment_id: '8001' } },
			/^Update Fields are empty/,
		);
	});

	it('should reject a non-numeric payment ID before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'payment', operation: 'update', invoice_id: '5003', updateFields: { payment_id: 'first', montant: 1 } },
			/^Payment ID is invalid: "first"/,
		);
	});

	it('should reject an unknown payment type from an expression', async () => {
		await expectInputError(
			{ resource: 'payment', operation: 'update', invoice_id: '5003', updateFields: { type: '={{ "bitcoin" }}' } },
			/^Type is invalid: "bitcoin"/,
		);
	});
});

describe('payment => deleteAll', () => {
	it('should delete every payment of the invoice', async () => {
		emu.store.createPayment(emu.store.invoices.get('5004')!, { montant: '200', type: 'cb' });
		const output = await runNode(creds, { resource: 'payment', operation: 'deleteAll', invoice_id: '5004' });
		expect(emu.calls[0].params).toEqual({ action: 'deleteAllPayments', invoice_id: '5004' });
		expect(output).toEqual([{ json: { invoice_id: '5004', deleted: true }, pairedItem: { item: 0 } }]);
		expect(emu.store.paymentsOf('5004')).toEqual([]);
		expect(emu.store.paymentsOf('5003')).toHaveLength(1);
	});

	it('should explain error -20 (invoice not found)', async () => {
		await expectApiError(
			{ resource: 'payment', operation: 'deleteAll', invoice_id: '99999' },
			'deleteAllPayments',
			-20,
			'No invoice with this ID exists',
		);
	});

	it('should stop a missing invoice_id (-17) before calling Factomos', async () => {
		await expectInputError({ resource: 'payment', operation: 'deleteAll', invoice_id: '' }, /^Invoice ID is required/);
	});

	it('should keep going on failure with a mixed batch', async () => {
		const output = await runNode(
			creds,
			{ resource: 'payment', operation: 'deleteAll', invoice_id: '={{ $json.invoice }}' },
			{ items: [{ invoice: '5003' }, { invoice: 'F-12' }, { invoice: '99999' }, { invoice: '5004' }], continueOnFail: true },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json).toEqual({ invoice_id: '5003', deleted: true });
		expect(output[1].json.error).toBe('Invoice ID is invalid: "F-12"');
		expect(output[2].json).toMatchObject({ code: -20, apiMessage: 'Invoice not found' });
		expect(output[3].json).toEqual({ invoice_id: '5004', deleted: true });
		expect(emu.calls).toHaveLength(3);
	});
});

describe('payment => generic API errors', () => {
	const operations: Array<[string, string, INodeParameters]> = [
		['createPayment', 'create', { invoice_id: '5001', montant: 10, type: 'cb' }],
		['editPayment', 'update', { invoice_id: '5003', updateFields: { montant: 10 } }],
		['deleteAllPayments', 'deleteAll', { invoice_id: '5003' }],
	];

	it.each(operations)('should explain error -4 (daily quota) on %s', async (action, operation, parameters) => {
		emu.setQuota(0);
		await expectApiError({ resource: 'payment', operation, ...parameters }, action, -4, '500 API calls a day');
	});

	it.each(operations)('should explain error -3 (unknown token) on %s', async (action, operation, parameters) => {
		const error = await failure(runNode({ ...creds, token: 'nope' }, { resource: 'payment', operation, ...parameters }));
		expect(error.message).toBe(`Factomos error -3 on ${action}: Invalid Token`);
	});
});
