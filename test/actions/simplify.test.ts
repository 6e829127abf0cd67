import type { INodeParameters } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runNode, type TestCredentials } from '../helpers/n8n';
import { fs, path, REPO_ROOT } from '../host';
import { SIMPLE_FIELDS as clientFields } from '../../nodes/Factomos/actions/client/getAll.operation';
import { SIMPLE_FIELDS as templateFields } from '../../nodes/Factomos/actions/emailTemplate/getAll.operation';
import { SIMPLE_FIELDS as invoiceFields } from '../../nodes/Factomos/actions/invoice/getAll.operation';
import { SIMPLE_FIELDS as serviceFields } from '../../nodes/Factomos/actions/service/getAll.operation';
import { simplifyOutput } from '../../nodes/Factomos/helpers/output';

/**
 * Simplify on every Get Many: on by default in node version 1.1, absent in version 1, whose saved
 * workflows keep the API's records. Seeded data: clients 1001-1003, services 2001-2003, invoices
 * 5001 (pending, World Company) and 5002 (later, Café Crème SARL), the account's email templates.
 */
const { env } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});

async function list(parameters: INodeParameters, typeVersion?: number) {
	const output = await runNode(creds, { operation: 'getAll', returnAll: true, ...parameters }, { typeVersion });
	expect(JSON.stringify(output)).not.toContain(emu.secret);
	return output.map((item) => item.json);
}

/** Every Get Many, with the parameters it needs in each version and one simplified record it must give. */
const GET_MANY: Array<[resource: string, v1: INodeParameters, v11: INodeParameters, simple: Record<string, unknown>, rawName: string]> = [
	[
		'invoice',
		{ resource: 'invoice', invoice_status: 'later' },
		{ resource: 'invoice', invoiceStatuses: ['later'] },
		{
			id: 5002,
			number: 'F02250002',
			type: 'invoice',
			status: 'Late',
			status_code: 'later',
			client_id: 1002,
			client_name: 'Café Crème SARL',
			date: '2025-02-03',
			due_date: '2025-03-05',
			total_without_vat: 450,
			total_vat: 90,
			total_with_vat: 540,
			amount_paid: 0,
			amount_due: 540,
			recurring: false,
		},
		'invoice_formated_number',
	],
	[
		'client',
		{ resource: 'client' },
		{ resource: 'client' },
		{
			id: 1002,
			name: 'Café Crème SARL',
			category: 'client',
			reference: 'REF-CC',
			first_name: 'Élodie',
			last_name: 'Dupré',
			email: 'bonjour@cafe-creme.test',
			phone: '',
			address: '12 rue de la Ré',
			address_more: '',
			zip_code: '69002',
			city: 'Lyon',
			country: 'France',
			language: 'fr',
			vat_number: '',
			siret: '',
			website: '',
			archived: false,
		},
		'client_company_name',
	],
	[
		'service',
		{ resource: 'service' },
		{ resource: 'service' },
		{
			id: 2003,
			name: 'Abonnement Pictomos',
			category: 'produits',
			description: 'Abonnement au service Pictomos',
			unit: 'mois',
			price: 9.5,
			vat: 20,
			price_includes_vat: false,
			reference: '',
			stock: 0,
			archived: false,
		},
		'service_name',
	],
	[
		'emailTemplate',
		{ resource: 'emailTemplate' },
		{ resource: 'emailTemplate' },
		{
			id: 333,
			name: 'Envoi facture',
			type: 'invoice',
			subject: 'Facture {numero}',
			message: 'Bonjour, veuillez trouver ci-joint la facture {numero}.',
			attach_document: true,
		},
		'template_name',
	],
];

describe.each(GET_MANY)('%s => getAll', (_resource, v1, v11, simple, rawName) => {
	it('should simplify by default in node version 1.1: the documented fields, typed, in one call', async () => {
		const output = await list(v11, 1.1);
		expect(emu.calls).toHaveLength(1);
		expect(output).toContainEqual(simple);
		const optional = ['due_date', 'estimate_id', 'document_url'];
		for (const record of output) {
			for (const [key, value] of Object.entries(record)) {
				if (optional.includes(key)) continue;
				expect(Object.keys(simple)).toContain(key);
				expect(typeof value).toBe(typeof simple[key]);
			}
		}
	});

	it('should keep the raw records in node version 1, as saved workflows had them, and with Simplify off', async () => {
		const v1Output = await list(v1);
		expect(await list({ ...v11, simplify: false }, 1.1)).toEqual(v1Output);
		expect(emu.calls).toHaveLength(2);
		expect(v1Output.every((record) => typeof record[rawName] === 'string')).toBe(true);
		expect(v1Output.every((record) => typeof record.name === 'undefined')).toBe(true);
	});
});

describe('invoice => getAll', () => {
	it("should simplify the documentation's own listInvoice example: no false keys, numbers, dates, readable status", async () => {
		emu.setDocExamples(true);
		const output = await list({ resource: 'invoice', invoiceStatuses: ['later'] }, 1.1);
		expect(output).toHaveLength(4);
		expect(output[0]).toEqual({
			id: 154735,
			number: 'F06150193',
			type: 'invoice',
			status: 'Late',
			status_code: 'later',
			client_id: 76577,
			client_name: 'Bob',
			date: '2015-06-19',
			due_date: '2015-07-19',
			total_without_vat: -150,
			total_vat: -30,
			total_with_vat: -180,
			amount_paid: 0,
			amount_due: -180,
			recurring: false,
		});
		// A down payment invoice made from estimate 41091.
		expect(output[3]).toMatchObject({ type: 'down-payment', estimate_id: 41091, total_with_vat: 500 });
		const text = JSON.stringify(output);
		for (const noise of ['document_key', 'payment_term_fr', 'articleList', 'exists', 'unix_timestamp', ':false,"', ':null']) {
			expect(text).not.toContain(noise);
		}
	});

	it('should list the Simplify fields the README documents', () => {
		const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
		for (const fields of [invoiceFields, clientFields, serviceFields, templateFields]) {
			for (const name of Object.keys(fields)) expect(readme).toContain(`\`${name}\``);
		}
		expect(readme).toContain('`document_url`');
	});
});

describe('simplify => output helper', () => {
	it('should add document_url only for a document key, and leave out false, null and 0 placeholders', () => {
		const base = 'https://app.factomos.com';
		const key = emu.store.invoice(emu.companyId, '5001')!.documentKey;
		expect(simplifyOutput({ id: '7', document_key: key }, invoiceFields, base)).toEqual({
			id: 7,
			document_url: `https://app.factomos.com/${key}`,
		});
		expect(
			simplifyOutput({ id: '7', document_key: false, estimate_id: '0', payment_term_fr: '00/00/00', client_id: null }, invoiceFields, base),
		).toEqual({ id: 7 });
	});
});
