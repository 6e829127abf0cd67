import { Client } from '@modelcontextprotocol/sdk/client/index';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp';
import { randomBytes } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { TOOL_DESCRIPTIONS } from '../../nodes/Factomos/actions/tool.descriptions';
import { FactomosEmulator } from '../emulator';
import { CREDENTIAL, MAJORS, N8nInstance, RunningN8n, SETUP_TIMEOUT, waitFor } from './support';
import { WorkflowFile, exampleWorkflow } from './workflows';

/**
 * The Factomos Tool through n8n's MCP Server Trigger, without a language model: the official MCP
 * client connects to examples/mcp-server.json, active in real n8n, lists the tools and calls them
 * with arguments the way a model fills $fromAI parameters. The emulator's request log shows what
 * reached Factomos.
 */

const STEP_TIMEOUT = 3 * 60_000;
/** The MCP Server Trigger's Bearer Auth credential; a fresh value per run. */
const BEARER = {
	id: 'fctE2eMcpBearer',
	name: 'MCP e2e bearer',
	value: randomBytes(24).toString('hex'),
};

interface ToolResult {
	isError?: boolean;
	content: Array<{ type: string; text?: string }>;
}

function textOf(result: ToolResult): string {
	return result.content.map((part) => part.text ?? '').join('\n');
}

/** Which operation each tool node of the example runs, as the example's parameters say. */
const OPERATIONS: Record<string, [resource: 'client' | 'invoice', operation: string]> = {
	search_clients: ['client', 'getAll'],
	create_client: ['client', 'create'],
	create_invoice: ['invoice', 'create'],
	get_invoice: ['invoice', 'get'],
	send_invoice: ['invoice', 'send'],
};

/** The inputs each tool asks for: the keys of the example's $fromAI() calls. */
const INPUTS: Record<string, string[]> = {
	search_clients: ['keyword'],
	create_client: ['company_name', 'email'],
	create_invoice: ['client_id', 'lines', 'subject'],
	get_invoice: ['invoice_id'],
	send_invoice: ['invoice_id'],
};

describe.each(MAJORS)(
	'mcp => n8n %s serves the Factomos Tool to an MCP client',
	(_version, major) => {
		let emu: FactomosEmulator;
		let n8n: N8nInstance;
		let server: RunningN8n;
		let client: Client;
		let endpoint: URL;
		const workflows: WorkflowFile[] = [];

		const call = async (name: string, args: IDataObject) =>
			(await client.callTool({
				name,
				arguments: args,
			})) as unknown as ToolResult;
		const callsOf = (action: string) => emu.calls.filter((entry) => entry.action === action);

		beforeAll(async () => {
			emu = new FactomosEmulator({ seed: true });
			const baseUrl = await emu.start();
			const credentials = {
				factomosApi: CREDENTIAL,
				httpBearerAuth: { id: BEARER.id, name: BEARER.name },
			};
			workflows.push(exampleWorkflow('mcp-server.json', `Mcp${major}`, credentials));
			// The assistant needs human review of tool calls, which n8n has from 2.x on.
			if (major >= 2)
				workflows.push(
					exampleWorkflow('invoicing-assistant.json', `Assistant${major}`, credentials),
				);

			n8n = await N8nInstance.create(major);
			await n8n.importFile('credentials', [
				{
					...CREDENTIAL,
					type: 'factomosApi',
					data: { token: emu.token, secret: emu.secret, baseUrl },
				},
				{
					id: BEARER.id,
					name: BEARER.name,
					type: 'httpBearerAuth',
					data: { token: BEARER.value },
				},
			]);
			await n8n.importFile('workflow', workflows);
			await n8n.activate(workflows[0].id);
			server = await n8n.start();
			await server.setupOwner();

			const trigger = workflows[0].nodes.find(
				(entry) => entry.type === '@n8n/n8n-nodes-langchain.mcpTrigger',
			)!;
			endpoint = new URL(`${server.url}/mcp/${(trigger.parameters as IDataObject).path}`);
			// n8n may answer ready before it registered the active workflow's webhooks.
			await waitFor(`${n8n.label}: the MCP endpoint`, async () => {
				const response = await fetch(endpoint, { method: 'POST', body: '{}' });
				return response.status === 404 ? undefined : response.status;
			});
			client = new Client({ name: 'factomos-e2e', version: '1.0.0' });
			const transport = new StreamableHTTPClientTransport(endpoint, {
				requestInit: { headers: { authorization: `Bearer ${BEARER.value}` } },
			});
			await client.connect(transport);
		}, SETUP_TIMEOUT);

		afterAll(async () => {
			await client?.close();
			await n8n?.dispose();
			await emu?.stop();
		}, 60_000);

		beforeEach(() => {
			emu.violations = [];
		});

		it('should refuse an MCP client without the bearer token', async () => {
			const response = await fetch(endpoint, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					accept: 'application/json, text/event-stream',
				},
				body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/list' }),
			});
			expect([401, 403]).toContain(response.status);
		});

		it('should list the five tools with the descriptions and input schemas a model needs', async () => {
			const { tools } = await client.listTools();
			expect(tools.map((tool) => tool.name).sort()).toEqual(Object.keys(OPERATIONS).sort());
			for (const tool of tools) {
				const [resource, operation] = OPERATIONS[tool.name];
				expect(tool.description).toBe(TOOL_DESCRIPTIONS[resource][operation]);
				const schema = tool.inputSchema as {
					type: string;
					properties: Record<string, IDataObject>;
					required?: string[];
				};
				expect(schema.type).toBe('object');
				expect(Object.keys(schema.properties).sort()).toEqual([...INPUTS[tool.name]].sort());
				expect([...(schema.required ?? [])].sort()).toEqual([...INPUTS[tool.name]].sort());
				for (const [key, property] of Object.entries(schema.properties)) {
					expect(String(property.description).length).toBeGreaterThan(20);
					if (key !== 'lines') expect(property.type).toBe('string');
				}
			}
			const createInvoice = tools.find((tool) => tool.name === 'create_invoice')!;
			const lines = (createInvoice.inputSchema.properties as Record<string, IDataObject>).lines;
			expect(lines.description).toContain('serviceId');
			expect(tools.find((tool) => tool.name === 'get_invoice')!.inputSchema.properties).toEqual({
				invoice_id: expect.objectContaining({
					description: expect.stringContaining('Numeric Factomos invoice ID'),
				}),
			});
		});

		it(
			'should find a client, create one and invoice, read and send the invoice with exact parameters',
			async () => {
				const before = emu.calls.length;
				const cafe = [...emu.store.clients.values()].find(
					(entry) => entry.client_company_name === 'Café Crème SARL',
				)!;
				const web = [...emu.store.services.values()].find(
					(entry) => entry.service_name === 'Développement Web',
				)!;

				const found = await call('search_clients', { keyword: 'Café' });
				expect(found.isError).toBeFalsy();
				expect(JSON.parse(textOf(found))).toEqual([
					expect.objectContaining({
						client_id: cafe.client_id,
						client_company_name: 'Café Crème SARL',
					}),
				]);

				const created = await call('create_client', {
					company_name: 'Atelier MCP',
					email: 'compta@atelier-mcp.test',
				});
				const [newClient] = JSON.parse(textOf(created)) as IDataObject[];
				expect(emu.store.clients.get(newClient.client_id as string)).toMatchObject({
					client_company_name: 'Atelier MCP',
					client_email: 'compta@atelier-mcp.test',
					category: 'client',
				});

				const invoiced = await call('create_invoice', {
					client_id: cafe.client_id,
					lines: [
						{ title: true, description: 'Consulting' },
						{
							serviceId: web.service_id,
							description: 'Two days of consulting',
							quantity: 2,
							price: 650,
						},
					],
					subject: 'Consulting, March 2026',
				});
				expect(invoiced.isError).toBeFalsy();
				const [invoice] = JSON.parse(textOf(invoiced)) as IDataObject[];
				expect(invoice).toMatchObject({
					client_id: cafe.client_id,
					document_url: expect.stringContaining(String(invoice.invoice_document_key)),
				});

				const got = await call('get_invoice', {
					invoice_id: invoice.invoice_id as string,
				});
				expect(JSON.parse(textOf(got))).toEqual([
					expect.objectContaining({
						id: invoice.invoice_id,
						client_id: cafe.client_id,
						figures_total_withoutvat: '1300',
					}),
				]);

				const sent = await call('send_invoice', {
					invoice_id: invoice.invoice_id as string,
				});
				expect(JSON.parse(textOf(sent))).toEqual([{ invoice_id: invoice.invoice_id, sent: true }]);
				const mails = [...emu.store.mails.values()].filter(
					(mail) => mail.invoice_id === invoice.invoice_id,
				);
				expect(mails.map((mail) => mail.email_to)).toEqual([cafe.client_email]);

				// One API call per tool call, each with exactly what the arguments said.
				expect(emu.calls.slice(before).map((entry) => entry.params)).toEqual([
					{ action: 'listClient', search_keyword: 'Café' },
					{
						action: 'createClient',
						category: 'client',
						client_company_name: 'Atelier MCP',
						client_email: 'compta@atelier-mcp.test',
					},
					{
						action: 'createInvoice',
						client_id: cafe.client_id,
						objet: 'Consulting, March 2026',
						line_service_id: ['75', web.service_id],
						line_description: ['Consulting', 'Two days of consulting'],
						line_quantity: ['', '2'],
						line_price: ['', '650'],
					},
					{ action: 'getInvoice', invoice_id: invoice.invoice_id },
					{ action: 'sendInvoice', invoice_id: invoice.invoice_id },
				]);
				expect(emu.violations).toEqual([]);
			},
			STEP_TIMEOUT,
		);

		it(
			'should give the MCP client a readable, secret-free error for an unknown client',
			async () => {
				const before = emu.calls.length;
				const result = await call('create_invoice', {
					client_id: '999999',
					lines: [{ serviceId: '2001', quantity: 1, price: 100 }],
					subject: 'Nobody',
				});
				expect(result.isError).toBe(true);
				const text = textOf(result);
				expect(text).toContain('Factomos error -10 on createInvoice');
				expect(text).toContain('No client with this ID exists');
				expect(callsOf('createInvoice').at(-1)!.params.client_id).toBe('999999');
				expect(emu.calls.length).toBe(before + 1);
				for (const secret of [emu.token, emu.secret, BEARER.value]) {
					expect(text).not.toContain(secret);
					expect(server.logs()).not.toContain(secret);
				}
			},
			STEP_TIMEOUT,
		);

		it('should import the examples as workflows of node types this n8n has', async () => {
			const types = await server.request('GET', '/types/nodes.json');
			expect(types.status).toBe(200);
			const known = types.json as Array<{
				name: string;
				version: number | number[];
				description: string;
			}>;
			const versions = (name: string) =>
				known.filter((type) => type.name === name).flatMap((type) => [type.version].flat());
			for (const workflow of workflows) {
				const stored = await server.request('GET', `/rest/workflows/${workflow.id}`);
				expect(stored.status).toBe(200);
				for (const entry of workflow.nodes) {
					expect([entry.type, versions(entry.type as string)]).toEqual([
						entry.type,
						expect.arrayContaining([entry.typeVersion]),
					]);
				}
			}
			// The editor lists the tool with the usableAsTool replacements applied.
			const tool = known.find((type) => type.name === 'n8n-nodes-factomos.factomosTool')!;
			expect(tool.description).toContain('500 Factomos API calls a day');
		});
	},
);
