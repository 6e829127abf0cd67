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
					lines: { line: [{ serviceId, description: 'Website development', quantity: 2, price: '800' }] },
					additionalFields: { objet: 'Website project' },
				},
				id: '2a3b4c5d-6e7f-4a8b-9c0d-1e2f3a4b5c02',
				name: 'Create invoice',
				type: 'n8n-nodes-factomos.factomos',
				typeVersion: 1,
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
		await waitForValue(parameters.getByTestId('parameter-input-serviceId').locator('input'), 'Développement Web (800 / jour)');
		await expect(page.getByTestId('node-credentials-select').locator('input').inputValue()).resolves.toBe('Factomos Sandbox');
		await screenshot('invoice-create.png');
	});

	it('should list the emulator clients by name in the Client picker', async () => {
		await openNode('Create invoice');
		const expected = [...emulator.store.clients.values()]
			.filter((client) => client.company_id === emulator.companyId)
			.map((client) => String(client.client_company_name))
			.sort((a, b) => a.localeCompare(b));
		const before = emulator.calls.length;
		await page.getByTestId('resource-locator-client_id').getByTestId('rlc-input').click();
		const items = page.getByTestId('rlc-item');
		// The picker first shows the selected client alone, then the list fetched from Factomos.
		await items.nth(expected.length - 1).waitFor();
		const names = (await items.allInnerTexts()).map((text) => text.trim());
		// n8n lists the selected client first, then the others in the order the node returned them.
		expect(names[0]).toBe('World Company');
		expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(expected);
		expect(names).toEqual(expect.arrayContaining(['World Company', 'Café Crème SARL']));
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
		const hint = parameters.getByText(/Register the Production URL followed by \?secret=/).first();
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
