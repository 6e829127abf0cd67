import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { TITLE_LINE_SERVICE_ID } from '../helpers/lines';
import { fetchList } from './listSearch';

/** The line items' service dropdown (resource locators are not available inside fixed collections). */
export async function getServices(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const services = (await fetchList(this, 'listService', 'services'))
		.map((service) => ({
			name: `${String(service.service_name)} (${String(service.price ?? '')} / ${String(service.unit || 'unit')})`,
			value: String(service.service_id),
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	// From version 1.1 a title line is chosen here rather than with a Title Line switch.
	if (this.getNode().typeVersion < 1.1) return services;
	return [
		{
			name: 'Title Line (Section Heading, No Amount)',
			value: TITLE_LINE_SERVICE_ID,
			description: 'Service ID 75: the line shows its Description as a heading',
		},
		...services,
	];
}
