import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fetchList } from './listSearch';

/** The line items' service dropdown (resource locators are not available inside fixed collections). */
export async function getServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const services = await fetchList(this, 'listService', 'services');
	return services
		.map((service) => ({
			name: `${String(service.service_name)} (${String(service.price ?? '')} / ${String(service.unit || 'unit')})`,
			value: String(service.service_id),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
