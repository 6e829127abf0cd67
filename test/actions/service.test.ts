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

describe('service => getAll', () => {
	it('should return every service with Return All', async () => {
		const output = await runNode(creds, { resource: 'service', operation: 'getAll', returnAll: true });
		expect(emu.calls[0].params).toEqual({ action: 'listService' });
		expect(output.map((item) => item.json.service_id)).toEqual(['2001', '2002', '2003']);
		expect(output[0].json).toMatchObject({ service_name: 'Développement Web', unit: 'jour', price: '800', category: 'services' });
		expect(output.map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 0 }, { item: 0 }]);
	});

	it('should apply the limit', async () => {
		const output = await runNode(creds, { resource: 'service', operation: 'getAll', returnAll: false, limit: 2 });
		expect(output.map((item) => item.json.service_name)).toEqual(['Développement Web', 'Design']);
	});

	it('should use the default limit of 50', async () => {
		for (let i = 0; i < 55; i++) emu.store.createService(emu.companyId, { service_name: `Service ${i}`, price: '1' });
		const output = await runNode(creds, { resource: 'service', operation: 'getAll' });
		expect(output).toHaveLength(50);
		expect(emu.calls).toHaveLength(1);
	});
});

describe('service => get', () => {
	it('should send service_id and return the service itself', async () => {
		const output = await runNode(creds, { resource: 'service', operation: 'get', service_id: byId('2003') });
		expect(emu.calls[0].params).toEqual({ action: 'getService', service_id: '2003' });
		expect(output).toEqual([
			{
				json: {
					service_id: '2003',
					company_id: '550',
					category: 'produits',
					service_name: 'Abonnement Pictomos',
					description: 'Abonnement au service Pictomos',
					unit: 'mois',
					price: '9.5',
					vat: '20',
					service_code_analytic: '707001',
					archived: '0',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('should convert the price to a number when asked', async () => {
		const output = await runNode(creds, {
			resource: 'service',
			operation: 'get',
			service_id: { __rl: true, mode: 'list', value: '2003' },
			options: { convertNumericStrings: true },
		});
		expect(output[0].json).toMatchObject({ service_id: 2003, price: 9.5, vat: 20, service_name: 'Abonnement Pictomos' });
	});

	it('should explain error -14 (service not found)', async () => {
		await expectApiError(
			{ resource: 'service', operation: 'get', service_id: byId('99999') },
			'getService',
			-14,
			'No service with this ID exists',
		);
	});

	it('should stop a missing service_id (-13) before calling Factomos', async () => {
		await expectInputError({ resource: 'service', operation: 'get', service_id: byId('') }, /^Service is required/);
	});

	it('should reject a non-numeric service ID before calling Factomos', async () => {
		await expectInputError({ resource: 'service', operation: 'get', service_id: byId('web') }, /^Service is invalid: "web"/);
	});

	it('should keep going on failure with a mixed batch', async () => {
		const output = await runNode(
			creds,
			{ resource: 'service', operation: 'get', service_id: byId('={{ $json.id }}') },
			{ items: [{ id: '404' }, { id: '2001' }], continueOnFail: true },
		);
		expect(output).toEqual([
			{
				json: expect.objectContaining({ code: -14, apiMessage: 'Service not found' }),
				pairedItem: { item: 0 },
			},
			{ json: expect.objectContaining({ service_id: '2001' }), pairedItem: { item: 1 } },
		]);
	});
});

describe('service => create', () => {
	it('should send every field unchanged and return the new service_id', async () => {
		const output = await runNode(creds, {
			resource: 'service',
			operation: 'create',
			service_name: SPECIAL,
			price: 150.5,
			additionalFields: { category: 'produits', description: 'Ligne 1\nLigne 2 = 50% + 50%', unit: 'pièce & demi' },
		});
		expect(emu.calls[0].params).toEqual({
			action: 'createService',
			service_name: SPECIAL,
			price: '150.5',
			category: 'produits',
			description: 'Ligne 1\nLigne 2 = 50% + 50%',
			unit: 'pièce & demi',
		});
		expect(output).toEqual([{ json: { service_id: '2004' }, pairedItem: { item: 0 } }]);
		expect(emu.store.services.get('2004')).toMatchObject({
			service_name: SPECIAL,
			price: '150.5',
			category: 'produits',
			unit: 'pièce & demi',
		});
	});

	it('should send only the name and price when nothing else is set', async () => {
		await runNode(creds, { resource: 'service', operation: 'create', service_name: 'Audit', price: 0 });
		expect(emu.calls[0].params).toEqual({ action: 'createService', service_name: 'Audit', price: '0' });
	});

	it('should take the price from an expression', async () => {
		await runNode(
			creds,
			{ resource: 'service', operation: 'create', service_name: '={{ $json.name }}', price: '={{ $json.price }}' },
			{ items: [{ name: 'Formation', price: '1250.50' }] },
		);
		expect(emu.calls[0].params).toEqual({ action: 'createService', service_name: 'Formation', price: '1250.50' });
	});

	it('should stop a missing name (-15) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'service', operation: 'create', service_name: '', price: 10 },
			/^Name is required/,
		);
	});

	it('should stop a missing price (-16) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'service', operation: 'create', service_name: 'Audit', price: '={{ "" }}' },
			/^Price is required/,
		);
	});

	it('should reject a price that is not a number before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'service', operation: 'create', service_name: 'Audit', price: '={{ "12,50 €" }}' },
			/^Price is invalid: "12,50 €"/,
		);
	});

	it('should stop an invalid category (-27) before calling Factomos', async () => {
		await expectInputError(
			{ resource: 'service', operation: 'create', service_name: 'Audit', price: 10, additionalFields: { category: '={{ "my category" }}' } },
			/^Category is invalid: "my category"/,
		);
	});
});

describe('service => generic API errors', () => {
	const operations: Array<[string, string, INodeParameters]> = [
		['listService', 'getAll', {}],
		['getService', 'get', { service_id: byId('2001') }],
		['createService', 'create', { service_name: 'Audit', price: 10 }],
	];

	it.each(operations)('should explain error -4 (daily quota) on %s', async (action, operation, parameters) => {
		emu.setQuota(0);
		await expectApiError({ resource: 'service', operation, ...parameters }, action, -4, '500 API calls a day');
	});

	it.each(operations)('should explain error -3 (unknown token) on %s', async (action, operation, parameters) => {
		const error = await failure(runNode({ ...creds, token: 'nope' }, { resource: 'service', operation, ...parameters }));
		expect(error.message).toBe(`Factomos error -3 on ${action}: Invalid Token`);
	});
});

describe('service => pickers', () => {
	it('should list services sorted by name in searchServices', async () => {
		const result = await factomosNode.methods.listSearch.searchServices.call(loadOptionsContext(creds));
		expect(emu.calls[0].params).toEqual({ action: 'listService' });
		expect(result.results).toEqual([
			{ name: 'Abonnement Pictomos', value: '2003' },
			{ name: 'Design', value: '2002' },
			{ name: 'Développement Web', value: '2001' },
		]);
	});

	it('should filter services by name, ignoring case', async () => {
		const result = await factomosNode.methods.listSearch.searchServices.call(loadOptionsContext(creds), 'DÉV');
		expect(result.results).toEqual([{ name: 'Développement Web', value: '2001' }]);
	});

	it('should offer services with their price and unit in getServices', async () => {
		const options = await factomosNode.methods.loadOptions.getServices.call(loadOptionsContext(creds));
		expect(emu.calls[0].params).toEqual({ action: 'listService' });
		expect(options).toEqual([
			{ name: 'Abonnement Pictomos (9.5 / mois)', value: '2003' },
			{ name: 'Design (450 / forfait)', value: '2002' },
			{ name: 'Développement Web (800 / jour)', value: '2001' },
		]);
	});

	it('should offer Title Line (service ID 75) first in getServices from version 1.1', async () => {
		const options = await factomosNode.methods.loadOptions.getServices.call(loadOptionsContext(creds, {}, 1.1));
		expect(emu.calls.map((call) => call.params.action)).toEqual(['listService']);
		expect(options.map((option) => option.value)).toEqual(['75', '2003', '2002', '2001']);
		expect(options[0].name).toBe('Title Line (Section Heading, No Amount)');
	});

	it('should fail the picker with the documented explanation when the quota is used up', async () => {
		emu.setQuota(0);
		const error = await failure(factomosNode.methods.listSearch.searchServices.call(loadOptionsContext(creds)));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Factomos error -4 on listService: Too many API calls for the day');
	});
});
