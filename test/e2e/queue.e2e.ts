import { randomUUID } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { FactomosEmulator } from '../emulator';
import { postRaw } from '../helpers/http';
import { buildFlood, expectedDeliveries, FLOOD_PARAMETERS, FLOOD_PROBE, type FloodPost, mapConcurrent, wrongAnswers } from '../trigger/flood';
import { QueueCluster, QueueServices } from './queue';
import {
	CREDENTIAL,
	floodDeliveries,
	getExecution,
	listExecutions,
	nodeOutputs,
	runtimeModule,
	SETUP_TIMEOUT,
	waitFor,
	waitForRegistered,
	waitForSuccesses,
	waitForWebhook,
} from './support';
import { invoiceWorkflow, triggerWorkflow, webhookStart, type WorkflowFile } from './workflows';

/**
 * Issue #14: the packed package in n8n's queue mode. PostgreSQL and Redis from the distribution on
 * 127.0.0.1; one main, one worker and one webhook processor, each in its own user folder with the
 * package, started by docs/queue-mode/n8n-queue.sh with docs/queue-mode/queue.env. n8n 2.40.x in
 * full, 1.123.x as a smoke run.
 */

const STEP_TIMEOUT = 4 * 60_000;
const CONCURRENCY = 10;
const INVOICE_ACTIONS = ['createClient', 'createService', 'createInvoice', 'getInvoice', 'listInvoice', 'sendInvoice', 'createPayment', 'createCreditNote'];

let services: QueueServices;

beforeAll(async () => {
	services = await QueueServices.start();
}, SETUP_TIMEOUT);

afterAll(async () => {
	await services?.stop();
}, 60_000);

interface Deployment {
	emu: FactomosEmulator;
	cluster: QueueCluster;
	/** Production path of the invoice life-cycle workflow, after /webhook/. */
	invoicePath: string;
	workflows: { invoice: WorkflowFile; flood: WorkflowFile; fetch: WorkflowFile };
	/** The flood trigger's production URL on the webhook processor. */
	floodUrl: string;
	fetchUrl: string;
}

/** An emulator, a cluster with the e2e credential and three active workflows, main + 1 worker + 1 webhook processor. */
async function deploy(major: number): Promise<Deployment> {
	const emu = new FactomosEmulator({ seed: true });
	const baseUrl = await emu.start();
	const invoicePath = randomUUID();
	const floodHook = randomUUID();
	const fetchHook = randomUUID();
	const workflows = {
		invoice: invoiceWorkflow(webhookStart(invoicePath)),
		flood: triggerWorkflow(floodHook, { id: 'QueueFlood', name: 'Queue flood', parameters: FLOOD_PARAMETERS }),
		// Fetch Full Object, with the credential, on the webhook processor.
		fetch: triggerWorkflow(fetchHook, { id: 'QueueFetch', name: 'Queue fetch' }),
	};
	const cluster = await QueueCluster.create(major, services);
	try {
		await cluster.main.importFile('credentials', [{ ...CREDENTIAL, type: 'factomosApi', data: { token: emu.token, secret: emu.secret, baseUrl } }]);
		await cluster.main.importFile('workflow', Object.values(workflows));
		for (const workflow of Object.values(workflows)) await cluster.main.activate(workflow.id);
		const main = await cluster.startMain();
		await main.setupOwner();
		await Promise.all([cluster.startProcess('worker'), cluster.startProcess('webhook')]);
		await waitForRegistered(cluster.label, `${cluster.webhookUrl}/webhook/${invoicePath}`);
	} catch (error) {
		await cluster.dispose();
		await emu.stop();
		return Promise.reject(error);
	}
	return {
		emu,
		cluster,
		invoicePath,
		workflows,
		floodUrl: `${cluster.webhookUrl}/webhook/${floodHook}/webhook`,
		fetchUrl: `${cluster.webhookUrl}/webhook/${fetchHook}/webhook`,
	};
}

async function undeploy(deployment: Deployment | undefined): Promise<void> {
	await deployment?.cluster.dispose();
	await deployment?.emu.stop();
}

function logsOf(cluster: QueueCluster, command: 'worker' | 'webhook'): string {
	return cluster.processes
		.filter((entry) => entry.command === command)
		.map((entry) => entry.server.logs())
		.join('\n');
}

/**
 * POSTs to the invoice workflow's production URL on the webhook processor, then returns the
 * answer, the execution main recorded and the node outputs in it.
 */
async function runInvoiceThroughWebhook({ cluster, invoicePath, workflows }: Deployment) {
	const response = await postRaw(`${cluster.webhookUrl}/webhook/${invoicePath}`, '{"source":"queue e2e"}', 'application/json');
	const [summary] = await waitFor(`${cluster.label}: the invoice execution`, async () => {
		const list = await listExecutions(cluster.server, workflows.invoice.id);
		return list.some((entry) => entry.status === 'success' || entry.status === 'error') ? list : undefined;
	});
	const execution = await getExecution(cluster.server, summary.id);
	return { response, id: summary.id, execution, out: nodeOutputs(execution.run) };
}

/** Sends posts to a flood trigger URL, CONCURRENCY at a time, and returns the wrong answers. */
async function sendFlood(url: string, posts: FloodPost[]): Promise<string[]> {
	const send = (post: FloodPost) => postRaw(post.query ? `${url}?${post.query}` : url, post.body, post.contentType);
	return wrongAnswers(posts, await mapConcurrent(posts, CONCURRENCY, send));
}

function checkInvoiceRun(emu: FactomosEmulator, run: Awaited<ReturnType<typeof runInvoiceThroughWebhook>>, callsBefore: number): void {
	expect(run.execution).toMatchObject({ status: 'success', mode: 'webhook' });
	const invoiceId = run.out['Create invoice'][0].invoice_id as string;
	const note = run.out['Create credit note'][0];
	expect(emu.store.invoices.get(invoiceId)).toMatchObject({ clientId: run.out['Create client'][0].client_id });
	expect(emu.store.creditNotesOf(invoiceId).map((entry) => entry.id)).toEqual([note.invoice_id]);
	// The Webhook node answers with the last node's item once the worker is done.
	expect(run.response.status).toBe(200);
	expect(run.response.json).toMatchObject({ invoice_id: note.invoice_id });
	expect(emu.calls.slice(callsBefore).map((call) => call.action)).toEqual(INVOICE_ACTIONS);
	expect(emu.violations).toEqual([]);
}

const full = runtimeModule.RUNTIMES[2].n8n;

describe(`queue mode => n8n ${full}, main + worker + webhook processor`, () => {
	let deployment: Deployment;

	beforeAll(async () => {
		deployment = await deploy(2);
	}, SETUP_TIMEOUT);

	afterAll(async () => {
		await undeploy(deployment);
	}, 120_000);

	it('should show the webhook processor as the production URL and keep test URLs on main', async () => {
		const { cluster, workflows } = deployment;
		const settings = await cluster.server.request('GET', '/rest/settings');
		expect(settings.json?.data).toMatchObject({
			urlBaseWebhook: `${cluster.webhookUrl}/`,
			urlBaseWebhookTest: `${cluster.server.url}/`,
		});
		// The webhook processor serves production URLs only.
		const testPath = `webhook-test/${String(workflows.fetch.nodes[0].webhookId)}/webhook`;
		expect((await postRaw(`${cluster.webhookUrl}/${testPath}`, '{}')).status).toBe(404);
		expect((await postRaw(`${cluster.server.url}/${testPath}`, '{}')).text).toMatch(/not registered/);
	});

	it("should warn, on n8n's own words, when PostgreSQL is older than the versions it supports", () => {
		const major = Number(services.postgres.version);
		const logs = deployment.cluster.server.logs();
		if (major < 16) expect(logs).toContain(`Postgres ${major} is not supported. n8n supports Postgres 17 and newer, with 16 on compatibility support.`);
		else if (major < 17) expect(logs).toContain(`Postgres ${major} is outside the supported range`);
		else expect(logs).not.toMatch(/Postgres \d+ is (not supported|outside the supported range)/);
	});

	it('should run the invoice life cycle started on the webhook processor on the worker', async () => {
		const { emu, cluster } = deployment;
		const before = emu.calls.length;
		const run = await runInvoiceThroughWebhook(deployment);
		checkInvoiceRun(emu, run, before);
		// n8n keeps no host id in the execution record; the worker logs the execution id it ran.
		expect(logsOf(cluster, 'worker')).toContain(`Worker started execution ${run.id} `);
		expect(logsOf(cluster, 'worker')).toContain(`Worker finished execution ${run.id} `);
		// The webhook processor only queued it.
		expect(logsOf(cluster, 'webhook')).toContain(`Enqueued execution ${run.id} (job `);
		expect(logsOf(cluster, 'webhook')).not.toContain(`Worker started execution ${run.id} `);
		expect(cluster.server.logs()).not.toContain(`Worker started execution ${run.id} `);
	}, STEP_TIMEOUT);

	it('should start exactly one successful execution per valid post of a 300-post mixed flood, none for the others', async () => {
		const { cluster, floodUrl, workflows } = deployment;
		const probe = await waitForWebhook(cluster.label, `${floodUrl}?${FLOOD_PROBE.query}`, FLOOD_PROBE.body);
		expect(probe).toEqual({ status: FLOOD_PROBE.status, text: FLOOD_PROBE.text });

		const posts = buildFlood(0x14_0300, 300, 300_000);
		expect(await sendFlood(floodUrl, posts)).toEqual([]);
		const expected = expectedDeliveries(posts);
		expect(expected.length).toBeGreaterThan(200);
		await waitForSuccesses(cluster.server, workflows.flood.id, expected.length, cluster.label);

		const { keys, problems } = await floodDeliveries(cluster.server, workflows.flood.id, CONCURRENCY);
		expect(problems).toEqual([]);
		expect(keys).toEqual(expected);
	}, STEP_TIMEOUT);

	it('should fetch the full object with the credential on the webhook processor', async () => {
		const { emu, cluster, fetchUrl, workflows } = deployment;
		const invoiceId = [...emu.store.invoices.values()].find((invoice) => invoice.type !== 'avoir')!.id;
		emu.setWebhookUrl(fetchUrl);
		const before = emu.calls.length;
		await emu.emitWebhook('create_invoice', invoiceId);
		expect(emu.webhookDeliveries.at(-1)).toMatchObject({ status: 200 });

		const [execution] = await waitFor(`${cluster.label}: the fetch execution`, async () => {
			const list = await listExecutions(cluster.server, workflows.fetch.id);
			return list.some((entry) => entry.status === 'success') ? list : undefined;
		});
		const { run } = await getExecution(cluster.server, execution.id);
		const item = nodeOutputs(run)['Factomos Trigger'][0];
		expect(item).toMatchObject({ event: 'create_invoice', id: invoiceId, object: expect.objectContaining({ id: invoiceId }) });
		expect(item.fetch_error).toBeUndefined();
		expect(emu.calls.slice(before).map((call) => [call.action, call.params.invoice_id])).toEqual([['getInvoice', invoiceId]]);
		expect(emu.violations).toEqual([]);
	}, STEP_TIMEOUT);

	it("should list clients in the picker and test the credential through main's REST API", async () => {
		const { emu, cluster } = deployment;
		const picker = await cluster.server.request('POST', '/rest/dynamic-node-parameters/resource-locator-results', {
			path: 'client_id',
			nodeTypeAndVersion: { name: 'n8n-nodes-factomos.factomos', version: 1 },
			currentNodeParameters: { resource: 'invoice', operation: 'create' },
			methodName: 'searchClients',
			credentials: { factomosApi: CREDENTIAL },
			filter: 'world',
		});
		expect(picker.status).toBe(200);
		const worldCompany = [...emu.store.clients.values()].find((client) => client.client_company_name === 'World Company')!;
		expect(((picker.json?.data as { results?: IDataObject[] })?.results ?? []).map((result) => result.value)).toContain(worldCompany.client_id);

		const test = (secret: string) =>
			cluster.server.request('POST', '/rest/credentials/test', {
				credentials: { ...CREDENTIAL, type: 'factomosApi', data: { token: emu.token, secret, baseUrl: emu.baseUrl } },
			});
		expect((await test(emu.secret)).json?.data).toEqual({ status: 'OK', message: 'Connection successful' });
		expect((await test(`${emu.secret}x`)).json?.data).toMatchObject({ status: 'Error' });
	}, STEP_TIMEOUT);

	it('should answer 200 and then fail the execution when the only worker lacks the package', async () => {
		const { cluster, floodUrl, workflows } = deployment;
		const good = cluster.processes.find((entry) => entry.command === 'worker')!;
		await cluster.stopProcess(good);
		await cluster.startProcess('worker', { withPackage: false });

		const post = buildFlood(0x14_0001, 20, 400_000).find((entry) => entry.delivers)!;
		// The webhook processor acknowledges it as usual: Factomos will not send it again.
		expect(await sendFlood(floodUrl, [post])).toEqual([]);
		const [failed] = await waitFor(`${cluster.label}: the failed execution`, async () => {
			const list = await listExecutions(cluster.server, workflows.flood.id);
			const done = list.filter((entry) => entry.status === 'error' || entry.status === 'crashed');
			return done.length ? done : undefined;
		});
		const { run } = await getExecution(cluster.server, failed.id);
		expect(String(run?.resultData?.error?.message)).toMatch(/Unrecognized node type: n8n-nodes-factomos\.factomosTrigger/);
	}, STEP_TIMEOUT);

	it('should answer every notification with an error when a webhook processor lacks the package', async () => {
		const { cluster, workflows } = deployment;
		const bare = await cluster.startProcess('webhook', { withPackage: false });
		const before = (await listExecutions(cluster.server, workflows.flood.id)).length;
		const url = `${bare.server.url}/webhook/${String(workflows.flood.nodes[0].webhookId)}/webhook`;
		const post = buildFlood(0x14_0002, 20, 500_000).find((entry) => entry.delivers)!;
		const answer = await postRaw(`${url}?${post.query}`, post.body, post.contentType);
		// Factomos gets a 400 for a notification it believes delivered to a working workflow.
		expect({ status: answer.status, json: answer.json }).toEqual({
			status: 400,
			json: { code: 0, message: 'Unrecognized node type: n8n-nodes-factomos.factomosTrigger' },
		});
		expect(await listExecutions(cluster.server, workflows.flood.id)).toHaveLength(before);
	}, STEP_TIMEOUT);
});

const smoke = runtimeModule.RUNTIMES[1].n8n;

describe(`queue mode => n8n ${smoke}, smoke run`, () => {
	let deployment: Deployment;

	beforeAll(async () => {
		deployment = await deploy(1);
	}, SETUP_TIMEOUT);

	afterAll(async () => {
		await undeploy(deployment);
	}, 120_000);

	it('should run the invoice life cycle started on the webhook processor on the worker', async () => {
		const { emu, cluster } = deployment;
		const before = emu.calls.length;
		const run = await runInvoiceThroughWebhook(deployment);
		checkInvoiceRun(emu, run, before);
		expect(logsOf(cluster, 'worker')).toContain(`Worker finished execution ${run.id} `);
	}, STEP_TIMEOUT);

	it('should start exactly one execution per valid post of a short mixed flood', async () => {
		const { cluster, floodUrl, workflows } = deployment;
		await waitForWebhook(cluster.label, `${floodUrl}?${FLOOD_PROBE.query}`, FLOOD_PROBE.body);
		const posts = buildFlood(0x14_0060, 60, 600_000);
		expect(await sendFlood(floodUrl, posts)).toEqual([]);
		const expected = expectedDeliveries(posts);
		await waitForSuccesses(cluster.server, workflows.flood.id, expected.length, cluster.label);
		const { keys, problems } = await floodDeliveries(cluster.server, workflows.flood.id, CONCURRENCY);
		expect(problems).toEqual([]);
		expect(keys).toEqual(expected);
	}, STEP_TIMEOUT);
});
