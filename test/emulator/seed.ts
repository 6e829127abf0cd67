import { parisDate } from './format';
import { INVOICE_STATUSES, TITLE_SERVICE_ID } from './spec';
import { Store } from './store';

/** Deterministic demo data: 3 clients, 3 services, 6 invoices (one of each main status), 2 estimates, 1 expense. */
export function seedStore(store: Store, companyId: string): void {
	const world = store.createClient(companyId, {
		client_company_name: 'World Company',
		client_reference: 'REF-WC',
		client_address: '1 infinite loop',
		client_zipcode: '75017',
		client_city: 'Paris',
		client_country: 'France',
		client_email: 'contact@worldcompany.test',
		client_contact_firstname: 'John',
		client_contact_lastname: 'Doe',
		client_lang: 'en',
		category: 'client',
	});
	const cafe = store.createClient(companyId, {
		client_company_name: 'Café Crème SARL',
		client_reference: 'REF-CC',
		client_address: '12 rue de la Ré',
		client_zipcode: '69002',
		client_city: 'Lyon',
		client_country: 'France',
		client_email: 'bonjour@cafe-creme.test',
		client_contact_firstname: 'Élodie',
		client_contact_lastname: 'Dupré',
		client_lang: 'fr',
		category: 'client',
	});
	const supplier = store.createClient(companyId, {
		client_company_name: 'Papeterie Martin',
		client_reference: 'FRN-PM',
		client_city: 'Nantes',
		client_zipcode: '44000',
		client_country: 'France',
		client_email: 'compta@papeterie-martin.test',
		category: 'fournisseur',
	});

	const web = store.createService(companyId, { service_name: 'Développement Web', unit: 'jour', price: '800', service_code_analytic: '706180' });
	const design = store.createService(companyId, {
		service_name: 'Design',
		description: '- Maquettes\r\n- Charte graphique',
		unit: 'forfait',
		price: '450',
		service_code_analytic: '706176',
	});
	const subscription = store.createService(companyId, {
		category: 'produits',
		service_name: 'Abonnement Pictomos',
		description: 'Abonnement au service Pictomos',
		unit: 'mois',
		price: '9.5',
		service_code_analytic: '707001',
	});

	const gained = store.createEstimate(companyId, {
		clientId: world.client_id,
		estimateDate: '2025-01-06',
		attention: 'John Doe',
		objet: 'Refonte du site',
		lines: [
			{ serviceId: TITLE_SERVICE_ID, description: 'Phase 1', quantity: 0, price: null },
			{ serviceId: web.service_id, description: '', quantity: 2, price: null },
		],
	});
	store.createEstimate(companyId, {
		clientId: cafe.client_id,
		estimateDate: '2025-06-10',
		attention: 'Élodie Dupré',
		objet: 'Identité visuelle',
		lines: [
			{ serviceId: design.service_id, description: 'Logo & charte', quantity: 1, price: 600 },
			{ serviceId: web.service_id, description: '', quantity: 1.5, price: null },
		],
	});

	const pending = store.createInvoice(companyId, {
		clientId: world.client_id,
		invoiceDate: '2025-01-15',
		attention: 'John Doe',
		objet: 'Refonte du site',
		lines: gained.lines.map((line) => ({ ...line })),
		estimateId: gained.id,
	});
	gained.status = 'gained';
	gained.actionDate = '2025-01-15';
	gained.invoiceId = pending.id;

	const later = store.createInvoice(companyId, {
		clientId: cafe.client_id,
		invoiceDate: '2025-02-03',
		objet: 'Maquettes',
		paymentConditionEnable: '1',
		paymentTerm: '2025-03-05',
		lines: [{ serviceId: design.service_id, description: '', quantity: 1, price: null }],
	});
	const mailId = store.nextId('mail');
	store.mails.set(mailId, {
		id: mailId,
		invoice_id: later.id,
		template_type: 'invoice',
		email_to: cafe.client_email,
		email_subject: `Facture ${later.formattedNumber}`,
		email_content: `Bonjour, veuillez trouver ci-joint la facture ${later.formattedNumber}.`,
		email_date: '2025-02-03 10:12:00',
		email_attachment: `${later.formattedNumber}.pdf`,
		email_viewed: '1',
		companyId,
		templateId: '',
	});

	const paid = store.createInvoice(companyId, {
		clientId: world.client_id,
		invoiceDate: '2025-03-10',
		objet: 'Abonnement annuel',
		lines: [{ serviceId: subscription.service_id, description: '', quantity: 12, price: null }],
	});
	store.createPayment(paid, { montant: '136.8', type: 'virement', reference: 'VIR-2025-031', payment_date: '2025-03-20' });

	const partial = store.createInvoice(companyId, {
		clientId: cafe.client_id,
		invoiceDate: '2025-04-01',
		objet: 'Développement boutique',
		lines: [{ serviceId: web.service_id, description: 'Boutique en ligne', quantity: 3, price: null }],
	});
	store.createPayment(partial, { montant: '1000', type: 'check', numero_cheque: '0001234', payment_date: '2025-04-15' });

	const credited = store.createInvoice(companyId, {
		clientId: world.client_id,
		invoiceDate: '2025-05-05',
		objet: 'Design annulé',
		lines: [{ serviceId: design.service_id, description: '', quantity: 2, price: null }],
	});
	store.createCreditNote(credited, undefined, '2025-05-20');

	store.createExpense(companyId, {
		date: '2025-02-25',
		supplier_id: supplier.client_id,
		invoice_number: 'IN-81450-2',
		vat: '0.61',
		amount: '3.66',
		payment_type: 'check',
		payment_reference: 'CHQ-88',
		comment: 'CARTES DE VISITE',
	});
}

export interface AddInvoicesOptions {
	status?: string;
	clientId?: string;
}

/** Bulk invoices for pagination tests; returns the ids of the invoices having the requested status. */
export function addInvoices(store: Store, companyId: string, count: number, options: AddInvoicesOptions = {}): string[] {
	const status = options.status ?? 'pending';
	if (!(INVOICE_STATUSES as readonly string[]).includes(status)) throw new Error(`addInvoices: unknown status ${status}`);
	let clientId = options.clientId;
	if (clientId === undefined) {
		clientId = [...store.clients.values()].find((client) => client.company_id === companyId)?.client_id;
		clientId ??= store.createClient(companyId, { client_company_name: 'Client en masse', client_email: 'bulk@example.test' }).client_id;
	} else if (!store.client(companyId, clientId)) {
		throw new Error(`addInvoices: client ${clientId} does not exist`);
	}
	let service = [...store.services.values()].find((candidate) => candidate.company_id === companyId);
	service ??= store.createService(companyId, { service_name: 'Prestation', unit: 'heure', price: '100' });

	const ids: string[] = [];
	for (let i = 0; i < count; i++) {
		const invoice = store.createInvoice(companyId, {
			clientId,
			invoiceDate: parisDate(),
			objet: `Facture en masse ${i + 1}`,
			paymentTerm: status === 'later' ? '2020-01-31' : '',
			lines: [{ serviceId: service.service_id, description: `Ligne ${i + 1}`, quantity: 1, price: 100 + i }],
		});
		const total = store.invoiceFigures(invoice).totalWithVat;
		if (status === 'paid') invoice.paid = true;
		if (status === 'partially-paid') store.createPayment(invoice, { montant: String(Math.round(total / 2)), type: 'virement' });
		if (status === 'partially-paid-avoir') store.createCreditNote(invoice, Math.round(total / 2));
		if (status === 'paid-avoir') store.createCreditNote(invoice);
		ids.push(status === 'avoir' ? store.createCreditNote(invoice).id : invoice.id);
	}
	return ids;
}
