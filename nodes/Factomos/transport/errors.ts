/**
 * Error codes of the Factomos API V1.31, one table per action, because the doc reuses codes
 * with different meanings (-9 is "Client not found" for getClient but "Missing client_id" for
 * createInvoice; -21 is about payment_id for editPayment but supplier_id for expenses).
 */

export type FactomosAction =
	| 'createAccount'
	| 'deleteAccount'
	| 'updateAccount'
	| 'getConnectionToken'
	| 'listClient'
	| 'getClient'
	| 'createClient'
	| 'editClient'
	| 'listService'
	| 'getService'
	| 'createService'
	| 'createInvoice'
	| 'getInvoice'
	| 'listInvoice'
	| 'editInvoice'
	| 'sendInvoice'
	| 'getInvoiceMailHistory'
	| 'listEmailTemplates'
	| 'createPayment'
	| 'editPayment'
	| 'deleteAllPayments'
	| 'createExpense'
	| 'editExpense'
	| 'getExpense'
	| 'getEstimate'
	| 'createEstimate'
	| 'transformEstimate'
	| 'createCreditNote';

type CodeTable = Record<number, string>;

const GENERIC: CodeTable = {
	[-1]: 'The "token" field is missing. Check the Token in the Factomos credential.',
	[-2]: 'The encrypted request ("crequest") is missing.',
	[-3]: 'The token is invalid: it does not exist at Factomos. Check the Token in the Factomos credential and the Base URL (app vs dev).',
	[-4]: 'Too many API calls today. Factomos allows 500 API calls a day by default; wait until tomorrow or ask Factomos to raise the limit.',
	[-5]: 'Factomos could not decrypt the request. The Secret in the Factomos credential is probably wrong.',
	[-6]: 'The "action" is missing or unknown to this Factomos server.',
};

const CLIENT_ID_MISSING = 'The client ID (client_id) is missing; it is required.';
const CLIENT_NOT_FOUND = 'No client with this ID exists in this Factomos account.';
const SERVICE_NOT_FOUND =
	'A line refers to a service ID that does not exist in this Factomos account (use 75 for title lines).';
const INVOICE_ID_MISSING = 'The invoice ID (invoice_id) is missing; it is required.';
const INVOICE_NOT_FOUND = 'No invoice with this ID exists in this Factomos account.';
const PARTNER_ONLY = 'This action is only allowed for Factomos partners; contact Factomos.';
const COMPANY_ID_MISSING = 'The account ID (company_id) is missing; it is required.';
const ACCOUNT_NOT_FOUND = 'No Factomos account with this company_id exists.';
const ESTIMATE_ID_MISSING = 'The estimate ID (estimate_id) is missing; it is required.';
const ESTIMATE_NOT_FOUND = 'No estimate with this ID exists in this Factomos account.';
const EXPENSE_ID_MISSING = 'The expense ID (expense_id) is missing; it is required.';
const EXPENSE_NOT_FOUND = 'No expense with this ID exists in this Factomos account.';
const EXPENSE_REQUIRED: CodeTable = {
	[-18]: 'The amount is missing; it is required.',
	[-19]: 'The payment type (payment_type) is missing; it is required.',
	[-21]: 'The supplier ID (supplier_id) is missing; it is required.',
};
const INVOICE_LOOKUP: CodeTable = { [-17]: INVOICE_ID_MISSING, [-20]: INVOICE_NOT_FOUND };
const INVOICE_WRITE: CodeTable = {
	[-9]: CLIENT_ID_MISSING,
	[-10]: CLIENT_NOT_FOUND,
	[-14]: SERVICE_NOT_FOUND,
};

const ACTION_CODES: Record<FactomosAction, CodeTable> = {
	createAccount: {
		[-29]: 'The username is missing; it is required and must be an email address.',
		[-30]: 'This username is not available: a Factomos account already uses it.',
	},
	deleteAccount: { [-33]: PARTNER_ONLY, [-35]: COMPANY_ID_MISSING, [-36]: ACCOUNT_NOT_FOUND },
	updateAccount: {
		[-33]: PARTNER_ONLY,
		[-35]: COMPANY_ID_MISSING,
		[-36]: ACCOUNT_NOT_FOUND,
		[-37]: 'The subscription status is missing; it is required.',
		[-38]: 'The subscription status is invalid; it must be active, readonly or blocked.',
	},
	getConnectionToken: {
		[-28]: 'This token is not associated with a Factomos account (it belongs to an app only).',
	},
	listClient: {},
	getClient: { [-8]: CLIENT_ID_MISSING, [-9]: CLIENT_NOT_FOUND },
	createClient: {
		[-11]: 'The category is missing; it must be client, fournisseur (supplier) or prospect.',
		[-12]: 'The company name (client_company_name) is missing; it is required.',
	},
	editClient: { [-8]: CLIENT_ID_MISSING, [-9]: CLIENT_NOT_FOUND },
	listService: {},
	getService: {
		[-13]: 'The service ID (service_id) is missing; it is required.',
		[-14]: 'No service with this ID exists in this Factomos account.',
	},
	createService: {
		[-15]: 'The service name (service_name) is missing; it is required.',
		[-16]: 'The price is missing; it is required.',
		[-27]: 'The category must be services or produits (products).',
	},
	createInvoice: INVOICE_WRITE,
	getInvoice: INVOICE_LOOKUP,
	listInvoice: {
		[-39]: 'The invoice status is missing; it is required.',
		[-40]: 'The invoice status is invalid; it must be one of avoir, later, paid, paid-avoir, partially-paid, partially-paid-avoir, pending.',
		[-41]: 'The page index is invalid: it must not be greater than the total number of invoices.',
	},
	editInvoice: { ...INVOICE_WRITE, ...INVOICE_LOOKUP },
	sendInvoice: INVOICE_LOOKUP,
	getInvoiceMailHistory: INVOICE_LOOKUP,
	listEmailTemplates: {},
	// The doc gives no table for createPayment; editPayment's applies to the shared invoice checks.
	createPayment: INVOICE_LOOKUP,
	editPayment: {
		...INVOICE_LOOKUP,
		[-21]: 'This invoice has several payments: set the Payment ID to say which one to update.',
	},
	deleteAllPayments: INVOICE_LOOKUP,
	createExpense: EXPENSE_REQUIRED,
	editExpense: { ...EXPENSE_REQUIRED, [-23]: EXPENSE_ID_MISSING, [-24]: EXPENSE_NOT_FOUND },
	getExpense: { [-23]: EXPENSE_ID_MISSING, [-24]: EXPENSE_NOT_FOUND },
	getEstimate: { [-25]: ESTIMATE_ID_MISSING, [-26]: ESTIMATE_NOT_FOUND },
	createEstimate: INVOICE_WRITE,
	transformEstimate: { [-25]: ESTIMATE_ID_MISSING, [-26]: ESTIMATE_NOT_FOUND },
	createCreditNote: INVOICE_LOOKUP,
};

/** Codes of the plain-JSON session endpoints (§5 and §6). */
export const SESSION_CODES: CodeTable = {
	[-31]: 'The auth token is missing; get one with Session → Get Connection Token.',
	[-32]: 'The auth token is invalid or already used; auth tokens work only once.',
	[-34]: 'There is no session for this cookie; create one with Session → Create Session.',
};

export const FACTOMOS_ACTIONS = Object.keys(ACTION_CODES) as FactomosAction[];

export function isFactomosAction(action: string): action is FactomosAction {
	return Object.prototype.hasOwnProperty.call(ACTION_CODES, action);
}

/** The documentation's description of `code` for `action`, or undefined when the doc has none. */
export function describeApiError(action: string, code: number): string | undefined {
	const table = isFactomosAction(action) ? ACTION_CODES[action] : {};
	return table[code] ?? GENERIC[code];
}

/** Reads: safe to repeat. Every other action changes state, so a repeat could duplicate data. */
export function isIdempotent(action: string): boolean {
	return /^(get|list)/.test(action) || action === 'session check';
}
