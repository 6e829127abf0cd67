import type { IDataObject } from 'n8n-workflow';

import {
	callFactomosApi,
	factomosApiRequest,
	type FormParams,
	getDocumentBaseUrl,
} from '../../nodes/Factomos/transport';
import { FACTOMOS_ACTIONS, type FactomosAction } from '../../nodes/Factomos/transport/errors';
import type { FactomosEmulator } from '../emulator';
import { executeContext } from '../helpers/n8n';
import { type HttpSend, SEED, useTransportEmulator, VALID_PARAMS } from './support';

/** What PHP parse_str makes of the parameters: every scalar a string, arrays kept. */
function asPhp(params: FormParams): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(params)) {
		out[name] = Array.isArray(value) ? value.map((element) => String(element ?? '')) : String(value);
	}
	return out;
}

interface SuccessCase {
	/** Builds the parameters (default VALID_PARAMS[action]); may prepare state through the API. */
	arrange?: (call: (action: string, params: FormParams) => Promise<IDataObject>) => Promise<FormParams>;
	check: (result: IDataObject, emu: FactomosEmulator, params: FormParams) => void;
}

const SUCCESS: Record<FactomosAction, SuccessCase> = {
	createAccount: {
		check: (result, emu) => {
			expect(result).toEqual({
				company_id: expect.stringMatching(/^\d+$/),
				password: expect.stringMatching(/^[A-Za-z0-9]{12}$/),
				auth_token: expect.stringMatching(/^[0-9a-f]{40}$/),
				api_key: expect.any(String),
				api_secret: expect.any(String),
			});
			expect(emu.store.accounts.get(result.company_id as string)?.username).toBe('new-account@example.test');
		},
	},
	deleteAccount: {
		arrange: async (call) => {
			const created = await call('createAccount', { username: 'to-delete@example.test' });
			return { company_id: created.company_id as string };
		},
		check: (result, emu, params) => {
			expect(result).toEqual({});
			expect(emu.store.accounts.has(params.company_id as string)).toBe(false);
		},
	},
	updateAccount: {
		check: (result, emu) => {
			expect(result).toEqual({});
			expect(emu.store.accounts.get('550')?.subscription_status).toBe('readonly');
		},
	},
	getConnectionToken: {
		check: (result, emu) => {
			expect(Object.keys(result)).toEqual(['auth_token']);
			expect(emu.store.authTokens.get(result.auth_token as string)?.companyId).toBe('550');
		},
	},
	listClient: {
		check: (result) => {
			const clients = result.clients as IDataObject[];
			expect(clients.map((client) => client.client_id)).toEqual([SEED.cafe]);
			expect(clients[0].client_company_name).toBe('Café Crème SARL');
		},
	},
	getClient: {
		check: (result) => {
			expect(Object.keys(result)).toEqual(['client']);
			expect(result.client).toMatchObject({ client_id: SEED.world, client_company_name: 'World Company', client_city: 'Paris' });
		},
	},
	createClient: {
		check: (result, emu) => {
			expect(result).toEqual({ client_id: expect.stringMatching(/^\d+$/) });
			expect(emu.store.clients.get(result.client_id as string)).toMatchObject({
				client_company_name: 'Acme & Fils = 100% +1',
				client_city: 'Saint-Étienne',
				category: 'client',
			});
		},
	},
	editClient: {
		check: (result, emu) => {
			expect(result).toEqual({});
			expect(emu.store.clients.get(SEED.cafe)?.client_city).toBe('Lille');
		},
	},
	listService: {
		check: (result) => {
			const services = result.services as IDataObject[];
			expect(services.map((service) => service.service_id)).toEqual(['2001', '2002', '2003']);
			expect(services[0].service_name).toBe('Développement Web');
		},
	},
	getService: {
		check: (result) => {
			expect(result.service).toMatchObject({ service_id: SEED.design, service_name: 'Design', price: '450' });
		},
	},
	createService: {
		check: (result, emu) => {
			expect(result).toEqual({ service_id: expect.stringMatching(/^\d+$/) });
			expect(emu.store.services.get(result.service_id as string)).toMatchObject({ service_name: 'Audit', price: '120.5', unit: 'heure' });
		},
	},
	createInvoice: {
		check: (result, emu) => {
			expect(result).toEqual({
				invoice_id: expect.stringMatching(/^\d+$/),
				invoice_formated_number: expect.stringMatching(/^F\d+$/),
				invoice_document_key: expect.any(String),
				invoice_date: '2025-07-01',
				client_id: SEED.world,
			});
			const invoice = emu.store.invoices.get(result.invoice_id as string);
			expect(invoice?.objet).toBe('Site web');
			expect(invoice?.lines.map((line) => [line.serviceId, line.description, line.quantity])).toEqual([
				['75', 'Phase 1', 0],
				['2001', 'Développement', 2],
			]);
		},
	},
	getInvoice: {
		check: (result) => {
			const invoice = result.invoice as IDataObject;
			expect(invoice.invoice_formated_number).toBe('F01250001');
			expect((invoice.articleList as IDataObject[]).map((line) => line.service_id)).toEqual(['75', '2001']);
		},
	},
	listInvoice: {
		check: (result) => {
			expect(result.pagination).toMatchObject({ total_invoices: 1 });
			expect((result.invoices as IDataObject[]).map((invoice) => invoice.id)).toEqual([SEED.paidInvoice]);
		},
	},
	editInvoice: {
		check: (result, emu) => {
			expect(result).toEqual({
				invoice_id: SEED.pendingInvoice,
				invoice_formated_number: 'F01250001',
				invoice_document_key: expect.any(String),
			});
			expect(emu.store.invoices.get(SEED.pendingInvoice)?.clientId).toBe(SEED.cafe);
		},
	},
	sendInvoice: {
		check: (result, emu) => {
			expect(result).toEqual({});
			const sent = [...emu.store.mails.values()].filter((mail) => mail.invoice_id === SEED.pendingInvoice);
			expect(sent.map((mail) => mail.email_to)).toEqual(['compta@example.test']);
		},
	},
	getInvoiceMailHistory: {
		check: (result) => {
			const mails = result['invoice-emails'] as IDataObject[];
			expect(mails).toHaveLength(1);
			expect(mails[0]).toMatchObject({ invoice_id: SEED.laterInvoice, email_to: 'bonjour@cafe-creme.test' });
		},
	},
	listEmailTemplates: {
		check: (result) => {
			const templates = result['email-templates'] as IDataObject[];
			expect(templates.map((template) => template.template_type)).toEqual(
				expect.arrayContaining(['estimate', 'invoice', 'reminder1']),
			);
		},
	},
	createPayment: {
		check: (result, emu) => {
			expect(result).toEqual({ payment_id: expect.stringMatching(/^\d+$/) });
			expect(emu.store.payments.get(result.payment_id as string)).toMatchObject({
				invoice_id: SEED.partialInvoice,
				type: 'cb',
				payment_date: '2025-05-02',
			});
		},
	},
	editPayment: {
		check: (result, emu) => {
			expect(result).toEqual({ payment_id: SEED.paidPayment });
			expect(Number(emu.store.payments.get(SEED.paidPayment)?.montant)).toBe(20);
			expect(emu.store.payments.get(SEED.paidPayment)?.reference).toBe('VIR-2');
		},
	},
	deleteAllPayments: {
		check: (result, emu) => {
			expect(result).toEqual({});
			expect([...emu.store.payments.values()].filter((payment) => payment.invoice_id === SEED.partialInvoice)).toEqual([]);
		},
	},
	createExpense: {
		check: (result, emu) => {
			expect(result).toEqual({ expense_id: expect.stringMatching(/^\d+$/) });
			expect(emu.store.expenses.get(result.expense_id as string)).toMatchObject({
				supplier_id: SEED.supplier,
				payment_type: 'cb',
				date: '2025-06-01',
			});
		},
	},
	editExpense: {
		check: (result, emu) => {
			expect(result).toEqual({ expense_id: SEED.expense });
			expect(emu.store.expenses.get(SEED.expense)?.payment_type).toBe('virement');
		},
	},
	getExpense: {
		check: (result) => {
			expect(result.expense).toMatchObject({ expense_id: SEED.expense, invoice_number: 'IN-81450-2', comment: 'CARTES DE VISITE' });
		},
	},
	getEstimate: {
		check: (result) => {
			expect(result.estimate).toMatchObject({ estimate_formated_number: 'D25060002', id: SEED.openEstimate });
		},
	},
	createEstimate: {
		check: (result, emu) => {
			expect(result).toEqual({
				estimate_id: expect.stringMatching(/^\d+$/),
				estimate_formated_number: expect.stringMatching(/^D\d+$/),
				estimate_document_key: expect.any(String),
				estimate_date: '2025-08-01',
				client_id: SEED.cafe,
			});
			expect(emu.store.estimates.get(result.estimate_id as string)?.lines).toHaveLength(2);
		},
	},
	transformEstimate: {
		check: (result, emu) => {
			expect(result).toMatchObject({ invoice_id: expect.stringMatching(/^\d+$/), client_id: SEED.cafe });
			expect(emu.store.estimates.get(SEED.openEstimate)?.invoiceId).toBe(result.invoice_id);
		},
	},
	createCreditNote: {
		check: (result, emu) => {
			expect(result).toMatchObject({ invoice_id: expect.stringMatching(/^\d+$/), client_id: SEED.cafe });
			expect(emu.store.invoices.get(result.invoice_id as string)?.type).toBe('avoir');
		},
	},
};

describe('transport => callFactomosApi success', () => {
	const { emu, creds, http } = useTransportEmulator();

	it('should cover every /api/api.php action', () => {
		expect(Object.keys(SUCCESS).sort()).toEqual([...FACTOMOS_ACTIONS].sort());
		expect(FACTOMOS_ACTIONS).toHaveLength(28);
	});

	it.each(FACTOMOS_ACTIONS)('should call %s and return its fields without the error envelope', async (action) => {
		const { arrange, check } = SUCCESS[action];
		const call = (name: string, params: FormParams) => callFactomosApi(http, creds, name, params);
		const params = arrange ? await arrange(call) : VALID_PARAMS[action];
		const result = await call(action, params);
		expect(result).not.toHaveProperty('error');
		check(result, emu, params);
		const last = emu.calls.at(-1);
		expect(last?.action).toBe(action);
		expect(last?.params).toEqual({ action, ...asPhp(params) });
		expect(last?.responseCode).toBe(0);
		expect(emu.violations).toEqual([]);
	});
});

describe('transport => response modes', () => {
	const { emu, creds, http: real } = useTransportEmulator();
	const bodies: string[] = [];
	const http: HttpSend = async (request) => {
		const response = await real(request);
		bodies.push(response.body);
		return response;
	};
	beforeEach(() => {
		bodies.length = 0;
	});

	const FORMS = {
		urlencoded: /^(?:[A-Za-z0-9]|%2B|%2F|%3D)+$/,
		base64: /^[A-Za-z0-9+/]+={0,2}$/,
		plain: /^\{.*\}$/s,
	} as const;

	it.each(Object.keys(FORMS) as Array<keyof typeof FORMS>)('should decode a %s response', async (mode) => {
		const expected = await callFactomosApi(http, creds, 'getClient', { client_id: SEED.cafe });
		emu.setResponseMode(mode);
		const result = await callFactomosApi(http, creds, 'getClient', { client_id: SEED.cafe });
		expect(bodies.at(-1)).toMatch(FORMS[mode]);
		expect(result).toEqual(expected);
		expect(result.client).toMatchObject({ client_company_name: 'Café Crème SARL', client_contact_firstname: 'Élodie' });
		expect(result).not.toHaveProperty('error');
		expect(emu.violations).toEqual([]);
	});

	it('should really send urlencoded, base64 and plain bodies that differ', async () => {
		for (const mode of ['urlencoded', 'base64', 'plain'] as const) {
			emu.setResponseMode(mode);
			await callFactomosApi(http, creds, 'listService', {});
		}
		expect(new Set(bodies).size).toBe(3);
		expect(bodies[0]).toContain('%');
		expect(bodies[1]).not.toContain('%');
		expect(bodies[2].startsWith('{')).toBe(true);
	});
});

describe('transport => request encoding', () => {
	const { emu, creds, http } = useTransportEmulator();

	it('should form-encode the body exactly once with only token and crequest', async () => {
		const tricky = 'A&B=C +100% «été»\nligne 2 / ? # € 😀';
		await callFactomosApi(http, creds, 'createClient', { category: 'client', client_company_name: tricky, description: '' });
		expect(emu.violations).toEqual([]);
		expect(emu.calls.at(-1)?.params).toEqual({ action: 'createClient', category: 'client', client_company_name: tricky, description: '' });
		const request = emu.requests.at(-1);
		expect(request?.method).toBe('POST');
		expect(request?.path).toBe('/api/api.php');
		expect(request?.headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
		const fields = [...new URLSearchParams(request?.body)];
		expect(fields.map(([name]) => name)).toEqual(['token', 'crequest']);
		expect(fields[0][1]).toBe(creds.token);
		// One form decoding must give strict base64 (a double-encoded body would still contain %2B, %2F, %3D).
		expect(fields[1][1]).toMatch(/^[A-Za-z0-9+/]+={0,2}$/);
		expect(request?.body).not.toContain(creds.secret);
	});

	it('should keep the credentials out of the URL and the headers', async () => {
		await callFactomosApi(http, creds, 'listClient', {});
		const request = emu.requests.at(-1);
		expect(request?.path).toBe('/api/api.php');
		const headers = JSON.stringify(request?.headers);
		expect(headers).not.toContain(creds.token);
		expect(headers).not.toContain(creds.secret);
	});

	it('should send ciphertexts containing + and / without double encoding', async () => {
		for (let i = 0; i < 12; i++) await callFactomosApi(http, creds, 'listClient', { search_keyword: `mot clé ${i}` });
		const bodies = emu.requests.map((request) => request.body).join('\n');
		expect(bodies).toMatch(/%2B/);
		expect(bodies).toMatch(/%2F/);
		expect(bodies).not.toMatch(/%25/);
		expect(emu.calls.every((call) => call.responseCode === 0)).toBe(true);
		expect(emu.violations).toEqual([]);
	});

	it('should send line arrays as name[] with every element, empty strings included', async () => {
		await callFactomosApi(http, creds, 'createInvoice', VALID_PARAMS.createInvoice);
		expect(emu.calls.at(-1)?.plaintext).toContain('line_price[]=&line_price[]=800');
		expect(emu.calls.at(-1)?.params.line_price).toEqual(['', '800']);
		expect(emu.violations).toEqual([]);
	});
});

describe('transport => factomosApiRequest in an n8n ExecuteContext', () => {
	const { emu, creds } = useTransportEmulator();

	it('should call the action over HTTP and drop the error envelope', async () => {
		const ctx = executeContext(creds);
		const result = await factomosApiRequest.call(ctx, 'getClient', { client_id: SEED.world });
		expect(result).toEqual({ client: expect.objectContaining({ client_id: SEED.world, client_company_name: 'World Company' }) });
		expect(emu.calls.at(-1)?.params).toEqual({ action: 'getClient', client_id: SEED.world });
		expect(emu.violations).toEqual([]);
	});

	it('should create once and return the new id', async () => {
		const ctx = executeContext(creds);
		const result = await factomosApiRequest.call(ctx, 'createInvoice', VALID_PARAMS.createInvoice, { itemIndex: 0 });
		expect(result).toMatchObject({ invoice_id: expect.stringMatching(/^\d+$/), client_id: SEED.world });
		expect(emu.calls).toHaveLength(1);
		expect(emu.store.invoices.has(result.invoice_id as string)).toBe(true);
		expect(emu.violations).toEqual([]);
	});

	it('should trim the token and accept a Base URL pasted with /api/api.php', async () => {
		const ctx = executeContext({ ...creds, token: ` ${creds.token} `, baseUrl: `${creds.baseUrl}/api/api.php/` });
		const result = await factomosApiRequest.call(ctx, 'listService', {});
		expect((result.services as IDataObject[]).length).toBe(3);
		expect(emu.requests.at(-1)?.path).toBe('/api/api.php');
		expect(await getDocumentBaseUrl(ctx)).toBe(creds.baseUrl);
	});

	it.each(['urlencoded', 'base64', 'plain'] as const)('should decode a %s response through n8n httpRequest', async (mode) => {
		emu.setResponseMode(mode);
		const result = await factomosApiRequest.call(executeContext(creds), 'getService', { service_id: SEED.web });
		expect(result).toEqual({ service: expect.objectContaining({ service_name: 'Développement Web' }) });
	});
});
