import { randomBytes } from 'node:crypto';
import { DECIMAL, isValidDate, money, parisDate, parisDateTime } from './format';
import { PhpParams, PhpValue, phpFloat, phpString } from './php';
import {
	ACTION_NOTIFICATIONS,
	ACTION_PARAMS,
	CLIENT_CATEGORIES,
	CUSTOM_PARAM,
	DATE_PARAMS,
	ERR,
	EXPENSE_PAYMENT_TYPES,
	ErrorDef,
	FLAG_PARAMS,
	INVOICE_STATUSES,
	InvoiceStatus,
	LINE_ACTIONS,
	LINE_ARRAYS,
	NUMERIC_PARAMS,
	PAGE_SIZE,
	PAYMENT_TYPES,
	SERVICE_CATEGORIES,
	SUBSCRIPTION_STATUSES,
	TITLE_SERVICE_ID,
	undocumented,
} from './spec';
import {
	clientListShape,
	clientShape,
	estimateShape,
	expenseShape,
	invoiceListShape,
	invoiceShape,
	mailShape,
	serviceListShape,
	serviceShape,
} from './shapes';
import { ClientRecord, InvoiceRecord, LineInput, Store, TokenRecord } from './store';

export type ApiResponse = Record<string, unknown> & { error: { code: number; message: string } };

export interface Notification {
	companyId: string;
	type: string;
	id: string;
	invoiceId?: string;
	custom?: string;
}

export interface ActionContext {
	store: Store;
	action: string;
	token: TokenRecord;
	params: PhpParams;
	violate(message: string): void;
	notifications: Notification[];
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]+$/;

export function ok(fields: Record<string, unknown> = {}): ApiResponse {
	return { ...fields, error: { code: 0, message: 'OK' } };
}

export function fail([code, message]: ErrorDef): ApiResponse {
	return { error: { code, message } };
}

/**
 * Strictness checks that do not depend on state: undocumented parameters, scalar/array
 * mismatches, number/flag/date formats and parallel line arrays. Runs even for faulted calls.
 */
export function checkParams(action: string, params: PhpParams, violate: (message: string) => void): void {
	const allowed = new Set(ACTION_PARAMS[action] ?? []);
	if (ACTION_NOTIFICATIONS[action]) allowed.add(CUSTOM_PARAM);
	for (const [name, value] of Object.entries(params)) {
		if (name === 'action') continue;
		if (!allowed.has(name)) {
			violate(`${action}: parameter "${name}" is not documented for this action`);
			continue;
		}
		if (LINE_ARRAYS.includes(name)) {
			if (typeof value === 'string') violate(`${action}: "${name}" must be sent as an array (${name}[]=...), got a scalar`);
			else if (!Array.isArray(value)) violate(`${action}: "${name}[]" has explicit non-sequential keys`);
			else if (value.some((element) => typeof element !== 'string')) violate(`${action}: "${name}[]" contains nested arrays`);
		} else if (typeof value !== 'string') {
			violate(`${action}: "${name}" must be a scalar, got an array`);
			continue;
		}
		const text = typeof value === 'string' ? value : '';
		if (NUMERIC_PARAMS.has(name) && text !== '' && !DECIMAL.test(text)) {
			violate(`${action}: "${name}" is not a decimal number with a dot separator: ${JSON.stringify(text)}`);
		}
		if (FLAG_PARAMS.has(name) && text !== '' && text !== '0' && text !== '1') {
			violate(`${action}: "${name}" must be 0 or 1, got ${JSON.stringify(text)}`);
		}
		if (DATE_PARAMS.has(name) && text !== '' && !isValidDate(text)) {
			violate(`${action}: "${name}" is not a YYYY-MM-DD date: ${JSON.stringify(text)}`);
		}
	}
	if (!LINE_ACTIONS.has(action)) return;
	for (const required of ['line_service_id', 'line_quantity']) {
		if (!(required in params)) violate(`${action}: missing ${required}[] (required by the doc)`);
	}
	const lengths = LINE_ARRAYS.filter((name) => name in params).map((name) => [name, listOf(params[name]).length] as const);
	if (new Set(lengths.map(([, length]) => length)).size > 1) {
		violate(`${action}: line arrays have unequal lengths (${lengths.map(([name, length]) => `${name}[]=${length}`).join(', ')})`);
	}
	const serviceIds = listOf(params.line_service_id);
	const quantities = listOf(params.line_quantity);
	quantities.forEach((quantity, index) => {
		// Title lines (service 75) carry no quantity: clients send '' to keep the arrays aligned.
		if (quantity === '' && serviceIds[index] === TITLE_SERVICE_ID) return;
		if (!DECIMAL.test(quantity)) violate(`${action}: line_quantity[${index}] is not a decimal number: ${JSON.stringify(quantity)}`);
	});
	listOf(params.line_price).forEach((price, index) => {
		if (price !== '' && !DECIMAL.test(price)) violate(`${action}: line_price[${index}] is not a decimal number: ${JSON.stringify(price)}`);
	});
}

function listOf(value: PhpValue | undefined): string[] {
	if (value === undefined) return [];
	if (typeof value === 'string') return [value];
	const values = Array.isArray(value) ? value : Object.values(value);
	return values.map((element) => phpString(element) ?? '');
}

/** Parameter accessors with PHP semantics: arrays read as "Array", '' counts as missing. */
class Params {
	constructor(private readonly params: PhpParams) {}

	has(name: string): boolean {
		return name in this.params;
	}

	str(name: string): string | undefined {
		return phpString(this.params[name]);
	}

	/** A non-empty value, or undefined when missing or empty. */
	required(name: string): string | undefined {
		const value = this.str(name);
		return value === undefined || value === '' ? undefined : value;
	}

	number(name: string): number | null {
		const value = this.required(name);
		return value === undefined ? null : phpFloat(value);
	}

	date(name: string): string | undefined {
		const value = this.required(name);
		return value !== undefined && isValidDate(value) ? value : undefined;
	}

	list(name: string): string[] {
		return listOf(this.params[name]);
	}

	lines(): LineInput[] {
		const descriptions = this.list('line_description');
		const quantities = this.list('line_quantity');
		const prices = this.list('line_price');
		return this.list('line_service_id').map((serviceId, index) => ({
			serviceId,
			description: descriptions[index] ?? '',
			quantity: phpFloat(quantities[index] ?? ''),
			price: (prices[index] ?? '') === '' ? null : phpFloat(prices[index]),
		}));
	}
}

type Handler = (ctx: ActionContext, p: Params, companyId: string) => ApiResponse;

function notify(ctx: ActionContext, companyId: string, id: string, invoiceId?: string): void {
	const type = ACTION_NOTIFICATIONS[ctx.action];
	const custom = phpString(ctx.params[CUSTOM_PARAM]);
	ctx.notifications.push({ companyId, type, id, ...(invoiceId ? { invoiceId } : {}), ...(custom !== undefined ? { custom } : {}) });
}

function rejectUndocumented(ctx: ActionContext, reason: string): ApiResponse {
	ctx.violate(`${ctx.action}: ${reason}`);
	return fail(undocumented(reason));
}

function unknownService(store: Store, companyId: string, lines: LineInput[]): boolean {
	return lines.some((line) => line.serviceId !== TITLE_SERVICE_ID && !store.service(companyId, line.serviceId));
}

function invoiceCreated(invoice: InvoiceRecord): Record<string, unknown> {
	return {
		invoice_id: invoice.id,
		invoice_formated_number: invoice.formattedNumber,
		invoice_document_key: invoice.documentKey,
		invoice_date: invoice.invoiceDate,
		client_id: invoice.clientId,
	};
}

function randomToken(bytes: number): string {
	return randomBytes(bytes).toString('hex');
}

function randomAlphanumeric(length: number): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
	return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

export function newAuthToken(store: Store, companyId: string): string {
	const token = randomToken(20);
	store.authTokens.set(token, { token, companyId, used: false, sessionId: null, createdAt: Date.now() });
	return token;
}

// ---- accounts ----

const accountHandlers: Record<string, (ctx: ActionContext, p: Params) => ApiResponse> = {
	createAccount(ctx, p) {
		const { store } = ctx;
		const username = p.required('username');
		if (username === undefined) return fail(ERR.missingUsername);
		if (!EMAIL.test(username)) return rejectUndocumented(ctx, 'username must be a valid email address');
		const taken = [...store.accounts.values()].some((account) => account.username.toLowerCase() === username.toLowerCase());
		if (taken) return fail(ERR.usernameTaken);

		const companyId = store.nextId('company');
		const givenPassword = p.required('password');
		const password = givenPassword ?? randomAlphanumeric(12);
		const profile: Record<string, string> = {};
		for (const name of ACTION_PARAMS.createAccount) {
			const value = p.str(name);
			if (value !== undefined && name !== 'username' && name !== 'password') profile[name] = value;
		}
		if (!profile.company_email) profile.company_email = username;
		store.accounts.set(companyId, {
			company_id: companyId,
			user_id: store.nextId('user'),
			username,
			password,
			subscription_status: 'active',
			profile,
		});
		store.ensureEmailTemplates(companyId);
		const response: Record<string, unknown> = { company_id: companyId };
		if (givenPassword === undefined) response.password = password;
		response.auth_token = newAuthToken(store, companyId);
		const appName = p.required('app_name');
		if (appName !== undefined) {
			const apiKey = randomToken(16);
			const apiSecret = randomAlphanumeric(16);
			store.tokens.set(apiKey, {
				token: apiKey,
				secret: apiSecret,
				companyId,
				partner: false,
				webhookUrl: p.required('webhook_url') ?? null,
				appName,
			});
			response.api_key = apiKey;
			response.api_secret = apiSecret;
		}
		return ok(response);
	},

	deleteAccount(ctx, p) {
		if (!ctx.token.partner) return fail(ERR.notAuthorized);
		const companyId = p.required('company_id');
		if (companyId === undefined) return fail(ERR.missingCompanyId);
		if (!ctx.store.accounts.has(companyId)) return fail(ERR.accountNotFound);
		deleteCompany(ctx.store, companyId);
		return ok();
	},

	updateAccount(ctx, p) {
		if (!ctx.token.partner) return fail(ERR.notAuthorized);
		const companyId = p.required('company_id');
		if (companyId === undefined) return fail(ERR.missingCompanyId);
		const status = p.required('subscription_status');
		if (status === undefined) return fail(ERR.missingSubscriptionStatus);
		if (!SUBSCRIPTION_STATUSES.includes(status)) return fail(ERR.invalidSubscriptionStatus);
		const account = ctx.store.accounts.get(companyId);
		if (!account) return fail(ERR.accountNotFound);
		account.subscription_status = status;
		return ok();
	},
};

function deleteCompany(store: Store, companyId: string): void {
	store.accounts.delete(companyId);
	const owned = <T>(map: Map<string, T>, companyOf: (record: T) => string | null) => {
		for (const [id, record] of map) if (companyOf(record) === companyId) map.delete(id);
	};
	owned(store.tokens, (record) => record.companyId);
	owned(store.clients, (record) => record.company_id);
	owned(store.services, (record) => record.company_id);
	owned(store.invoices, (record) => record.companyId);
	owned(store.estimates, (record) => record.companyId);
	owned(store.payments, (record) => record.company_id);
	owned(store.expenses, (record) => record.company_id);
	owned(store.emailTemplates, (record) => record.company_id);
	owned(store.mails, (record) => record.companyId);
	owned(store.authTokens, (record) => record.companyId);
	owned(store.sessions, (record) => record.companyId);
}

// ---- everything that works inside one company ----

const CLIENT_INPUT_FIELDS = ACTION_PARAMS.createClient;

function matchesKeyword(client: ClientRecord, keyword: string): boolean {
	const needle = keyword.toLocaleLowerCase('fr');
	return [
		client.client_company_name,
		client.client_reference,
		client.client_email,
		client.client_contact_firstname,
		client.client_contact_lastname,
		client.client_city,
	].some((field) => field.toLocaleLowerCase('fr').includes(needle));
}

function byNumericId<T>(id: (record: T) => string): (a: T, b: T) => number {
	return (a, b) => Number(id(a)) - Number(id(b));
}

const companyHandlers: Record<string, Handler> = {
	getConnectionToken(ctx, _p, companyId) {
		return ok({ auth_token: newAuthToken(ctx.store, companyId) });
	},

	listClient(ctx, p, companyId) {
		const keyword = p.required('search_keyword');
		const clients = [...ctx.store.clients.values()]
			.filter((client) => client.company_id === companyId && (keyword === undefined || matchesKeyword(client, keyword)))
			.sort(byNumericId((client) => client.client_id));
		return ok({ clients: clients.map(clientListShape) });
	},

	getClient(ctx, p, companyId) {
		const id = p.required('client_id');
		if (id === undefined) return fail(ERR.missingClientId);
		const client = ctx.store.client(companyId, id);
		if (!client) return fail(ERR.clientNotFound);
		return ok({ client: clientShape(client) });
	},

	createClient(ctx, p, companyId) {
		const category = p.required('category');
		if (category === undefined) return fail(ERR.missingCategory);
		if (p.required('client_company_name') === undefined) return fail(ERR.missingCompanyName);
		if (!CLIENT_CATEGORIES.includes(category)) return rejectUndocumented(ctx, `category must be one of ${CLIENT_CATEGORIES.join(', ')}`);
		const fields: Record<string, string> = {};
		for (const name of CLIENT_INPUT_FIELDS) {
			const value = p.str(name);
			if (value !== undefined) fields[name] = value;
		}
		const client = ctx.store.createClient(companyId, fields);
		notify(ctx, companyId, client.client_id);
		return ok({ client_id: client.client_id });
	},

	editClient(ctx, p, companyId) {
		const id = p.required('client_id');
		if (id === undefined) return fail(ERR.missingClientId);
		const client = ctx.store.client(companyId, id);
		if (!client) return fail(ERR.clientNotFound);
		const category = p.str('category');
		if (category !== undefined && !CLIENT_CATEGORIES.includes(category)) {
			return rejectUndocumented(ctx, `category must be one of ${CLIENT_CATEGORIES.join(', ')}`);
		}
		const record = client as unknown as Record<string, string>;
		for (const name of CLIENT_INPUT_FIELDS) {
			const value = p.str(name);
			if (value !== undefined) record[name] = value;
		}
		notify(ctx, companyId, client.client_id);
		return ok();
	},

	listService(ctx, _p, companyId) {
		const services = [...ctx.store.services.values()]
			.filter((service) => service.company_id === companyId)
			.sort(byNumericId((service) => service.service_id));
		return ok({ services: services.map(serviceListShape) });
	},

	getService(ctx, p, companyId) {
		const id = p.required('service_id');
		if (id === undefined) return fail(ERR.missingServiceId);
		const service = ctx.store.service(companyId, id);
		if (!service) return fail(ERR.serviceNotFound);
		return ok({ service: serviceShape(service) });
	},

	createService(ctx, p, companyId) {
		const name = p.required('service_name');
		if (name === undefined) return fail(ERR.missingServiceName);
		const price = p.number('price');
		if (price === null) return fail(ERR.missingPrice);
		const category = p.required('category');
		if (category !== undefined && !SERVICE_CATEGORIES.includes(category)) return fail(ERR.invalidServiceCategory);
		const service = ctx.store.createService(companyId, {
			service_name: name,
			category: category ?? 'services',
			description: p.str('description') ?? '',
			unit: p.str('unit') ?? '',
			price: String(price),
			service_code_analytic: category === 'produits' ? '707000' : '706000',
		});
		notify(ctx, companyId, service.service_id);
		return ok({ service_id: service.service_id });
	},

	createInvoice(ctx, p, companyId) {
		const clientId = p.required('client_id');
		if (clientId === undefined) return fail(ERR.documentMissingClientId);
		if (!ctx.store.client(companyId, clientId)) return fail(ERR.documentClientNotFound);
		const lines = p.lines();
		if (unknownService(ctx.store, companyId, lines)) return fail(ERR.serviceNotFound);
		const invoice = ctx.store.createInvoice(companyId, {
			clientId,
			invoiceDate: p.date('invoice_date'),
			attention: p.str('invoice_attention'),
			objet: p.str('objet'),
			comment: p.str('invoice_comment'),
			vatRate: p.number('invoice_vat'),
			vatEnable: p.required('vat_enable'),
			severalVat: p.required('several_vat'),
			paymentConditionEnable: p.required('payment_condition_enable'),
			paymentAmount: p.str('payment_amount'),
			paymentTerm: p.date('payment_term'),
			paid: p.str('invoice_paid') === '1',
			forcedTotal: p.number('figures_total_withvat'),
			templateId: p.required('template_id'),
			lines,
		});
		notify(ctx, companyId, invoice.id);
		return ok(invoiceCreated(invoice));
	},

	getInvoice(ctx, p, companyId) {
		const id = p.required('invoice_id');
		if (id === undefined) return fail(ERR.missingInvoiceId);
		const invoice = ctx.store.invoice(companyId, id);
		if (!invoice) return fail(ERR.invoiceNotFound);
		return ok({ invoice: invoiceShape(ctx.store, invoice) });
	},

	listInvoice(ctx, p, companyId) {
		const status = p.required('invoice_status');
		if (status === undefined) return fail(ERR.missingInvoiceStatus);
		if (!(INVOICE_STATUSES as readonly string[]).includes(status)) return fail(ERR.invalidInvoiceStatus);
		const rawIndex = p.str('page_index') ?? '';
		if (rawIndex !== '' && !/^\d+$/.test(rawIndex)) return fail(ERR.invalidPageIndex);
		const pageIndex = rawIndex === '' ? 0 : Number(rawIndex);
		const today = parisDate();
		const { store } = ctx;
		const links = store.invoiceLinks();
		// Sort keys computed once per invoice: a bench lists 10,000 invoices 200 times.
		const matching = [...store.invoices.values()]
			.filter((invoice) => invoice.companyId === companyId && store.invoiceFigures(invoice, today, links).status === (status as InvoiceStatus))
			.map((invoice) => ({ invoice, time: store.invoiceTimestamp(invoice), id: Number(invoice.id) }))
			.sort((a, b) => b.time - a.time || b.id - a.id)
			.map(({ invoice }) => invoice);
		if (pageIndex > matching.length) return fail(ERR.invalidPageIndex);
		const page = matching.slice(pageIndex, pageIndex + PAGE_SIZE);
		return ok({
			pagination: { first_row: String(pageIndex), last_row: pageIndex + page.length - 1, total_invoices: matching.length },
			invoices: page.map((invoice) => invoiceListShape(store, invoice, links)),
		});
	},

	editInvoice(ctx, p, companyId) {
		const id = p.required('invoice_id');
		if (id === undefined) return fail(ERR.missingInvoiceId);
		const clientId = p.required('client_id');
		if (clientId === undefined) return fail(ERR.documentMissingClientId);
		const invoice = ctx.store.invoice(companyId, id);
		if (!invoice) return fail(ERR.invoiceNotFound);
		if (!ctx.store.client(companyId, clientId)) return fail(ERR.documentClientNotFound);
		const lines = p.lines();
		if (unknownService(ctx.store, companyId, lines)) return fail(ERR.serviceNotFound);

		invoice.clientId = clientId;
		if (p.has('line_service_id')) invoice.lines = ctx.store.resolveLines(companyId, lines);
		const invoiceDate = p.date('invoice_date');
		if (invoiceDate !== undefined) invoice.invoiceDate = invoiceDate;
		if (p.has('invoice_attention')) invoice.attention = p.str('invoice_attention') ?? '';
		if (p.has('objet')) invoice.objet = p.str('objet') ?? '';
		if (p.has('invoice_comment')) invoice.comment = p.str('invoice_comment') ?? '';
		if (p.has('invoice_vat')) invoice.vatRate = p.number('invoice_vat');
		if (p.has('payment_condition_enable')) invoice.paymentConditionEnable = p.str('payment_condition_enable') ?? '0';
		if (p.has('payment_amount')) invoice.paymentAmount = p.str('payment_amount') ?? '';
		if (p.has('payment_term')) invoice.paymentTerm = p.date('payment_term') ?? '';
		if (p.has('figures_total_withvat')) invoice.forcedTotal = p.number('figures_total_withvat');
		if (p.has('invoice_paid')) invoice.paid = p.str('invoice_paid') === '1';
		notify(ctx, companyId, invoice.id);
		return ok({
			invoice_id: invoice.id,
			invoice_formated_number: invoice.formattedNumber,
			invoice_document_key: invoice.documentKey,
		});
	},

	sendInvoice(ctx, p, companyId) {
		const { store } = ctx;
		const id = p.required('invoice_id');
		if (id === undefined) return fail(ERR.missingInvoiceId);
		const invoice = store.invoice(companyId, id);
		if (!invoice) return fail(ERR.invoiceNotFound);
		const templates = store.templatesOf(companyId);
		const templateId = p.required('email_template_id');
		const template =
			templateId !== undefined ? templates.find((candidate) => candidate.id === templateId) : templates.find((candidate) => candidate.template_type === 'invoice');
		if (!template) return rejectUndocumented(ctx, `email template ${templateId ?? '(default invoice)'} not found`);
		const emailTo = p.required('email_to') ?? store.client(companyId, invoice.clientId)?.client_email ?? '';
		if (emailTo === '') return rejectUndocumented(ctx, 'no email_to given and the client has no email');
		const recipients = emailTo.split(',').map((address) => address.trim());
		if (!recipients.every((address) => EMAIL.test(address))) return rejectUndocumented(ctx, `email_to is not a valid email list: ${emailTo}`);
		const mailId = store.nextId('mail');
		const fill = (text: string) => text.split('{numero}').join(invoice.formattedNumber);
		store.mails.set(mailId, {
			id: mailId,
			invoice_id: invoice.id,
			template_type: template.template_type,
			email_to: emailTo,
			email_subject: fill(template.template_subject),
			email_content: fill(template.template_message),
			email_date: parisDateTime(),
			email_attachment: template.template_attachment_doc === '1' ? `${invoice.formattedNumber}.pdf` : '',
			email_viewed: '0',
			companyId,
			templateId: template.id,
		});
		notify(ctx, companyId, invoice.id);
		return ok();
	},

	getInvoiceMailHistory(ctx, p, companyId) {
		const id = p.required('invoice_id');
		if (id === undefined) return fail(ERR.missingInvoiceId);
		const invoice = ctx.store.invoice(companyId, id);
		if (!invoice) return fail(ERR.invoiceNotFound);
		const mails = [...ctx.store.mails.values()].filter((mail) => mail.invoice_id === invoice.id).sort(byNumericId((mail) => mail.id));
		return ok({ 'invoice-emails': mails.map(mailShape) });
	},

	listEmailTemplates(ctx, _p, companyId) {
		return ok({ 'email-templates': ctx.store.templatesOf(companyId).map((template) => ({ ...template })) });
	},

	createPayment(ctx, p, companyId) {
		const id = p.required('invoice_id');
		if (id === undefined) return fail(ERR.missingInvoiceId);
		const montant = p.required('montant');
		if (montant === undefined) return rejectUndocumented(ctx, 'missing parameter montant');
		const type = p.required('type');
		if (type === undefined) return rejectUndocumented(ctx, 'missing parameter type');
		if (!PAYMENT_TYPES.includes(type)) return rejectUndocumented(ctx, `payment type must be one of ${PAYMENT_TYPES.join(', ')}`);
		const invoice = ctx.store.invoice(companyId, id);
		if (!invoice) return fail(ERR.invoiceNotFound);
		const payment = ctx.store.createPayment(invoice, {
			montant: money(phpFloat(montant)),
			type,
			reference: p.str('reference') ?? '',
			payment_date: p.date('payment_date') ?? parisDate(),
			numero_remise: p.str('numero_remise') ?? '',
			numero_cheque: p.str('numero_cheque') ?? '',
		});
		notify(ctx, companyId, invoice.id);
		return ok({ payment_id: payment.payment_id });
	},

	editPayment(ctx, p, companyId) {
		const id = p.required('invoice_id');
		if (id === undefined) return fail(ERR.missingInvoiceId);
		const invoice = ctx.store.invoice(companyId, id);
		if (!invoice) return fail(ERR.invoiceNotFound);
		const payments = ctx.store.paymentsOf(invoice.id);
		const paymentId = p.required('payment_id');
		let payment;
		if (paymentId !== undefined) {
			payment = payments.find((candidate) => candidate.payment_id === paymentId);
			if (!payment) return rejectUndocumented(ctx, `payment ${paymentId} not found on invoice ${invoice.id}`);
		} else {
			if (payments.length > 1) return fail(ERR.severalPayments);
			if (payments.length === 0) return rejectUndocumented(ctx, `invoice ${invoice.id} has no payment to edit`);
			payment = payments[0];
		}
		const type = p.required('type');
		if (type !== undefined && !PAYMENT_TYPES.includes(type)) return rejectUndocumented(ctx, `payment type must be one of ${PAYMENT_TYPES.join(', ')}`);
		const montant = p.required('montant');
		if (montant !== undefined) payment.montant = money(phpFloat(montant));
		if (type !== undefined) payment.type = type;
		for (const name of ['reference', 'numero_remise', 'numero_cheque'] as const) {
			const value = p.str(name);
			if (value !== undefined) payment[name] = value;
		}
		const date = p.date('payment_date');
		if (date !== undefined) payment.payment_date = date;
		notify(ctx, companyId, invoice.id);
		return ok({ payment_id: payment.payment_id });
	},

	deleteAllPayments(ctx, p, companyId) {
		const id = p.required('invoice_id');
		if (id === undefined) return fail(ERR.missingInvoiceId);
		const invoice = ctx.store.invoice(companyId, id);
		if (!invoice) return fail(ERR.invoiceNotFound);
		for (const payment of ctx.store.paymentsOf(invoice.id)) ctx.store.payments.delete(payment.payment_id);
		notify(ctx, companyId, invoice.id);
		return ok();
	},

	createExpense(ctx, p, companyId) {
		const invalid = validateExpense(ctx, p, companyId);
		if (invalid) return invalid;
		const expense = ctx.store.createExpense(companyId, expenseFields(p));
		return ok({ expense_id: expense.expense_id });
	},

	editExpense(ctx, p, companyId) {
		const id = p.required('expense_id');
		if (id === undefined) return fail(ERR.missingExpenseId);
		const expense = ctx.store.expense(companyId, id);
		if (!expense) return fail(ERR.expenseNotFound);
		const invalid = validateExpense(ctx, p, companyId);
		if (invalid) return invalid;
		Object.assign(expense, expenseFields(p));
		return ok({ expense_id: expense.expense_id });
	},

	getExpense(ctx, p, companyId) {
		const id = p.required('expense_id');
		if (id === undefined) return fail(ERR.missingExpenseId);
		const expense = ctx.store.expense(companyId, id);
		if (!expense) return fail(ERR.expenseNotFound);
		return ok({ expense: expenseShape(expense) });
	},

	getEstimate(ctx, p, companyId) {
		const id = p.required('estimate_id');
		if (id === undefined) return fail(ERR.missingEstimateId);
		const estimate = ctx.store.estimate(companyId, id);
		if (!estimate) return fail(ERR.estimateNotFound);
		return ok({ estimate: estimateShape(ctx.store, estimate) });
	},

	createEstimate(ctx, p, companyId) {
		const clientId = p.required('client_id');
		if (clientId === undefined) return fail(ERR.documentMissingClientId);
		if (!ctx.store.client(companyId, clientId)) return fail(ERR.documentClientNotFound);
		const lines = p.lines();
		if (unknownService(ctx.store, companyId, lines)) return fail(ERR.serviceNotFound);
		const estimate = ctx.store.createEstimate(companyId, {
			clientId,
			estimateDate: p.date('estimate_date'),
			attention: p.str('estimate_attention'),
			objet: p.str('objet'),
			comment: p.str('estimate_comment'),
			vatRate: p.number('estimate_vat'),
			forcedTotal: p.number('figures_total_withvat'),
			templateId: p.required('template_id'),
			lines,
		});
		notify(ctx, companyId, estimate.id);
		return ok({
			estimate_id: estimate.id,
			estimate_formated_number: estimate.formattedNumber,
			estimate_document_key: estimate.documentKey,
			estimate_date: estimate.estimateDate,
			client_id: estimate.clientId,
		});
	},

	transformEstimate(ctx, p, companyId) {
		const id = p.required('estimate_id');
		if (id === undefined) return fail(ERR.missingEstimateId);
		const estimate = ctx.store.estimate(companyId, id);
		if (!estimate) return fail(ERR.estimateNotFound);
		if (estimate.invoiceId !== null) return rejectUndocumented(ctx, `estimate ${estimate.id} was already transformed into invoice ${estimate.invoiceId}`);
		const invoice = ctx.store.createInvoice(companyId, {
			clientId: estimate.clientId,
			attention: estimate.attention,
			objet: estimate.objet,
			comment: estimate.comment,
			vatRate: estimate.vatRate,
			forcedTotal: estimate.forcedTotal,
			lines: estimate.lines.map((line) => ({ ...line })),
			estimateId: estimate.id,
		});
		estimate.status = 'gained';
		estimate.actionDate = parisDate();
		estimate.invoiceId = invoice.id;
		notify(ctx, companyId, estimate.id, invoice.id);
		return ok(invoiceCreated(invoice));
	},

	createCreditNote(ctx, p, companyId) {
		const id = p.required('invoice_id');
		if (id === undefined) return fail(ERR.missingInvoiceId);
		const invoice = ctx.store.invoice(companyId, id);
		if (!invoice) return fail(ERR.invoiceNotFound);
		if (invoice.type === 'avoir') return rejectUndocumented(ctx, `invoice ${invoice.id} is itself a credit note`);
		if (ctx.store.creditNotesOf(invoice.id).length > 0) return rejectUndocumented(ctx, `invoice ${invoice.id} already has a credit note`);
		const note = ctx.store.createCreditNote(invoice);
		notify(ctx, companyId, note.id);
		return ok(invoiceCreated(note));
	},
};

/** createExpense/editExpense checks, in the doc's code order. */
function validateExpense(ctx: ActionContext, p: Params, companyId: string): ApiResponse | null {
	if (p.required('amount') === undefined) return fail(ERR.missingAmount);
	const paymentType = p.required('payment_type');
	if (paymentType === undefined) return fail(ERR.missingPaymentType);
	const supplierId = p.required('supplier_id');
	if (supplierId === undefined) return fail(ERR.missingSupplierId);
	if (!EXPENSE_PAYMENT_TYPES.includes(paymentType)) {
		return rejectUndocumented(ctx, `payment_type must be one of ${EXPENSE_PAYMENT_TYPES.join(', ')}`);
	}
	if (!ctx.store.client(companyId, supplierId)) return rejectUndocumented(ctx, `supplier ${supplierId} not found`);
	return null;
}

function expenseFields(p: Params): Record<string, string> {
	const fields: Record<string, string> = {
		supplier_id: p.required('supplier_id') ?? '',
		amount: money(phpFloat(p.required('amount') ?? '0')),
		payment_type: p.required('payment_type') ?? '',
	};
	const date = p.date('date');
	if (date !== undefined) fields.date = date;
	const vat = p.required('vat');
	if (vat !== undefined) fields.vat = money(phpFloat(vat));
	for (const name of ['invoice_number', 'payment_reference', 'comment']) {
		const value = p.str(name);
		if (value !== undefined) fields[name] = value;
	}
	return fields;
}

export function isKnownAction(action: string): boolean {
	return action in accountHandlers || action in companyHandlers;
}

/** Runs a decoded, known action for the token's account. */
export function executeAction(ctx: ActionContext): ApiResponse {
	const p = new Params(ctx.params);
	// Account management works for application tokens too; everything else needs an account.
	const accountHandler = accountHandlers[ctx.action];
	if (accountHandler) return accountHandler(ctx, p);
	const companyId = ctx.token.companyId;
	if (companyId === null || !ctx.store.accounts.has(companyId)) return fail(ERR.notAssociated);
	return companyHandlers[ctx.action](ctx, p, companyId);
}
