import type { IDataObject } from 'n8n-workflow';
import { extractFromAICalls } from 'n8n-workflow';

import { fs, path, REPO_ROOT } from './host';

/** The AI examples: what their wiring promises (the MCP one runs in real n8n in test/e2e/mcp.e2e.ts). */

interface ExampleNode {
	name: string;
	type: string;
	parameters: IDataObject;
	credentials?: IDataObject;
}

interface Example {
	nodes: ExampleNode[];
	connections: Record<string, Record<string, Array<Array<{ node: string }>>>>;
}

function load(file: string): Example {
	return JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'examples', file), 'utf8')) as Example;
}

const TOOL = 'n8n-nodes-factomos.factomosTool';

function targets(example: Example, name: string, type: string): string[] {
	return (example.connections[name]?.[type] ?? []).flat().map((link) => link.node);
}

describe('examples => AI agents and MCP', () => {
	it.each(['mcp-server.json', 'invoicing-assistant.json'])(
		'should give every $fromAI input of %s a key and a description',
		(file) => {
			const tools = load(file).nodes.filter((node) => node.type === TOOL);
			expect(tools.length).toBeGreaterThanOrEqual(5);
			for (const tool of tools) {
				const inputs = extractFromAICalls(JSON.stringify(tool.parameters));
				// Listing the services takes no input.
				expect(inputs.length > 0 || tool.name === 'list_services').toBe(true);
				for (const input of inputs) {
					expect(input.key).toMatch(/^[a-z_]+$/);
					expect(input.description?.length).toBeGreaterThan(20);
				}
			}
		},
	);

	it('should put send_invoice behind human review in the assistant and nothing else between', () => {
		const example = load('invoicing-assistant.json');
		const review = example.nodes.find(
			(node) => node.type === '@n8n/n8n-nodes-langchain.chatHitlTool',
		);
		expect(review).toBeDefined();
		expect(targets(example, 'send_invoice', 'ai_tool')).toEqual([review?.name]);
		expect(targets(example, review?.name ?? '', 'ai_tool')).toEqual(['AI Agent']);
		const direct = example.nodes.filter(
			(node) => node.type === TOOL && node.name !== 'send_invoice',
		);
		expect(direct.every((node) => targets(example, node.name, 'ai_tool')[0] === 'AI Agent')).toBe(
			true,
		);
	});

	it('should leave the model credential to the user, with a sticky note saying so', () => {
		const example = load('invoicing-assistant.json');
		const model = example.nodes.find(
			(node) => node.type === '@n8n/n8n-nodes-langchain.lmChatOpenAi',
		);
		expect(model?.credentials).toBeUndefined();
		const notes = example.nodes.filter((node) => node.type === 'n8n-nodes-base.stickyNote');
		expect(notes.some((note) => String(note.parameters.content).includes('Chat model'))).toBe(true);
	});

	it('should show the MCP client configuration and the quota in the MCP example', () => {
		const example = load('mcp-server.json');
		const note = example.nodes.find((node) => node.type === 'n8n-nodes-base.stickyNote');
		const text = String(note?.parameters.content);
		expect(text).toContain('"mcpServers"');
		expect(text).toContain('/mcp/factomos');
		expect(text).toContain('500 a day');
		expect(
			example.nodes
				.filter((node) => node.type === TOOL)
				.map((node) => node.name)
				.sort(),
		).toEqual(['create_client', 'create_invoice', 'get_invoice', 'search_clients', 'send_invoice']);
	});
});
