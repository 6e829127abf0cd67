import type { INodePropertyOptions, INodeTypeDescription } from 'n8n-workflow';
import type * as N8nWorkflow from 'n8n-workflow';

/** [resource, operation, "Resource: Operation" as the dropdowns name them] of every operation. */
export function operationsOf(description: INodeTypeDescription): Array<[string, string, string]> {
	const resources = description.properties.find((property) => property.name === 'resource')?.options as INodePropertyOptions[];
	return description.properties
		.filter((property) => property.name === 'operation')
		.flatMap((dropdown) => {
			const resource = (dropdown.displayOptions?.show?.resource as string[])[0];
			const resourceName = resources.find((option) => option.value === resource)?.name;
			return (dropdown.options as INodePropertyOptions[]).map(
				(option): [string, string, string] => [resource, option.value as string, `${resourceName}: ${option.name}`],
			);
		});
}

/**
 * The canvas subtitle of a node with these parameters, evaluated as n8n's editor does
 * (expression.getSimpleParameterValue with the 'internal' mode), by the given n8n-workflow.
 */
export function evaluateSubtitle(
	workflowModule: typeof N8nWorkflow,
	description: INodeTypeDescription,
	parameters: Record<string, string>,
): unknown {
	const node = {
		id: 'subtitle',
		name: 'Factomos',
		type: 'n8n-nodes-factomos.factomos',
		typeVersion: 1.1,
		position: [0, 0] as [number, number],
		parameters,
	};
	const nodeType = { description };
	const workflow = new workflowModule.Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: { getByName: () => nodeType, getByNameAndVersion: () => nodeType, getKnownTypes: () => ({}) } as never,
	});
	return workflow.expression.getSimpleParameterValue(node, description.subtitle as string, 'internal', {});
}
