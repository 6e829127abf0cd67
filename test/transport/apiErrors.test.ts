import { NodeApiError } from 'n8n-workflow';

import {
	callFactomosApi,
	factomosApiRequest,
	FactomosFailure,
	type FactomosCredentials,
	type FormParams,
} from '../../nodes/Factomos/transport';
import { FACTOMOS_ACTIONS } from '../../nodes/Factomos/transport/errors';
import { FactomosEmulator } from '../emulator';
import { executeContext } from '../helpers/n8n';
import { wireCall } from '../helpers/wire';
import {
	credsOf,
	expectNoCredentials,
	failureOf,
	type HttpSend,
	LINES,
	realHttp,
	SEED,
	UNKNOWN_SERVICE_LINES,
	useTransportEmulator,
	VALID_PARAMS,
} from './support';

/**
 * The per-action error tables of /work/shared/factomos-api-v1.31.md, transcribed by hand: code, the API's
 * message, and what the doc's description says (as patterns the node's English description must match).
 */

interface Meaning {
	about: RegExp[];
	not?: RegExp;
}

const field = (name: string) => new RegExp(name.replace(/_/g, '[_ ]'), 'i');
/** "Le Champ X est manquant, or il est obligatoire" */
const missing = (name: string): Meaning => ({ about: [field(name), /missing/i], not: /exist|not found/i });
/** "Le/La X avec cet id n'existe pas dans la base Factomos" */
const notFound = (thing: string): Meaning => ({ about: [new RegExp(thing, 'i'), /\bno\b.*\bexists?\b|does not exist|not found/i], not: /missing/i });

type As = 'main' | 'appOnly' | 'nonPartner';

interface ErrorRow {
	action: string;
	code: number;
	message: string;
	meaning: Meaning;
	params: FormParams;
	/** Which token calls (default the seeded account's). */
	as?: As;
	arrange?: (emu: FactomosEmulator) => void;
}

const EXPENSE = { supplier_id: SEED.supplier, amount: '12', payment_type: 'cb' };

const DOCUMENTED: ErrorRow[] = [
	// §2 createAccount
	{ action: 'createAccount', code: -29, message: 'Missing parameter username', meaning: missing('username'), params: { name: 'Sans identifiant' } },
	{ action: 'createAccount', code: -30, message: 'Username not available', meaning: { about: [/username/i, /not available|already/i] }, params: { username: 'contact@factomos.com' } },
	// §3 deleteAccount
	{ action: 'deleteAccount', code: -33, message: 'Action not authorized', meaning: { about: [/partner/i] }, params: { company_id: '550' }, as: 'nonPartner' },
	{ action: 'deleteAccount', code: -35, message: 'Missing parameter company_id', meaning: missing('company_id'), params: {} },
	{ action: 'deleteAccount', code: -36, message: 'Account not found', meaning: notFound('account'), params: { company_id: '99999' } },
	// §4 updateAccount
	{ action: 'updateAccount', code: -33, message: 'Action not authorized', meaning: { about: [/partner/i] }, params: { company_id: '550', subscription_status: 'active' }, as: 'nonPartner' },
	{ action: 'updateAccount', code: -35, message: 'Missing parameter company_id', meaning: missing('company_id'), params: { subscription_status: 'active' } },
	{ action: 'updateAccount', code: -36, message: 'Account not found', meaning: notFound('account'), params: { company_id: '99999', subscription_status: 'active' } },
	{ action: 'updateAccount', code: -37, message: 'Missing parameter subscription_status', meaning: missing('subscription_status'), params: { company_id: '550' } },
	{
		action: 'updateAccount',
		code: -38,
		message: 'Parameter subscription_status invalid',
		meaning: { about: [field('subscription_status'), /invalid/i, /active/, /readonly/, /blocked/] },
		params: { company_id: '550', subscription_status: 'paused' },
	},
	// §5 getConnectionToken
	{
		action: 'getConnectionToken',
		code: -28,
		message: 'Your Token is not associated with a Factomos account',
		meaning: { about: [/token/i, /not associated/i] },
		params: {},
		as: 'appOnly',
	},
	// §11 getClient, §12 createClient, §13 editClient
	{ action: 'getClient', code: -8, message: 'Missing parameter client_id', meaning: missing('client_id'), params: {} },
	{ action: 'getClient', code: -9, message: 'Client not found', meaning: notFound('client'), params: { client_id: SEED.missing } },
	{ action: 'createClient', code: -11, message: 'Missing parameter category', meaning: missing('category'), params: { client_company_name: 'Sans catégorie' } },
	{ action: 'createClient', code: -12, message: 'Missing parameter client_company_name', meaning: missing('client_company_name'), params: { category: 'client' } },
	{ action: 'editClient', code: -8, message: 'Missing parameter client_id', meaning: missing('client_id'), params: { client_city: 'Lille' } },
	{ action: 'editClient', code: -9, message: 'Client not found', meaning: notFound('client'), params: { client_id: SEED.missing, client_city: 'Lille' } },
	// §15 getService, §16 createService
	{ action: 'getService', code: -13, message: 'Missing parameter service_id', meaning: missing('service_id'), params: {} },
	{ action: 'getService', code: -14, message: 'Service not found', meaning: notFound('service'), params: { service_id: SEED.missing } },
	{ action: 'createService', code: -15, message: 'Missing parameter service_name', meaning: missing('service_name'), params: { price: '10' } },
	{ action: 'createService', code: -16, message: 'Missing parameter price', meaning: missing('price'), params: { service_name: 'Audit' } },
	{
		action: 'createService',
		code: -27,
		message: 'The category of the service must be one of the following (services, produits)',
		meaning: { about: [/category/i, /services/, /produits/] },
		params: { service_name: 'Audit', price: '10', category: 'conseil' },
	},
	// §17 createInvoice
	{ action: 'createInvoice', code: -9, message: 'Missing parameter client_id', meaning: missing('client_id'), params: { ...LINES } },
	{ action: 'createInvoice', code: -10, message: 'Client not found', meaning: notFound('client'), params: { client_id: SEED.missing, ...LINES } },
	{ action: 'createInvoice', code: -14, message: 'Service not found', meaning: notFound('service'), params: { client_id: SEED.world, ...UNKNOWN_SERVICE_LINES } },
	// §18 getInvoice
	{ action: 'getInvoice', code: -17, message: 'Missing parameter invoice_id', meaning: missing('invoice_id'), params: {} },
	{ action: 'getInvoice', code: -20, message: 'Invoice not found', meaning: notFound('invoice'), params: { invoice_id: SEED.missing } },
	// §19 listInvoice
	{ action: 'listInvoice', code: -39, message: 'Missing parameter invoice_status', meaning: missing('invoice_status'), params: {} },
	{
		action: 'listInvoice',
		code: -40,
		message: 'Invalid parameter invoice_status',
		meaning: {
			about: [field('invoice_status'), /invalid/i, /avoir/, /later/, /paid-avoir/, /partially-paid-avoir/, /pending/],
		},
		params: { invoice_status: 'unpaid' },
	},
	{
		action: 'listInvoice',
		code: -41,
		message: 'Invalid parameter page_index',
		meaning: { about: [/page/i, /greater|more than|exceed/i, /total/i] },
		params: { invoice_status: 'paid', page_index: '5' },
	},
	// §20 editInvoice
	{ action: 'editInvoice', code: -9, message: 'Missing parameter client_id', meaning: missing('client_id'), params: { invoice_id: SEED.pendingInvoice, ...LINES } },
	{
		action: 'editInvoice',
		code: -10,
		message: 'Client not found',
		meaning: notFound('client'),
		params: { invoice_id: SEED.pendingInvoice, client_id: SEED.missing, ...LINES },
	},
	{
		action: 'editInvoice',
		code: -14,
		message: 'Service not found',
		meaning: notFound('service'),
		params: { invoice_id: SEED.pendingInvoice, client_id: SEED.world, ...UNKNOWN_SERVICE_LINES },
	},
	{ action: 'editInvoice', code: -17, message: 'Missing parameter invoice_id', meaning: missing('invoice_id'), params: { client_id: SEED.world, ...LINES } },
	{
		action: 'editInvoice',
		code: -20,
		message: 'Invoice not found',
		meaning: notFound('invoice'),
		params: { invoice_id: SEED.missing, client_id: SEED.world, ...LINES },
	},
	// §21 sendInvoice, §22 getInvoiceMailHistory
	{ action: 'sendInvoice', code: -17, message: 'Missing parameter invoice_id', meaning: missing('invoice_id'), params: { email_to: 'a@example.test' } },
	{ action: 'sendInvoice', code: -20, message: 'Invoice not found', meaning: notFound('invoice'), params: { invoice_id: SEED.missing } },
	{ action: 'getInvoiceMailHistory', code: -17, message: 'Missing parameter invoice_id', meaning: missing('invoice_id'), params: {} },
	{ action: 'getInvoiceMailHistory', code: -20, message: 'Invoice not found', meaning: notFound('invoice'), params: { invoice_id: SEED.missing } },
	// §25 editPayment
	{ action: 'editPayment', code: -17, message: 'Missing parameter invoice_id', meaning: missing('invoice_id'), params: { montant: '10' } },
	{ action: 'editPayment', code: -20, message: 'Invoice not found', meaning: notFound('invoice'), params: { invoice_id: SEED.missing, montant: '10' } },
	{
		action: 'editPayment',
		code: -21,
		message: 'Several payments for this invoice, you have to add the parameter payment_id',
		meaning: { about: [field('payment_id'), /several payments/i], not: /supplier/i },
		params: { invoice_id: SEED.partialInvoice, montant: '10' },
		arrange: (emu) => {
			const invoice = emu.store.invoices.get(SEED.partialInvoice);
			if (!invoice) throw new Error('seed changed: no partially paid invoice');
			emu.store.createPayment(invoice, { montant: '50', type: 'cb' });
		},
	},
	// §26 deleteAllPayments
	{ action: 'deleteAllPayments', code: -17, message: 'Missing parameter invoice_id', meaning: missing('invoice_id'), params: {} },
	{ action: 'deleteAllPayments', code: -20, message: 'Invoice not found', meaning: notFound('invoice'), params: { invoice_id: SEED.missing } },
	// §27 createExpense
	{ action: 'createExpense', code: -18, message: 'Missing parameter amount', meaning: missing('amount'), params: { ...EXPENSE, amount: undefined } },
	{ action: 'createExpense', code: -19, message: 'Missing parameter payment_type', meaning: missing('payment_type'), params: { ...EXPENSE, payment_type: undefined } },
	{
		action: 'createExpense',
		code: -21,
		message: 'Missing parameter supplier_id',
		meaning: { ...missing('supplier_id'), not: /payment|several/i },
		params: { ...EXPENSE, supplier_id: undefined },
	},
	// §28 editExpense
	{ action: 'editExpense', code: -18, message: 'Missing parameter amount', meaning: missing('amount'), params: { expense_id: SEED.expense, ...EXPENSE, amount: undefined } },
	{
		action: 'editExpense',
		code: -19,
		message: 'Missing parameter payment_type',
		meaning: missing('payment_type'),
		params: { expense_id: SEED.expense, ...EXPENSE, payment_type: undefined },
	},
	{
		action: 'editExpense',
		code: -21,
		message: 'Missing parameter supplier_id',
		meaning: { ...missing('supplier_id'), not: /payment|several/i },
		params: { expense_id: SEED.expense, ...EXPENSE, supplier_id: undefined },
	},
	{ action: 'editExpense', code: -23, message: 'Missing parameter expense_id', meaning: missing('expense_id'), params: { ...EXPENSE } },
	{ action: 'editExpense', code: -24, message: 'Expense not found', meaning: notFound('expense'), params: { expense_id: SEED.missing, ...EXPENSE } },
	// §29 getExpense
	{ action: 'getExpense', code: -23, message: 'Missing parameter expense_id', meaning: missing('expense_id'), params: {} },
	{ action: 'getExpense', code: -24, message: 'Expense not found', meaning: notFound('expense'), params: { expense_id: SEED.missing } },
	// §30 getEstimate, §31 createEstimate, §32 transformEstimate
	{ action: 'getEstimate', code: -25, message: 'Missing parameter estimate_id', meaning: missing('estimate_id'), params: {} },
	{ action: 'getEstimate', code: -26, message: 'Estimate not found', meaning: notFound('estimate'), params: { estimate_id: SEED.missing } },
	{ action: 'createEstimate', code: -9, message: 'Missing parameter client_id', meaning: missing('client_id'), params: { ...LINES } },
	{ action: 'createEstimate', code: -10, message: 'Client not found', meaning: notFound('client'), params: { client_id: SEED.missing, ...LINES } },
	{ action: 'createEstimate', code: -14, message: 'Service not found', meaning: notFound('service'), params: { client_id: SEED.world, ...UNKNOWN_SERVICE_LINES } },
	{ action: 'transformEstimate', code: -25, message: 'Missing parameter estimate_id', meaning: missing('estimate_id'), params: {} },
	{ action: 'transformEstimate', code: -26, message: 'Estimate not found', meaning: notFound('estimate'), params: { estimate_id: SEED.missing } },
	// §33 createCreditNote
	{ action: 'createCreditNote', code: -17, message: 'Missing parameter invoice_id', meaning: missing('invoice_id'), params: {} },
	{ action: 'createCreditNote', code: -20, message: 'Invoice not found', meaning: notFound('invoice'), params: { invoice_id: SEED.missing } },
];

/** §1 "Codes d'Erreur génériques", listed again in every action's table. */
const GENERIC: Record<number, { message: string; meaning: Meaning }> = {
	[-1]: { message: 'Missing Token', meaning: { about: [/token/i, /missing/i] } },
	[-2]: { message: 'Missing Crypted Request', meaning: { about: [/crequest|encrypted request/i, /missing/i] } },
	[-3]: { message: 'Invalid Token', meaning: { about: [/token/i, /invalid|does not exist/i] } },
	[-4]: { message: 'Too many API calls for the day', meaning: { about: [/500/, /a day|per day|daily|today/i] } },
	[-5]: { message: 'Invalid Crypted Request', meaning: { about: [/decrypt/i, /secret/i] } },
	[-6]: { message: 'Action not found or invalid', meaning: { about: [/action/i, /missing|unknown|invalid/i] } },
};

function expectMeaning(description: string | undefined, meaning: Meaning): void {
	expect(description).toBeDefined();
	expect(description).not.toMatch(/does not describe/);
	for (const pattern of meaning.about) expect(description).toMatch(pattern);
	if (meaning.not) expect(description).not.toMatch(meaning.not);
}

function expectFailure(error: unknown, action: string, code: number, message: string, meaning: Meaning): void {
	expect(error).toBeInstanceOf(FactomosFailure);
	const failure = error as FactomosFailure;
	expect(failure.code).toBe(code);
	expect(failure.apiMessage).toBe(message);
	expect(failure.message).toBe(`Factomos error ${code} on ${action}: ${message}`);
	expectMeaning(failure.description, meaning);
}

function expectNodeApiError(error: unknown, action: string, code: number, message: string, meaning: Meaning): void {
	expect(error).toBeInstanceOf(NodeApiError);
	const nodeError = error as NodeApiError;
	expect(nodeError.message).toBe(`Factomos error ${code} on ${action}: ${message}`);
	expect(nodeError.errorResponse).toMatchObject({ code, apiMessage: message });
	expect(nodeError.context.itemIndex).toBe(3);
	expectMeaning(nodeError.description ?? undefined, meaning);
}

describe('transport => documented error codes per action', () => {
	const emu = new FactomosEmulator({ seed: true });
	const nonPartner = new FactomosEmulator({ seed: true, partner: false });
	const creds: Record<'main' | 'nonPartner', FactomosCredentials> = {} as never;
	let http: HttpSend;

	beforeAll(async () => {
		creds.main = credsOf(emu, await emu.start());
		creds.nonPartner = credsOf(nonPartner, await nonPartner.start());
		http = realHttp();
	});
	afterAll(async () => {
		await emu.stop();
		await nonPartner.stop();
	});
	beforeEach(() => {
		emu.reset();
		emu.seed();
		nonPartner.reset();
		nonPartner.seed();
	});

	function credentialsFor(as: As = 'main'): { credentials: FactomosCredentials; server: FactomosEmulator } {
		if (as === 'nonPartner') return { credentials: creds.nonPartner, server: nonPartner };
		if (as === 'appOnly') return { credentials: { ...creds.main, token: emu.appOnlyToken }, server: emu };
		return { credentials: creds.main, server: emu };
	}

	it('should have a row for every action-specific code in the doc', () => {
		const actions = new Set(DOCUMENTED.map((row) => row.action));
		// listClient, listService, listEmailTemplates have only the generic codes; createPayment has no table.
		const genericOnly = FACTOMOS_ACTIONS.filter((action) => !actions.has(action)).sort();
		expect(genericOnly).toEqual(['createPayment', 'listClient', 'listEmailTemplates', 'listService']);
		expect(DOCUMENTED).toHaveLength(63);
	});

	it.each(DOCUMENTED.map((row) => [row.action, row.code, row.message, row] as const))(
		'should report %s error %i (%s) with the doc description',
		async (action, code, message, row) => {
			const { credentials, server } = credentialsFor(row.as);
			row.arrange?.(server);
			const failure = await failureOf(() => callFactomosApi(http, credentials, action, row.params));
			expectFailure(failure, action, code, message, row.meaning);
			expectNoCredentials(failure, credentials);
			expect(server.calls.at(-1)?.responseCode).toBe(code);

			const nodeError = await failureOf(() =>
				factomosApiRequest.call(executeContext(credentials), action, row.params, { itemIndex: 3 }),
			);
			expectNodeApiError(nodeError, action, code, message, row.meaning);
			expectNoCredentials(nodeError, credentials);
			expect(server.calls).toHaveLength(2);
			expect(server.violations).toEqual([]);
		},
	);

	it('should tell -9 on getClient (not found) from -9 on createInvoice (client_id missing)', async () => {
		const getClient = await failureOf<FactomosFailure>(() => callFactomosApi(http, creds.main, 'getClient', { client_id: SEED.missing }));
		const createInvoice = await failureOf<FactomosFailure>(() => callFactomosApi(http, creds.main, 'createInvoice', { ...LINES }));
		expect([getClient.code, createInvoice.code]).toEqual([-9, -9]);
		expect(getClient.description).toMatch(/exist/i);
		expect(getClient.description).not.toMatch(/missing/i);
		expect(createInvoice.description).toMatch(/client_id/);
		expect(createInvoice.description).toMatch(/missing/i);
	});

	it('should tell -21 on editPayment (payment_id) from -21 on createExpense (supplier_id)', async () => {
		emu.store.createPayment(emu.store.invoices.get(SEED.partialInvoice)!, { montant: '50', type: 'cb' });
		const editPayment = await failureOf<FactomosFailure>(() => callFactomosApi(http, creds.main, 'editPayment', { invoice_id: SEED.partialInvoice }));
		const createExpense = await failureOf<FactomosFailure>(() => callFactomosApi(http, creds.main, 'createExpense', { amount: '1', payment_type: 'cb' }));
		expect([editPayment.code, createExpense.code]).toEqual([-21, -21]);
		expect(editPayment.description).toMatch(/payment id|payment_id/i);
		expect(editPayment.description).not.toMatch(/supplier/i);
		expect(createExpense.description).toMatch(/supplier_id/);
		expect(createExpense.description).not.toMatch(/payment id|payment_id/i);
	});

	it('should describe the invoice checks of createPayment although the doc gives it no table', async () => {
		const noId = await failureOf(() => callFactomosApi(http, creds.main, 'createPayment', { montant: '1', type: 'cb' }));
		expectFailure(noId, 'createPayment', -17, 'Missing parameter invoice_id', missing('invoice_id'));
		const unknown = await failureOf(() =>
			callFactomosApi(http, creds.main, 'createPayment', { invoice_id: SEED.missing, montant: '1', type: 'cb' }),
		);
		expectFailure(unknown, 'createPayment', -20, 'Invoice not found', notFound('invoice'));
		expect(emu.violations).toEqual([]);
	});

	it('should still explain an undocumented code', async () => {
		// The emulator answers -900 for situations the doc leaves open (here: an unknown client category).
		const failure = await failureOf<FactomosFailure>(() =>
			callFactomosApi(http, creds.main, 'createClient', { category: 'partenaire', client_company_name: 'X' }),
		);
		expect(failure.code).toBe(-900);
		expect(failure.message).toMatch(/^Factomos error -900 on createClient: /);
		expect(failure.description).toMatch(/does not describe/);
		expectNoCredentials(failure, creds.main);
	});
});

describe('transport => generic error codes on every action', () => {
	const { emu, creds, http } = useTransportEmulator();

	/** Sends the transport's request through wireCall, leaving out one of the two fields it always sends. */
	function without(name: 'token' | 'crequest'): HttpSend {
		return async (request) => {
			const form = new URLSearchParams(request.body);
			const result =
				name === 'token'
					? await wireCall(creds.baseUrl, undefined, creds.secret, undefined, { crequest: form.get('crequest') ?? '' })
					: await wireCall(creds.baseUrl, form.get('token') ?? '', creds.secret, undefined);
			return { statusCode: result.status, headers: {}, body: result.body };
		};
	}

	async function expectGeneric(action: string, code: number, run: () => Promise<unknown>, credentials = creds) {
		const failure = await failureOf(run);
		expectFailure(failure, action, code, GENERIC[code].message, GENERIC[code].meaning);
		expectNoCredentials(failure, credentials);
		expect(emu.calls.at(-1)?.responseCode).toBe(code);
	}

	it.each(FACTOMOS_ACTIONS)('should report -1 (missing token) on %s', async (action) => {
		await expectGeneric(action, -1, () => callFactomosApi(without('token'), creds, action, VALID_PARAMS[action]));
		expect(emu.requests.at(-1)?.body).not.toMatch(/token=/);
	});

	it.each(FACTOMOS_ACTIONS)('should report -2 (missing crequest) on %s', async (action) => {
		await expectGeneric(action, -2, () => callFactomosApi(without('crequest'), creds, action, VALID_PARAMS[action]));
		expect(emu.requests.at(-1)?.body).not.toMatch(/crequest=/);
	});

	it.each(FACTOMOS_ACTIONS)('should report -3 (wrong token, plain JSON answer) on %s', async (action) => {
		const wrong = { ...creds, token: 'not-a-real-token' };
		await expectGeneric(action, -3, () => callFactomosApi(http, wrong, action, VALID_PARAMS[action]), wrong);
	});

	it.each(FACTOMOS_ACTIONS)('should report -4 (daily quota, 500 calls by default) on %s', async (action) => {
		emu.setQuota(0);
		await expectGeneric(action, -4, () => callFactomosApi(http, creds, action, VALID_PARAMS[action]));
		expect(emu.violations).toEqual([]);
	});

	it.each(FACTOMOS_ACTIONS)('should report -5 (wrong secret) on %s', async (action) => {
		// A server that cannot read the request answers in clear only in plain mode (see the decrypt test below).
		emu.setResponseMode('plain');
		const wrong = { ...creds, secret: 'dummy-secret-123' };
		await expectGeneric(action, -5, () => callFactomosApi(http, wrong, action, VALID_PARAMS[action]), wrong);
	});

	it('should say the secret is probably wrong when the -5 answer itself is encrypted', async () => {
		const wrong = { ...creds, secret: 'dummy-secret-123' };
		const failure = await failureOf<FactomosFailure>(() => callFactomosApi(http, wrong, 'listClient', {}));
		expect(emu.calls.at(-1)?.responseCode).toBe(-5);
		expect(failure).toBeInstanceOf(FactomosFailure);
		expect(failure.code).toBeUndefined();
		expect(failure.message).toMatch(/could not be decrypted/);
		expect(failure.description).toMatch(/Secret .*probably wrong/);
		// The ciphertext tells the user nothing: the error keeps the explanation and quotes none of it.
		expect(failure.description).toBe(
			'The response looks encrypted but does not decrypt to JSON, so the Secret in the Factomos credential is probably wrong (it must be the secret that goes with the Token).',
		);
		expect(failure.message).not.toMatch(/Received|"/);
		expectNoCredentials(failure, wrong);
		expectNoCredentials(failure, creds);
	});

	it('should report -6 for an action the server does not know', async () => {
		await expectGeneric('sendEstimate', -6, () => callFactomosApi(http, creds, 'sendEstimate', { estimate_id: SEED.openEstimate }));
	});

	it('should fail the third call with -4 after setQuota(2) and mention the 500 calls a day', async () => {
		emu.setQuota(2);
		await callFactomosApi(http, creds, 'listClient', {});
		await callFactomosApi(http, creds, 'getClient', { client_id: SEED.world });
		const failure = await failureOf<FactomosFailure>(() => callFactomosApi(http, creds, 'createClient', VALID_PARAMS.createClient));
		expectFailure(failure, 'createClient', -4, 'Too many API calls for the day', GENERIC[-4].meaning);
		expect(failure.description).toMatch(/500 (API )?calls a day/);
		expect(emu.calls.map((call) => call.responseCode)).toEqual([0, 0, -4]);
		expect(emu.store.clients.size).toBe(3);

		const nodeError = await failureOf<NodeApiError>(() => factomosApiRequest.call(executeContext(creds), 'listClient', {}, { itemIndex: 0 }));
		expect(nodeError).toBeInstanceOf(NodeApiError);
		expect(nodeError.message).toBe('Factomos error -4 on listClient: Too many API calls for the day');
		expect(nodeError.description).toMatch(/500 (API )?calls a day/);
		expectNoCredentials(nodeError, creds);
	});
});
