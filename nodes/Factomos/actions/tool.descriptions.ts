import type { INodeProperties } from 'n8n-workflow';

import type { FactomosResource } from './node.type';

/**
 * What the Factomos Tool tells a model about each operation: what it does, what it needs, what it
 * returns. n8n sends a tool node's `toolDescription` to the agent or MCP client; without one it
 * would only say "Create an invoice in Factomos".
 */
export const TOOL_DESCRIPTIONS: Record<FactomosResource, Record<string, string>> = {
	account: {
		create:
			'Create a new Factomos account. Needs username, an email address that becomes the login; returns company_id, a one-time auth_token, the generated password when none was given, and API keys when app details were given.',
		delete:
			'Permanently delete a Factomos account (partner API). Needs its numeric company_id; returns company_id and deleted: true.',
		getAuthorizationUrl:
			'Build the Factomos page URL where a user authorizes a third-party app. Makes no API call; returns the URL to open.',
		updateStatus:
			'Set the subscription status of a Factomos account to active, readonly or blocked (partner API). Needs the numeric company_id and the status; returns them with updated: true.',
	},
	client: {
		create:
			'Create a contact in Factomos: a client, a prospect or a supplier (category "fournisseur"). Needs the company or person name; returns the new numeric client_id.',
		get: 'Get one Factomos contact (name, email, address, VAT and SIRET numbers, category) by its numeric client_id.',
		getAll:
			'Search the Factomos contacts by keyword (name, reference, email…) or list them all. Returns one record per contact with its numeric client ID (client_id, or id when simplified), which other tools need.',
		update:
			'Change fields of an existing Factomos contact, e.g. its email or address. Needs the numeric client_id and at least one field; returns client_id and updated: true.',
	},
	emailTemplate: {
		getAll:
			'List the email templates of the Factomos account (id, name, type such as invoice or estimate, subject). Use an id as the template when sending an invoice.',
	},
	estimate: {
		buildPrefilledForm:
			'Build a web page that opens the Factomos "new estimate" form prefilled for a client, for a person to finish in their browser. Makes no API call; returns the form URL, its fields and an HTML page that posts them.',
		convertToInvoice:
			'Turn an estimate (devis) into an invoice. Needs the numeric estimate_id; returns the new invoice_id, its number, date (YYYY-MM-DD), client_id and document_url.',
		create:
			'Create an estimate (devis, a quote) for an existing client. Needs the numeric client_id and the lines as a JSON array of {serviceId, description, quantity, price}; returns estimate_id, its number, date (YYYY-MM-DD) and document_url, plus its lines and totals when Return Full Document is on.',
		get: 'Get one estimate (devis) with its lines and totals by its numeric estimate_id.',
	},
	expense: {
		create:
			'Record an expense paid to a supplier. Needs the numeric supplier_id (a contact of category fournisseur), the amount and the payment type; returns the new expense_id.',
		get: 'Get one expense (supplier, date, amount, VAT, payment type) by its numeric expense_id.',
		update:
			'Replace the fields of an existing expense. Needs the numeric expense_id, supplier_id, amount and payment type; returns expense_id.',
	},
	invoice: {
		create:
			'Create an invoice for an existing client. Needs the numeric client_id (search clients first; a company name is not accepted) and the lines as a JSON array of {serviceId, description, quantity, price}; returns invoice_id, the invoice number, its date (YYYY-MM-DD) and document_url, plus its lines and totals when Return Full Document is on.',
		createCreditNote:
			'Cancel an invoice by creating its credit note (avoir). Needs the numeric invoice_id; returns the credit note as a new invoice_id with its number and document_url.',
		get: 'Get one invoice by its numeric invoice_id: status, client, lines (articleList), totals without VAT, VAT, with VAT, paid and due, and document_url.',
		getAll:
			'List invoices by status (pending, later = overdue, paid, partially-paid, avoir = credit notes, paid-avoir, partially-paid-avoir, or all), optionally of one numeric client_id; each status costs at least one API call. Returns one record per invoice with its number, status, client, date, due date, totals and amount due.',
		getEmailHistory:
			'List the emails Factomos sent for an invoice (recipient, subject, date, whether it was viewed). Needs the numeric invoice_id.',
		send: 'Email an invoice. Needs the numeric invoice_id, optionally a recipient address and an email template id (when left out, Factomos chooses); returns invoice_id, sent: true and (node version 1.1) the email_to and email_template_id sent, null when left out.',
		update:
			'Replace an invoice: its client and its whole list of lines. Needs the numeric invoice_id, client_id and the lines as a JSON array of {serviceId, description, quantity, price}; returns invoice_id, number and document_url, plus the new lines and totals when Return Full Document is on.',
	},
	payment: {
		create:
			'Record a payment received for an invoice. Needs the numeric invoice_id, the amount (montant) and the type (cb, check, especes, paypal, virement or other); returns invoice_id with what Factomos answered.',
		deleteAll:
			'Delete every payment recorded on an invoice. Needs the numeric invoice_id; returns invoice_id and deleted: true.',
		update:
			'Change a payment of an invoice. Needs the numeric invoice_id, and the payment_id when the invoice has several payments; returns invoice_id with what Factomos answered.',
	},
	service: {
		create:
			'Create a service (prestation) or product in the catalogue. Needs a name and a unit price; returns the new numeric service_id to use in invoice lines.',
		get: 'Get one service or product (name, unit, unit price, VAT rate) by its numeric service_id.',
		getAll:
			'List the services and products of the catalogue with their numeric service ID (service_id, or id when simplified), name, unit and unit price. Use that ID as the serviceId of invoice and estimate lines.',
	},
	session: {
		check:
			'Check whether a Factomos web session (from Create Session) is still open. Needs its cookie; returns the logged-in user.',
		create:
			'Open a Factomos web session (single sign-on) with a one-time connection token; returns the session cookie.',
		delete:
			'Close a Factomos web session. Needs the connection token it was opened with; returns deleted: true.',
		getConnectionToken:
			'Get a one-time connection token for single sign-on into the Factomos web app; returns auth_token.',
	},
};

/** One Description field per operation, shown only on the Factomos Tool (the `@tool` condition). */
export const toolDescriptionProperties: INodeProperties[] = Object.entries(
	TOOL_DESCRIPTIONS,
).flatMap(([resource, operations]) =>
	Object.entries(operations).map(
		([operation, text]): INodeProperties => ({
			displayName: 'Description',
			name: 'toolDescription',
			type: 'string',
			typeOptions: { rows: 3 },
			required: true,
			default: text,
			description:
				'What the model reads to choose this tool and fill its inputs. Edit it to fit your workflow.',
			displayOptions: {
				show: { '@tool': [true], resource: [resource], operation: [operation] },
			},
		}),
	),
);
