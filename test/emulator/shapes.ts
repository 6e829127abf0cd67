import { frenchShortDate, money, parisMidnightUnix } from './format';
import { TITLE_SERVICE_ID } from './spec';
import {
	ClientRecord,
	DocumentLine,
	EstimateRecord,
	ExpenseRecord,
	InvoiceLinks,
	InvoiceRecord,
	MailRecord,
	ServiceRecord,
	Store,
} from './store';

/** JSON objects exactly in the shapes of the doc's examples (every value a string unless the doc says otherwise). */

/** getClient: the doc's object has no exists/archived/accountancy_code_type. */
export function clientShape(client: ClientRecord): Record<string, unknown> {
	return {
		client_id: client.client_id,
		company_id: client.company_id,
		client_company_name: client.client_company_name,
		client_business_category: client.client_business_category,
		client_reference: client.client_reference,
		description: client.description,
		client_address: client.client_address,
		client_address_more: client.client_address_more,
		client_zipcode: client.client_zipcode,
		client_city: client.client_city,
		client_country: client.client_country,
		number_tva: client.number_tva,
		number_siret: client.number_siret,
		client_website: client.client_website,
		client_email: client.client_email,
		client_contact_firstname: client.client_contact_firstname,
		client_contact_lastname: client.client_contact_lastname,
		client_phonenumber: client.client_phonenumber,
		client_contact_title: client.client_contact_title,
		category: client.category,
		client_other: client.client_other,
		client_lang: client.client_lang,
		client_keyword: client.client_keyword,
		client_code_analytic: client.client_code_analytic,
	};
}

/** listClient entries. */
export function clientListShape(client: ClientRecord): Record<string, unknown> {
	const { client_id: clientId, ...rest } = clientShape(client);
	return { client_id: clientId, exists: true, ...rest, archived: client.archived, accountancy_code_type: client.accountancy_code_type };
}

/** listService entries. */
export function serviceListShape(service: ServiceRecord): Record<string, unknown> {
	return {
		service_id: service.service_id,
		company_id: service.company_id,
		category: service.category,
		service_name: service.service_name,
		description: service.description,
		unit: service.unit,
		price: service.price,
		supplier_price: service.supplier_price,
		is_with_vat: service.is_with_vat,
		vat: service.vat,
		service_code_analytic: service.service_code_analytic,
		archived: service.archived,
		stock: service.stock,
		image: service.image,
		reference: service.reference,
		accountancy_code_type: service.accountancy_code_type,
	};
}

/** getService: the doc's shorter object. */
export function serviceShape(service: ServiceRecord): Record<string, unknown> {
	return {
		service_id: service.service_id,
		company_id: service.company_id,
		category: service.category,
		service_name: service.service_name,
		description: service.description,
		unit: service.unit,
		price: service.price,
		vat: service.vat,
		service_code_analytic: service.service_code_analytic,
		archived: service.archived,
	};
}

/** The service columns joined onto each document line; a title line (75) has none. */
function lineService(store: Store, companyId: string, line: DocumentLine): ServiceRecord {
	const service = line.serviceId === TITLE_SERVICE_ID ? undefined : store.service(companyId, line.serviceId);
	return (
		service ?? {
			service_id: line.serviceId,
			company_id: companyId,
			category: '',
			service_name: '',
			description: '',
			unit: '',
			price: '0',
			supplier_price: '0',
			is_with_vat: '0',
			vat: '0',
			service_code_analytic: '',
			archived: '0',
			stock: '0',
			image: '',
			reference: '',
			accountancy_code_type: 'standard',
		}
	);
}

function lineTotal(line: DocumentLine): number {
	return line.serviceId === TITLE_SERVICE_ID ? 0 : line.quantity * line.price;
}

function lineComment(service: ServiceRecord, line: DocumentLine): string {
	return line.description !== '' ? line.description : service.description;
}

function invoiceLineShape(store: Store, invoice: InvoiceRecord, line: DocumentLine, order: number): Record<string, unknown> {
	const service = lineService(store, invoice.companyId, line);
	const isTitle = line.serviceId === TITLE_SERVICE_ID;
	return {
		service_id: line.serviceId,
		company_id: service.company_id,
		category: service.category,
		service_name: service.service_name,
		description: service.description,
		unit: service.unit,
		price: service.price,
		supplier_price: service.supplier_price,
		is_with_vat: service.is_with_vat,
		vat: service.vat,
		service_code_analytic: service.service_code_analytic,
		archived: service.archived,
		invoice_id: invoice.id,
		quantity: money(line.quantity),
		remise: '0',
		invoice_price: isTitle ? '0' : money(line.price),
		comment: lineComment(service, line),
		unitDiscount: 'euro',
		invoice_order: String(order),
		percent: '0',
		total_ht: money(lineTotal(line)),
	};
}

function invoiceTitle(invoice: InvoiceRecord): string {
	return invoice.type === 'avoir' ? 'Avoir' : 'Facture';
}

/** getInvoice, in the order of the doc's example. */
export function invoiceShape(store: Store, invoice: InvoiceRecord): Record<string, unknown> {
	const figures = store.invoiceFigures(invoice);
	const client = store.client(invoice.companyId, invoice.clientId);
	return {
		invoice_formated_number: invoice.formattedNumber,
		articleList: invoice.lines.map((line, index) => invoiceLineShape(store, invoice, line, index)),
		client_id: invoice.clientId,
		invoice_status: figures.status,
		document_key: invoice.documentKey,
		document_title: invoiceTitle(invoice),
		estimate_id: invoice.estimateId,
		exists: true,
		payment_term_fr: frenchShortDate(invoice.paymentTerm),
		id: invoice.id,
		client_company_name: client?.client_company_name ?? '',
		unix_timestamp: String(store.invoiceTimestamp(invoice)),
		invoice_type: invoice.type,
		invoice_formated_year: invoice.invoiceDate.slice(0, 4),
		invoice_paid_mention: invoice.paymentTerm !== '' ? 'pay_before' : '0',
		figures_total_withoutvat: money(figures.totalWithoutVat),
		figures_total_vat: money(figures.totalVat),
		figures_total_withvat: money(figures.totalWithVat),
		figures_paid: money(figures.paid),
		figures_due: money(figures.due),
		invoice_format: 'F%m%y%04d',
	};
}

/** listInvoice entries: no lines and document_key false, exactly like the doc. */
export function invoiceListShape(store: Store, invoice: InvoiceRecord, links?: InvoiceLinks): Record<string, unknown> {
	const figures = store.invoiceFigures(invoice, undefined, links);
	const client = store.client(invoice.companyId, invoice.clientId);
	return {
		invoice_formated_number: invoice.formattedNumber,
		client_id: invoice.clientId,
		articleList: [],
		invoice_status: figures.status,
		document_key: false,
		document_title: invoiceTitle(invoice),
		estimate_id: invoice.estimateId,
		exists: true,
		payment_amount_total: money(figures.payments),
		id: invoice.id,
		invoice_type: invoice.type,
		invoice_formated_year: invoice.invoiceDate.slice(0, 4),
		client_company_name: client?.client_company_name ?? '',
		invoice_paid_mention: invoice.paymentTerm !== '' ? 'pay_before' : '0',
		is_exported: '0',
		is_recurring: '0',
		figures_total_withoutvat: money(figures.totalWithoutVat),
		figures_total_vat: money(figures.totalVat),
		figures_total_withvat: money(figures.totalWithVat),
		figures_paid: money(figures.paid),
		figures_due: money(figures.due),
		downpayment_percent: '0',
		downpayment_amount: '0',
		downpayment_paid_mention: 'paid',
		downpayment_term: null,
		invoice_tags: '',
		unix_timestamp: String(store.invoiceTimestamp(invoice)),
		payment_term_fr: frenchShortDate(invoice.paymentTerm),
	};
}

/** getEstimate: each line carries the estimate's own columns too (a SQL join in Factomos). */
export function estimateShape(store: Store, estimate: EstimateRecord): Record<string, unknown> {
	const figures = store.documentFigures(estimate.lines, store.estimateVatRate(estimate), estimate.forcedTotal);
	const client = store.client(estimate.companyId, estimate.clientId);
	const totals = {
		figures_total_withoutvat: money(figures.totalWithoutVat),
		figures_total_vat: money(figures.totalVat),
		figures_total_withvat: money(figures.totalWithVat),
	};
	const articleList = estimate.lines.map((line, index) => {
		const service = lineService(store, estimate.companyId, line);
		const isTitle = line.serviceId === TITLE_SERVICE_ID;
		return {
			service_id: line.serviceId,
			company_id: service.company_id,
			category: service.category,
			service_name: service.service_name,
			description: service.description,
			unit: service.unit,
			price: service.price,
			supplier_price: service.supplier_price,
			is_with_vat: service.is_with_vat,
			vat: service.vat,
			service_code_analytic: service.service_code_analytic,
			archived: service.archived,
			stock: service.stock,
			image: service.image,
			reference: service.reference,
			estimate_id: estimate.id,
			quantity: money(line.quantity),
			remise: '0',
			estimate_price: isTitle ? '0' : money(line.price),
			comment: lineComment(service, line),
			estimate_order: String(index),
			id: estimate.id,
			template_id: estimate.templateId,
			estimate_number: String(estimate.number),
			estimate_formated_number: estimate.formattedNumber,
			client_id: estimate.clientId,
			client_company_name: client?.client_company_name ?? '',
			estimate_status: estimate.status,
			estimate_vat: money(store.estimateVatRate(estimate)),
			document_title: 'Devis',
			several_vat: '0',
			company_vat: '20',
			tva_enable: '1',
			estimate_date: estimate.estimateDate,
			estimate_action_date: estimate.actionDate,
			estimate_attention: estimate.attention,
			objet: estimate.objet,
			estimate_comment: estimate.comment,
			estimate_sentmail: '0',
			with_precompte: '0',
			...totals,
			document_lang: 'fr',
			date_update: '0000-00-00 00:00:00',
			percent: '0',
			total_ht: money(lineTotal(line)),
		};
	});
	return {
		estimate_formated_number: estimate.formattedNumber,
		articleList,
		estimate_status: estimate.status,
		document_title: 'Devis',
		document_key: estimate.documentKey,
		exists: true,
		id: estimate.id,
		estimate_number: String(estimate.number),
		unix_timestamp: String(parisMidnightUnix(estimate.estimateDate)),
		...totals,
		estimate_format: 'D%y%m%04d',
	};
}

export function expenseShape(expense: ExpenseRecord): Record<string, unknown> {
	return {
		exists: true,
		expense_id: expense.expense_id,
		date: expense.date,
		supplier_id: expense.supplier_id,
		invoice_number: expense.invoice_number,
		vat: expense.vat,
		amount: expense.amount,
		payment_type: expense.payment_type,
		payment_reference: expense.payment_reference,
		comment: expense.comment,
	};
}

export function mailShape(mail: MailRecord): Record<string, unknown> {
	return {
		id: mail.id,
		invoice_id: mail.invoice_id,
		template_type: mail.template_type,
		email_to: mail.email_to,
		email_subject: mail.email_subject,
		email_content: mail.email_content,
		email_date: mail.email_date,
		email_attachment: mail.email_attachment,
		email_viewed: mail.email_viewed,
	};
}
