import { createHash, timingSafeEqual } from 'node:crypto';
import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { factomosApiTest } from '../Factomos/methods/credentialTest';
import { factomosApiRequest } from '../Factomos/transport';
import { ALL_EVENTS, EVENT_OPTIONS, findEvent } from './events';
import { FactomosWebhookError, parseCustomFields, parseNotification } from './parse';

/** The parts of n8n's request we read; n8n 1.x and 2.x set rawBody before calling webhook(). */
interface WebhookRequest {
	rawBody?: unknown;
	readRawBody?: () => Promise<void>;
	body?: unknown;
}

interface WebhookResponse {
	statusCode: number;
	headersSent?: boolean;
	setHeader(name: string, value: string): unknown;
	end(body: string): unknown;
}

interface TriggerOptions {
	companyId?: string;
	urlSecret?: string;
	fetchFullObject?: boolean;
}

const RECEIVED: IDataObject = { received: true };

/** Factomos posts only to the one URL given when an app is connected (§7 webhook_url); there is no API to register it. */
const REGISTRATION_NOTICE =
	'1. Copy the Production URL (Webhook URLs above). ' +
	'2. Register it at Factomos: Factomos node → Account → Get Authorization URL, in Webhook URL, with this trigger\'s URL Secret in Trigger URL Secret (the node adds ?secret=), then open the URL it returns and log in (Account → Create is for partners: it opens a new account instead of connecting yours). ' +
	'3. Activate this workflow.';

/** The documentation's example notification (§8, without its trailing comma), ready to post to the Test URL. */
export const SAMPLE_NOTIFICATION =
	'{"company_id":"550","notification_type":"create_estimate","result":{"id":"5782","error":{"code":0,"message":"OK"}},"custom":"id=3"}';

const TEST_EVENT_HELP =
	'Factomos only posts to the registered Production URL, so it never calls the Test URL. To get a first event now: select Estimate Created (or All Events), click the button above to listen for a test event, copy the <b>Test URL</b> from Webhook URLs (add ?secret= and the URL Secret if you set one) and post the documentation\'s example notification to it: ' +
	`<b>curl -X POST '&lt;Test URL&gt;' -H 'Content-Type: application/json' -d '${SAMPLE_NOTIFICATION}'</b>`;

/** Answers the request ourselves; n8n then sends nothing more (noWebhookResponse). */
function respond(context: IWebhookFunctions, statusCode: number, body: IDataObject): void {
	const res = context.getResponseObject() as unknown as WebhookResponse;
	if (res.headersSent) return;
	res.statusCode = statusCode;
	res.setHeader('Content-Type', 'application/json; charset=utf-8');
	res.end(JSON.stringify(body));
}

function reject(context: IWebhookFunctions, statusCode: number, error: string): IWebhookResponseData {
	respond(context, statusCode, { error });
	return { noWebhookResponse: true };
}

/** Compares digests so neither the content nor the length of the secret leaks through timing. */
function secretMatches(given: string, expected: string): boolean {
	const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();
	return timingSafeEqual(digest(given), digest(expected));
}

/** The raw bytes when n8n kept them (it does for every content type but multipart), else the parsed body. */
async function readBody(context: IWebhookFunctions): Promise<unknown> {
	const req = context.getRequestObject() as unknown as WebhookRequest;
	if ((req.rawBody === undefined || req.rawBody === null) && typeof req.readRawBody === 'function') {
		try {
			await req.readRawBody();
		} catch {
			// Fall back to req.body below.
		}
	}
	const raw = req.rawBody;
	if (raw instanceof Uint8Array && raw.length > 0) return raw;
	if (typeof raw === 'string' && raw !== '') return raw;
	return req.body;
}

/** An expression may give the events as a comma-separated string instead of a list. */
function selectedEvents(value: unknown): string[] {
	const list = Array.isArray(value) ? value : String(value ?? '').split(',');
	return list.map((event) => String(event).trim()).filter((event) => event !== '');
}

function idOrNull(value: unknown): string | null {
	if (typeof value === 'string') return value;
	if (typeof value === 'number' && Number.isFinite(value)) return String(value);
	return null;
}

function buildItem(notificationType: string, body: IDataObject): IDataObject {
	const result = (typeof body.result === 'object' && body.result !== null ? body.result : {}) as IDataObject;
	const custom = typeof body.custom === 'number' ? String(body.custom) : body.custom;
	return {
		event: notificationType,
		event_label: findEvent(notificationType)?.name ?? null,
		company_id: idOrNull(body.company_id),
		id: idOrNull(result.id),
		invoice_id: idOrNull(result.invoice_id),
		error: typeof result.error === 'object' && result.error !== null ? result.error : null,
		custom: typeof custom === 'string' ? custom : null,
		custom_fields: parseCustomFields(custom),
		received_at: new Date().toISOString(),
		body,
	};
}

async function fetchObject(
	context: IWebhookFunctions,
	notificationType: string,
	item: IDataObject,
	urlSecret: string,
): Promise<void> {
	const target = findEvent(notificationType)?.fetch;
	if (!target) return;
	if (item.id === null) {
		item.fetch_error = 'The notification has no result.id to fetch';
		return;
	}
	if (!context.getNode().credentials?.factomosApi) {
		item.fetch_error = 'Fetch Full Object needs a Factomos API credential: select one in the trigger';
		return;
	}
	try {
		const response = await factomosApiRequest.call(context, target.action, { [target.param]: item.id as string });
		item.object = (response[target.key] as IDataObject | undefined) ?? response;
	} catch (error) {
		let message = error instanceof Error ? error.message : String(error);
		if (urlSecret) message = message.split(urlSecret).join('***');
		item.fetch_error = message;
	}
}

export class FactomosTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Factomos Trigger',
		name: 'factomosTrigger',
		icon: { light: 'file:../Factomos/factomos.svg', dark: 'file:../Factomos/factomos.dark.svg' },
		group: ['trigger'],
		// n8n leaves the body unparsed only for a version-1 node whose options.binaryData is on (its
		// parseRequestBody), so a notification declared JSON but not strict JSON reaches the node
		// instead of n8n's own 422. 1.1 stays for the workflows saved with it: n8n parses their
		// bodies, which skips a per-request expression and is faster on 2.x.
		version: [1, 1.1],
		defaultVersion: 1,
		subtitle: '={{"Events: " + ($parameter["events"] || []).join(", ")}}',
		description: 'Starts the workflow when Factomos notifies a change (invoice, estimate, contact, service…)',
		defaults: { name: 'Factomos Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [
			{
				name: 'factomosApi',
				required: true,
				testedBy: 'factomosApiTest',
				// Only Fetch Full Object calls the API; receiving notifications needs no credential.
				displayOptions: { show: { '/options.fetchFullObject': [true] } },
			},
		],
		triggerPanel: {
			executionsHelp: { inactive: TEST_EVENT_HELP, active: TEST_EVENT_HELP },
		},
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// Empty, so n8n answers with webhookResponse once the run is queued; left out, it
				// defaults to the literal text "firstEntryJson".
				responseData: '',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName: REGISTRATION_NOTICE,
				name: 'notice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: EVENT_OPTIONS,
				default: [],
				description: 'The notifications that start the workflow; others are acknowledged and ignored',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				// On by default, so version-1 nodes that never set an option receive every body too.
				default: { binaryData: true },
				options: [
					{
						displayName: 'Company ID',
						name: 'companyId',
						type: 'string',
						default: '',
						placeholder: '550',
						description:
							'Only accept notifications for this Factomos account (company_id); others are acknowledged and ignored',
					},
					{
						displayName: 'Fetch Full Object',
						name: 'fetchFullObject',
						type: 'boolean',
						default: false,
						description:
							'Whether to load the invoice, estimate, contact or service the notification is about and output it as "object" (not for deletions, templates or payments: the documentation does not say which object a payment notification names)',
						hint: 'Each fetch costs one of the 500 daily API calls and needs a Factomos API credential',
					},
					{
						displayName: 'Receive Any Content-Type',
						// The option n8n itself reads on version-1 webhook nodes.
						name: 'binaryData',
						type: 'boolean',
						default: true,
						displayOptions: { show: { '@version': [1] } },
						description:
							'Whether n8n passes every notification to this node as sent, whatever its Content-Type. Off, n8n itself refuses (422) a body declared as JSON that is not strict JSON, such as the documentation\'s own example with its trailing comma, and that notification is lost.',
						hint: 'Keep it on: Factomos does not say which Content-Type it sends and does not send a refused notification again',
					},
					{
						displayName: 'URL Secret',
						name: 'urlSecret',
						type: 'string',
						typeOptions: { password: true },
						default: '',
						description:
							'Reject (401) any request whose URL does not carry ?secret= with this value, so only Factomos can start the workflow',
						hint: 'Factomos must call the Production URL followed by ?secret= and this value, e.g. https://n8n.example.com/webhook/…/webhook?secret=K7pQ2xV9: Get Authorization URL builds it from its Trigger URL Secret. Letters and digits only, so the URL needs no encoding.',
					},
				],
			},
		],
	};

	// The credential's Test button works from the trigger too, with the same single call.
	methods = { credentialTest: { factomosApiTest } };

	/**
	 * Factomos has no API to register, list or remove webhooks: the URL is given once, when an
	 * app is connected (§2 webhook_url, §7). These hooks report success so n8n can activate the
	 * workflow; the user registers the URL as the notice explains.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const options = this.getNodeParameter('options', {}) as TriggerOptions;
		const urlSecret = String(options.urlSecret ?? '');
		if (urlSecret !== '') {
			const given = (this.getQueryData() as IDataObject).secret;
			if (given === undefined) return reject(this, 401, 'Missing secret query parameter');
			if (typeof given !== 'string' || !secretMatches(given, urlSecret)) {
				return reject(this, 401, 'Invalid secret');
			}
		}

		let notificationType: string;
		let body: IDataObject;
		try {
			({ notificationType, body } = parseNotification(await readBody(this)));
		} catch (error) {
			// The parser's messages are safe to send back; anything else (a broken read) is not.
			return reject(this, 400, error instanceof FactomosWebhookError ? error.message : 'Body could not be read');
		}

		const events = selectedEvents(this.getNodeParameter('events', []));
		if (!events.includes(ALL_EVENTS) && !events.includes(notificationType)) {
			return { webhookResponse: { ...RECEIVED, ignored: 'event not selected' } };
		}

		const companyId = String(options.companyId ?? '').trim();
		if (companyId !== '' && String(body.company_id ?? '').trim() !== companyId) {
			return { webhookResponse: { ...RECEIVED, ignored: 'company_id does not match' } };
		}

		const item = buildItem(notificationType, body);
		const workflowData: INodeExecutionData[][] = [[{ json: item }]];
		if (!options.fetchFullObject) {
			// n8n answers after it has queued the run, which paces Factomos like the Webhook node.
			return { webhookResponse: { ...RECEIVED }, workflowData };
		}
		// Answered before the API call, so Factomos never waits on it.
		respond(this, 200, RECEIVED);
		await fetchObject(this, notificationType, item, urlSecret);
		return { noWebhookResponse: true, workflowData };
	}
}
