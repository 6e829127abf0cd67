import { randomUUID } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { CREDENTIAL } from '../../test/e2e/support';
import { process } from '../../test/host';
import { FACTOMOS, FACTOMOS_TRIGGER, type WorkflowFile, workflowId } from '../../test/e2e/workflows';

/** The workflows the bench imports into real n8n: each starts on a production webhook. */

interface NodeSpec {
	name: string;
	type: string;
	typeVersion: number;
	parameters: IDataObject;
	webhookId?: string;
	credentials?: IDataObject;
}

export interface BenchWorkflow {
	file: WorkflowFile;
	/** Production URL path after /webhook/. */
	path: string;
	/** Name of the node(s) a figure times (their executionTime is summed). */
	timed: string[];
}

/** `seed` names the workflow id, of which only the first five characters count. */
function linear(seed: string, name: string, specs: NodeSpec[]): WorkflowFile {
	const connections: IDataObject = {};
	for (let i = 0; i + 1 < specs.length; i++) {
		connections[specs[i].name] = { main: [[{ node: specs[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id: workflowId(`Bench${seed}`),
		name,
		active: false,
		nodes: specs.map((spec, index) => ({ id: randomUUID(), position: [index * 220, 0], ...spec })),
		connections,
		settings: { executionOrder: 'v1' },
		versionId: randomUUID(),
	};
}

/** A Webhook node that answers with the last node's first item once the run is over. */
function webhook(path: string, responseMode: 'lastNode' | 'onReceived'): NodeSpec {
	return {
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		webhookId: path,
		parameters: { httpMethod: 'POST', path, responseMode, options: {} },
	};
}

/** One item per entry of the posted body's array `field`, as `{ [name]: entry }`. */
function splitOut(field: string, name: string): NodeSpec {
	return {
		name: 'Split',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		parameters: { fieldToSplitOut: `body.${field}`, include: 'noOtherFields', options: { destinationFieldName: name } },
	};
}

/** One item per client id of the posted body `{ ids: [...] }`. */
const SPLIT_IDS = splitOut('ids', 'client_id');

const NO_OP: NodeSpec = { name: 'No Operation', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };

function code(name: string, jsCode: string): NodeSpec {
	return { name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { mode: 'runOnceForAllItems', jsCode } };
}

/** The Batching option of the Factomos node; undefined leaves it out (the default, 5 at once). */
function batching(batchSize?: number) {
	return batchSize === undefined ? {} : { options: { batching: { batch: { batchSize } } } };
}

function factomosNode(parameters: IDataObject): NodeSpec {
	return { name: 'Factomos', type: FACTOMOS, typeVersion: 1, parameters, credentials: { factomosApi: CREDENTIAL } };
}

/** Figures 2, 3 and 8: Get Client for every posted id with the Factomos node. */
export function factomosGetClient(batchSize?: number): BenchWorkflow {
	const path = randomUUID();
	const file = linear(batchSize === undefined ? 'GetClient' : `Get${batchSize < 0 ? 'All' : batchSize}`, `Bench: Factomos Get Client per item${batchSize === undefined ? '' : ` (Items per Batch ${batchSize})`}`, [
		webhook(path, 'lastNode'),
		SPLIT_IDS,
		factomosNode({
			resource: 'client',
			operation: 'get',
			client_id: { __rl: true, mode: 'id', value: '={{ $json.client_id }}' },
			...batching(batchSize),
		}),
	]);
	return { file, path, timed: ['Factomos'] };
}

/** Figure 7: Invoice → Get Many, Return All, for one status. */
export function factomosReturnAll(status: string, batchSize?: number): BenchWorkflow {
	const path = randomUUID();
	const file = linear(`RAll${batchSize ?? ''}`, `Bench: Factomos Return All${batchSize === undefined ? '' : ` (Items per Batch ${batchSize})`}`, [
		webhook(path, 'lastNode'),
		factomosNode({ resource: 'invoice', operation: 'getAll', invoice_status: status, returnAll: true, ...batching(batchSize) }),
	]);
	return { file, path, timed: ['Factomos'] };
}

/** Figure 9: Invoice → Create for every posted `{ client_id, objet }`, with one JSON line. */
export function factomosCreate(): BenchWorkflow {
	const path = randomUUID();
	const file = linear('Creat', 'Bench: Factomos Invoice Create per item', [
		webhook(path, 'lastNode'),
		splitOut('orders', 'order'),
		factomosNode({
			resource: 'invoice',
			operation: 'create',
			client_id: { __rl: true, mode: 'id', value: '={{ $json.order.client_id }}' },
			linesInputMode: 'json',
			linesJson: JSON.stringify(CREATE_LINES),
			additionalFields: { objet: '={{ $json.order.objet }}' },
		}),
	]);
	return { file, path, timed: ['Factomos'] };
}

export const CREATE_LINES = [{ line_service_id: '75', line_description: 'Bench' }, { line_service_id: '2001', line_description: 'Abonnement', line_quantity: 1, line_price: 10 }];

/** The HTTP Request node as the workaround configures it: form body token + crequest, text answer. */
function httpRequest(baseUrl: string, token: string): NodeSpec {
	return {
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${baseUrl}/api/api.php`,
			sendBody: true,
			contentType: 'form-urlencoded',
			bodyParameters: {
				parameters: [
					{ name: 'token', value: token },
					{ name: 'crequest', value: '={{ $json.crequest }}' },
				],
			},
			options: { response: { response: { responseFormat: 'text' } } },
		},
	};
}

/**
 * Figure 2's floor: the HTTP Request node alone, posting ready-made (already encrypted) crequests
 * `{ crequests: [...] }`, one per item, as the workaround's HTTP Request node does.
 */
export function httpRequestOnly(baseUrl: string, token: string): BenchWorkflow {
	const path = randomUUID();
	const file = linear('HttpO', 'Bench: HTTP Request node alone, pre-encrypted bodies', [
		webhook(path, 'lastNode'),
		splitOut('crequests', 'crequest'),
		httpRequest(baseUrl, token),
	]);
	return { file, path, timed: ['HTTP Request'] };
}

function keySetup(secret: string): string {
	return [
		"const crypto = require('crypto');",
		`const secret = ${JSON.stringify(secret)};`,
		"const key = Buffer.from(crypto.createHash('md5').update(secret).digest('hex'));",
		'const iv = Buffer.from(secret);',
		"const encrypt = (plaintext) => { const cipher = crypto.createCipheriv('aes-256-cfb8', key, iv); return Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64'); };",
		'const decrypt = (data) => {',
		"  const decipher = crypto.createDecipheriv('aes-256-cfb8', key, iv);",
		"  const response = JSON.parse(Buffer.concat([decipher.update(Buffer.from(decodeURIComponent(data.trim()), 'base64')), decipher.final()]).toString('utf8'));",
		"  if (response.error.code !== 0) throw new Error('Factomos error ' + response.error.code);",
		'  return response;',
		'};',
	].join('\n');
}

/**
 * Figure 3: the workaround a user builds without the node, written as well as it can be: one
 * Code run for all items each side, the key derived once, and the HTTP Request node's defaults.
 */
export function workaroundGetClient(baseUrl: string, token: string, secret: string): BenchWorkflow {
	const path = randomUUID();
	const encrypt = `${keySetup(secret)}
return $input.all().map((item) => ({ json: { crequest: encrypt('action=getClient&client_id=' + encodeURIComponent(item.json.client_id)) } }));`;
	const decrypt = `${keySetup(secret)}
return $input.all().map((item) => ({ json: decrypt(item.json.data).client }));`;
	const file = linear('Workaround', 'Bench: Code + HTTP Request + Code workaround', [
		webhook(path, 'lastNode'),
		SPLIT_IDS,
		code('Encrypt', encrypt),
		httpRequest(baseUrl, token),
		code('Decrypt', decrypt),
	]);
	return { file, path, timed: ['Encrypt', 'HTTP Request', 'Decrypt'] };
}

/**
 * Figure 9's workaround: the same Code + HTTP Request + Code, encrypting each posted plaintext
 * `{ plaintexts: [...] }` (the node's own createInvoice requests). The HTTP Request node sends
 * every item at once, so the creates reach Factomos in no set order.
 */
export function workaroundCreate(baseUrl: string, token: string, secret: string): BenchWorkflow {
	const path = randomUUID();
	const encrypt = `${keySetup(secret)}
return $input.all().map((item) => ({ json: { crequest: encrypt(item.json.plaintext) } }));`;
	const decrypt = `${keySetup(secret)}
return $input.all().map((item) => { const response = decrypt(item.json.data); delete response.error; return { json: response }; });`;
	const file = linear('WkCre', 'Bench: Code + HTTP Request + Code create workaround', [
		webhook(path, 'lastNode'),
		splitOut('plaintexts', 'plaintext'),
		code('Encrypt', encrypt),
		httpRequest(baseUrl, token),
		code('Decrypt', decrypt),
	]);
	return { file, path, timed: ['Encrypt', 'HTTP Request', 'Decrypt'] };
}

/**
 * Figure 7's workaround: the first page, then every other page at once (the HTTP Request node's
 * default), as a user would chain it: Code (encrypt page 0) → HTTP Request → Code (decrypt, read
 * the total, encrypt the other pages) → HTTP Request → Code (decrypt, all invoices in order).
 */
export function workaroundReturnAll(baseUrl: string, token: string, secret: string, status: string): BenchWorkflow {
	const path = randomUUID();
	const request = (pageIndex: string) => `encrypt('action=listInvoice&invoice_status=${status}&page_index=' + ${pageIndex})`;
	const first = `${keySetup(secret)}
return [{ json: { crequest: ${request('0')} } }];`;
	const plan = `${keySetup(secret)}
const response = decrypt($input.first().json.data);
const pages = [];
for (let index = Number(response.pagination.last_row) + 1; index < Number(response.pagination.total_invoices); index += 50) pages.push(index);
return pages.map((index, n) => ({ json: { crequest: ${request('index')}, ...(n === 0 ? { first: response.invoices } : {}) } }));`;
	const collect = `${keySetup(secret)}
const invoices = [...$('Plan pages').first().json.first];
for (const item of $input.all()) invoices.push(...decrypt(item.json.data).invoices);
return invoices.map((json) => ({ json }));`;
	const firstHttp = { ...httpRequest(baseUrl, token), name: 'HTTP first page' };
	const file = linear('WkRAl', 'Bench: Code + HTTP Request workaround for Return All', [
		webhook(path, 'lastNode'),
		code('First page', first),
		firstHttp,
		code('Plan pages', plan),
		httpRequest(baseUrl, token),
		code('Collect', collect),
	]);
	return { file, path, timed: ['First page', 'HTTP first page', 'Plan pages', 'HTTP Request', 'Collect'] };
}

/**
 * Figure 5: the Factomos Trigger (no Fetch Full Object) followed by a No Operation node, as the
 * editor saves a new node: version 1, options at their default (n8n leaves the body to the node).
 * FACTOMOS_BENCH_TRIGGER_VERSION=1.1 measures a node saved at 1.1 instead, whose body n8n parses.
 */
export function factomosTrigger(events: string[]): BenchWorkflow {
	const webhookId = randomUUID();
	const typeVersion = Number(process.env.FACTOMOS_BENCH_TRIGGER_VERSION ?? 1);
	const parameters = typeVersion === 1 ? { events } : { events, options: {} };
	const file = linear('Trigger', `Bench: Factomos Trigger ${typeVersion}`, [
		{ name: 'Factomos Trigger', type: FACTOMOS_TRIGGER, typeVersion, webhookId, parameters },
		NO_OP,
	]);
	return { file, path: `${webhookId}/webhook`, timed: ['Factomos Trigger'] };
}

/** Figure 5 baseline: n8n's Webhook node answering at once, followed by a No Operation node. */
export function genericWebhook(): BenchWorkflow {
	const path = randomUUID();
	const file = linear('Webhook', 'Bench: generic Webhook', [webhook(path, 'onReceived'), NO_OP]);
	return { file, path, timed: ['Webhook'] };
}
