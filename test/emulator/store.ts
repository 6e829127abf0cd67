import { parisDate, parisMidnightUnix, round2 } from './format';
import { InvoiceStatus, TITLE_SERVICE_ID } from './spec';

/** In-memory Factomos data. Records keep the doc's string fields; a few internal fields are camelCase. */

export interface ClientRecord {
	client_id: string;
	company_id: string;
	client_company_name: string;
	client_business_category: string;
	client_reference: string;
	description: string;
	client_address: string;
	client_address_more: string;
	client_zipcode: string;
	client_city: string;
	client_country: string;
	number_tva: string;
	number_siret: string;
	client_website: string;
	client_email: string;
	client_contact_firstname: string;
	client_contact_lastname: string;
	client_phonenumber: string;
	client_contact_title: string;
	category: string;
	client_other: string;
	client_lang: string;
	client_keyword: string;
	client_code_analytic: string;
	archived: string;
	accountancy_code_type: string;
}

export interface ServiceRecord {
	service_id: string;
	company_id: string;
	category: string;
	service_name: string;
	description: string;
	unit: string;
	price: string;
	supplier_price: string;
	is_with_vat: string;
	vat: string;
	service_code_analytic: string;
	archived: string;
	stock: string;
	image: string;
	reference: string;
	accountancy_code_type: string;
}

export interface DocumentLine {
	serviceId: string;
	/** The line description; '' falls back to the service description. */
	description: string;
	quantity: number;
	/** Unit price, resolved from the service when the client left it empty. */
	price: number;
}

export interface InvoiceRecord {
	id: string;
	companyId: string;
	type: 'invoice' | 'avoir';
	number: number;
	formattedNumber: string;
	documentKey: string;
	clientId: string;
	invoiceDate: string;
	attention: string;
	objet: string;
	comment: string;
	vatRate: number | null;
	vatEnable: string;
	severalVat: string;
	paymentConditionEnable: string;
	paymentAmount: string;
	paymentTerm: string;
	paid: boolean;
	forcedTotal: number | null;
	templateId: string;
	lines: DocumentLine[];
	estimateId: string;
	/** For a credit note: the invoice it credits. */
	creditOf: string | null;
	createdAt: number;
}

export interface EstimateRecord {
	id: string;
	companyId: string;
	number: number;
	formattedNumber: string;
	documentKey: string;
	clientId: string;
	estimateDate: string;
	attention: string;
	objet: string;
	comment: string;
	vatRate: number | null;
	forcedTotal: number | null;
	templateId: string;
	lines: DocumentLine[];
	status: string;
	actionDate: string | null;
	invoiceId: string | null;
	createdAt: number;
}

export interface PaymentRecord {
	payment_id: string;
	invoice_id: string;
	company_id: string;
	montant: string;
	type: string;
	reference: string;
	payment_date: string;
	numero_remise: string;
	numero_cheque: string;
}

export interface ExpenseRecord {
	expense_id: string;
	company_id: string;
	date: string;
	supplier_id: string;
	invoice_number: string;
	vat: string;
	amount: string;
	payment_type: string;
	payment_reference: string;
	comment: string;
}

export interface EmailTemplateRecord {
	id: string;
	company_id: string;
	signature_id: string;
	template_name: string;
	template_type: string;
	template_subject: string;
	template_message: string;
	template_attachment_doc: string;
}

export interface MailRecord {
	id: string;
	invoice_id: string;
	template_type: string;
	email_to: string;
	email_subject: string;
	email_content: string;
	email_date: string;
	email_attachment: string;
	email_viewed: string;
	companyId: string;
	templateId: string;
}

export interface AccountRecord {
	company_id: string;
	user_id: string;
	username: string;
	password: string;
	subscription_status: string;
	/** Every other createAccount field, as sent. */
	profile: Record<string, string>;
}

export interface TokenRecord {
	token: string;
	secret: string;
	/** null for an application token that belongs to no Factomos account. */
	companyId: string | null;
	partner: boolean;
	webhookUrl: string | null;
	appName: string | null;
}

export interface AuthTokenRecord {
	token: string;
	companyId: string;
	used: boolean;
	sessionId: string | null;
	createdAt: number;
}

export interface SessionRecord {
	id: string;
	companyId: string;
	authToken: string;
	createdAt: number;
	lastSeen: number;
}

export interface PrefilledForm {
	params: Record<string, string>;
	/** The client the form resolved to (client_id first, else exact company name), if any. */
	clientId: string | null;
	authenticated: boolean;
	at: number;
}

export interface DocumentFigures {
	totalWithoutVat: number;
	totalVat: number;
	totalWithVat: number;
}

export interface InvoiceFigures extends DocumentFigures {
	payments: number;
	paid: number;
	due: number;
	status: InvoiceStatus;
}

export interface LineInput {
	serviceId: string;
	description: string;
	quantity: number;
	price: number | null;
}

export interface InvoiceInput {
	clientId: string;
	invoiceDate?: string;
	attention?: string;
	objet?: string;
	comment?: string;
	vatRate?: number | null;
	vatEnable?: string;
	severalVat?: string;
	paymentConditionEnable?: string;
	paymentAmount?: string;
	paymentTerm?: string;
	paid?: boolean;
	forcedTotal?: number | null;
	templateId?: string;
	lines: LineInput[];
	estimateId?: string;
}

export interface EstimateInput {
	clientId: string;
	estimateDate?: string;
	attention?: string;
	objet?: string;
	comment?: string;
	vatRate?: number | null;
	forcedTotal?: number | null;
	templateId?: string;
	lines: LineInput[];
}

const DEFAULT_VAT = 20;
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Id ranges per kind, so an id of the wrong kind is never accidentally found. */
const ID_BASES: Record<string, number> = {
	client: 1000,
	service: 2000,
	mail: 3000,
	invoice: 5000,
	estimate: 7000,
	payment: 8000,
	expense: 9000,
	template: 330,
	company: 10000,
	user: 20000,
};

/** Deterministic PRNG so document keys are stable across runs. */
function mulberry32(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface InvoiceLinks {
	payments: Map<string, PaymentRecord[]>;
	creditNotes: Map<string, InvoiceRecord[]>;
}

export class Store {
	clients = new Map<string, ClientRecord>();
	services = new Map<string, ServiceRecord>();
	invoices = new Map<string, InvoiceRecord>();
	estimates = new Map<string, EstimateRecord>();
	payments = new Map<string, PaymentRecord>();
	expenses = new Map<string, ExpenseRecord>();
	emailTemplates = new Map<string, EmailTemplateRecord>();
	mails = new Map<string, MailRecord>();
	accounts = new Map<string, AccountRecord>();
	tokens = new Map<string, TokenRecord>();
	authTokens = new Map<string, AuthTokenRecord>();
	sessions = new Map<string, SessionRecord>();
	prefilledForms: PrefilledForm[] = [];

	private counters = new Map<string, number>();
	private documentNumbers = new Map<string, number>();
	private random = mulberry32(550);

	/** Empties business data and counters; accounts, tokens and email templates are kept. */
	clearData(): void {
		this.clients.clear();
		this.services.clear();
		this.invoices.clear();
		this.estimates.clear();
		this.payments.clear();
		this.expenses.clear();
		this.mails.clear();
		this.authTokens.clear();
		this.sessions.clear();
		this.prefilledForms = [];
		for (const kind of Object.keys(ID_BASES)) {
			if (kind !== 'template' && kind !== 'company' && kind !== 'user') this.counters.delete(kind);
		}
		this.documentNumbers.clear();
		this.random = mulberry32(550);
	}

	nextId(kind: string): string {
		const next = (this.counters.get(kind) ?? ID_BASES[kind] ?? 0) + 1;
		this.counters.set(kind, next);
		return String(next);
	}

	/** Makes sure nextId(kind) never hands out an id at or below `id`. */
	reserveId(kind: string, id: string): void {
		const numeric = Number(id);
		if (Number.isInteger(numeric) && numeric > (this.counters.get(kind) ?? ID_BASES[kind] ?? 0)) this.counters.set(kind, numeric);
	}

	randomString(length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) out += ALPHANUMERIC[Math.floor(this.random() * ALPHANUMERIC.length)];
		return out;
	}

	/** 20 characters: 'i' or 'e' then 19 alphanumerics, like "ib2cVKO9u4svZxfLS790". */
	documentKey(prefix: 'i' | 'e'): string {
		return prefix + this.randomString(19);
	}

	private nextDocumentNumber(companyId: string, kind: 'invoice' | 'estimate'): number {
		const key = `${companyId}:${kind}`;
		const next = (this.documentNumbers.get(key) ?? 0) + 1;
		this.documentNumbers.set(key, next);
		return next;
	}

	// ---- lookups scoped to one company ----

	client(companyId: string, id: string): ClientRecord | undefined {
		const record = this.clients.get(id);
		return record && record.company_id === companyId ? record : undefined;
	}

	service(companyId: string, id: string): ServiceRecord | undefined {
		const record = this.services.get(id);
		return record && record.company_id === companyId ? record : undefined;
	}

	invoice(companyId: string, id: string): InvoiceRecord | undefined {
		const record = this.invoices.get(id);
		return record && record.companyId === companyId ? record : undefined;
	}

	estimate(companyId: string, id: string): EstimateRecord | undefined {
		const record = this.estimates.get(id);
		return record && record.companyId === companyId ? record : undefined;
	}

	expense(companyId: string, id: string): ExpenseRecord | undefined {
		const record = this.expenses.get(id);
		return record && record.company_id === companyId ? record : undefined;
	}

	paymentsOf(invoiceId: string): PaymentRecord[] {
		return [...this.payments.values()].filter((payment) => payment.invoice_id === invoiceId);
	}

	creditNotesOf(invoiceId: string): InvoiceRecord[] {
		return [...this.invoices.values()].filter((invoice) => invoice.creditOf === invoiceId);
	}

	/** Payments and credit notes of every invoice in one pass, so a listing is not O(n²). */
	invoiceLinks(): InvoiceLinks {
		const links: InvoiceLinks = { payments: new Map(), creditNotes: new Map() };
		const add = <T>(map: Map<string, T[]>, key: string, value: T) => {
			const list = map.get(key);
			if (list) list.push(value);
			else map.set(key, [value]);
		};
		for (const payment of this.payments.values()) add(links.payments, payment.invoice_id, payment);
		for (const invoice of this.invoices.values()) if (invoice.creditOf) add(links.creditNotes, invoice.creditOf, invoice);
		return links;
	}

	templatesOf(companyId: string): EmailTemplateRecord[] {
		return [...this.emailTemplates.values()].filter((template) => template.company_id === companyId);
	}

	// ---- creation ----

	createClient(companyId: string, fields: Partial<ClientRecord>): ClientRecord {
		const id = fields.client_id ?? this.nextId('client');
		this.reserveId('client', id);
		const name = fields.client_company_name ?? '';
		const record: ClientRecord = {
			client_id: id,
			company_id: companyId,
			client_company_name: name,
			client_business_category: '',
			client_reference: '',
			description: '',
			client_address: '',
			client_address_more: '',
			client_zipcode: '',
			client_city: '',
			client_country: '',
			number_tva: '',
			number_siret: '',
			client_website: '',
			client_email: '',
			client_contact_firstname: '',
			client_contact_lastname: '',
			client_phonenumber: '',
			client_contact_title: '',
			category: 'client',
			client_other: '',
			client_lang: '',
			client_keyword: '',
			client_code_analytic: analyticCode(fields.category === 'fournisseur' ? '401' : '411', name),
			archived: '0',
			accountancy_code_type: 'standard',
			...fields,
		};
		record.client_id = id;
		record.company_id = companyId;
		this.clients.set(id, record);
		return record;
	}

	createService(companyId: string, fields: Partial<ServiceRecord>): ServiceRecord {
		const id = fields.service_id ?? this.nextId('service');
		this.reserveId('service', id);
		const record: ServiceRecord = {
			service_id: id,
			company_id: companyId,
			category: 'services',
			service_name: '',
			description: '',
			unit: '',
			price: '0',
			supplier_price: '0',
			is_with_vat: '0',
			vat: String(DEFAULT_VAT),
			service_code_analytic: fields.category === 'produits' ? '707000' : '706000',
			archived: '0',
			stock: '0',
			image: '',
			reference: '',
			accountancy_code_type: 'standard',
			...fields,
		};
		record.service_id = id;
		record.company_id = companyId;
		this.services.set(id, record);
		return record;
	}

	resolveLines(companyId: string, lines: LineInput[]): DocumentLine[] {
		return lines.map((line) => {
			const service = line.serviceId === TITLE_SERVICE_ID ? undefined : this.service(companyId, line.serviceId);
			const price = line.price ?? (service ? Number(service.price) : 0);
			return { serviceId: line.serviceId, description: line.description, quantity: line.quantity, price };
		});
	}

	createInvoice(companyId: string, input: InvoiceInput): InvoiceRecord {
		const id = this.nextId('invoice');
		const invoiceDate = input.invoiceDate || parisDate();
		const number = this.nextDocumentNumber(companyId, 'invoice');
		const record: InvoiceRecord = {
			id,
			companyId,
			type: 'invoice',
			number,
			// invoice_format "F%m%y%04d" from the doc (F09100013 is September 2010, invoice 13).
			formattedNumber: `F${invoiceDate.slice(5, 7)}${invoiceDate.slice(2, 4)}${String(number).padStart(4, '0')}`,
			documentKey: this.documentKey('i'),
			clientId: input.clientId,
			invoiceDate,
			attention: input.attention ?? '',
			objet: input.objet ?? '',
			comment: input.comment ?? '',
			vatRate: input.vatRate ?? null,
			vatEnable: input.vatEnable ?? '1',
			severalVat: input.severalVat ?? '0',
			paymentConditionEnable: input.paymentConditionEnable ?? '0',
			paymentAmount: input.paymentAmount ?? '',
			paymentTerm: input.paymentTerm ?? '',
			paid: input.paid ?? false,
			forcedTotal: input.forcedTotal ?? null,
			templateId: input.templateId ?? '0',
			lines: this.resolveLines(companyId, input.lines),
			estimateId: input.estimateId ?? '0',
			creditOf: null,
			createdAt: Date.now(),
		};
		this.invoices.set(id, record);
		return record;
	}

	/** A credit note negating `original` (quantities negated), or only `amount` of it when given; dated today by default. */
	createCreditNote(original: InvoiceRecord, amount?: number, invoiceDate?: string): InvoiceRecord {
		const note = this.createInvoice(original.companyId, {
			clientId: original.clientId,
			invoiceDate,
			attention: original.attention,
			objet: original.objet,
			vatRate: original.vatRate,
			vatEnable: original.vatEnable,
			severalVat: original.severalVat,
			lines: original.lines.map((line) => ({ ...line, quantity: line.serviceId === TITLE_SERVICE_ID ? line.quantity : -line.quantity })),
		});
		note.type = 'avoir';
		note.creditOf = original.id;
		if (amount !== undefined) note.forcedTotal = -amount;
		else if (original.forcedTotal !== null) note.forcedTotal = -original.forcedTotal;
		return note;
	}

	createEstimate(companyId: string, input: EstimateInput): EstimateRecord {
		const id = this.nextId('estimate');
		const estimateDate = input.estimateDate || parisDate();
		const number = this.nextDocumentNumber(companyId, 'estimate');
		const record: EstimateRecord = {
			id,
			companyId,
			number,
			// estimate_format "D%y%m%04d" from the doc (D14050050 is May 2014, estimate 50).
			formattedNumber: `D${estimateDate.slice(2, 4)}${estimateDate.slice(5, 7)}${String(number).padStart(4, '0')}`,
			documentKey: this.documentKey('e'),
			clientId: input.clientId,
			estimateDate,
			attention: input.attention ?? '',
			objet: input.objet ?? '',
			comment: input.comment ?? '',
			vatRate: input.vatRate ?? null,
			forcedTotal: input.forcedTotal ?? null,
			templateId: input.templateId ?? '0',
			lines: this.resolveLines(companyId, input.lines),
			status: 'pending',
			actionDate: null,
			invoiceId: null,
			createdAt: Date.now(),
		};
		this.estimates.set(id, record);
		return record;
	}

	createPayment(invoice: InvoiceRecord, fields: Partial<PaymentRecord>): PaymentRecord {
		const record: PaymentRecord = {
			payment_id: this.nextId('payment'),
			invoice_id: invoice.id,
			company_id: invoice.companyId,
			montant: '0',
			type: 'other',
			reference: '',
			payment_date: parisDate(),
			numero_remise: '',
			numero_cheque: '',
			...fields,
		};
		this.payments.set(record.payment_id, record);
		return record;
	}

	createExpense(companyId: string, fields: Partial<ExpenseRecord>): ExpenseRecord {
		const record: ExpenseRecord = {
			expense_id: this.nextId('expense'),
			company_id: companyId,
			date: parisDate(),
			supplier_id: '',
			invoice_number: '',
			vat: '0',
			amount: '0',
			payment_type: 'other',
			payment_reference: '',
			comment: '',
			...fields,
		};
		this.expenses.set(record.expense_id, record);
		return record;
	}

	/** The default templates every Factomos account has. */
	ensureEmailTemplates(companyId: string): void {
		if (this.templatesOf(companyId).length > 0) return;
		const defaults: [string, string, string, string][] = [
			['Envoi devis', 'estimate', 'Devis {numero}', 'Bonjour, veuillez trouver ci-joint notre devis {numero}.'],
			['Envoi facture', 'invoice', 'Facture {numero}', 'Bonjour, veuillez trouver ci-joint la facture {numero}.'],
			['Relance 1', 'reminder1', 'Relance facture {numero}', 'Sauf erreur de notre part, la facture {numero} reste impayée.'],
			['Relance 2', 'reminder2', '2e relance facture {numero}', 'Nous vous rappelons que la facture {numero} reste impayée.'],
			['Relance 3', 'reminder3', 'Dernière relance facture {numero}', 'Dernier rappel avant recouvrement pour la facture {numero}.'],
		];
		const signature = this.nextId('template');
		for (const [name, type, subject, message] of defaults) {
			const id = this.nextId('template');
			this.emailTemplates.set(id, {
				id,
				company_id: companyId,
				signature_id: signature,
				template_name: name,
				template_type: type,
				template_subject: subject,
				template_message: message,
				template_attachment_doc: '1',
			});
		}
	}

	// ---- figures ----

	documentFigures(lines: DocumentLine[], vatRate: number, forcedTotal: number | null): DocumentFigures {
		let withoutVat = 0;
		for (const line of lines) {
			if (line.serviceId !== TITLE_SERVICE_ID) withoutVat += round2(line.quantity * line.price);
		}
		withoutVat = round2(withoutVat);
		if (forcedTotal !== null) {
			return { totalWithoutVat: withoutVat, totalVat: round2(forcedTotal - withoutVat), totalWithVat: round2(forcedTotal) };
		}
		const vat = round2((withoutVat * vatRate) / 100);
		return { totalWithoutVat: withoutVat, totalVat: vat, totalWithVat: round2(withoutVat + vat) };
	}

	invoiceVatRate(invoice: InvoiceRecord): number {
		if (invoice.vatEnable === '0') return 0;
		return invoice.vatRate ?? DEFAULT_VAT;
	}

	estimateVatRate(estimate: EstimateRecord): number {
		return estimate.vatRate ?? DEFAULT_VAT;
	}

	invoiceFigures(invoice: InvoiceRecord, today = parisDate(), links?: InvoiceLinks): InvoiceFigures {
		const base = this.documentFigures(invoice.lines, this.invoiceVatRate(invoice), invoice.forcedTotal);
		const total = base.totalWithVat;
		const paymentList = links ? (links.payments.get(invoice.id) ?? []) : this.paymentsOf(invoice.id);
		const creditNotes = links ? (links.creditNotes.get(invoice.id) ?? []) : this.creditNotesOf(invoice.id);
		const payments = round2(paymentList.reduce((sum, payment) => sum + Number(payment.montant), 0));
		if (invoice.type === 'avoir') {
			return { ...base, payments, paid: payments, due: round2(total - payments), status: 'avoir' };
		}
		const credited = round2(
			creditNotes.reduce((sum, note) => sum - this.documentFigures(note.lines, this.invoiceVatRate(note), note.forcedTotal).totalWithVat, 0),
		);
		const settledByPayments = invoice.paid ? total : payments;
		const paid = round2(settledByPayments + credited);
		let status: InvoiceStatus;
		if (credited !== 0) status = paid >= total ? 'paid-avoir' : 'partially-paid-avoir';
		else if (invoice.paid || (total > 0 && payments >= total)) status = 'paid';
		else if (payments > 0) status = 'partially-paid';
		else if (invoice.paymentTerm !== '' && invoice.paymentTerm < today) status = 'later';
		else status = 'pending';
		return { ...base, payments, paid, due: round2(total - paid), status };
	}

	invoiceTimestamp(invoice: InvoiceRecord): number {
		return parisMidnightUnix(invoice.invoiceDate);
	}
}

function analyticCode(prefix: string, name: string): string {
	const letters = name
		.normalize('NFD')
		.replace(/[^A-Za-z0-9]/g, '')
		.toUpperCase()
		.slice(0, 5);
	return prefix + letters;
}

