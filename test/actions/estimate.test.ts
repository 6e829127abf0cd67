import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runNode, type RunOptions, type TestCredentials } from '../helpers/n8n';

/** Seeded data: clients 1001-1003, services 2001-2003, estimates 7001 (already invoiced) and 7002 (pending). */
const { env, ...shared } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });

async function run(parameters: INodeParameters, options?: RunOptions) {
	const output = await runNode(creds, { resource: 'estimate', ...parameters }, options);
	expect(JSON.stringify(output)).not.toContain(emu.secret);
	expect(JSON.stringify(output)).not.toContain(emu.token);
	return output;
}

/** The shared failure check (no secret or token in the error), around this file's run. */
const failure = (parameters: INodeParameters) => shared.failure(run(parameters));

async function expectApiError(parameters: INodeParameters, code: number, message: string, description: RegExp) {
	const error = await failure(parameters);
	expect(error).toBeInstanceOf(NodeApiError);
	expect(error.message).toBe(`Factomos error ${code} on ${emu.calls.at(-1)?.action}: ${message}`);
	expect(error.description).toMatch(description);
	expect(error.context.itemIndex).toBe(0);
	expect(emu.calls.at(-1)?.responseCode).toBe(code);
}

async function expectInputError(parameters: INodeParameters, message: RegExp) {
	const error = await failure(parameters);
	expect(error).toBeInstanceOf(NodeOperationError);
	expect(error.message).toMatch(message);
	expect(error.description).toBeTruthy();
	expect(error.context.itemIndex).toBe(0);
	expect(emu.calls).toHaveLength(0);
}

const ONE_LINE = { line: [{ serviceId: '2002', description: 'Logo', quantity: 1, price: '600' }] };
const ESTIMATE_NOT_FOUND = /No estimate with this ID exists in this Factomos account/;

describe('estimate => create', () => {
	const base = { operation: 'create', client_id: byId('1002'), lines: ONE_LINE };

	it('should send every field, the title line and special characters exactly, and return the ids and document link', async () => {
		const output = await run({
			...base,
			lines: {
				line: [
					{ serviceId: '2001', description: 'Dév & recette = 100% + suivi', quantity: 2, price: '800' },
					{ title: true, description: 'Option « Crème »' },
					{ serviceId: '2003', description: '', quantity: 12, price: '' },
				],
			},
			additionalFields: {
				estimate_date: '2026-01-31',
				estimate_attention: 'Élodie Dupré',
				objet: 'Café & Crème = 100% + TVA',
				estimate_vat: 20,
				estimate_comment: 'Valable 30 jours <ferme> & "définitif"',
				figures_total_withvat: '2000',
				template_id: '1247',
			},
		});
		expect(emu.calls).toHaveLength(1);
		expect(emu.calls[0].params).toEqual({
			action: 'createEstimate',
			client_id: '1002',
			estimate_date: '2026-01-31',
			estimate_attention: 'Élodie Dupré',
			objet: 'Café & Crème = 100% + TVA',
			estimate_vat: '20',
			estimate_comment: 'Valable 30 jours <ferme> & "définitif"',
			figures_total_withvat: '2000',
			template_id: '1247',
			line_service_id: ['2001', '75', '2003'],
			line_description: ['Dév & recette = 100% + suivi', 'Option « Crème »', ''],
			line_quantity: ['2', '', '12'],
			line_price: ['800', '', ''],
		});
		const estimate = [...emu.store.estimates.values()].at(-1)!;
		expect(estimate).toMatchObject({ clientId: '1002', objet: 'Café & Crème = 100% + TVA', templateId: '1247' });
		expect(output).toEqual([
			{
				json: {
					estimate_id: estimate.id,
					estimate_formated_number: estimate.formattedNumber,
					estimate_document_key: estimate.documentKey,
					estimate_date: '2026-01-31',
					client_id: '1002',
					document_url: `${creds.baseUrl}/${estimate.documentKey}`,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('should accept lines given as JSON', async () => {
		await run({
			...base,
			linesInputMode: 'json',
			linesJson: '={{ $json.lines }}',
		}, { items: [{ lines: [{ service_id: '2001', quantity: 1.25, price: '700' }, { serviceId: '2002', quantity: '1' }] }] });
		expect(emu.calls[0].params).toEqual({
			action: 'createEstimate',
			client_id: '1002',
			line_service_id: ['2001', '2002'],
			line_description: ['', ''],
			line_quantity: ['1.25', '1'],
			line_price: ['700', ''],
		});
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
		['a missing client (-9)', { client_id: byId('') }, /Client is required/],
		['a malformed estimate date', { additionalFields: { estimate_date: '2026/01/31' } }, /Estimate Date is invalid/],
		['a bad VAT rate', { additionalFields: { estimate_vat: '={{ "vingt" }}' } }, /VAT Rate is invalid/],
		['a bad forced total', { additionalFields: { figures_total_withvat: '2 000' } }, /Forced Total With VAT is invalid/],
		['an empty line list', { lines: { line: [] } }, /Lines are empty/],
		['a non-numeric line quantity', { lines: { line: [{ serviceId: '2001', quantity: '={{ "1,5 h" }}' }] } }, /Line 1: Quantity is not a number: "1,5 h"/],
		['lines JSON that is not an array', { linesInputMode: 'json', linesJson: '{"serviceId": "2001"}' }, /Lines \(JSON\) must be an array/],
	])('should reject %s before any request', async (_label, parameters, message) => {
		await expectInputError({ ...base, ...parameters } as INodeParameters, message);
	});
});

describe('estimate => get', () => {
	it('should return the estimate object with its document link', async () => {
		const output = await run({ operation: 'get', estimate_id: '7002' });
		expect(emu.calls[0].params).toEqual({ action: 'getEstimate', estimate_id: '7002' });
		const estimate = emu.store.estimates.get('7002')!;
		expect(output).toHaveLength(1);
		expect(output[0].json).toMatchObject({
			id: '7002',
			estimate_status: 'pending',
			document_key: estimate.documentKey,
			document_url: `${creds.baseUrl}/${estimate.documentKey}`,
		});
		expect((output[0].json.articleList as IDataObject[]).map((line) => line.service_id)).toEqual(['2002', '2001']);
	});

	it('should report -26 when the estimate does not exist', async () => {
		await expectApiError({ operation: 'get', estimate_id: '6999' }, -26, 'Estimate not found', ESTIMATE_NOT_FOUND);
	});

	it('should stop a missing estimate ID before Factomos answers -25', async () => {
		await expectInputError({ operation: 'get', estimate_id: '' }, /Estimate ID is required/);
	});

	it('should reject a non-numeric estimate ID before any request', async () => {
		await expectInputError({ operation: 'get', estimate_id: 'D2506-0002' }, /Estimate ID is invalid/);
	});
});

describe('estimate => convertToInvoice', () => {
	it('should create the invoice and return its ids and document link', async () => {
		const output = await run({ operation: 'convertToInvoice', estimate_id: '7002' });
		expect(emu.calls[0].params).toEqual({ action: 'transformEstimate', estimate_id: '7002' });
		const estimate = emu.store.estimates.get('7002')!;
		const invoice = emu.store.invoices.get(estimate.invoiceId!)!;
		expect(invoice.estimateId).toBe('7002');
		expect(output[0].json).toEqual({
			invoice_id: invoice.id,
			invoice_formated_number: invoice.formattedNumber,
			invoice_document_key: invoice.documentKey,
			invoice_date: invoice.invoiceDate,
			client_id: '1002',
			document_url: `${creds.baseUrl}/${invoice.documentKey}`,
		});
	});

	it('should report -26 when the estimate does not exist', async () => {
		await expectApiError(
			{ operation: 'convertToInvoice', estimate_id: '6999' },
			-26,
			'Estimate not found',
			ESTIMATE_NOT_FOUND,
		);
	});

	it('should stop a missing estimate ID before Factomos answers -25', async () => {
		await expectInputError({ operation: 'convertToInvoice', estimate_id: ' ' }, /Estimate ID is required/);
	});
});

/** Reads the hidden inputs back the way a browser would, decoding the HTML entities. */
function parseHiddenInputs(html: string): Record<string, string> {
	const decode = (text: string) =>
		text
			.replace(/&quot;/g, '"')
			.replace(/&#39;/g, "'")
			.replace(/&lt;/g, '<')
			.replace(/&gt;/g, '>')
			.replace(/&amp;/g, '&');
	const fields: Record<string, string> = {};
	for (const [, name, value] of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)">/g)) {
		fields[decode(name)] = decode(value);
	}
	return fields;
}

async function postForm(url: string, fields: IDataObject) {
	return await fetch(url, {
		method: 'POST',
		headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams(fields as Record<string, string>).toString(),
	});
}

describe('estimate => buildPrefilledForm', () => {
	const tricky = {
		estimate_attention: 'Élodie "Lo" Dupré',
		objet: 'Café & Crème = 100% + TVA <promo>',
		estimate_comment: "Ligne 1\nL'été & l'hiver > 0",
		custom: 'order=42&source=n8n',
	};

	it('should build the form and an auto-submitting page without calling the API', async () => {
		const output = await run({ operation: 'buildPrefilledForm', client_id: byId('1002'), additionalFields: tricky });
		expect(emu.calls).toHaveLength(0);
		expect(emu.requests).toHaveLength(0);

		const url = `${creds.baseUrl}/creer-devis`;
		const json = output[0].json;
		expect(json).toMatchObject({ url, method: 'POST', fields: { client_id: '1002', ...tricky } });
		expect(Object.keys(json.fields as IDataObject)).toEqual([
			'client_id',
			'estimate_attention',
			'objet',
			'estimate_comment',
			'custom',
		]);

		const html = json.html as string;
		expect(html).toMatch(/^<!DOCTYPE html>/);
		expect(html).toContain(`<form id="factomos-estimate" method="post" action="${url}" accept-charset="UTF-8">`);
		expect(html).toContain('<noscript><button type="submit">');
		expect(html).toMatch(/<script>document\.getElementById\('factomos-estimate'\)\.submit\(\);<\/script>/);
		expect(html).not.toContain('<promo>');
		expect(parseHiddenInputs(html)).toEqual(json.fields);
	});

	it('should produce fields that the Factomos form accepts as sent', async () => {
		const output = await run({ operation: 'buildPrefilledForm', client_id: byId('1002'), additionalFields: tricky });
		const { url, fields } = output[0].json as { url: string; fields: IDataObject };
		const response = await postForm(url, fields);
		expect(response.status).toBe(200);
		expect(emu.store.prefilledForms).toHaveLength(1);
		expect(emu.store.prefilledForms[0]).toMatchObject({ params: fields, clientId: '1002' });
		expect(emu.calls).toHaveLength(0);
	});

	it('should send the company name when no client is chosen and leave empty fields out', async () => {
		const output = await run({
			operation: 'buildPrefilledForm',
			additionalFields: { client_company_name: 'Café Crème SARL', objet: '  ', custom: ' id=3 ' },
		});
		const { url, fields } = output[0].json as { url: string; fields: IDataObject };
		expect(fields).toEqual({ client_company_name: 'Café Crème SARL', custom: ' id=3 ' });
		await postForm(url, fields);
		expect(emu.store.prefilledForms[0]).toMatchObject({ clientId: '1002', params: fields });
		expect(emu.calls).toHaveLength(0);
	});

	it('should reject a non-numeric client ID', async () => {
		const error = await failure({ operation: 'buildPrefilledForm', client_id: byId('Café Crème') });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(/Client is invalid/);
		expect(error.context.itemIndex).toBe(0);
		expect(emu.requests).toHaveLength(0);
	});
});
