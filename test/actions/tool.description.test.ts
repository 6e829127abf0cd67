import type { INode, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers, deepCopy } from 'n8n-workflow';

import { loadBuiltDescription } from '../helpers/built';

/**
 * Walks every operation of the Factomos Tool, the variant n8n makes of a `usableAsTool` node for AI
 * agents and MCP clients, and checks what a model is told about it.
 */

const description = loadBuiltDescription();
const properties = description.properties;

/** The tool as n8n builds it at execution (NodeTypes.getByNameAndVersion): without replacements. */
function toolVariant(): INodeTypeDescription {
	const tool = deepCopy(description);
	tool.name += 'Tool';
	tool.displayName += ' Tool';
	tool.inputs = [];
	tool.outputs = [NodeConnectionTypes.AiTool];
	delete tool.usableAsTool;
	return tool;
}

const tool = toolVariant();

function nodeWith(type: INodeTypeDescription, parameters: Record<string, string>): INode {
	const node: INode = {
		id: 'walk',
		name: 'Factomos',
		type: `n8n-nodes-factomos.${type.name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};
	node.parameters =
		NodeHelpers.getNodeParameters(type.properties, parameters, true, false, node, type) ?? {};
	return node;
}

/** [resource, operation, action label] of every option of every Operation dropdown. */
const OFFERED = properties
	.filter((property) => property.name === 'operation')
	.flatMap((dropdown) =>
		(dropdown.displayOptions?.show?.resource as string[]).flatMap((resource) =>
			(dropdown.options as Array<{ value: string; action: string }>).map(
				(option) => [resource, option.value, option.action] as [string, string, string],
			),
		),
	);

describe('tool => descriptions', () => {
	it('should walk all 33 operations of the node', () => {
		expect(OFFERED).toHaveLength(33);
	});

	it.each(OFFERED)(
		'should tell a model what %s => %s does, needs and returns',
		(resource, operation, action) => {
			const text = NodeHelpers.getToolDescriptionForNode(nodeWith(tool, { resource, operation }), {
				description: tool,
			} as INodeType);
			expect(text.trim().length).toBeGreaterThan(60);
			// Not n8n's fallback built from the action label ("Create an invoice in Factomos").
			expect(text).not.toBe(`${action} in ${description.defaults.name}`);
			const sentences = text.match(/[.!?](?=\s+[A-Z]|$)/g) ?? [];
			expect(sentences.length).toBeGreaterThanOrEqual(1);
			expect(sentences.length).toBeLessThanOrEqual(2);
		},
	);

	it('should keep the tool description off the human-facing node', () => {
		for (const [resource, operation] of OFFERED) {
			expect(
				nodeWith(description, { resource, operation }).parameters.toolDescription,
			).toBeUndefined();
		}
	});

	it("should replace n8n's generic tool description field", () => {
		// n8n adds its own "Tool Description" (auto/manual) only to nodes without a toolDescription property.
		const fields = properties.filter((property) => property.name === 'toolDescription');
		expect(fields).toHaveLength(OFFERED.length);
		expect(fields.every((field) => field.displayOptions?.show?.['@tool']?.[0] === true)).toBe(true);
	});

	it.each([
		['invoice', 'create'],
		['invoice', 'update'],
		['estimate', 'create'],
	])(
		'should take the lines of %s => %s as JSON in the tool and one by one in the node',
		(resource, operation) => {
			expect(nodeWith(tool, { resource, operation }).parameters.linesInputMode).toBe('json');
			expect(nodeWith(description, { resource, operation }).parameters.linesInputMode).toBe(
				'define',
			);
		},
	);
});
