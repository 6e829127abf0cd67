import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { factomosNode, runNode, type TestCredentials } from '../helpers/n8n';

const { env, failure, expectApiError, expectInputError } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});


const SPECIAL = 'Dupont & Fils = 100% + Café';

const supplier = (value: string) => ({ __rl: true, mode: 'list', value, cachedResultName: 'Papeterie Martin' });

describe('expense => create', () => {
	it('should send every field unchanged and return the new expense_id', async () => {
		const output = await runNode(creds, {
			resource: 'expense',
			operation: 'create',
			supplier_id: supplier('1003'),
			amount: 120.5,
			payment_type: 'prelevement',
			additionalFields: {
				date: '2025-06-30T00:00:00',
				invoice_number: 'FA-2025/06 & 07',
				vat: 20.08,
				payment_reference: 'PRLV = 100%',
				comment: SPECIAL,
			},
		});
		expect(emu.calls[0].params).toEqual({
			action: 'createExpense',
			supplier_id: '1003',
			amount: '120.5',
			payment_type: 'prelevement',
			date: '2025-06-30',
			invoice_number: 'FA-2025/06 & 07',
			vat: '20.08',
			payment_reference: 'PRLV = 100%',
			comment: SPECIAL,
		});
		expect(output).toEqual([{ json: { expense_id: '9002' }, pairedItem: { item: 0 } }]);
		expect(emu.store.expenses.get('9002')).toMatchObject({
			supplier_id: '1003',
			amount: '120.5',
			payment_type: 'prelevement',
			date: '2025-06-30',
			comment: SPECIAL,
		});
	});

	it('should send only the required fields when nothing else is set', async () => {
		await runNode(creds, {
			resource: 'expense',
			operation: 'create',
			supplier_id: { __rl: true, mode: 'id', value: '1003' },
			amount: 15,
			payment_type: 'tip',
		});
		expect(emu.calls[0].params).toEqual({ action: 'createExpense', supplier_id: '1003', amount: '15', payment_type: 'tip' });
	});

	it('should stop a missing amount (-18) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'expense', operation: 'create', supplier_id: supplier('1003'), amount: '={{ "" }}', payment_type: 'cb' },
			/^Amount is required/,
		);
	});

	it('should stop a missing payment type (-19) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'expense', operation: 'create', supplier_id: supplier('1003'), amount: 10, payment_type: '={{ "" }}' },
			/^Payment Type is required/,
		);
	});

	it('should stop a missing supplier (-21) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'expense', operation: 'create', supplier_id: supplier(''), amount: 10, payment_type: 'cb' },
			/^Supplier is required/,
		);
	});

	it('should reject a payment type that only invoice payments know', async () => {
		await expectInputError(
			{ resource: 'expense', operation: 'create', supplier_id: supplier('1003'), amount: 10, payment_type: '={{ "paypal" }}' },
			/^Payment Type is invalid: "paypal"/,
		);
	});

	it('should reject a malformed date and VAT before calling Factomos', async () => {
		await expectInputError(
			{
				resource: 'expense',
				operation: 'create',
				supplier_id: supplier('1003'),
				amount: 10,
				payment_type: 'cb',
				additionalFields: { date: '={{ "June 30" }}' },
			},
			/^Date is invalid: "June 30"/,
		);
		await expectInputError(
			{
				resource: 'expense',
				operation: 'create',
				supplier_id: supplier('1003'),
				amount: 10,
				payment_type: 'cb',
				additionalFields: { vat: '={{ "20%" }}' },
			},
			/^VAT is invalid: "20%"/,
		);
	});
});

describe('expense => update', () => {
	it('should send the required and changed fields and return the expense_id', async () => {
		const output = await runNode(creds, {
			resource: 'expense',
			operation: 'update',
			expense_id: '9001',
			supplier_id: supplier('1003'),
			amount: 4.2,
			payment_type: 'especes',
			updateFields: { comment: SPECIAL, date: '2025-02-26T00:00:00' },
		});
		expect(emu.calls[0].params).toEqual({
			action: 'editExpense',
			expense_id: '9001',
			supplier_id: '1003',
			amount: '4.2',
			payment_type: 'especes',
			comment: SPECIAL,
			date: '2025-02-26',
		});
		expect(output).toEqual([{ json: { expense_id: '9001' }, pairedItem: { item: 0 } }]);
		expect(emu.store.expenses.get('9001')).toMatchObject({
			amount: '4.2',
			payment_type: 'especes',
			comment: SPECIAL,
			date: '2025-02-26',
			invoice_number: 'IN-81450-2',
		});
	});

	it('should explain error -24 (expense not found)', async () => {
		await expectApiError(
			{ resource: 'expense', operation: 'update', expense_id: '99999', supplier_id: supplier('1003'), amount: 1, payment_type: 'cb' },
			'editExpense',
			-24,
			'No expense with this ID exists',
		);
	});

	it('should stop a missing expense_id (-23) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'expense', operation: 'update', expense_id: '', supplier_id: supplier('1003'), amount: 1, payment_type: 'cb' },
			/^Expense ID is required/,
		);
	});

	it('should stop a missing supplier (-21) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'expense', operation: 'update', expense_id: '9001', supplier_id: supplier(' '), amount: 1, payment_type: 'cb' },
			/^Supplier is required/,
		);
	});

	it('should stop a missing amount (-18) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'expense', operation: 'update', expense_id: '9001', supplier_id: supplier('1003'), amount: '={{ null }}', payment_type: 'cb' },
			/^Amount is required/,
		);
	});

	it('should stop a missing payment type (-19) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'expense', operation: 'update', expense_id: '9001', supplier_id: supplier('1003'), amount: 1, payment_type: '={{ "" }}' },
			/^Payment Type is required/,
		);
	});
});

describe('expense => get', () => {
	it('should send expense_id and return the expense itself', async () => {
		const output = await runNode(creds, { resource: 'expense', operation: 'get', expense_id: '9001' });
		expect(emu.calls[0].params).toEqual({ action: 'getExpense', expense_id: '9001' });
		expect(output).toEqual([
			{
				json: {
					exists: true,
					expense_id: '9001',
					date: '2025-02-25',
					supplier_id: '1003',
					invoice_number: 'IN-81450-2',
					vat: '0.61',
					amount: '3.66',
					payment_type: 'check',
					payment_reference: 'CHQ-88',
					comment: 'CARTES DE VISITE',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('should convert amounts to numbers when asked, keeping the invoice number as text', async () => {
		const output = await runNode(creds, {
			resource: 'expense',
			operation: 'get',
			expense_id: '9001',
			options: { convertNumericStrings: true },
		});
		expect(output[0].json).toMatchObject({ expense_id: 9001, amount: 3.66, vat: 0.61, supplier_id: 1003, invoice_number: 'IN-81450-2' });
	});

	it('should explain error -24 (expense not found)', async () => {
		await expectApiError({ resource: 'expense', operation: 'get', expense_id: '99999' }, 'getExpense', -24, 'No expense with this ID exists');
	});

	it('should stop a missing expense_id (-23) before calling Factomos', async () => {
		await expectInputError({ resource: 'expense', operation: 'get', expense_id: '' }, /^Expense ID is required/);
	});

	it('should keep going on failure with a mixed batch', async () => {
		const output = await runNode(
			creds,
			{ resource: 'expense', operation: 'get', expense_id: '={{ $json.id }}' },
			{ items: [{ id: 9001 }, { id: 'x' }, { id: 12 }], continueOnFail: true },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(output[0].json.expense_id).toBe('9001');
		expect(output[1].json).toEqual({
			error: 'Expense ID is invalid: "x"',
			description: 'Expense ID must be a numeric Factomos ID, e.g. 5782.',
		});
		expect(output[2].json).toMatchObject({ code: -24, apiMessage: 'Expense not found' });
	});
});

describe('expense => generic API errors', () => {
	const required = { supplier_id: supplier('1003'), amount: 1, payment_type: 'cb' };
	const operations: Array<[string, string, INodeParameters]> = [
		['createExpense', 'create', required],
		['editExpense', 'update', { expense_id: '9001', ...required }],
		['getExpense', 'get', { expense_id: '9001' }],
	];

	it.each(operations)('should explain error -4 (daily quota) on %s', async (action, operation, parameters) => {
		emu.setQuota(0);
		await expectApiError({ resource: 'expense', operation, ...parameters }, action, -4, '500 API calls a day');
	});

	it.each(operations)('should explain error -3 (unknown token) on %s', async (action, operation, parameters) => {
		const error = await failure(runNode({ ...creds, token: 'nope' }, { resource: 'expense', operation, ...parameters }));
		expect(error.message).toBe(`Factomos error -3 on ${action}: Invalid Token`);
	});
});

describe('expense => update', () => {
	const keep = { resource: 'expense', operation: 'update', expense_id: '9001', keepCurrentValues: true };
	const CURRENT = {
		date: '2025-02-25',
		supplier_id: '1003',
		invoice_number: 'IN-81450-2',
		vat: '0.61',
		amount: '3.66',
		payment_type: 'check',
		payment_reference: 'CHQ-88',
		comment: 'CARTES DE VISITE',
	};

	it('should read the expense first and send its current value for every field left out, when asked', async () => {
		const output = await runNode(creds, { ...keep, updateFields: { comment: SPECIAL } });
		expect(emu.calls.map((call) => call.params)).toEqual([
			{ action: 'getExpense', expense_id: '9001' },
			{ action: 'editExpense', expense_id: '9001', ...CURRENT, comment: SPECIAL },
		]);
		expect(output).toEqual([{ json: { expense_id: '9001' }, pairedItem: { item: 0 } }]);
		expect(emu.store.expenses.get('9001')).toMatchObject({ ...CURRENT, comment: SPECIAL });
	});

	it('should change the amount, payment type and supplier given, and keep the rest', async () => {
		await runNode(creds, { ...keep, updateFields: { amount: '0', payment_type: 'virement', supplier_id: '1003' } });
		expect(emu.calls[1].params).toEqual({ action: 'editExpense', expense_id: '9001', ...CURRENT, amount: '0', payment_type: 'virement' });
	});

	it('should stop an update that changes nothing before any call', async () => {
		await expectInputError({ ...keep, updateFields: {} }, /^Update Fields are empty/);
	});

	it('should check the values given before reading the expense', async () => {
		await expectInputError({ ...keep, updateFields: { amount: '={{ "3,50 €" }}' } }, /^Amount is invalid: "3,50 €"/);
		await expectInputError({ ...keep, updateFields: { payment_type: '={{ "paypal" }}' } }, /^Payment Type is invalid: "paypal"/);
		await expectInputError({ ...keep, updateFields: { supplier_id: 'Martin' } }, /^Supplier is invalid: "Martin"/);
	});

	it('should explain error -24 from the read and send no edit', async () => {
		await expectApiError({ ...keep, expense_id: '99999', updateFields: { comment: 'x' } }, 'getExpense', -24, 'No expense with this ID exists');
		expect(emu.calls.map((call) => call.action)).toEqual(['getExpense']);
	});

	it('should offer the supplier, amount and payment type as update fields only when keeping current values', () => {
		const fields = factomosNode.description.properties.find(
			(property) => property.name === 'updateFields' && property.displayOptions?.show?.resource?.includes('expense'),
		);
		const kept = (fields?.options as INodeProperties[]).filter((option) => option.displayOptions?.show?.['/keepCurrentValues']);
		expect(kept.map((option) => option.name).sort()).toEqual(['amount', 'payment_type', 'supplier_id']);
	});
});
