import type { INodePropertyOptions } from 'n8n-workflow';

/** How to load the object a notification is about; result.id is the id to pass. */
export interface FetchTarget {
	action: 'getInvoice' | 'getEstimate' | 'getClient' | 'getService';
	param: 'invoice_id' | 'estimate_id' | 'client_id' | 'service_id';
	/** Key of the object in the API response, e.g. { invoice: {...} }. */
	key: 'invoice' | 'estimate' | 'client' | 'service';
}

export interface FactomosEvent {
	/** notification_type as Factomos sends it. */
	value: string;
	/** English name shown in n8n and output as event_label. */
	name: string;
	/** The documentation's French label (§8): a reference for the README and tests, never shown in the UI. */
	label: string;
	/** What happened in Factomos, in English, shown as the option's description. */
	when: string;
	group: 'invoice' | 'estimate' | 'contact' | 'service' | 'profile';
	/** Absent for deletions (the object is gone), profile templates (no Get action) and payments (which object result.id is, §8 does not say). */
	fetch?: FetchTarget;
}

const INVOICE: FetchTarget = { action: 'getInvoice', param: 'invoice_id', key: 'invoice' };
const ESTIMATE: FetchTarget = { action: 'getEstimate', param: 'estimate_id', key: 'estimate' };
const CLIENT: FetchTarget = { action: 'getClient', param: 'client_id', key: 'client' };
const SERVICE: FetchTarget = { action: 'getService', param: 'service_id', key: 'service' };

export const ALL_EVENTS = '*';

/** The 31 notification types of the API documentation (§8), in its order. */
export const FACTOMOS_EVENTS: readonly FactomosEvent[] = [
	{ value: 'create_invoice', name: 'Invoice Created', label: "Création d'une facture", when: 'An invoice is created', group: 'invoice', fetch: INVOICE },
	{ value: 'delete_invoice', name: 'Invoice Deleted', label: "Suppression d'une facture", when: 'An invoice is deleted', group: 'invoice' },
	{ value: 'update_invoice', name: 'Invoice Updated', label: "Modification d'une facture", when: 'An invoice is modified', group: 'invoice', fetch: INVOICE },
	// §8 does not say whether result.id is the invoice or the payment: nothing is fetched rather than a wrong invoice.
	{ value: 'add_invoice_payment', name: 'Invoice Payment Added', label: "Ajout d'un règlement", when: 'A payment is recorded on an invoice', group: 'invoice' },
	{ value: 'update_invoice_payment', name: 'Invoice Payment Updated', label: "Modification d'un règlement", when: "An invoice's payment is modified", group: 'invoice' },
	{ value: 'delete_invoice_payment', name: 'Invoice Payment Deleted', label: "Suppression d'un règlement", when: "An invoice's payment is deleted", group: 'invoice' },
	// A credit note is an invoice document: getInvoice returns it.
	{ value: 'create_avoir', name: 'Credit Note Created', label: "Création d'un avoir", when: 'A credit note is created', group: 'invoice', fetch: INVOICE },
	{ value: 'send_invoice', name: 'Invoice Sent by Email', label: 'Envoi facture par mail', when: 'An invoice is sent by email', group: 'invoice', fetch: INVOICE },
	{ value: 'create_estimate', name: 'Estimate Created', label: "Création d'un devis", when: 'An estimate is created', group: 'estimate', fetch: ESTIMATE },
	{ value: 'update_estimate', name: 'Estimate Updated', label: "Modification d'un devis", when: 'An estimate is modified', group: 'estimate', fetch: ESTIMATE },
	{ value: 'delete_estimate', name: 'Estimate Deleted', label: "Suppression d'un devis", when: 'An estimate is deleted', group: 'estimate' },
	{ value: 'send_estimate', name: 'Estimate Sent by Email', label: "Envoi d'un devis par mail", when: 'An estimate is sent by email', group: 'estimate', fetch: ESTIMATE },
	{ value: 'estimate_status_gained', name: 'Estimate Accepted', label: 'Devis accepté', when: 'An estimate is marked as accepted', group: 'estimate', fetch: ESTIMATE },
	{
		value: 'estimate_status_gainedwithoutinvoice',
		name: 'Estimate Accepted Without Invoice',
		label: 'Devis accepté (sans créer de facture)',
		when: 'An estimate is marked as accepted without creating an invoice',
		group: 'estimate',
		fetch: ESTIMATE,
	},
	{
		value: 'estimate_status_gainedwithacompte',
		name: 'Estimate Accepted With Deposit',
		label: 'Devis accepté (avec acompte)',
		when: 'An estimate is marked as accepted with a deposit invoice',
		group: 'estimate',
		fetch: ESTIMATE,
	},
	{ value: 'estimate_status_lost', name: 'Estimate Declined', label: 'Devis refusé', when: 'An estimate is marked as declined', group: 'estimate', fetch: ESTIMATE },
	{ value: 'estimate_status_pending', name: 'Estimate Set to Pending', label: 'Devis en attente', when: 'An estimate is set back to pending', group: 'estimate', fetch: ESTIMATE },
	{ value: 'create_contact', name: 'Contact Created', label: "Ajout d'un contact", when: 'A contact (client) is added', group: 'contact', fetch: CLIENT },
	{ value: 'update_contact', name: 'Contact Updated', label: "Modification d'un contact", when: 'A contact (client) is modified', group: 'contact', fetch: CLIENT },
	{ value: 'delete_contact', name: 'Contact Deleted', label: "Suppression d'un contact", when: 'A contact (client) is deleted', group: 'contact' },
	{ value: 'create_service', name: 'Service Created', label: "Ajout d'une prestation", when: 'A service is added', group: 'service', fetch: SERVICE },
	{ value: 'update_service', name: 'Service Updated', label: "Modification d'une prestation", when: 'A service is modified', group: 'service', fetch: SERVICE },
	{ value: 'archive_service', name: 'Service Archived', label: "Archivage d'une prestation", when: 'A service is archived', group: 'service', fetch: SERVICE },
	{ value: 'delete_service', name: 'Service Deleted', label: "Suppression d'une prestation", when: 'A service is deleted', group: 'service' },
	{ value: 'update_stock', name: 'Stock Updated', label: 'Modification du stock', when: "A service's stock is modified", group: 'service', fetch: SERVICE },
	{ value: 'create_template_email', name: 'Email Template Created', label: 'Création template email', when: 'An email template is created', group: 'profile' },
	{ value: 'update_template_email', name: 'Email Template Updated', label: 'Modification template email', when: 'An email template is modified', group: 'profile' },
	{ value: 'delete_template_email', name: 'Email Template Deleted', label: 'Suppression template email', when: 'An email template is deleted', group: 'profile' },
	{ value: 'create_design', name: 'Design Template Created', label: 'Création template design', when: 'A design template is created', group: 'profile' },
	{ value: 'update_design', name: 'Design Template Updated', label: 'Modification template design', when: 'A design template is modified', group: 'profile' },
	{ value: 'delete_design', name: 'Design Template Deleted', label: 'Suppression template design', when: 'A design template is deleted', group: 'profile' },
];

const BY_TYPE = new Map(FACTOMOS_EVENTS.map((event) => [event.value, event]));

export function findEvent(notificationType: string): FactomosEvent | undefined {
	return BY_TYPE.get(notificationType);
}

/** The Events dropdown: All Events, then every type sorted by name as n8n lists options. */
export const EVENT_OPTIONS: INodePropertyOptions[] = [
	{
		name: 'All Events',
		value: ALL_EVENTS,
		description: 'Any notification, including types added to Factomos after this node was written',
	},
	...[...FACTOMOS_EVENTS]
		.sort((a, b) => a.name.localeCompare(b.name))
		.map((event) => ({
			name: event.name,
			value: event.value,
			description: `${event.when} (${event.value})`,
		})),
];
