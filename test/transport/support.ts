import { CredentialTestContext } from 'n8n-core';

import {
	callFactomosApi,
	credentialTestHttp,
	type FactomosCredentials,
	type FormParams,
} from '../../nodes/Factomos/transport';
import type { FactomosAction } from '../../nodes/Factomos/transport/errors';
import { FactomosEmulator } from '../emulator';
import { net } from '../host';

/** The transport's HTTP sender type, taken from callFactomosApi so the tests follow its API. */
export type HttpSend = Parameters<typeof callFactomosApi>[0];

/** A real HTTP sender: n8n-core's legacy request helper, as the credential test uses it. */
export function realHttp(): HttpSend {
	return credentialTestHttp(new CredentialTestContext());
}

export function credsOf(emu: FactomosEmulator, baseUrl: string): FactomosCredentials {
	return { token: emu.token, secret: emu.secret, baseUrl };
}

/**
 * The seeded emulator a describe block shares: started once, reset and re-seeded before each test,
 * no protocol violations allowed. creds is filled in place once the port is known.
 */
export function useTransportEmulator(): { emu: FactomosEmulator; creds: FactomosCredentials; http: HttpSend } {
	const emu = new FactomosEmulator({ seed: true });
	const creds: FactomosCredentials = { token: emu.token, secret: emu.secret, baseUrl: '' };
	beforeAll(async () => {
		creds.baseUrl = await emu.start();
	});
	afterAll(() => emu.stop());
	beforeEach(() => {
		emu.reset();
		emu.seed();
	});
	afterEach(() => expect(emu.violations).toEqual([]));
	return { emu, creds, http: realHttp() };
}

/** Runs `run` and returns what it threw, as the caller says it is; fails the test when it resolves. */
export async function failureOf<E = unknown>(run: () => Promise<unknown>): Promise<E> {
	let result: unknown;
	try {
		result = await run();
	} catch (error) {
		return error as E;
	}
	throw new Error(`Expected a failure, got ${JSON.stringify(result).slice(0, 300)}`);
}

/** The fields of an Error or a NodeApiError that errorText reads. */
type ErrorParts = Partial<Record<'message' | 'description' | 'stack' | 'cause' | 'errorResponse' | 'context' | 'messages', unknown>> & {
	toJSON?: () => unknown;
};

/** Every part of an error a user or a log could see, as one string. */
export function errorText(error: unknown): string {
	const parts = error as ErrorParts | null | undefined;
	return JSON.stringify({
		own: { ...(error as object) },
		message: parts?.message,
		description: parts?.description,
		stack: parts?.stack,
		cause: parts?.cause,
		errorResponse: parts?.errorResponse,
		context: parts?.context,
		messages: parts?.messages,
		toJSON: typeof parts?.toJSON === 'function' ? parts.toJSON() : undefined,
	});
}

/** Asserts that neither the secret nor the token appears anywhere in the error. */
export function expectNoCredentials(error: unknown, credentials: { token: string; secret: string }): void {
	const text = errorText(error);
	expect(text).not.toContain(credentials.secret);
	expect(text).not.toContain(credentials.token);
	// JSON.stringify escapes some characters: check the escaped forms as well.
	expect(text).not.toContain(JSON.stringify(credentials.secret).slice(1, -1));
	expect(text).not.toContain(encodeURIComponent(credentials.secret));
}

/** The quoted part of a description ("Received: …" / "Decrypted: …"), without the quotes and ellipsis. */
export function quoted(description: string): string {
	const match = /(?:Received|Decrypted): "(.*?)…?"$/s.exec(description);
	return match ? match[1] : '';
}

/** A port on 127.0.0.1 that nothing listens on. */
export async function closedPort(): Promise<number> {
	const server = net.createServer();
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const address = server.address();
	const port = typeof address === 'object' && address ? address.port : 0;
	await new Promise<void>((resolve) => server.close(() => resolve()));
	return port;
}

/** Title line + one service line, the four parallel arrays the doc asks for. */
export const LINES: FormParams = {
	line_service_id: ['75', '2001'],
	line_description: ['Phase 1', 'Développement'],
	line_quantity: ['0', '2'],
	line_price: ['', '800'],
};

/** Lines that refer to a service that does not exist. */
export const UNKNOWN_SERVICE_LINES: FormParams = {
	line_service_id: ['2999'],
	line_description: ['Inconnu'],
	line_quantity: ['1'],
	line_price: ['10'],
};

/** Seed ids (test/emulator/seed.ts): clients, services, invoices, estimates, payments, expense. */
export const SEED = {
	world: '1001',
	cafe: '1002',
	supplier: '1003',
	web: '2001',
	design: '2002',
	pendingInvoice: '5001',
	laterInvoice: '5002',
	paidInvoice: '5003',
	partialInvoice: '5004',
	gainedEstimate: '7001',
	openEstimate: '7002',
	paidPayment: '8001',
	expense: '9001',
	missing: '424242',
} as const;

/** Valid parameters for every /api/api.php action against the seeded emulator (deleteAccount needs a created account). */
export const VALID_PARAMS: Record<FactomosAction, FormParams> = {
	createAccount: { username: 'new-account@example.test', app_name: 'Mon appli' },
	deleteAccount: { company_id: '10001' },
	updateAccount: { company_id: '550', subscription_status: 'readonly' },
	getConnectionToken: {},
	listClient: { search_keyword: 'café' },
	getClient: { client_id: SEED.world },
	createClient: { category: 'client', client_company_name: 'Acme & Fils = 100% +1', client_city: 'Saint-Étienne' },
	editClient: { client_id: SEED.cafe, client_city: 'Lille' },
	listService: {},
	getService: { service_id: SEED.design },
	createService: { category: 'services', service_name: 'Audit', price: '120.5', unit: 'heure' },
	createInvoice: { client_id: SEED.world, invoice_date: '2025-07-01', objet: 'Site web', ...LINES },
	getInvoice: { invoice_id: SEED.pendingInvoice },
	listInvoice: { invoice_status: 'paid' },
	editInvoice: { invoice_id: SEED.pendingInvoice, client_id: SEED.cafe, ...LINES },
	sendInvoice: { invoice_id: SEED.pendingInvoice, email_to: 'compta@example.test' },
	getInvoiceMailHistory: { invoice_id: SEED.laterInvoice },
	listEmailTemplates: {},
	createPayment: { invoice_id: SEED.partialInvoice, montant: '10.5', type: 'cb', payment_date: '2025-05-02' },
	editPayment: { invoice_id: SEED.paidInvoice, montant: '20', reference: 'VIR-2' },
	deleteAllPayments: { invoice_id: SEED.partialInvoice },
	createExpense: { supplier_id: SEED.supplier, amount: '12.3', payment_type: 'cb', date: '2025-06-01' },
	editExpense: { expense_id: SEED.expense, supplier_id: SEED.supplier, amount: '5', payment_type: 'virement' },
	getExpense: { expense_id: SEED.expense },
	getEstimate: { estimate_id: SEED.openEstimate },
	createEstimate: { client_id: SEED.cafe, estimate_date: '2025-08-01', ...LINES },
	transformEstimate: { estimate_id: SEED.openEstimate },
	createCreditNote: { invoice_id: SEED.laterInvoice },
};
