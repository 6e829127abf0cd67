import type { INodeParameters } from 'n8n-workflow';

import { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { runNode, type TestCredentials } from '../helpers/n8n';

const { env, failure, expectApiError, expectInputError } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});


const SPECIAL = 'Dupont & Fils = 100% + Café';

describe('account => create', () => {
	it('should create an account from a username alone and return the generated password', async () => {
		const output = await runNode(creds, { resource: 'account', operation: 'create', username: ' jean@dupont.test ' });
		expect(emu.calls[0].params).toEqual({ action: 'createAccount', username: 'jean@dupont.test' });
		expect(output).toHaveLength(1);
		const json = output[0].json;
		expect(Object.keys(json).sort()).toEqual(['auth_token', 'company_id', 'password']);
		expect(json.company_id).toBe('10001');
		expect(json.password).toBe(emu.store.accounts.get('10001')?.password);
		expect(emu.store.authTokens.has(String(json.auth_token))).toBe(true);
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('should send every field unchanged and return the new API key and secret', async () => {
		const additionalFields = {
			password: 'p@ss=word&100%+',
			name: SPECIAL,
			company_type: 'S.A.R.L.',
			company_address: '3 rue de la Paix',
			zipcode: '75002',
			city: 'Paris',
			country: 'France',
			phone_number: '+33 1 23 45 67 89',
			fax_number: '01 23 45 67 80',
			company_email: 'compta@dupont.test',
			company_website: 'https://dupont.test/?a=1&b=2',
			capital: '5000€',
			siret: '12345678900011',
			vat_percentage: 20,
			vat_number: 'FR12345678901',
			tva_enable: true,
			app_name: 'Mon Appli & Co',
			app_description: 'CRM très simple = 100% + rapide',
			app_icon: 'https://app.test/icon.png?size=40&v=2',
			webhook_url: 'https://n8n.test/webhook/factomos?x=1&y=2',
		};
		const output = await runNode(creds, {
			resource: 'account',
			operation: 'create',
			username: 'jean@dupont.test',
			additionalFields,
		});
		expect(emu.calls[0].params).toEqual({
			action: 'createAccount',
			username: 'jean@dupont.test',
			...additionalFields,
			vat_percentage: '20',
			tva_enable: '1',
		});
		const json = output[0].json;
		// A password was given, so Factomos does not return one.
		expect(Object.keys(json).sort()).toEqual(['api_key', 'api_secret', 'auth_token', 'company_id']);
		const token = emu.store.tokens.get(String(json.api_key));
		expect(token).toMatchObject({
			secret: json.api_secret,
			companyId: json.company_id,
			appName: 'Mon Appli & Co',
			webhookUrl: 'https://n8n.test/webhook/factomos?x=1&y=2',
		});
		expect(emu.store.accounts.get(String(json.company_id))?.profile).toMatchObject({ name: SPECIAL, capital: '5000€' });
	});

	it('should send VAT disabled as 0', async () => {
		await runNode(creds, {
			resource: 'account',
			operation: 'create',
			username: 'jean@dupont.test',
			additionalFields: { tva_enable: false, company_type: 'S.E.L.A.R.L.' },
		});
		expect(emu.calls[0].params).toEqual({
			action: 'createAccount',
			username: 'jean@dupont.test',
			tva_enable: '0',
			company_type: 'S.E.L.A.R.L.',
		});
	});

	it('should explain error -30 (username already used)', async () => {
		await expectApiError(
			{ resource: 'account', operation: 'create', username: 'contact@factomos.com' },
			'createAccount',
			-30,
			'already uses it',
		);
	});

	it('should stop a missing username (-29) before calling Factomos', async () => {
		await expectInputError({ resource: 'account', operation: 'create', username: '' }, /^Username is required/);
	});

	it('should reject a username that is not an email before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'account', operation: 'create', username: 'jean.dupont' },
			/^Username is invalid: "jean.dupont"/,
		);
	});

	it('should reject an unknown legal form from an expression', async () => {
		await expectInputError(
			{ resource: 'account', operation: 'create', username: 'a@b.test', additionalFields: { company_type: '={{ "SARL" }}' } },
			/^Legal Form is invalid: "SARL"/,
		);
	});

	it('should reject a webhook URL that is not a URL', async () => {
		await expectInputError(
			{ resource: 'account', operation: 'create', username: 'a@b.test', additionalFields: { webhook_url: 'n8n.test/hook' } },
			/^Webhook URL is invalid/,
		);
	});

	it('should reject a malformed default VAT rate', async () => {
		await expectInputError(
			{ resource: 'account', operation: 'create', username: 'a@b.test', additionalFields: { vat_percentage: '={{ "20%" }}' } },
			/^Default VAT Rate is invalid: "20%"/,
		);
	});
});

describe('account => delete', () => {
	it('should delete the account and say so', async () => {
		const [created] = await runNode(creds, { resource: 'account', operation: 'create', username: 'bye@dupont.test' });
		const companyId = String(created.json.company_id);
		const output = await runNode(creds, { resource: 'account', operation: 'delete', company_id: companyId });
		expect(emu.calls.at(-1)?.params).toEqual({ action: 'deleteAccount', company_id: companyId });
		expect(output).toEqual([{ json: { company_id: companyId, deleted: true }, pairedItem: { item: 0 } }]);
		expect(emu.store.accounts.has(companyId)).toBe(false);
	});

	it('should explain error -36 (account not found)', async () => {
		await expectApiError(
			{ resource: 'account', operation: 'delete', company_id: '99999' },
			'deleteAccount',
			-36,
			'No Factomos account with this company_id',
		);
	});

	it('should stop a missing company_id (-35) before calling Factomos', async () => {
		await expectInputError({ resource: 'account', operation: 'delete', company_id: '' }, /^Account ID is required/);
	});

	it('should reject a non-numeric company_id before calling Factomos', async () => {
		await expectInputError({ resource: 'account', operation: 'delete', company_id: 'acme' }, /^Account ID is invalid/);
	});
});

describe('account => updateStatus', () => {
	it('should send the new status and return it', async () => {
		const output = await runNode(creds, {
			resource: 'account',
			operation: 'updateStatus',
			company_id: '550',
			subscription_status: 'readonly',
		});
		expect(emu.calls[0].params).toEqual({ action: 'updateAccount', company_id: '550', subscription_status: 'readonly' });
		expect(output).toEqual([
			{ json: { company_id: '550', subscription_status: 'readonly', updated: true }, pairedItem: { item: 0 } },
		]);
		expect(emu.store.accounts.get('550')?.subscription_status).toBe('readonly');
	});

	it('should explain error -36 (account not found)', async () => {
		await expectApiError(
			{ resource: 'account', operation: 'updateStatus', company_id: '99999', subscription_status: 'blocked' },
			'updateAccount',
			-36,
			'No Factomos account with this company_id',
		);
	});

	it('should stop a missing company_id (-35) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'account', operation: 'updateStatus', company_id: ' ', subscription_status: 'active' },
			/^Account ID is required/,
		);
	});

	it('should stop a missing subscription status (-37) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'account', operation: 'updateStatus', company_id: '550', subscription_status: '={{ "" }}' },
			/^Subscription Status is invalid: ""/,
		);
	});

	it('should stop an invalid subscription status (-38) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'account', operation: 'updateStatus', company_id: '550', subscription_status: '={{ "paused" }}' },
			/^Subscription Status is invalid: "paused"/,
		);
	});
});

describe('account => partner-only actions', () => {
	let outsider: FactomosEmulator;
	let outsiderCreds: TestCredentials;

	beforeAll(async () => {
		outsider = new FactomosEmulator({ partner: false });
		outsiderCreds = { token: outsider.token, secret: outsider.secret, baseUrl: await outsider.start() };
	});
	afterAll(async () => await outsider.stop());
	afterEach(() => expect(outsider.violations).toEqual([]));

	it('should explain error -33 on delete for a non-partner token', async () => {
		await expectApiError(
			{ resource: 'account', operation: 'delete', company_id: '550' },
			'deleteAccount',
			-33,
			'only allowed for Factomos partners',
			outsiderCreds,
			outsider,
		);
		expect(outsider.store.accounts.has('550')).toBe(true);
	});

	it('should explain error -33 on update status for a non-partner token', async () => {
		await expectApiError(
			{ resource: 'account', operation: 'updateStatus', company_id: '550', subscription_status: 'blocked' },
			'updateAccount',
			-33,
			'only allowed for Factomos partners',
			outsiderCreds,
			outsider,
		);
		expect(outsider.store.accounts.get('550')?.subscription_status).toBe('active');
	});

	it('should still let a non-partner token create accounts', async () => {
		const output = await runNode(outsiderCreds, { resource: 'account', operation: 'create', username: 'new@dupont.test' });
		expect(output[0].json.company_id).toBeDefined();
	});

	it('should register Webhook URL with the Trigger URL Secret as ?secret=, never sending the secret field alone', async () => {
		await runNode(creds, {
			resource: 'account',
			operation: 'create',
			username: 'jean@dupont.test',
			additionalFields: { webhook_url: 'https://n8n.test/webhook/abc/webhook', webhook_url_secret: 'dummyK7pQ2' },
		});
		expect(emu.calls).toHaveLength(1);
		expect(emu.calls[0].params).toEqual({
			action: 'createAccount',
			username: 'jean@dupont.test',
			webhook_url: 'https://n8n.test/webhook/abc/webhook?secret=dummyK7pQ2',
		});
	});
});

describe('account => getAuthorizationUrl', () => {
	it('should build the authorization URL with every value percent-encoded, without calling Factomos', async () => {
		const output = await runNode(creds, {
			resource: 'account',
			operation: 'getAuthorizationUrl',
			app_callback: 'https://dev.factomos.com/api/test/callback.php',
			app_name: 'My Application',
			additionalFields: {
				app_description: 'Ceci est mon application',
				app_icon: 'https://app.test/icon.png',
				webhook_url: 'https://n8n.test/webhook/abc',
			},
		});
		expect(emu.requests).toHaveLength(0);
		expect(output).toHaveLength(1);
		expect(output[0].json.url).toBe(
			`${creds.baseUrl}/api/authorize.php?app_callback=https%3A%2F%2Fdev.factomos.com%2Fapi%2Ftest%2Fcallback.php` +
				'&app_name=My%20Application&app_description=Ceci%20est%20mon%20application' +
				'&app_icon=https%3A%2F%2Fapp.test%2Ficon.png&webhook_url=https%3A%2F%2Fn8n.test%2Fwebhook%2Fabc',
		);
		expect(output[0].pairedItem).toEqual({ item: 0 });
	});

	it('should encode & = + % and accents so they survive the query string', async () => {
		const output = await runNode(creds, {
			resource: 'account',
			operation: 'getAuthorizationUrl',
			app_callback: 'https://crm.test/cb.php?from=factomos&x=1+1',
			app_name: SPECIAL,
		});
		const url = new URL(String(output[0].json.url));
		expect(`${url.origin}${url.pathname}`).toBe(`${creds.baseUrl}/api/authorize.php`);
		expect([...url.searchParams.entries()]).toEqual([
			['app_callback', 'https://crm.test/cb.php?from=factomos&x=1+1'],
			['app_name', SPECIAL],
		]);
		expect(String(output[0].json.url)).toContain('app_name=Dupont%20%26%20Fils%20%3D%20100%25%20%2B%20Caf%C3%A9');
		expect(output[0].json).toMatchObject({ app_callback: 'https://crm.test/cb.php?from=factomos&x=1+1', app_name: SPECIAL });
	});

	it('should add the Trigger URL Secret to Webhook URL as ?secret=, the URL the trigger accepts', async () => {
		const output = await runNode(creds, {
			resource: 'account',
			operation: 'getAuthorizationUrl',
			app_callback: 'https://crm.test/cb',
			app_name: 'X',
			additionalFields: { webhook_url: ' https://n8n.test/webhook/abc/webhook ', webhook_url_secret: 'dummyK7pQ2' },
		});
		expect(emu.requests).toHaveLength(0);
		const url = new URL(String(output[0].json.url));
		expect(url.searchParams.get('webhook_url')).toBe('https://n8n.test/webhook/abc/webhook?secret=dummyK7pQ2');
		expect(output[0].json).not.toHaveProperty('webhook_url_secret');
		expect(output[0].json.webhook_url).toBe('https://n8n.test/webhook/abc/webhook?secret=dummyK7pQ2');
	});

	it('should join the secret with & when Webhook URL already has a query', async () => {
		const output = await runNode(creds, {
			resource: 'account',
			operation: 'getAuthorizationUrl',
			app_callback: 'https://crm.test/cb',
			app_name: 'X',
			additionalFields: { webhook_url: 'https://n8n.test/webhook/abc?tenant=1', webhook_url_secret: 'dummy1' },
		});
		expect(new URL(String(output[0].json.url)).searchParams.get('webhook_url')).toBe(
			'https://n8n.test/webhook/abc?tenant=1&secret=dummy1',
		);
	});

	it.each([
		[{ webhook_url_secret: 'dummy1' }, /^Trigger URL Secret needs a Webhook URL/],
		[{ webhook_url: 'https://n8n.test/w', webhook_url_secret: 'dummy 1&x' }, /^Trigger URL Secret may hold letters and digits only/],
		[{ webhook_url: 'https://n8n.test/w?secret=dummy1', webhook_url_secret: 'dummy1' }, /^Webhook URL already has a secret= parameter/],
	])('should refuse a Trigger URL Secret it cannot register (%j)', async (additionalFields, message) => {
		await expectInputError(
			{ resource: 'account', operation: 'getAuthorizationUrl', app_callback: 'https://crm.test/cb', app_name: 'X', additionalFields },
			message,
		);
		expect(emu.requests).toHaveLength(0);
	});

	it('should use the Base URL of the credential without a trailing slash', async () => {
		const output = await runNode(
			{ ...creds, baseUrl: 'https://dev.factomos.com/' },
			{ resource: 'account', operation: 'getAuthorizationUrl', app_callback: 'https://crm.test/cb', app_name: 'X' },
		);
		expect(output[0].json.url).toBe(
			'https://dev.factomos.com/api/authorize.php?app_callback=https%3A%2F%2Fcrm.test%2Fcb&app_name=X',
		);
	});

	it('should require the callback URL', async () => {
		await expectInputError(
			{ resource: 'account', operation: 'getAuthorizationUrl', app_callback: '', app_name: 'X' },
			/^App Callback URL is required/,
		);
	});

	it('should reject a callback that is not a URL', async () => {
		await expectInputError(
			{ resource: 'account', operation: 'getAuthorizationUrl', app_callback: 'crm.test/cb', app_name: 'X' },
			/^App Callback URL is invalid/,
		);
	});

	it('should require the app name', async () => {
		await expectInputError(
			{ resource: 'account', operation: 'getAuthorizationUrl', app_callback: 'https://crm.test/cb', app_name: ' ' },
			/^App Name is required/,
		);
	});
});

describe('account => generic API errors', () => {
	const operations: Array<[string, string, INodeParameters]> = [
		['createAccount', 'create', { username: 'x@dupont.test' }],
		['deleteAccount', 'delete', { company_id: '550' }],
		['updateAccount', 'updateStatus', { company_id: '550', subscription_status: 'active' }],
	];

	it.each(operations)('should explain error -4 (daily quota) on %s', async (action, operation, parameters) => {
		emu.setQuota(0);
		await expectApiError({ resource: 'account', operation, ...parameters }, action, -4, '500 API calls a day');
	});

	it.each(operations)('should explain error -3 (unknown token) on %s', async (action, operation, parameters) => {
		const error = await failure(runNode({ ...creds, token: 'not-a-real-token' }, { resource: 'account', operation, ...parameters }));
		expect(error.message).toBe(`Factomos error -3 on ${action}: Invalid Token`);
		expect(emu.store.accounts.has('550')).toBe(true);
	});
});
