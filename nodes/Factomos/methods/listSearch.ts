import type { IDataObject, ILoadOptionsFunctions, INodeListSearchItems, INodeListSearchResult } from 'n8n-workflow';

import { factomosApiRequest, type FormParams } from '../transport';
import type { FactomosAction } from '../transport/errors';

/** Pickers are lazy: n8n calls these only when the user opens the list, each call costs one request. */

async function fetchList(
	context: ILoadOptionsFunctions,
	action: FactomosAction,
	key: string,
	params: FormParams = {},
): Promise<IDataObject[]> {
	const response = await factomosApiRequest.call(context, action, params);
	return (response[key] as IDataObject[]) ?? [];
}

function matchFilter(name: string, filter?: string): boolean {
	return !filter || name.toLowerCase().includes(filter.toLowerCase());
}

function toResult(entries: INodeListSearchItems[]): INodeListSearchResult {
	return { results: entries.sort((a, b) => a.name.localeCompare(b.name)) };
}

/** City and email tell apart two contacts with the same name (the §10 list gives both). */
function contactName(client: IDataObject): string {
	const name = String(client.client_company_name || client.client_id);
	const details = [client.client_city, client.client_email]
		.map((value) => String(value ?? '').trim())
		.filter((value) => value !== '');
	return details.length > 0 ? `${name} (${details.join(', ')})` : name;
}

async function searchContacts(context: ILoadOptionsFunctions, filter?: string, category?: string) {
	const clients = await fetchList(context, 'listClient', 'clients', filter ? { search_keyword: filter } : {});
	return toResult(
		clients
			.filter((client) => !category || client.category === category)
			.map((client) => ({ name: contactName(client), value: String(client.client_id) })),
	);
}

export async function searchClients(this: ILoadOptionsFunctions, filter?: string) {
	return await searchContacts(this, filter);
}

export async function searchSuppliers(this: ILoadOptionsFunctions, filter?: string) {
	return await searchContacts(this, filter, 'fournisseur');
}

export async function searchServices(this: ILoadOptionsFunctions, filter?: string) {
	const services = await fetchList(this, 'listService', 'services');
	return toResult(
		services
			.filter((service) => matchFilter(String(service.service_name ?? ''), filter))
			.map((service) => ({ name: String(service.service_name), value: String(service.service_id) })),
	);
}

/**
 * Send by Email sends an invoice, so estimate templates are left out. Reminder templates stay:
 * invoice emails are sent with them (§22 lists an invoice's emails of type reminder3).
 */
export async function searchInvoiceEmailTemplates(this: ILoadOptionsFunctions, filter?: string) {
	const templates = await fetchList(this, 'listEmailTemplates', 'email-templates');
	return toResult(
		templates
			.filter((template) => String(template.template_type ?? '') !== 'estimate')
			.filter((template) => matchFilter(String(template.template_name ?? ''), filter))
			.map((template) => ({
				name: `${String(template.template_name)} (${String(template.template_type)})`,
				value: String(template.id),
			})),
	);
}

export { fetchList };
