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
	/** The documentation's French label (§8). */
	label: string;
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
	{ value: 'create_invoice', name: 'Invoice Created', label: "Création d'une facture", group: 'invoice', fetch: INVOICE },
	{ value: 'delete_invoice', name: 'Invoice Deleted', label: "Suppression d'une facture", group: 'invoice' },
	{ value: 'update_invoice', name: 'Invoice Updated', label: "Modification d'une facture", group: 'invoice', fetch: INVOICE },
	// §8 does not say whether result.id is the invoice or the payment: nothing is fetched rather than a wrong invoice.
	{ value: 'add_invoice_payment', name: 'Invoice Payment Added', label: "Ajout d'un règlement", group: 'invoice' },
	{ value: 'update_invoice_payment', name: 'Invoice Payment Updated', label: "Modification d'un règlement", group: 'invoice' },
	{ value: 'delete_invoice_payment', name: 'Invoice Payment Deleted', label: "Suppression d'un règlement", group: 'invoice' },
	// A credit note is an invoice document: getInvoice returns it.
	{ value: 'create_avoir', name: 'Credit Note Created', label: "Création d'un avoir", group: 'invoice', fetch: INVOICE },
	{ value: 'send_invoice', name: 'Invoice Sent by Email', label: 'Envoi facture par mail', group: 'invoice', fetch: INVOICE },
	{ value: 'create_estimate', name: 'Estimate Created', label: "Création d'un devis", group: 'estimate', fetch: ESTIMATE },
	{ value: 'update_estimate', name: 'Estimate Updated', label: "Modification d'un devis", group: 'estimate', fetch: ESTIMATE },
	{ value: 'delete_estimate', name: 'Estimate Deleted', label: "Suppression d'un devis", group: 'estimate' },
	{ value: 'send_estimate', name: 'Estimate Sent by Email', label: "Envoi d'un devis par mail", group: 'estimate', fetch: ESTIMATE },
	{ value: 'estimate_status_gained', name: 'Estimate Accepted', label: 'Devis accepté', group: 'estimate', fetch: ESTIMATE },
	{
		value: 'estimate_status_gainedwithoutinvoice',
		name: 'Estimate Accepted Without Invoice',
		label: 'Devis accepté (sans créer de facture)',
		group: 'estimate',
		fetch: ESTIMATE,
	},
	{
		value: 'estimate_status_gainedwithacompte',
		name: 'Estimate Accepted With Deposit',
		label: 'Devis accepté (avec acompte)',
		group: 'estimate',
		fetch: ESTIMATE,
	},
	{ value: 'estimate_status_lost', name: 'Estimate Declined', label: 'Devis refusé', group: 'estimate', fetch: ESTIMATE },
	{ value: 'estimate_status_pending', name: 'Estimate Set to Pending', label: 'Devis en attente', group: 'estimate', fetch: ESTIMATE },
	{ value: 'create_contact', name: 'Contact Created', label: "Ajout d'un contact", group: 'contact', fetch: CLIENT },
	{ value: 'update_contact', name: 'Contact Updated', label: "Modification d'un contact", group: 'contact', fetch: CLIENT },
	{ value: 'delete_contact', name: 'Contact Deleted', label: "Suppression d'un contact", group: 'contact' },
	{ value: 'create_service', name: 'Service Created', label: "Ajout d'une prestation", group: 'service', fetch: SERVICE },
	{ value: 'update_service', name: 'Service Updated', label: "Modification d'une prestation", group: 'service', fetch: SERVICE },
	{ value: 'archive_service', name: 'Service Archived', label: "Archivage d'une prestation", group: 'service', fetch: SERVICE },
	{ value: 'delete_service', name: 'Service Deleted', label: "Suppression d'une prestation", group: 'service' },
	{ value: 'update_stock', name: 'Stock Updated', label: 'Modification du stock', group: 'service', fetch: SERVICE },
	{ value: 'create_template_email', name: 'Email Template Created', label: 'Création template email', group: 'profile' },
	{ value: 'update_template_email', name: 'Email Template Updated', label: 'Modification template email', group: 'profile' },
	{ value: 'delete_template_email', name: 'Email Template Deleted', label: 'Suppression template email', group: 'profile' },
	{ value: 'create_design', name: 'Design Template Created', label: 'Création template design', group: 'profile' },
	{ value: 'update_design', name: 'Design Template Updated', label: 'Modification template design', group: 'profile' },
	{ value: 'delete_design', name: 'Design Template Deleted', label: 'Suppression template design', group: 'profile' },
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
			description: `"${event.label}" (${event.value})`,
		})),
];
