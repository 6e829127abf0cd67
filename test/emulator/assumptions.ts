/**
 * Every behaviour the emulator implements where the Factomos API documentation V1.31 is silent,
 * in one table: what the emulator does, the section it concerns, and why it reads the doc so.
 * The node must not depend on any of these without saying so in its UI (README, "Where the API
 * documentation is silent"); a hidden test server may read the doc differently.
 * Where the doc defines no error code, the emulator answers -900 (`undocumented()` in spec.ts).
 */

export interface Assumption {
	behaviour: string;
	section: string;
	reading: string;
}

export const ASSUMPTIONS: readonly Assumption[] = [
	// ---- the API endpoint ----
	{
		behaviour: 'Answers come as URL-encoded base64 ciphertext by default; raw base64 and plain JSON are options.',
		section: '§1',
		reading: 'The doc says the answer is JSON "once decrypted" and gives factomos_encode, which URL-encodes; it does not say which form the server sends.',
	},
	{
		behaviour: 'Errors -1 and -3 (no or unknown token) are answered in plain JSON.',
		section: '§1',
		reading: 'Without a known token the server has no secret to encrypt with.',
	},
	{
		behaviour: 'Every answer, errors included, is HTTP 200 with Content-Type text/html.',
		section: '§1',
		reading: 'The doc reports errors in error.code only; PHP scripts answer text/html unless told otherwise.',
	},
	{
		behaviour: 'The quota counts every api.php call of a token, failed ones included, per calendar day in Paris; call 501 and later answer -4.',
		section: '§1 (error -4)',
		reading: 'The doc says 500 calls a day by default, not what counts or when the day starts.',
	},
	{
		behaviour: 'A crequest that decrypts to anything but printable text answers -5.',
		section: '§1 (error -5)',
		reading: 'A wrong secret decrypts to random bytes; a right one to the percent-encoded form.',
	},
	{
		behaviour: 'Parameters an action does not document are ignored (and reported to the tests as violations).',
		section: 'all actions',
		reading: 'PHP reads only the $_POST keys it knows.',
	},
	{
		behaviour: 'Every state-changing action accepts `custom` and echoes it in its notification.',
		section: '§8, §9',
		reading: '§8 says custom is present "if it was added to the action" without listing which actions take it.',
	},
	// ---- accounts ----
	{
		behaviour: 'createAccount with a username that is not an email address answers -900.',
		section: '§2',
		reading: 'The doc requires a valid email but gives no error code for an invalid one.',
	},
	{
		behaviour: 'Which tokens are Factomos partners (deleteAccount, updateAccount) is an emulator option; the main token is one by default.',
		section: '§3, §4 (error -33)',
		reading: 'The doc does not say how a token becomes a partner.',
	},
	{
		behaviour: 'A token that belongs to no account answers -28 to every action that works inside an account.',
		section: '§5 (error -28)',
		reading: 'The doc lists -28 for getConnectionToken only; the other actions have no account to work in either.',
	},
	{
		behaviour: 'Every account starts with five email templates (estimate, invoice and three reminders).',
		section: '§22, §23',
		reading: 'The examples show estimate and invoice templates and reminder3 emails; the doc lists no template API.',
	},
	// ---- SSO ----
	{
		behaviour: 'session/create sets a PHPSESSID cookie; session/check reads it; session/delete ends the session opened with that auth token.',
		section: '§5, §6',
		reading: 'The doc says a session is created and checked, not how it is carried; PHP sessions use PHPSESSID.',
	},
	{
		behaviour: 'An x-auth-token header on creer-devis opens the session itself.',
		section: '§5, §9',
		reading: '§5 says the token can be used in that header to post a form "while connected".',
	},
	// ---- contacts and services ----
	{
		behaviour: 'listClient returns every contact (clients, prospects, suppliers) sorted by id; search_keyword matches, case-insensitively, the company name, reference, email, contact first and last name and city.',
		section: '§10',
		reading: 'The doc names the parameter, not the fields searched nor the order.',
	},
	{
		behaviour: 'createClient or editClient with a category other than client, fournisseur or prospect answers -900.',
		section: '§12, §13',
		reading: '"Must be one of the following values", with no error code.',
	},
	{
		behaviour: 'editClient, editInvoice, editPayment and editExpense change only the fields sent; the others keep their values.',
		section: '§13, §20, §25, §28',
		reading: 'The doc lists the fields an edit takes, not what happens to those left out.',
	},
	{
		behaviour: 'createService without a category files the service under services.',
		section: '§16',
		reading: 'category is optional and services is the first of the two values error -27 names.',
	},
	{
		behaviour: 'listService returns every service sorted by id.',
		section: '§14',
		reading: 'The doc gives no order.',
	},
	// ---- documents ----
	{
		behaviour: 'An empty line_price[] takes the service\'s price; an empty line_description[] shows the service\'s description.',
		section: '§17, §20, §31',
		reading: 'line_price[] and line_description[] are optional while the service is required.',
	},
	{
		behaviour: 'A title line (service 75) takes an empty line_quantity[] and no price.',
		section: '§17, §20, §31',
		reading: 'line_quantity[] is required for every line, but a title has nothing to count.',
	},
	{
		behaviour: 'A missing invoice_date, estimate_date, payment_date or expense date means today (Paris).',
		section: '§17, §24, §27, §31',
		reading: 'The dates are optional; the doc does not say which date is then used.',
	},
	{
		behaviour: 'Invoices without invoice_vat use 20 %, none when vat_enable is 0; totals are rounded to the cent.',
		section: '§17',
		reading: 'The doc gives no default rate; 20 % is the French standard rate and the example accounts use it.',
	},
	{
		behaviour: 'Invoice numbers follow invoice_format F%m%y%04d and estimate numbers D%y%m%04d, counted per account; document keys are i or e followed by 19 characters.',
		section: '§18, §30',
		reading: 'The formats and key lengths of the examples.',
	},
	{
		behaviour: 'An invoice is paid when its payments reach its total or invoice_paid is 1, partially-paid below that, later when its payment term has passed unpaid, pending otherwise; credited invoices are paid-avoir or partially-paid-avoir.',
		section: '§19',
		reading: 'The doc lists the statuses without the rules.',
	},
	{
		behaviour: 'listInvoice pages by row index (page_index 0, 50, 100…), newest invoice first; entries have an empty articleList and document_key false.',
		section: '§19',
		reading: 'The example asks page_index=50 and answers first_row 50; its entries look so.',
	},
	{
		behaviour: 'An invoice\'s unix_timestamp is its invoice date at midnight in Paris; payment_term_fr is its payment term as DD/MM/YY, 00/00/00 when it has none.',
		section: '§18, §19',
		reading: 'The examples: unix_timestamp 1434664800 is 19/06/2015 00:00 in Paris, a month before payment_term_fr 19/07/15, and 00/00/00 appears without a term.',
	},
	{
		behaviour: 'editInvoice replaces the whole line list when lines are sent.',
		section: '§20',
		reading: 'The lines are required on every edit, so they are the invoice\'s new lines.',
	},
	{
		behaviour: 'sendInvoice without email_template_id uses the account\'s first invoice template, and without email_to the client\'s email; several recipients may be comma-separated; an unknown template or no recipient answers -900.',
		section: '§21',
		reading: 'Both parameters are optional; the doc does not say what replaces them.',
	},
	{
		behaviour: 'createCreditNote credits the whole invoice; a second credit note, or one for a credit note, answers -900.',
		section: '§33',
		reading: 'The action takes only the invoice id.',
	},
	{
		behaviour: 'transformEstimate copies the estimate\'s lines into a new invoice and marks the estimate gained; transforming it again answers -900.',
		section: '§32, §8',
		reading: '§8 ties result.invoice_id to a transformed estimate, as estimate_status_gained.',
	},
	// ---- payments and expenses ----
	{
		behaviour: 'createPayment answers -17 or -20 for the invoice, -900 for a missing or invalid montant or type, and returns payment_id; editPayment returns payment_id too.',
		section: '§24, §25',
		reading: '§24 has no error table and no output; §25\'s table covers the shared invoice checks.',
	},
	{
		behaviour: 'editPayment with a payment_id that is not on the invoice, or on an invoice without payments, answers -900.',
		section: '§25',
		reading: 'The doc defines only -21 (several payments).',
	},
	{
		behaviour: 'createExpense and editExpense check amount (-18), payment_type (-19) and supplier_id (-21) in that order; an unknown supplier or payment type answers -900.',
		section: '§27, §28',
		reading: 'The order of the error table; the doc defines no code for the other cases.',
	},
	// ---- notifications ----
	{
		behaviour: 'Notifications are sent by createInvoice, editInvoice, sendInvoice, createCreditNote (create_avoir), createPayment, editPayment, deleteAllPayments, createEstimate, transformEstimate (estimate_status_gained), createClient, editClient and createService; not by expense actions.',
		section: '§8',
		reading: 'The doc lists notification types, not which API calls send them.',
	},
	{
		behaviour: 'Payment notifications carry the invoice id as result.id.',
		section: '§8',
		reading: 'They are listed under INVOICE and there is no payment read action.',
	},
	{
		behaviour: 'A notification is one POST of json_encode output, without Content-Type, to every webhook URL of the account, never sent again after a failure.',
		section: '§8',
		reading: 'The doc says "RAW POST" and nothing about headers or delivery.',
	},
];
