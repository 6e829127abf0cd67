import { NodeApiError } from 'n8n-workflow';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { credentialTestContext, factomosNode, loadOptionsContext, runNode, type TestCredentials } from '../helpers/n8n';

const { env, failure, expectApiError } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});

function templates() {
	return [...emu.store.emailTemplates.values()].filter((template) => template.company_id === emu.companyId);
}

describe('emailTemplate => getAll', () => {
	it('should return every template with Return All', async () => {
		const output = await runNode(creds, { resource: 'emailTemplate', operation: 'getAll', returnAll: true });
		expect(emu.calls[0].params).toEqual({ action: 'listEmailTemplates' });
		expect(output).toHaveLength(templates().length);
		expect(output.map((item) => item.json.template_name)).toEqual([
			'Envoi devis',
			'Envoi facture',
			'Relance 1',
			'Relance 2',
			'Relance 3',
		]);
		expect(output[1].json).toEqual({ ...templates()[1] });
		expect(output.every((item) => (item.pairedItem as { item: number }).item === 0)).toBe(true);
	});

	it('should apply the limit', async () => {
		const output = await runNode(creds, { resource: 'emailTemplate', operation: 'getAll', returnAll: false, limit: 2 });
		expect(output.map((item) => item.json.template_type)).toEqual(['estimate', 'invoice']);
	});

	it('should explain error -4 (daily quota)', async () => {
		emu.setQuota(0);
		await expectApiError({ resource: 'emailTemplate', operation: 'getAll' }, 'listEmailTemplates', -4, '500 API calls a day');
	});

	it('should explain error -3 (unknown token)', async () => {
		const error = await failure(runNode({ ...creds, token: 'nope' }, { resource: 'emailTemplate', operation: 'getAll' }));
		expect(error.message).toBe('Factomos error -3 on listEmailTemplates: Invalid Token');
	});

	it('should keep going on failure and carry the error code', async () => {
		emu.setQuota(1);
		const output = await runNode(
			creds,
			{ resource: 'emailTemplate', operation: 'getAll', returnAll: false, limit: 1 },
			{ items: [{}, {}], continueOnFail: true },
		);
		expect(output).toEqual([
			{ json: expect.objectContaining({ template_name: 'Envoi devis' }), pairedItem: { item: 0 } },
			{ json: expect.objectContaining({ code: -4, apiMessage: 'Too many API calls for the day' }), pairedItem: { item: 1 } },
		]);
	});
});

describe('invoice => send (email template picker)', () => {
	it('should list the invoice and reminder templates with their type, sorted by name, and no estimate template', async () => {
		const result = await factomosNode.methods.listSearch.searchInvoiceEmailTemplates.call(loadOptionsContext(creds));
		expect(emu.calls.map((call) => call.params)).toEqual([{ action: 'listEmailTemplates' }]);
		expect(result.results).toEqual(
			templates()
				.filter((template) => template.template_type !== 'estimate')
				.map((template) => ({ name: `${template.template_name} (${template.template_type})`, value: template.id })),
		);
		expect(result.results.map((entry) => entry.name)).toEqual([
			'Envoi facture (invoice)',
			'Relance 1 (reminder1)',
			'Relance 2 (reminder2)',
			'Relance 3 (reminder3)',
		]);
	});

	it('should filter templates by name', async () => {
		expect((await factomosNode.methods.listSearch.searchInvoiceEmailTemplates.call(loadOptionsContext(creds), 'devis')).results).toEqual([]);
		const result = await factomosNode.methods.listSearch.searchInvoiceEmailTemplates.call(loadOptionsContext(creds), 'FACTURE');
		const invoice = templates().find((template) => template.template_type === 'invoice')!;
		expect(result.results).toEqual([{ name: 'Envoi facture (invoice)', value: invoice.id }]);
	});
});

describe('credentials => factomosApiTest', () => {
	const test = (data: ICredentialDataDecryptedObject) =>
		factomosNode.methods.credentialTest.factomosApiTest.call(credentialTestContext(), {
			id: '1',
			name: 'x',
			type: 'factomosApi',
			data,
		});

	it('should pass with good credentials, using one cheap call', async () => {
		const result = await test({ token: emu.token, secret: emu.secret, baseUrl: creds.baseUrl });
		expect(result).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(emu.calls).toHaveLength(1);
		expect(emu.calls[0].params).toEqual({ action: 'listEmailTemplates' });
	});

	it('should tolerate spaces around the token and a trailing slash on the Base URL', async () => {
		const result = await test({ token: ` ${emu.token} `, secret: emu.secret, baseUrl: `${creds.baseUrl}/` });
		expect(result.status).toBe('OK');
	});

	it('should fail clearly on a wrong token, without showing it', async () => {
		const result = await test({ token: 'wrong-token-123', secret: emu.secret, baseUrl: creds.baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toContain('Factomos error -3');
		expect(result.message).toContain('Check the Token');
		expect(result.message).not.toContain('wrong-token-123');
		expect(result.message).not.toContain(emu.secret);
	});

	it('should fail clearly on a wrong secret, without showing it', async () => {
		const wrongSecret = 'dummy-secret-456';
		const result = await test({ token: emu.token, secret: wrongSecret, baseUrl: creds.baseUrl });
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/Secret/);
		expect(result.message).toMatch(/wrong/i);
		for (const sensitive of [wrongSecret, emu.secret, emu.token]) expect(result.message).not.toContain(sensitive);
		// Factomos could not decrypt the request (-5).
		expect(emu.calls[0].responseCode).toBe(-5);
	});

	it('should fail clearly on a Base URL that is not a URL', async () => {
		const result = await test({ token: emu.token, secret: emu.secret, baseUrl: 'app.factomos.com' });
		expect(result).toEqual({ status: 'Error', message: expect.stringContaining('Base URL') });
		expect(emu.requests).toHaveLength(0);
	});
});

describe('node => wrong secret at run time', () => {
	it('should explain that the secret is probably wrong, without leaking it', async () => {
		const wrongSecret = 'dummy-secret-789';
		const error = await failure(
			runNode({ ...creds, secret: wrongSecret }, { resource: 'emailTemplate', operation: 'getAll' }),
			[wrongSecret, emu.secret, emu.token],
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(`${error.message} ${error.description}`).toMatch(/Secret in the Factomos credential is probably wrong/);
		expect(error.context.itemIndex).toBe(0);
	});
});
