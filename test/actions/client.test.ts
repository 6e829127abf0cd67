import { NodeApiError } from 'n8n-workflow';
import type { INodeParameters } from 'n8n-workflow';

import type { FactomosEmulator } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { factomosNode, loadOptionsContext, runNode, type TestCredentials } from '../helpers/n8n';

const { env, failure, expectApiError, expectInputError } = useActionEmulator();
let emu: FactomosEmulator;
let creds: TestCredentials;
beforeAll(() => {
	({ emu, creds } = env);
});

const byId = (value: string) => ({ __rl: true, mode: 'id', value });


const SPECIAL = 'Dupont & Fils = 100% + Café';

describe('client => get', () => {
	it('should send client_id and return the client itself', async () => {
		const output = await runNode(creds, { resource: 'client', operation: 'get', client_id: byId(' 1001 ') });
		expect(emu.calls).toHaveLength(1);
		expect(emu.calls[0].params).toEqual({ action: 'getClient', client_id: '1001' });
		expect(output).toHaveLength(1);
		expect(output[0].pairedItem).toEqual({ item: 0 });
		expect(output[0].json).toMatchObject({
			client_id: '1001',
			company_id: '550',
			client_company_name: 'World Company',
			client_city: 'Paris',
			category: 'client',
		});
		expect(output[0].json.error).toBeUndefined();
	});

	it('should accept a client picked from the list', async () => {
		const output = await runNode(creds, {
			resource: 'client',
			operation: 'get',
			client_id: { __rl: true, mode: 'list', value: '1002', cachedResultName: 'Café Crème SARL' },
		});
		expect(emu.calls[0].params).toEqual({ action: 'getClient', client_id: '1002' });
		expect(output[0].json.client_company_name).toBe('Café Crème SARL');
	});

	it('should convert numeric strings when asked', async () => {
		const output = await runNode(creds, {
			resource: 'client',
			operation: 'get',
			client_id: byId('1001'),
			options: { convertNumericStrings: true },
		});
		expect(output[0].json.client_id).toBe(1001);
		// Zip codes keep their leading zeros: they are not amounts.
		expect(output[0].json.client_zipcode).toBe('75017');
	});

	it('should explain error -9 (client not found)', async () => {
		await expectApiError(
			{ resource: 'client', operation: 'get', client_id: byId('99999') },
			'getClient',
			-9,
			'No client with this ID exists',
		);
	});

	it('should stop a missing client_id (-8) before calling Factomos', async () => {
		await expectInputError({ resource: 'client', operation: 'get', client_id: byId('') }, /^Client is required/);
	});

	it('should reject a non-numeric client ID before calling Factomos', async () => {
		await expectInputError({ resource: 'client', operation: 'get', client_id: byId('acme') }, /^Client is invalid: "acme"/);
	});

	it('should keep going on failure with a mixed batch, keeping pairedItem and the error code', async () => {
		const output = await runNode(
			creds,
			{ resource: 'client', operation: 'get', client_id: byId('={{ $json.id }}') },
			{ items: [{ id: '1001' }, { id: '99999' }, { id: 'abc' }, { id: '1003' }], continueOnFail: true },
		);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }, { item: 3 }]);
		expect(output[0].json.client_company_name).toBe('World Company');
		expect(output[1].json).toEqual({
			error: 'Factomos error -9 on getClient: Client not found',
			description: 'No client with this ID exists in this Factomos account.',
			code: -9,
			apiMessage: 'Client not found',
		});
		expect(output[2].json.error).toBe('Client is invalid: "abc"');
		expect(output[2].json.code).toBeUndefined();
		expect(output[3].json.client_company_name).toBe('Papeterie Martin');
		// The invalid item never reached Factomos (reads of one batch may arrive in any order).
		expect(emu.calls.map((call) => call.params.client_id).sort()).toEqual(['1001', '1003', '99999']);
	});

	it('should stop at the failing item without continueOnFail when reads go one at a time', async () => {
		const error = await failure(
			runNode(
				creds,
				{
					resource: 'client',
					operation: 'get',
					client_id: byId('={{ $json.id }}'),
					options: { batching: { batch: { batchSize: 1 } } },
				},
				{ items: [{ id: '1001' }, { id: '99999' }, { id: '1002' }] },
			),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.context.itemIndex).toBe(1);
		expect(emu.calls).toHaveLength(2);
	});

	it('should fail on the first failing item and start no item after its batch without continueOnFail', async () => {
		const items = ['1001', '99999', '1002', '1003', '1004', '1001', '1002'].map((id) => ({ id }));
		const error = await failure(
			runNode(creds, { resource: 'client', operation: 'get', client_id: byId('={{ $json.id }}') }, { items }),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.context.itemIndex).toBe(1);
		// Items 0-4 (the default 5) left together, item 5 when item 0 was taken; nothing after item 1's failure.
		expect(emu.calls).toHaveLength(6);
	});
});

describe('client => getAll', () => {
	it('should return every client with Return All', async () => {
		const output = await runNode(creds, { resource: 'client', operation: 'getAll', returnAll: true });
		expect(emu.calls[0].params).toEqual({ action: 'listClient' });
		expect(output.map((item) => item.json.client_id)).toEqual(['1001', '1002', '1003']);
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it('should apply the limit', async () => {
		const output = await runNode(creds, { resource: 'client', operation: 'getAll', returnAll: false, limit: 2 });
		expect(output.map((item) => item.json.client_company_name)).toEqual(['World Company', 'Café Crème SARL']);
	});

	it('should send the search keyword unchanged', async () => {
		const output = await runNode(creds, {
			resource: 'client',
			operation: 'getAll',
			returnAll: true,
			search_keyword: ' Café Crème ',
		});
		expect(emu.calls[0].params).toEqual({ action: 'listClient', search_keyword: 'Café Crème' });
		expect(output.map((item) => item.json.client_id)).toEqual(['1002']);
	});

	it('should return nothing when no client matches', async () => {
		const output = await runNode(creds, {
			resource: 'client',
			operation: 'getAll',
			returnAll: true,
			search_keyword: 'a & b = 100%',
		});
		expect(emu.calls[0].params).toEqual({ action: 'listClient', search_keyword: 'a & b = 100%' });
		expect(output).toEqual([]);
	});
});

describe('client => create', () => {
	const contact = {
		client_reference: 'REF+1 & 2',
		client_contact_lastname: 'Lefèvre',
		client_email: 'jean@dupont.test',
		client_phonenumber: '+33 1 23 45 67 89',
		client_address: '3 rue du Faubourg',
		client_address_more: 'Bât. B = 2e étage',
		client_zipcode: '01000',
		client_city: 'Bourg-en-Bresse',
		client_country: 'France',
		client_lang: 'fr',
		number_siret: '12345678900011',
		number_tva: 'FR12345678901',
		client_website: 'https://dupont.test/?a=1&b=2',
		client_keyword: 'menuiserie',
		description: 'Ligne 1\nLigne 2 (50% + 50%)',
	};

	it('should send every field unchanged and return the new client_id', async () => {
		const output = await runNode(creds, {
			resource: 'client',
			operation: 'create',
			category: 'prospect',
			client_company_name: SPECIAL,
			additionalFields: contact,
		});
		expect(emu.calls[0].params).toEqual({
			action: 'createClient',
			category: 'prospect',
			client_company_name: SPECIAL,
			...contact,
		});
		expect(output).toEqual([{ json: { client_id: '1004' }, pairedItem: { item: 0 } }]);
		expect(emu.store.clients.get('1004')).toMatchObject({ client_company_name: SPECIAL, category: 'prospect', ...contact });
	});

	it('should send only the required fields when nothing else is set', async () => {
		await runNode(creds, { resource: 'client', operation: 'create', client_company_name: 'Solo' });
		expect(emu.calls[0].params).toEqual({ action: 'createClient', category: 'client', client_company_name: 'Solo' });
	});

	it('should stop a missing category (-11) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'client', operation: 'create', category: '={{ "" }}', client_company_name: 'X' },
			/^Category is invalid: ""/,
		);
	});

	it('should reject an unknown category from an expression', async () => {
		await expectInputError(
			{ resource: 'client', operation: 'create', category: '={{ "customer" }}', client_company_name: 'X' },
			/^Category is invalid: "customer"/,
		);
	});

	it('should stop a missing company name (-12) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'client', operation: 'create', category: 'client', client_company_name: '   ' },
			/^Company Name is required/,
		);
	});

	it('should reject a malformed email before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'client', operation: 'create', client_company_name: 'X', additionalFields: { client_email: 'jean at dupont' } },
			/^Email is invalid/,
		);
	});
});

describe('client => update', () => {
	it('should send the changed fields unchanged', async () => {
		const output = await runNode(creds, {
			resource: 'client',
			operation: 'update',
			client_id: byId('1002'),
			updateFields: { client_company_name: SPECIAL, category: 'fournisseur', client_city: 'Mâcon' },
		});
		expect(emu.calls[0].params).toEqual({
			action: 'editClient',
			client_id: '1002',
			client_company_name: SPECIAL,
			category: 'fournisseur',
			client_city: 'Mâcon',
		});
		expect(output).toEqual([{ json: { client_id: '1002', updated: true }, pairedItem: { item: 0 } }]);
		expect(emu.store.clients.get('1002')).toMatchObject({ client_company_name: SPECIAL, category: 'fournisseur', client_city: 'Mâcon' });
	});

	it('should explain error -9 (client not found)', async () => {
		await expectApiError(
			{ resource: 'client', operation: 'update', client_id: byId('4242'), updateFields: { client_city: 'Lyon' } },
			'editClient',
			-9,
			'No client with this ID exists',
		);
	});

	it('should stop a missing client_id (-8) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'client', operation: 'update', client_id: byId(''), updateFields: { client_city: 'Lyon' } },
			/^Client is required/,
		);
	});

	it('should refuse an update without fields', async () => {
		await expectInputError(
			{ resource: 'client', operation: 'update', client_id: byId('1001'), updateFields: {} },
			/^Update Fields are empty/,
		);
	});

	it('should reject an unknown category from an expression', async () => {
		await expectInputError(
			{ resource: 'client', operation: 'update', client_id: byId('1001'), updateFields: { category: '={{ "vip" }}' } },
			/^Category is invalid: "vip"/,
		);
	});
});

describe('client => generic API errors', () => {
	const operations: Array<[string, string, INodeParameters]> = [
		['getClient', 'get', { client_id: byId('1001') }],
		['listClient', 'getAll', {}],
		['createClient', 'create', { client_company_name: 'X' }],
		['editClient', 'update', { client_id: byId('1001'), updateFields: { client_city: 'Lyon' } }],
	];

	it.each(operations)('should explain error -4 (daily quota) on %s', async (action, operation, parameters) => {
		emu.setQuota(0);
		await expectApiError({ resource: 'client', operation, ...parameters }, action, -4, '500 API calls a day');
	});

	it.each(operations)('should explain error -3 (unknown token) on %s without leaking it', async (action, operation, parameters) => {
		const error = await failure(
			runNode({ ...creds, token: 'not-a-real-token' }, { resource: 'client', operation, ...parameters }),
		);
		expect(error.message).toBe(`Factomos error -3 on ${action}: Invalid Token`);
		expect(error.description).toContain('Check the Token');
	});
});

describe('client => pickers', () => {
	it('should list every contact in searchClients with its city and email, sorted by name', async () => {
		const result = await factomosNode.methods.listSearch.searchClients.call(loadOptionsContext(creds));
		expect(emu.calls[0].params).toEqual({ action: 'listClient' });
		expect(result.results).toEqual([
			{ name: 'Café Crème SARL (Lyon, bonjour@cafe-creme.test)', value: '1002' },
			{ name: 'Papeterie Martin (Nantes, compta@papeterie-martin.test)', value: '1003' },
			{ name: 'World Company (Paris, contact@worldcompany.test)', value: '1001' },
		]);
	});

	it('should tell apart two clients with the same name in searchClients', async () => {
		emu.store.createClient(emu.companyId, { client_company_name: 'World Company', client_city: 'Lille', client_email: 'lille@worldcompany.test' });
		emu.store.createClient(emu.companyId, { client_company_name: 'World Company', client_email: 'nocity@worldcompany.test' });
		emu.store.createClient(emu.companyId, { client_company_name: 'World Company' });
		const result = await factomosNode.methods.listSearch.searchClients.call(loadOptionsContext(creds), 'world');
		expect(emu.calls).toHaveLength(1);
		expect(result.results.map((entry) => entry.name).sort()).toEqual([
			'World Company',
			'World Company (Lille, lille@worldcompany.test)',
			'World Company (Paris, contact@worldcompany.test)',
			'World Company (nocity@worldcompany.test)',
		]);
		expect(new Set(result.results.map((entry) => entry.value)).size).toBe(4);
	});

	it('should pass the filter to Factomos in searchClients', async () => {
		const result = await factomosNode.methods.listSearch.searchClients.call(loadOptionsContext(creds), 'world');
		expect(emu.calls[0].params).toEqual({ action: 'listClient', search_keyword: 'world' });
		expect(result.results).toEqual([{ name: 'World Company (Paris, contact@worldcompany.test)', value: '1001' }]);
	});

	it('should only list suppliers in searchSuppliers', async () => {
		emu.store.createClient(emu.companyId, { client_company_name: 'Imprimerie Dubois', category: 'fournisseur' });
		const result = await factomosNode.methods.listSearch.searchSuppliers.call(loadOptionsContext(creds));
		expect(result.results).toEqual([
			{ name: 'Imprimerie Dubois', value: '1004' },
			{ name: 'Papeterie Martin (Nantes, compta@papeterie-martin.test)', value: '1003' },
		]);
	});

	it('should filter suppliers by keyword', async () => {
		const result = await factomosNode.methods.listSearch.searchSuppliers.call(loadOptionsContext(creds), 'paris');
		// World Company is in Paris but is a client, not a supplier.
		expect(emu.calls[0].params).toEqual({ action: 'listClient', search_keyword: 'paris' });
		expect(result.results).toEqual([]);
	});
});
