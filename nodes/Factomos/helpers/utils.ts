import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/** Adds the operation's show conditions to each of its fields, so fields never repeat them. */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...displayOptions.show, ...property.displayOptions?.show },
			...(displayOptions.hide || property.displayOptions?.hide
				? { hide: { ...displayOptions.hide, ...property.displayOptions?.hide } }
				: {}),
		},
	}));
}

/** n8n lists collection options alphabetically; lint checks it. */
export function sortByName(properties: INodeProperties[]): INodeProperties[] {
	return [...properties].sort((a, b) => a.displayName.localeCompare(b.displayName));
}

/**
 * The canvas subtitle, e.g. "Invoice: Get Many": display names, not values such as "getAll: invoice".
 * n8n evaluates the subtitle as an expression with the node's parameters, so the names travel in
 * it as a lookup table (one flat object, never "}}", which would end the expression).
 */
export function operationSubtitle(
	resourceProperty: INodeProperties,
	resources: Record<string, { description: INodeProperties[] }>,
): string {
	const names: Record<string, string> = {};
	for (const resource of resourceProperty.options as INodePropertyOptions[]) {
		const dropdown = resources[resource.value as string]?.description.find(
			(property) => property.name === 'operation',
		);
		for (const operation of (dropdown?.options ?? []) as INodePropertyOptions[]) {
			names[`${resource.value as string}:${operation.value as string}`] = `${resource.name}: ${operation.name}`;
		}
	}
	return `={{ (${JSON.stringify(names)})[$parameter["resource"] + ":" + $parameter["operation"]] || $parameter["operation"] }}`;
}
