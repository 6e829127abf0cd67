/** Facts taken from the Factomos API V1.31 document: codes, messages, parameters, enumerations. */

export type ErrorDef = readonly [code: number, message: string];

export const ERR = {
	missingToken: [-1, 'Missing Token'],
	missingCrequest: [-2, 'Missing Crypted Request'],
	invalidToken: [-3, 'Invalid Token'],
	quota: [-4, 'Too many API calls for the day'],
	invalidCrequest: [-5, 'Invalid Crypted Request'],
	invalidAction: [-6, 'Action not found or invalid'],
	// Client actions use -8/-9, document actions -9/-10 for the same two situations.
	missingClientId: [-8, 'Missing parameter client_id'],
	clientNotFound: [-9, 'Client not found'],
	documentMissingClientId: [-9, 'Missing parameter client_id'],
	documentClientNotFound: [-10, 'Client not found'],
	missingCategory: [-11, 'Missing parameter category'],
	missingCompanyName: [-12, 'Missing parameter client_company_name'],
	missingServiceId: [-13, 'Missing parameter service_id'],
	serviceNotFound: [-14, 'Service not found'],
	missingServiceName: [-15, 'Missing parameter service_name'],
	missingPrice: [-16, 'Missing parameter price'],
	missingInvoiceId: [-17, 'Missing parameter invoice_id'],
	missingAmount: [-18, 'Missing parameter amount'],
	missingPaymentType: [-19, 'Missing parameter payment_type'],
	invoiceNotFound: [-20, 'Invoice not found'],
	severalPayments: [-21, 'Several payments for this invoice, you have to add the parameter payment_id'],
	missingSupplierId: [-21, 'Missing parameter supplier_id'],
	missingExpenseId: [-23, 'Missing parameter expense_id'],
	expenseNotFound: [-24, 'Expense not found'],
	missingEstimateId: [-25, 'Missing parameter estimate_id'],
	estimateNotFound: [-26, 'Estimate not found'],
	invalidServiceCategory: [-27, 'The category of the service must be one of the following (services, produits)'],
	notAssociated: [-28, 'Your Token is not associated with a Factomos account'],
	missingUsername: [-29, 'Missing parameter username'],
	usernameTaken: [-30, 'Username not available'],
	missingAuthToken: [-31, 'Missing auth_token'],
	invalidAuthToken: [-32, 'Invalid auth_token'],
	notAuthorized: [-33, 'Action not authorized'],
	noSession: [-34, 'No session'],
	missingCompanyId: [-35, 'Missing parameter company_id'],
	accountNotFound: [-36, 'Account not found'],
	missingSubscriptionStatus: [-37, 'Missing parameter subscription_status'],
	invalidSubscriptionStatus: [-38, 'Parameter subscription_status invalid'],
	missingInvoiceStatus: [-39, 'Missing parameter invoice_status'],
	invalidInvoiceStatus: [-40, 'Invalid parameter invoice_status'],
	invalidPageIndex: [-41, 'Invalid parameter page_index'],
} as const satisfies Record<string, ErrorDef>;

/** Code the emulator answers when the doc defines no error for a situation. */
export const UNDOCUMENTED_CODE = -900;

export function undocumented(reason: string): ErrorDef {
	return [UNDOCUMENTED_CODE, `Emulator: ${reason} (undocumented)`];
}

const CLIENT_FIELDS = [
	'category',
	'client_company_name',
	'client_reference',
	'client_contact_lastname',
	'client_email',
	'client_phonenumber',
	'client_address',
	'client_address_more',
	'client_zipcode',
	'client_city',
	'client_country',
	'client_lang',
	'number_siret',
	'number_tva',
	'client_website',
	'client_keyword',
	'description',
];
export const LINE_ARRAYS = ['line_service_id', 'line_description', 'line_quantity', 'line_price'];
const PAYMENT_FIELDS = ['invoice_id', 'montant', 'type', 'reference', 'payment_date', 'numero_remise', 'numero_cheque'];
const EXPENSE_FIELDS = ['date', 'supplier_id', 'invoice_number', 'vat', 'amount', 'payment_type', 'payment_reference', 'comment'];

/** Parameters each action documents (besides `action`). */
export const ACTION_PARAMS: Record<string, readonly string[]> = {
	createAccount: [
		'username',
		'password',
		'name',
		'company_type',
		'company_address',
		'zipcode',
		'city',
		'country',
		'phone_number',
		'fax_number',
		'company_email',
		'company_website',
		'capital',
		'siret',
		'vat_percentage',
		'vat_number',
		'tva_enable',
		'app_name',
		'app_description',
		'app_icon',
		'webhook_url',
	],
	deleteAccount: ['company_id'],
	updateAccount: ['company_id', 'subscription_status'],
	getConnectionToken: ['mode'],
	listClient: ['search_keyword'],
	getClient: ['client_id'],
	createClient: CLIENT_FIELDS,
	editClient: ['client_id', ...CLIENT_FIELDS],
	listService: [],
	getService: ['service_id'],
	createService: ['category', 'service_name', 'description', 'unit', 'price'],
	createInvoice: [
		'client_id',
		'invoice_attention',
		'objet',
		'invoice_date',
		'vat_enable',
		'several_vat',
		'invoice_vat',
		'payment_condition_enable',
		'payment_amount',
		'payment_term',
		'invoice_comment',
		...LINE_ARRAYS,
		'figures_total_withvat',
		'invoice_paid',
		'template_id',
	],
	getInvoice: ['invoice_id'],
	listInvoice: ['invoice_status', 'page_index'],
	editInvoice: [
		'invoice_id',
		'client_id',
		'invoice_date',
		'invoice_attention',
		'objet',
		'invoice_vat',
		'payment_condition_enable',
		'payment_amount',
		'payment_term',
		'invoice_comment',
		...LINE_ARRAYS,
		'figures_total_withvat',
		'invoice_paid',
	],
	sendInvoice: ['invoice_id', 'email_template_id', 'email_to'],
	getInvoiceMailHistory: ['invoice_id'],
	listEmailTemplates: [],
	createPayment: PAYMENT_FIELDS,
	editPayment: ['payment_id', ...PAYMENT_FIELDS],
	deleteAllPayments: ['invoice_id'],
	createExpense: EXPENSE_FIELDS,
	editExpense: ['expense_id', ...EXPENSE_FIELDS],
	getExpense: ['expense_id'],
	getEstimate: ['estimate_id'],
	createEstimate: [
		'client_id',
		'estimate_date',
		'estimate_attention',
		'objet',
		'estimate_vat',
		...LINE_ARRAYS,
		'estimate_comment',
		'figures_total_withvat',
		'template_id',
	],
	transformEstimate: ['estimate_id'],
	createCreditNote: ['invoice_id'],
};

/** Actions taking document lines (parallel arrays). */
export const LINE_ACTIONS = new Set(['createInvoice', 'editInvoice', 'createEstimate']);

/** Notification each state-changing action sends to the webhook (§8). */
export const ACTION_NOTIFICATIONS: Record<string, string> = {
	createInvoice: 'create_invoice',
	editInvoice: 'update_invoice',
	createPayment: 'add_invoice_payment',
	editPayment: 'update_invoice_payment',
	deleteAllPayments: 'delete_invoice_payment',
	createCreditNote: 'create_avoir',
	sendInvoice: 'send_invoice',
	createEstimate: 'create_estimate',
	transformEstimate: 'estimate_status_gained',
	createClient: 'create_contact',
	editClient: 'update_contact',
	createService: 'create_service',
};

/** §8: `custom` is echoed in the notification "when it was added to the action". */
export const CUSTOM_PARAM = 'custom';

export const NOTIFICATION_TYPES = [
	'create_invoice',
	'delete_invoice',
	'update_invoice',
	'add_invoice_payment',
	'update_invoice_payment',
	'delete_invoice_payment',
	'create_avoir',
	'send_invoice',
	'create_estimate',
	'update_estimate',
	'delete_estimate',
	'send_estimate',
	'estimate_status_gained',
	'estimate_status_gainedwithoutinvoice',
	'estimate_status_gainedwithacompte',
	'estimate_status_lost',
	'estimate_status_pending',
	'create_contact',
	'update_contact',
	'delete_contact',
	'create_service',
	'update_service',
	'archive_service',
	'delete_service',
	'update_stock',
	'create_template_email',
	'update_template_email',
	'delete_template_email',
	'create_design',
	'update_design',
	'delete_design',
] as const;

export const INVOICE_STATUSES = ['avoir', 'later', 'paid', 'paid-avoir', 'partially-paid', 'partially-paid-avoir', 'pending'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

export const CLIENT_CATEGORIES = ['client', 'fournisseur', 'prospect'];
export const SERVICE_CATEGORIES = ['services', 'produits'];
export const PAYMENT_TYPES = ['cb', 'check', 'especes', 'paypal', 'virement', 'other'];
export const EXPENSE_PAYMENT_TYPES = ['cb', 'check', 'virement', 'prelevement', 'especes', 'tip', 'other'];
export const SUBSCRIPTION_STATUSES = ['active', 'readonly', 'blocked'];

/** Line service id the doc reserves for title lines. */
export const TITLE_SERVICE_ID = '75';

export const PAGE_SIZE = 50;

/** Parameters whose value must be a decimal number (dot separator). */
export const NUMERIC_PARAMS = new Set([
	'invoice_vat',
	'estimate_vat',
	'figures_total_withvat',
	'payment_amount',
	'montant',
	'price',
	'amount',
	'vat',
	'vat_percentage',
]);
export const FLAG_PARAMS = new Set(['vat_enable', 'several_vat', 'invoice_paid', 'payment_condition_enable', 'tva_enable']);
export const DATE_PARAMS = new Set(['invoice_date', 'payment_term', 'estimate_date', 'payment_date', 'date']);
