import { parseIncomingMessage, WebhookContext } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	INodeParameters,
	INodeType,
	IWebhookData,
	IWebhookDescription,
	IWebhookResponseData,
	IWorkflowExecuteAdditionalData,
} from 'n8n-workflow';
import { NodeHelpers, Workflow } from 'n8n-workflow';

import { FactomosTrigger } from '../../nodes/FactomosTrigger/FactomosTrigger.node';
import { postRaw, type PostResult } from '../helpers/http';
import type { TestCredentials } from '../helpers/n8n';
import { http, type net, querystring } from '../host';

type IncomingMessage = http.IncomingMessage;
type ServerResponse = http.ServerResponse;

/**
 * Serves the Factomos Trigger over real HTTP the way n8n 1.123 and 2.40 do (packages/cli:
 * rawBodyReader and parseBody in middlewares/body-parser.ts, parseRequestBody and executeWebhook in
 * webhooks/webhook-helpers.ts): a version-1 node with options.binaryData gets the body unread;
 * otherwise the raw body is read into req.rawBody and req.body parsed for JSON, form and text
 * bodies (version 1: whatever the Content-Type; later versions: only for those types), a body
 * declared JSON that JSON.parse refuses being answered 422 by n8n itself. The node's webhook() runs
 * in n8n-core's real WebhookContext; its result is answered as n8n answers an "onReceived" webhook.
 */

export const triggerNode = new FactomosTrigger();

export interface PostOptions {
	/** null sends no Content-Type header (Factomos' raw POST). */
	contentType?: string | null;
	/** Query string without "?", e.g. "secret=abc". */
	query?: string;
	path?: string;
}

export interface HarnessConfig {
	parameters?: INodeParameters;
	credentials?: TestCredentials;
	/** false simulates a request object without rawBody, so the node must use req.body. */
	rawBody?: boolean;
	/** The node's typeVersion; the version new nodes get when left out. */
	typeVersion?: number;
}

/** One run of the workflow the trigger started. */
export interface Execution {
	json: IDataObject;
	/** Number of items the trigger emitted. */
	itemCount: number;
}

function nodeTypes(nodeType: INodeType) {
	return {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	};
}

export class TriggerHarness {
	executions: Execution[] = [];
	/** Everything that does not match n8n's contract: double answers, no answer, thrown errors. */
	problems: string[] = [];
	/** How many times webhook() was called. */
	calls = 0;

	private server: http.Server | null = null;
	private baseUrl = '';
	private config: HarnessConfig = {};
	private readonly pending = new Set<Promise<void>>();
	private readonly sockets = new Set<net.Socket>();

	get url(): string {
		return this.baseUrl;
	}

	/** The URL to register at Factomos. */
	get webhookUrl(): string {
		return `${this.baseUrl}/webhook`;
	}

	configure(config: HarnessConfig): void {
		this.config = config;
		this.reset();
	}

	reset(): void {
		this.executions = [];
		this.problems = [];
		this.calls = 0;
	}

	async start(): Promise<string> {
		const server = http.createServer((req, res) => {
			const handled = this.handle(req, res).catch((error: Error) => {
				this.problems.push(`harness error: ${error.stack ?? error.message}`);
				if (!res.headersSent) res.writeHead(500).end();
			});
			this.pending.add(handled);
			void handled.finally(() => this.pending.delete(handled));
		});
		server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		this.server = server;
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address();
		this.baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		await this.settled();
		const server = this.server;
		this.server = null;
		if (!server) return;
		await new Promise<void>((resolve) => {
			server.close(() => resolve());
			for (const socket of this.sockets) socket.destroy();
		});
	}

	/** Waits until every request has been fully handled (the node may still work after answering). */
	async settled(): Promise<void> {
		while (this.pending.size > 0) await Promise.all([...this.pending]);
	}

	/** POSTs a body to the trigger with node:http, so the headers are exactly the ones given. */
	post(body: string | Buffer, options: PostOptions = {}): Promise<PostResult> {
		const path = `${options.path ?? '/webhook'}${options.query ? `?${options.query}` : ''}`;
		return postRaw(`${this.baseUrl}${path}`, body, options.contentType ?? null);
	}

	private makeNode(): INode {
		const node: INode = {
			id: 'factomos-trigger',
			name: 'Factomos Trigger',
			type: 'n8n-nodes-factomos.factomosTrigger',
			typeVersion: this.config.typeVersion ?? triggerNode.description.defaultVersion ?? 1,
			position: [0, 0],
			webhookId: 'c0ffee00-0000-4000-8000-000000000001',
			parameters: {},
			...(this.config.credentials ? { credentials: { factomosApi: { id: '1', name: 'Factomos account' } } } : {}),
		};
		node.parameters =
			NodeHelpers.getNodeParameters(
				triggerNode.description.properties,
				this.config.parameters ?? {},
				true,
				false,
				node,
				triggerNode.description,
			) ?? {};
		return node;
	}

	private additionalData(req: http.IncomingMessage, res: http.ServerResponse): IWorkflowExecuteAdditionalData {
		const credentials = this.config.credentials;
		return {
			credentialsHelper: {
				getDecrypted: async () => {
					if (!credentials) throw new Error('no credentials configured in the harness');
					return credentials as unknown as ICredentialDataDecryptedObject;
				},
				getParentTypes: () => [],
				getCredentialsProperties: () => [],
				authenticate: async (_c: unknown, _t: string, options: unknown) => options,
				preAuthentication: async () => undefined,
			},
			hooks: undefined,
			executionId: undefined,
			restApiUrl: 'http://localhost',
			webhookBaseUrl: `${this.baseUrl}/webhook`,
			webhookWaitingBaseUrl: `${this.baseUrl}/webhook-waiting`,
			webhookTestBaseUrl: `${this.baseUrl}/webhook-test`,
			currentNodeParameters: undefined,
			userId: 'test',
			variables: {},
			httpRequest: req,
			httpResponse: res,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/** What n8n's rawBodyReader + parseRequestBody leave on the request before the node runs. */
	private async prepareRequest(req: IncomingMessage, res: ServerResponse, node: INode): Promise<boolean> {
		const message = req as IncomingMessage & IDataObject;
		parseIncomingMessage(req);
		message.readRawBody = async () => {
			if (message.rawBody !== undefined) return;
			const chunks: Buffer[] = [];
			for await (const chunk of req) chunks.push(chunk as Buffer);
			message.rawBody = Buffer.concat(chunks);
			message._body = true;
		};
		const url = new URL(req.url ?? '/', 'http://localhost');
		message.query = querystring.parse(url.search.replace(/^\?/, ''));
		message.params = {};

		const options = (node.parameters.options ?? {}) as IDataObject;
		if (node.typeVersion === 1 && options.binaryData) return true;
		const type = req.contentType ?? '';
		const parsed =
			node.typeVersion === 1 ||
			['application/json', 'text/plain', 'application/x-www-form-urlencoded'].some((prefix) => type.startsWith(prefix)) ||
			type.endsWith('/xml') ||
			type.endsWith('+xml');
		if (!parsed) return true;
		await (message.readRawBody as () => Promise<void>)();
		const rawBody = message.rawBody as Buffer;

		if (rawBody.length > 0) {
			const text = rawBody.toString(req.encoding ?? 'utf-8');
			try {
				if (req.contentType === 'application/json') message.body = JSON.parse(text);
				else if (req.contentType === 'application/x-www-form-urlencoded') {
					message.body = querystring.parse(text, undefined, undefined, { maxKeys: 1000 });
				} else if (req.contentType === 'text/plain') message.body = text;
			} catch (error) {
				// n8n answers UnprocessableRequestError itself; the node never runs.
				res.writeHead(422, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ code: 422, message: 'Failed to parse request body', hint: (error as Error).message }));
				return false;
			}
		}
		if (this.config.rawBody === false) {
			const stripped = message as Partial<http.IncomingMessage>;
			delete stripped.rawBody;
			delete stripped.readRawBody;
		}
		return true;
	}

	private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const path = new URL(req.url ?? '/', 'http://localhost').pathname;
		if (req.method !== 'POST' || path !== '/webhook') {
			res.writeHead(404, { 'Content-Type': 'application/json' });
			res.end(JSON.stringify({ code: 404, message: 'The requested webhook is not registered.' }));
			return;
		}
		const node = this.makeNode();
		if (!(await this.prepareRequest(req, res, node))) return;

		const workflow = new Workflow({
			id: 'test-workflow',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: nodeTypes(triggerNode) as never,
		});
		const additionalData = this.additionalData(req, res);
		const webhookDescription = triggerNode.description.webhooks![0] as IWebhookDescription;
		const webhookData: IWebhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: webhookDescription.path,
			webhookDescription,
			workflowId: 'test-workflow',
			workflowExecuteAdditionalData: additionalData,
			webhookId: node.webhookId,
		};
		const context = new WebhookContext(workflow, node, additionalData, 'webhook', webhookData, [], null);

		this.calls++;
		let result: IWebhookResponseData;
		try {
			result = await triggerNode.webhook!.call(context);
		} catch (error) {
			this.problems.push(`webhook() threw: ${(error as Error).message}`);
			if (!res.headersSent) {
				res.writeHead(500, { 'Content-Type': 'application/json' });
				res.end(JSON.stringify({ code: 0, message: 'Workflow Webhook Error: Workflow could not be started!' }));
			}
			return;
		}

		if (result.noWebhookResponse === true) {
			if (!res.headersSent) this.problems.push('noWebhookResponse returned but the node wrote no response');
		} else if (res.headersSent) {
			this.problems.push('the node wrote a response but did not return noWebhookResponse');
		}

		if (result.workflowData === undefined) {
			if (!res.headersSent) this.send(res, 200, result.webhookResponse ?? { message: 'Webhook call received' });
			return;
		}

		const items = result.workflowData[0] ?? [];
		for (const item of items) this.executions.push({ json: item.json, itemCount: items.length });
		// onReceived with a workflow to run: n8n answers the webhook's responseData (left out, the
		// literal "firstEntryJson"); only an empty one lets webhookResponse through
		// (extractWebhookOnReceivedResponse in n8n's webhooks/).
		if (!res.headersSent) {
			const responseData = webhookDescription.responseData ?? 'firstEntryJson';
			this.send(res, 200, responseData || (result.webhookResponse ?? { message: 'Workflow was started' }));
		}
	}

	private send(res: http.ServerResponse, status: number, data: unknown): void {
		res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
		res.end(typeof data === 'string' ? data : JSON.stringify(data));
	}
}
