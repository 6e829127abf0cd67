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

/** One item per client id of the posted body `{ ids: [...] }`. */
const SPLIT_IDS: NodeSpec = {
	name: 'Split ids',
	type: 'n8n-nodes-base.splitOut',
	typeVersion: 1,
	parameters: { fieldToSplitOut: 'body.ids', include: 'noOtherFields', options: { destinationFieldName: 'client_id' } },
};

const NO_OP: NodeSpec = { name: 'No Operation', type: 'n8n-nodes-base.noOp', typeVersion: 1, parameters: {} };

function code(name: string, jsCode: string): NodeSpec {
	return { name, type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { mode: 'runOnceForAllItems', jsCode } };
}

/** Figures 2 and 3: Get Client for every posted id with the Factomos node. */
export function factomosGetClient(): BenchWorkflow {
	const path = randomUUID();
	const file = linear('GetClient', 'Bench: Factomos Get Client per item', [
		webhook(path, 'lastNode'),
		SPLIT_IDS,
		{
			name: 'Factomos',
			type: FACTOMOS,
			typeVersion: 1,
			parameters: {
				resource: 'client',
				operation: 'get',
				client_id: { __rl: true, mode: 'id', value: '={{ $json.client_id }}' },
			},
			credentials: { factomosApi: CREDENTIAL },
		},
	]);
	return { file, path, timed: ['Factomos'] };
}

/**
 * Figure 3: the workaround a user builds without the node, written as well as it can be: one
 * Code run for all items each side, the key derived once, and the HTTP Request node's defaults.
 */
export function workaroundGetClient(baseUrl: string, token: string, secret: string): BenchWorkflow {
	const path = randomUUID();
	const keySetup = [
		"const crypto = require('crypto');",
		`const secret = ${JSON.stringify(secret)};`,
		"const key = Buffer.from(crypto.createHash('md5').update(secret).digest('hex'));",
		'const iv = Buffer.from(secret);',
	].join('\n');
	const encrypt = `${keySetup}
return $input.all().map((item) => {
  const plaintext = 'action=getClient&client_id=' + encodeURIComponent(item.json.client_id);
  const cipher = crypto.createCipheriv('aes-256-cfb8', key, iv);
  const crequest = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]).toString('base64');
  return { json: { crequest } };
});`;
	const decrypt = `${keySetup}
return $input.all().map((item) => {
  const decipher = crypto.createDecipheriv('aes-256-cfb8', key, iv);
  const ciphertext = Buffer.from(decodeURIComponent(item.json.data.trim()), 'base64');
  const response = JSON.parse(Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8'));
  if (response.error.code !== 0) throw new Error('Factomos error ' + response.error.code);
  return { json: response.client };
});`;
	const file = linear('Workaround', 'Bench: Code + HTTP Request + Code workaround', [
		webhook(path, 'lastNode'),
		SPLIT_IDS,
		code('Encrypt', encrypt),
		{
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
		},
		code('Decrypt', decrypt),
	]);
	return { file, path, timed: ['Encrypt', 'HTTP Request', 'Decrypt'] };
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
