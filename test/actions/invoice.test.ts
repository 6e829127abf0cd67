import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { factomosNode, runNode, type RunOptions, type TestCredentials } from '../helpers/n8n';

/** Seeded data: clients 1001 (World Company), 1002 (Café Crème SARL); services 2001-2003; invoices 5001-5006. */
const { env, ...shared } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function run(parameters: INodeParameters, options?: RunOptions) {
	const output = await runNode(creds, { resource: 'invoice', ...parameters }, options);
	expect(JSON.stringify(output)).not.toContain(emu.secret);
	expect(JSON.stringify(output)).not.toContain(emu.token);
	return output;
}

/** The shared failure check (no secret or token in the error), around this file's run. */
const failure = (parameters: INodeParameters, options?: RunOptions) => shared.failure(run(parameters, options));

async function expectApiError(parameters: INodeParameters, code: number, message: string, description: RegExp) {
	const error = await failure(parameters);
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toBe(`Factomos error ${code} on ${emu.calls.at(-1)?.action}: ${message}`);
	expect(error.description).toMatch(description);
	expect(error.context.itemIndex).toBe(0);
	expect(emu.calls.at(-1)?.responseCode).toBe(code);
	return error;
}

async function expectInputError(parameters: INodeParameters, message: RegExp) {
	const error = await failure(parameters);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(error.description).toBeTruthy();
	expect(error.context.itemIndex).toBe(0);
	expect(emu.calls).toHaveLength(0);
	return error;
}

/** A priced line, a title line between, and a line that uses the service's own price. */
const MIXED_LINES = {
	line: [
		{ serviceId: '2001', description: 'Intégration & tests = 100% + recette', quantity: 2, price: '800' },
		{ title: true, description: 'Phase 2 : Café & Crème' },
		{ serviceId: '2002', description: '', quantity: 1.5, price: '' },
	],
};
const MIXED_WIRE_LINES = {
	line_service_id: ['2001', '75', '2002'],
	line_description: ['Intégration & tests = 100% + recette', 'Phase 2 : Café & Crème', ''],
	line_quantity: ['2', '', '1.5'],
	line_price: ['800', '', ''],
};
const ONE_LINE = { line: [{ serviceId: '2003', description: 'Abonnement', quantity: 12, price: '9.5' }] };
const NOT_FOUND = 'No invoice with this ID exists in this Factomos account.';

describe('invoice => create', () => {
	const base = { operation: 'create', client_id: byId('1002'), lines: ONE_LINE };

	it('should send every field, the title line and special characters exactly, and return the ids and document link', async () => {
		const output = await run({
			...base,
			lines: MIXED_LINES,
			additionalFields: {
				invoice_date: '2026-01-31',
				invoice_attention: 'Élodie Dupré',
				objet: 'Café & Crème = 100% + TVA',
				vat_enable: true,
				several_vat: false,
				invoice_vat: 5.5,
				payment_condition_enable: true,
				payment_amount: 1234.5,
				payment_term: '2026-02-28',
				invoice_comment: "Merci ! 2% d'escompte <avant> le 10/02 & +",
				figures_total_withvat: '2400.50',
				invoice_paid: false,
				template_id: '1247',
			},
		});

		expect(emu.calls).toHaveLength(1);
		expect(emu.calls[0].params).toEqual({
			action: 'createInvoice',
			client_id: '1002',
			invoice_date: '2026-01-31',
			invoice_attention: 'Élodie Dupré',
			objet: 'Café & Crème = 100% + TVA',
			vat_enable: '1',
			several_vat: '0',
			invoice_vat: '5.5',
			payment_condition_enable: '1',
			payment_amount: '1234.5',
			payment_term: '2026-02-28',
			invoice_comment: "Merci ! 2% d'escompte <avant> le 10/02 & +",
			figures_total_withvat: '2400.50',
			invoice_paid: '0',
			template_id: '1247',
			...MIXED_WIRE_LINES,
		});
		const invoice = [...emu.store.invoices.values()].at(-1)!;
		expect(invoice.objet).toBe('Café & Crème = 100% + TVA');
		expect(invoice.lines.map((line) => line.serviceId)).toEqual(['2001', '75', '2002']);
		expect(output).toEqual([
			{
				json: {
					invoice_id: invoice.id,
					invoice_formated_number: invoice.formattedNumber,
					invoice_document_key: invoice.documentKey,
					invoice_date: '2026-01-31',
					client_id: '1002',
					document_url: `${creds.baseUrl}/${invoice.documentKey}`,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('should send only the client and the lines when no additional field is set', async () => {
		await run(base);
		expect(emu.calls[0].params).toEqual({
			action: 'createInvoice',
			client_id: '1002',
			line_service_id: ['2003'],
			line_description: ['Abonnement'],
			line_quantity: ['12'],
			line_price: ['9.5'],
		});
	});

	it('should accept lines given as JSON, with UI or API field names and title lines', async () => {
		const output = await run({
			...base,
			linesInputMode: 'json',
			linesJson: JSON.stringify([
				{ title: true, description: 'Lot 1' },
				{ serviceId: 2001, description: 'Dév & co', quantity: 3, price: 750.25 },
				{ line_service_id: '2002', line_description: 'Maquette', line_quantity: '0.5' },
			]),
		});
		expect(emu.calls[0].params).toMatchObject({
			line_service_id: ['75', '2001', '2002'],
			line_description: ['Lot 1', 'Dév & co', 'Maquette'],
			line_quantity: ['', '3', '0.5'],
			line_price: ['', '750.25', ''],
		});
		expect(output[0].json.document_url).toMatch(new RegExp(`^${creds.baseUrl}/i\\w{19}$`));
	});

	it('should run once per input item with expressions resolved per item', async () => {
		const output = await run(
			{ ...base, additionalFields: { objet: '={{ $json.subject }}' } },
			{ items: [{ subject: 'Janvier' }, { subject: 'Février' }] },
		);
		expect(emu.calls.map((call) => call.params.objet)).toEqual(['Janvier', 'Février']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	});

	it('should report -10 when the client does not exist', async () => {
		await expectApiError(
			{ ...base, client_id: byId('999999') },
			-10,
			'Client not found',
			/No client with this ID exists/,
		);
	});

	it('should report -14 when a line refers to an unknown service', async () => {
		await expectApiError(
			{ ...base, lines: { line: [{ serviceId: '2999', quantity: 1 }] } },
			-14,
			'Service not found',
			/service ID that does not exist/,
		);
	});

	it('should stop a missing client before Factomos answers -9', async () => {
		await expectInputError({ ...base, client_id: byId('') }, /Client is required/);
	});

	it('should return the error in the item with continue on fail', async () => {
		const output = await run({ ...base, client_id: byId('999999') }, { continueOnFail: true });
		expect(output[0].json).toMatchObject({ code: -10, apiMessage: 'Client not found' });
		expect(output[0].json.description).toMatch(/No client with this ID exists/);
	});

	it.each([
		['a non-numeric client', { client_id: byId('abc') }, /Client is invalid: "abc"/],
		['a malformed invoice date', { additionalFields: { invoice_date: '31/01/2026' } }, /Invoice Date is invalid/],
		['an impossible payment term', { additionalFields: { payment_term: '2026-02-30' } }, /Payment Term is invalid/],
		['a bad VAT rate', { additionalFields: { invoice_vat: '={{ "20%" }}' } }, /VAT Rate is invalid: "20%"/],
		['a total with a thousands separator', { additionalFields: { figures_total_withvat: '1.200,50' } }, /Forced Total With VAT is invalid: "1.200,50"/],
		['a bad template ID', { additionalFields: { template_id: 'design-1' } }, /Template ID is invalid/],
		['an empty line list', { lines: {} }, /Lines are empty/],
		['an empty JSON line list', { linesInputMode: 'json', linesJson: '[]' }, /Lines \(JSON\) is an empty array/],
		['invalid JSON lines', { linesInputMode: 'json', linesJson: '[{"serviceId": 1' }, /Lines \(JSON\) is not valid JSON/],
		['a non-numeric line quantity', { linesInputMode: 'json', linesJson: '[{"serviceId": "2001", "quantity": "two"}]' }, /Line 1: quantity is not a number: "two"/],
		['a line without a service', { lines: { line: [{ description: 'x', quantity: 1 }] } }, /Line 1: Service Name or ID is required/],
		['a non-numeric line price', { lines: { line: [{ serviceId: '2001', quantity: 1, price: '8€' }] } }, /Line 1: Unit Price is not a number: "8€"/],
	])('should reject %s before any request', async (_label, parameters, message) => {
		await expectInputError({ ...base, ...parameters } as INodeParameters, message);
	});

	it('should name the failing item when a later item is invalid', async () => {
		const error = await failure(
			{ ...base, additionalFields: { invoice_date: '={{ $json.date }}' } },
			{ items: [{ date: '2026-01-31' }, { date: '2026-13-01' }] },
		);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.context.itemIndex).toBe(1);
		expect(emu.calls).toHaveLength(1);
	});
});

describe('invoice => get', () => {
	it('should return the invoice object with its document link', async () => {
		const output = await run({ operation: 'get', invoice_id: '5001' });
		expect(emu.calls[0].params).toEqual({ action: 'getInvoice', invoice_id: '5001' });
		const invoice = emu.store.invoices.get('5001')!;
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			id: '5001',
			client_id: '1001',
			invoice_status: 'pending',
			document_key: invoice.documentKey,
			document_url: `${creds.baseUrl}/${invoice.documentKey}`,
		});
		expect(output[0].json).not.toHaveProperty('error');
		expect((output[0].json.articleList as IDataObject[]).map((line) => line.service_id)).toEqual(['75', '2001']);
	});

	it('should convert numeric strings when asked', async () => {
		const output = await run({ operation: 'get', invoice_id: '5001', options: { convertNumericStrings: true } });
		expect(output[0].json.id).toBe(5001);
		expect(typeof output[0].json.figures_total_withvat).toBe('number');
	});

	it('should report -20 when the invoice does not exist', async () => {
		await expectApiError({ operation: 'get', invoice_id: '4999' }, -20, 'Invoice not found', new RegExp(NOT_FOUND));
	});

	it('should stop a missing invoice ID before Factomos answers -17', async () => {
		await expectInputError({ operation: 'get', invoice_id: '  ' }, /Invoice ID is required/);
	});

	it('should reject a non-numeric invoice ID before any request', async () => {
		await expectInputError({ operation: 'get', invoice_id: 'F0125-001' }, /Invoice ID is invalid/);
	});
});

describe('invoice => update', () => {
	const base = { operation: 'update', invoice_id: '5002', client_id: byId('1001'), lines: ONE_LINE };

	it('should send the ID, client, lines and update fields, and return the ids and document link', async () => {
		const output = await run({
			...base,
			lines: MIXED_LINES,
			updateFields: {
				objet: 'Café & Crème = 100% + TVA',
				invoice_date: '2026-03-01',
				invoice_attention: 'Mme Dupré',
				invoice_vat: 10,
				payment_condition_enable: false,
				payment_amount: 0,
				payment_term: '2026-04-01',
				invoice_comment: 'Révisée',
				figures_total_withvat: '3000',
				invoice_paid: true,
			},
		});
		expect(emu.calls[0].params).toEqual({
			action: 'editInvoice',
			invoice_id: '5002',
			client_id: '1001',
			objet: 'Café & Crème = 100% + TVA',
			invoice_date: '2026-03-01',
			invoice_attention: 'Mme Dupré',
			invoice_vat: '10',
			payment_condition_enable: '0',
			payment_amount: '0',
			payment_term: '2026-04-01',
			invoice_comment: 'Révisée',
			figures_total_withvat: '3000',
			invoice_paid: '1',
			...MIXED_WIRE_LINES,
		});
		const invoice = emu.store.invoices.get('5002')!;
		expect(invoice).toMatchObject({ clientId: '1001', objet: 'Café & Crème = 100% + TVA', paid: true });
		expect(output[0].json).toEqual({
			invoice_id: '5002',
			invoice_formated_number: invoice.formattedNumber,
			invoice_document_key: invoice.documentKey,
			document_url: `${creds.baseUrl}/${invoice.documentKey}`,
		});
	});

	it('should not offer the fields editInvoice does not document', () => {
		const updateFields = factomosNode.description.properties.find(
			(property) =>
				property.name === 'updateFields' && property.displayOptions?.show?.resource?.includes('invoice'),
		);
		const names = (updateFields?.options ?? []).map((option) => (option as { name: string }).name);
		expect(names).toContain('invoice_paid');
		expect(names).not.toEqual(expect.arrayContaining(['vat_enable']));
		expect(names).not.toContain('several_vat');
		expect(names).not.toContain('template_id');
	});

	it('should report -20 when the invoice does not exist', async () => {
		await expectApiError({ ...base, invoice_id: '4999' }, -20, 'Invoice not found', new RegExp(NOT_FOUND));
	});

	it('should report -10 when the client does not exist', async () => {
		await expectApiError({ ...base, client_id: byId('999999') }, -10, 'Client not found', /No client with this ID/);
	});

	it('should report -14 when a line refers to an unknown service', async () => {
		await expectApiError(
			{ ...base, lines: { line: [{ serviceId: '2999', quantity: 1 }] } },
			-14,
			'Service not found',
			/service ID that does not exist/,
		);
	});

	it.each([
		['a missing invoice ID (-17)', { invoice_id: '' }, /Invoice ID is required/],
		['a missing client (-9)', { client_id: byId('') }, /Client is required/],
		['an empty line list', { lines: {} }, /Lines are empty/],
		['a malformed date', { updateFields: { invoice_date: '2026-3-1' } }, /Invoice Date is invalid/],
		['a bad payment amount', { updateFields: { payment_amount: '={{ "cent" }}' } }, /Payment Amount is invalid/],
	])('should reject %s before any request', async (_label, parameters, message) => {
		await expectInputError({ ...base, ...parameters } as INodeParameters, message);
	});
});

describe('invoice => send', () => {
	it('should send with the chosen template and recipient and report it as sent', async () => {
		const output = await run({
			operation: 'send',
			invoice_id: '5001',
			email_template_id: byId('332'),
			email_to: 'compta+factures@example.com',
		});
		expect(emu.calls[0].params).toEqual({
			action: 'sendInvoice',
			invoice_id: '5001',
			email_template_id: '332',
			email_to: 'compta+factures@example.com',
		});
		expect(output).toEqual([{ json: { invoice_id: '5001', sent: true }, pairedItem: { item: 0 } }]);
		const mail = [...emu.store.mails.values()].at(-1)!;
		expect(mail).toMatchObject({ invoice_id: '5001', email_to: 'compta+factures@example.com', templateId: '332' });
	});

	it("should send only the invoice ID when the template and recipient are empty (client's email, default template)", async () => {
		await run({ operation: 'send', invoice_id: '5001' });
		expect(emu.calls[0].params).toEqual({ action: 'sendInvoice', invoice_id: '5001' });
		expect([...emu.store.mails.values()].at(-1)).toMatchObject({
			invoice_id: '5001',
			email_to: 'contact@worldcompany.test',
			template_type: 'invoice',
		});
	});

	it('should report -20 when the invoice does not exist', async () => {
		await expectApiError({ operation: 'send', invoice_id: '4999' }, -20, 'Invoice not found', new RegExp(NOT_FOUND));
	});

	it.each([
		['a missing invoice ID (-17)', { invoice_id: '' }, /Invoice ID is required/],
		['an invalid recipient', { invoice_id: '5001', email_to: 'compta@' }, /Recipient Email is invalid/],
		['a non-numeric template', { invoice_id: '5001', email_template_id: byId('relance') }, /Email Template is invalid/],
	])('should reject %s before any request', async (_label, parameters, message) => {
		await expectInputError({ operation: 'send', ...parameters } as INodeParameters, message);
	});
});

describe('invoice => getEmailHistory', () => {
	it('should return one item per email sent for the invoice', async () => {
		await run({ operation: 'send', invoice_id: '5002', email_to: 'autre@cafe-creme.test' });
		const output = await run({ operation: 'getEmailHistory', invoice_id: '5002' });
		expect(emu.calls.at(-1)?.params).toEqual({ action: 'getInvoiceMailHistory', invoice_id: '5002' });
		expect(output.map((item) => item.json.email_to)).toEqual(['bonjour@cafe-creme.test', 'autre@cafe-creme.test']);
		expect(output[0].json).toMatchObject({ invoice_id: '5002', template_type: 'invoice', email_viewed: '1' });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }]);
	});

	it('should return no items for an invoice that was never sent', async () => {
		expect(await run({ operation: 'getEmailHistory', invoice_id: '5001' })).toEqual([]);
		expect(emu.calls).toHaveLength(1);
	});

	it('should report -20 when the invoice does not exist', async () => {
		await expectApiError(
			{ operation: 'getEmailHistory', invoice_id: '4999' },
			-20,
			'Invoice not found',
			new RegExp(NOT_FOUND),
		);
	});

	it('should stop a missing invoice ID before Factomos answers -17', async () => {
		await expectInputError({ operation: 'getEmailHistory', invoice_id: '' }, /Invoice ID is required/);
	});
});

describe('invoice => createCreditNote', () => {
	it("should create a credit note and return its ids and document link", async () => {
		const output = await run({ operation: 'createCreditNote', invoice_id: '5001' });
		expect(emu.calls[0].params).toEqual({ action: 'createCreditNote', invoice_id: '5001' });
		const note = emu.store.creditNotesOf('5001')[0];
		expect(note.type).toBe('avoir');
		expect(output[0].json).toEqual({
			invoice_id: note.id,
			invoice_formated_number: note.formattedNumber,
			invoice_document_key: note.documentKey,
			invoice_date: note.invoiceDate,
			client_id: '1001',
			document_url: `${creds.baseUrl}/${note.documentKey}`,
		});
	});

	it('should report -20 when the invoice does not exist', async () => {
		await expectApiError(
			{ operation: 'createCreditNote', invoice_id: '4999' },
			-20,
			'Invoice not found',
			new RegExp(NOT_FOUND),
		);
	});

	it('should stop a missing invoice ID before Factomos answers -17', async () => {
		await expectInputError({ operation: 'createCreditNote', invoice_id: '' }, /Invoice ID is required/);
	});
});

describe('invoice => create', () => {
	const base = { operation: 'create', client_id: byId('1002') };

	it('should send a JSON line with service 75 as a title line, with or without title (§17)', async () => {
		await run({
			...base,
			linesInputMode: 'json',
			linesJson: JSON.stringify([
				{ service_id: 75, description: 'Phase 1' },
				{ serviceId: '75', description: 'Phase 2', title: false },
				{ line_service_id: ' 75 ', line_description: 'Phase 3', line_quantity: 4, line_price: 10 },
				{ serviceId: '2001', quantity: 1 },
			]),
		});
		expect(emu.calls[0].params).toMatchObject({
			line_service_id: ['75', '75', '75', '2001'],
			line_description: ['Phase 1', 'Phase 2', 'Phase 3', ''],
			line_quantity: ['', '', '', '1'],
			line_price: ['', '', '', ''],
		});
		const invoice = [...emu.store.invoices.values()].at(-1);
		expect(invoice?.lines.map((line) => line.serviceId)).toEqual(['75', '75', '75', '2001']);
	});

	it('should treat service 75 picked in a line defined below as a title line too', async () => {
		await run({ ...base, lines: { line: [{ serviceId: '75', description: 'Intro', quantity: 1 }, ONE_LINE.line[0]] } });
		expect(emu.calls[0].params).toMatchObject({
			line_service_id: ['75', '2003'],
			line_quantity: ['', '12'],
			line_price: ['', '9.5'],
		});
	});

	it('should send the Service list\'s Title Line (version 1.1, no Title Line switch) as a title line', async () => {
		// Version 1.1 hides Quantity and Unit Price for service 75, so the line holds no quantity.
		await run(
			{ ...base, lines: { line: [{ serviceId: '75', description: 'Phase 1' }, ONE_LINE.line[0]] } },
			{ typeVersion: 1.1 },
		);
		expect(emu.calls).toHaveLength(1);
		expect(emu.calls[0].params).toMatchObject({
			line_service_id: ['75', '2003'],
			line_description: ['Phase 1', ONE_LINE.line[0].description],
			line_quantity: ['', '12'],
			line_price: ['', '9.5'],
		});
	});
});
