import { chromium, selectors, type Browser, type Locator, type Page } from 'playwright-core';

import { FACTOMOS_EVENTS } from '../../nodes/FactomosTrigger/events';
import { FactomosEmulator } from '../emulator';
import { N8nInstance, type RunningN8n } from './support';
import { fs, path, process, REPO_ROOT } from '../host';

/**
 * The editor as a user sees it: a real n8n with the packed package installed, driven by Chromium.
 * Checks the Invoice → Create form, the Client picker (names from the emulator) and the trigger's
 * Events list, and saves the screenshots used in the README (docs/screenshots/).
 */

const MAJOR = Number(process.env.FACTOMOS_BROWSER_N8N_MAJOR ?? 2);
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SCREENSHOTS = path.join(REPO_ROOT, 'docs', 'screenshots');

function findId<T>(records: Map<string, T>, pick: (record: T) => unknown, wanted: string): string {
	const entry = [...records].find(([, record]) => pick(record) === wanted);
	if (!entry) throw new Error(`The seeded emulator has no "${wanted}"`);
	return entry[0];
}

/** A trigger followed by an invoice creation, filled in as a user would (client picked from the list). */
function browserWorkflow(credential: { id: string; name: string }) {
	const clientId = findId(emulator.store.clients, (client) => client.client_company_name, 'World Company');
	const serviceId = findId(emulator.store.services, (service) => service.service_name, 'Développement Web');
	return {
		name: 'Factomos browser check',
		active: false,
		nodes: [
			{
				parameters: { events: ['*'], options: {} },
				id: '0f7c6f4e-2b1a-4d8e-9c3b-5a6d7e8f9a01',
				name: 'Factomos Trigger',
				type: 'n8n-nodes-factomos.factomosTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: '1e2d3c4b-5a69-4788-97a6-b5c4d3e2f101',
			},
			{
				parameters: {
					resource: 'invoice',
					operation: 'create',
					client_id: { __rl: true, mode: 'list', value: clientId, cachedResultName: 'World Company' },
					lines: {
						line: [
							{ serviceId: '75', description: 'Phase 1' },
							{ serviceId, description: 'Website development', quantity: '2', price: '800' },
						],
					},
					additionalFields: { objet: 'Website project' },
				},
				id: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c02',
				name: 'Create invoice',
				type: 'n8n-nodes-factomos.factomos',
				typeVersion: 1.1,
				position: [260, 0],
				credentials: { factomosApi: credential },
			},
		],
		connections: { 'Factomos Trigger': { main: [[{ node: 'Create invoice', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
	};
}

let emulator: FactomosEmulator;
let instance: N8nInstance | undefined;
let n8n: RunningN8n | undefined;
let browser: Browser | undefined;
let page: Page;
let workflowId: string;

/** POSTs through n8n's REST API (as the logged-in owner) and returns the new entity's id. */
async function create(route: string, body: unknown): Promise<string> {
	const response = await n8n!.request('POST', route, body);
	if (response.status !== 200) throw new Error(`POST ${route} answered ${response.status}: ${response.text.slice(0, 500)}`);
	return String((response.json!.data as { id: string }).id);
}

async function waitForValue(input: Locator, expected: string): Promise<void> {
	const deadline = Date.now() + 20_000;
	for (;;) {
		const value = await input.inputValue();
		if (value === expected) return;
		if (Date.now() > deadline) throw new Error(`Expected the input to show "${expected}", it shows "${value}"`);
		await page.waitForTimeout(200);
	}
}

/** Screenshots once n8n's fade-in transitions are over. */
async function screenshot(name: string): Promise<void> {
	await page.waitForTimeout(500);
	await page.screenshot({ path: path.join(SCREENSHOTS, name), animations: 'disabled' });
}

async function openNode(name: string): Promise<void> {
	await page.goto(`${n8n!.url}/workflow/${workflowId}`);
	await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
	await page.getByTestId('ndv').waitFor();
	await page.getByTestId('node-parameters').waitFor();
}

beforeAll(async () => {
	if (!fs.existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: run "apt-get install chromium" or set CHROMIUM_PATH`);
	instance = await N8nInstance.create(MAJOR);
	emulator = new FactomosEmulator({ seed: true });
	const baseUrl = await emulator.start();
	n8n = await instance.start();
	const owner = (await n8n.setupOwner()) as { email: string; password: string };

	const credentialId = await create('/rest/credentials', {
		name: 'Factomos Sandbox',
		type: 'factomosApi',
		data: { token: emulator.token, secret: emulator.secret, baseUrl },
	});
	workflowId = await create('/rest/workflows', browserWorkflow({ id: credentialId, name: 'Factomos Sandbox' }));

	browser = await chromium.launch({
		executablePath: CHROMIUM,
		headless: true,
		args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
	});
	selectors.setTestIdAttribute('data-test-id');
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
	page.setDefaultTimeout(20_000);
	await page.goto(`${n8n.url}/signin`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(owner.email);
	await page.getByTestId('password').locator('input').fill(owner.password);
	await page.getByTestId('form-submit-button').click();
	await page.waitForURL(/\/home\//);
	fs.mkdirSync(SCREENSHOTS, { recursive: true });
}, 600_000);

afterAll(async () => {
	await browser?.close();
	await instance?.dispose();
	await emulator?.stop();
}, 60_000);

describe('browser => n8n editor', () => {
	it('should show the Invoice → Create form with the Client picker', async () => {
		await openNode('Create invoice');
		const parameters = page.getByTestId('node-parameters');
		await expect(parameters.getByTestId('parameter-input-resource').locator('input').inputValue()).resolves.toBe('Invoice');
		await expect(parameters.getByTestId('parameter-input-operation').locator('input').inputValue()).resolves.toBe('Create');
		const client = parameters.getByTestId('resource-locator-client_id').getByTestId('rlc-input');
		await expect(client.inputValue()).resolves.toBe('World Company');
		// The service name comes from the node's getServices, loaded from the emulator after the form opens.
		const services = parameters.getByTestId('parameter-input-serviceId').locator('input');
		// A title line is the list's Title Line entry (service 75), and hides Quantity and Unit Price.
		await waitForValue(services.first(), 'Title Line (Section Heading, No Amount)');
		await waitForValue(services.nth(1), 'Développement Web (800 / jour)');
		await expect(parameters.getByTestId('parameter-input-quantity').count()).resolves.toBe(1);
		await expect(page.getByTestId('node-credentials-select').locator('input').inputValue()).resolves.toBe('Factomos Sandbox');
		await screenshot('invoice-create.png');
	});

	it('should list the emulator clients by name, city and email in the Client picker', async () => {
		await openNode('Create invoice');
		const expected = [...emulator.store.clients.values()]
			.filter((client) => client.company_id === emulator.companyId)
			.map((client) => `${String(client.client_company_name)} (${String(client.client_city)}, ${String(client.client_email)})`)
			.sort((a, b) => a.localeCompare(b));
		const before = emulator.calls.length;
		await page.getByTestId('resource-locator-client_id').getByTestId('rlc-input').click();
		const items = page.getByTestId('rlc-item');
		// The picker first shows the selected client alone, then the list fetched from Factomos.
		await items.nth(expected.length - 1).waitFor();
		const names = (await items.allInnerTexts()).map((text) => text.trim());
		// n8n lists the selected client first, then the others in the order the node returned them.
		expect(names[0]).toMatch(/^World Company/);
		expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(expected);
		expect(names).toEqual(expect.arrayContaining(['World Company (Paris, contact@worldcompany.test)', 'Café Crème SARL (Lyon, bonjour@cafe-creme.test)']));
		expect(emulator.calls.slice(before).map((call) => call.action)).toContain('listClient');
		expect(emulator.violations).toEqual([]);
		await screenshot('client-picker.png');
	});

	it('should list All Events and the 31 Factomos events in the trigger', async () => {
		expect(FACTOMOS_EVENTS).toHaveLength(31);
		await openNode('Factomos Trigger');
		await page.getByTestId('parameter-input-events').click();
		const options = page.locator('.el-select-dropdown:visible .el-select-dropdown__item');
		await options.first().waitFor();
		const names = (await options.allInnerTexts()).map((text) => text.trim().split('\n')[0]);
		const eventNames = FACTOMOS_EVENTS.map((event) => event.name).sort((a, b) => a.localeCompare(b));
		expect(names).toEqual(['All Events', ...eventNames]);
		await screenshot('trigger-events.png');
	});
});

/** A Manual Trigger before an empty Invoice → Create, and a Send by Email, as a user starts them. */
function lineEntryWorkflow(credential: { id: string; name: string }) {
	const clientId = findId(emulator.store.clients, (client) => client.client_company_name, 'World Company');
	const invoiceId = [...emulator.store.invoices.keys()][0];
	const newInvoice = {
		resource: 'invoice',
		operation: 'create',
		client_id: { __rl: true, mode: 'list', value: clientId, cachedResultName: 'World Company' },
	};
	const factomos = (name: string, parameters: object, x: number) => ({
		parameters,
		id: `3b4c5d6e-7f80-4a91-8b2c-3d4e5f60718${x}`,
		name,
		type: 'n8n-nodes-factomos.factomos',
		typeVersion: 1.1,
		position: [x * 260, 0],
		credentials: { factomosApi: credential },
	});
	return {
		name: 'Factomos line entry check',
		active: false,
		nodes: [
			{
				parameters: {},
				id: '3b4c5d6e-7f80-4a91-8b2c-3d4e5f607180',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
			factomos('New invoice', newInvoice, 1),
			factomos('Invoice in euros and cents', newInvoice, 2),
			factomos('Send invoice', { resource: 'invoice', operation: 'send', invoice_id: invoiceId }, 3),
		],
		connections: {
			Start: {
				main: [
					[
						{ node: 'New invoice', type: 'main', index: 0 },
						{ node: 'Invoice in euros and cents', type: 'main', index: 0 },
					],
				],
			},
		},
		settings: { executionOrder: 'v1' },
	};
}

describe('browser => line entry and pickers', () => {
	let lineWorkflowId: string;
	const LINE_FIELDS = ['serviceId', 'description', 'quantity', 'price'];

	beforeAll(async () => {
		const credentials = await n8n!.request('GET', '/rest/credentials');
		const credential = (credentials.json!.data as Array<{ id: string; name: string }>).find((entry) => entry.name === 'Factomos Sandbox')!;
		lineWorkflowId = await create('/rest/workflows', lineEntryWorkflow({ id: credential.id, name: credential.name }));
	}, 60_000);

	async function openLineNode(name: string): Promise<Locator> {
		await page.goto(`${n8n!.url}/workflow/${lineWorkflowId}`);
		await page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`).dblclick();
		await page.getByTestId('ndv').waitFor();
		const parameters = page.getByTestId('node-parameters');
		await parameters.waitFor();
		return parameters;
	}

	/** Adds the node's first line and waits until its service list has come from Factomos. */
	async function addLine(parameters: Locator): Promise<void> {
		const before = emulator.calls.length;
		await expect(parameters.getByTestId('parameter-input-serviceId').count()).resolves.toBe(0);
		await parameters.getByTestId('fixed-collection-add').click();
		await parameters.getByTestId('parameter-input-serviceId').waitFor();
		const deadline = Date.now() + 20_000;
		while (!emulator.calls.slice(before).some((call) => call.action === 'listService')) {
			if (Date.now() > deadline) throw new Error('The service list was never loaded');
			await page.waitForTimeout(200);
		}
		// The options arrive after the call: n8n checks the value against them then.
		await page.waitForTimeout(1000);
	}

	it('should show a new line\'s fields in the order a person fills them, without a red mark', async () => {
		const parameters = await openLineNode('New invoice');
		await addLine(parameters);
		const tops: number[] = [];
		for (const name of LINE_FIELDS) {
			const box = await parameters.getByTestId(`parameter-input-${name}`).first().boundingBox();
			if (!box) throw new Error(`The line field ${name} is not shown`);
			tops.push(box.y);
		}
		expect([...tops].sort((a, b) => a - b)).toEqual(tops);
		expect(new Set(tops).size).toBe(LINE_FIELDS.length);
		// A new line shows Quantity 1 (not "1.000") and an empty Unit Price, and no issue at all.
		await expect(parameters.getByTestId('parameter-input-quantity').locator('input').inputValue()).resolves.toBe('1');
		await expect(parameters.getByTestId('parameter-input-price').locator('input').inputValue()).resolves.toBe('');
		await expect(parameters.getByTestId('parameter-issues').count()).resolves.toBe(0);
		expect(emulator.violations).toEqual([]);
	});

	it('should accept a decimal comma in Quantity and Unit Price and send decimal points', async () => {
		const parameters = await openLineNode('Invoice in euros and cents');
		await addLine(parameters);
		await parameters.getByTestId('parameter-input-serviceId').click();
		await page.locator('.el-select-dropdown:visible .el-select-dropdown__item', { hasText: 'Développement Web' }).click();
		await parameters.getByTestId('parameter-input-description').locator('textarea').fill('Website development');
		await parameters.getByTestId('parameter-input-quantity').locator('input').fill('1,5');
		await parameters.getByTestId('parameter-input-price').locator('input').fill('12,50');
		// Leave the fields as a user does, by clicking elsewhere, so no input keeps focus.
		await parameters.getByText('Lines Input', { exact: true }).click();
		await expect(parameters.getByTestId('parameter-input-quantity').locator('input').inputValue()).resolves.toBe('1,5');
		await expect(parameters.getByTestId('parameter-input-price').locator('input').inputValue()).resolves.toBe('12,50');
		await expect(parameters.getByTestId('parameter-issues').count()).resolves.toBe(0);
		await screenshot('line-entry.png');

		const before = emulator.calls.length;
		await page.getByTestId('node-execute-button').click();
		const deadline = Date.now() + 60_000;
		let created = emulator.calls.slice(before).find((call) => call.action === 'createInvoice');
		while (!created) {
			if (Date.now() > deadline) throw new Error('Executing the node sent no createInvoice');
			await page.waitForTimeout(250);
			created = emulator.calls.slice(before).find((call) => call.action === 'createInvoice');
		}
		expect(created.params).toMatchObject({
			line_description: ['Website development'],
			line_quantity: ['1.5'],
			line_price: ['12.50'],
		});
		expect(created.responseCode).toBe(0);
		expect(emulator.violations).toEqual([]);
	});

	it('should list only invoice and reminder templates in Send by Email', async () => {
		const expected = [...emulator.store.emailTemplates.values()]
			.filter((template) => template.company_id === emulator.companyId && template.template_type !== 'estimate')
			.map((template) => `${template.template_name} (${template.template_type})`)
			.sort((a, b) => a.localeCompare(b));
		expect(expected).toContain('Envoi facture (invoice)');
		const parameters = await openLineNode('Send invoice');
		const before = emulator.calls.length;
		await parameters.getByTestId('resource-locator-email_template_id').getByTestId('rlc-input').click();
		const items = page.getByTestId('rlc-item');
		await items.nth(expected.length - 1).waitFor();
		const names = (await items.allInnerTexts()).map((text) => text.trim());
		expect(names).toEqual(expected);
		expect(names.some((name) => /estimate|devis/i.test(name))).toBe(false);
		expect(emulator.calls.slice(before).map((call) => call.action)).toEqual(['listEmailTemplates']);
		await screenshot('template-picker.png');
	});
});

describe('browser => trigger first run', () => {
	const webhookId = '7c1e5f0a-3b2d-4c6e-8f9a-0b1c2d3e4f77';
	// Letters and digits, as the URL Secret's hint asks; made up for the test.
	const urlSecret = 'dummy7pQ2xV9';
	let triggerWorkflowId: string;

	/** A fresh trigger as a user sets it up: Estimate Created, with a URL Secret. */
	async function openTrigger(): Promise<void> {
		await page.goto(`${n8n!.url}/workflow/${triggerWorkflowId}`);
		await page.locator('[data-test-id="canvas-node"][data-node-name="Factomos Trigger"]').dblclick();
		await page.getByTestId('ndv').waitFor();
		await page.getByTestId('node-parameters').waitFor();
	}

	beforeAll(async () => {
		triggerWorkflowId = await create('/rest/workflows', {
			name: 'Factomos trigger first run',
			active: false,
			nodes: [
				{
					parameters: { events: ['create_estimate'], options: { binaryData: true, urlSecret } },
					id: '3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e03',
					name: 'Factomos Trigger',
					type: 'n8n-nodes-factomos.factomosTrigger',
					typeVersion: 1,
					position: [0, 0],
					webhookId,
				},
			],
			connections: {},
			settings: { executionOrder: 'v1' },
		});
	}, 60_000);

	it('should show the three registration steps, the Production URL and how to add ?secret=', async () => {
		await openTrigger();
		const parameters = page.getByTestId('node-parameters');
		const notice = parameters.locator('.n8n-notice, [class*="notice"]').filter({ hasText: 'Copy the Production URL' }).first();
		const text = (await notice.innerText()).replace(/\s+/g, ' ');
		expect(text).toMatch(/1\. Copy the Production URL .*2\. Register it at Factomos: .*Get Authorization URL.*3\. Activate this workflow/);
		expect(text).toContain('?secret=');
		expect(text).toContain('Account → Create is for partners');

		// n8n's own Webhook URLs panel holds the URL to copy; the notice points at it.
		await page.getByText('Webhook URLs', { exact: true }).first().click();
		await page.getByText('Production URL', { exact: true }).first().click();
		const production = `${n8n!.url}/webhook/${webhookId}/webhook`;
		await page.getByText(production, { exact: true }).first().waitFor();

		// The URL Secret's hint shows the whole registered URL's form.
		const hint = parameters.getByText(/Production URL followed by \?secret=/).first();
		await hint.waitFor();
		await screenshot('trigger-notice.png');
	});

	it('should receive the documentation example notification while listening for a test event', async () => {
		await openTrigger();
		await page.getByText('Webhook URLs', { exact: true }).first().click();
		const testUrl = `${n8n!.url}/webhook-test/${webhookId}/webhook`;
		await page.getByText(testUrl, { exact: true }).first().waitFor();

		// The help under the trigger's Listen button carries the ready curl command.
		await page.getByText('When will this node trigger my flow?').first().click();
		const help = (await page.getByText(/curl -X POST/).first().innerText()).replace(/\s+/g, ' ');
		expect(help).toContain('"notification_type":"create_estimate"');

		await page.getByTestId('trigger-execute-button').first().click();
		await page.getByTestId('trigger-listening').waitFor();
		// What the curl command sends, with the secret added as the notice says.
		const body = JSON.stringify({
			company_id: '550',
			notification_type: 'create_estimate',
			result: { id: '5782', error: { code: 0, message: 'OK' } },
			custom: 'id=3',
		});
		const response = await fetch(`${testUrl}?secret=${urlSecret}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body,
		});
		expect(response.status).toBe(200);
		const ndv = page.getByTestId('ndv');
		await ndv.getByText('5782', { exact: true }).first().waitFor();
		await ndv.getByText('Estimate Created', { exact: true }).last().waitFor();
		// The URL Secret reaches neither the output nor anything else the editor shows as text.
		expect(await ndv.innerText()).not.toContain(urlSecret);
		await screenshot('trigger-first-event.png');
	});
});
