import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { factomosApiTest } from '../../nodes/Factomos/methods/credentialTest';
import type { ResponseMode } from '../emulator';
import { useActionEmulator } from '../helpers/actions';
import { credentialTestContext, factomosNode, loadOptionsContext, runNode } from '../helpers/n8n';

/**
 * The emulator answers with the documentation's example bodies exactly as written, slips included
 * (§23: no comma between the two templates, a trailing comma): if Factomos answers like its own
 * documentation, the node must read it.
 */

const { env } = useActionEmulator({ seed: true, docExamples: true });
const MODES: ResponseMode[] = ['urlencoded', 'base64', 'plain'];
const id = (value: string) => ({ __rl: true, mode: 'id', value });

describe('credential => test', () => {
	it.each(MODES)('should pass against the documentation\'s own listEmailTemplates answer (%s responses)', async (mode) => {
		env.emu.setResponseMode(mode);
		const result = await factomosApiTest.call(credentialTestContext(), {
			id: '1',
			name: 'Factomos account',
			type: 'factomosApi',
			data: { ...env.creds },
		});
		expect(result).toEqual({ status: 'OK', message: 'Connection successful' });
		expect(env.emu.calls.map((call) => call.action)).toEqual(['listEmailTemplates']);
	});
});

describe('pickers => search', () => {
	it('should list only the invoice template of §23 for Send by Email', async () => {
		const result = await factomosNode.methods.listSearch.searchInvoiceEmailTemplates.call(loadOptionsContext(env.creds));
		expect(result.results).toEqual([{ name: 'Envoi facture (invoice)', value: '335' }]);
	});

	it('should list the clients of §10 and the services of §14', async () => {
		const { listSearch, loadOptions } = factomosNode.methods;
		const context = loadOptionsContext(env.creds);
		expect((await listSearch.searchClients.call(context)).results.map((entry) => entry.name)).toEqual([
			'Mini Company (Paris, ad@a.com)',
			'World Company (Paris, ad@a.com)',
		]);
		// The documentation's contacts are all of category client.
		expect((await listSearch.searchSuppliers.call(context)).results).toEqual([]);
		expect((await listSearch.searchServices.call(context)).results).toEqual([
			{ name: 'Design', value: '101117' },
			{ name: 'Développement Web', value: '104997' },
		]);
		expect((await loadOptions.getServices.call(context)).map((entry) => entry.value)).toEqual(['101117', '104997']);
	});
});

const READS: Array<[string, INodeParameters, IDataObject[]]> = [
	['emailTemplate => getAll', { resource: 'emailTemplate', operation: 'getAll', returnAll: true }, [{ id: '333' }, { id: '335' }]],
	['client => getAll', { resource: 'client', operation: 'getAll', returnAll: true }, [{ client_company_name: 'World Company' }, { client_company_name: 'Mini Company' }]],
	['client => get', { resource: 'client', operation: 'get', client_id: id('1001') }, [{ client_id: '5782', client_lang: 'en' }]],
	['service => getAll', { resource: 'service', operation: 'getAll', returnAll: true }, [{ service_id: '104997' }, { service_id: '101117' }]],
	['service => get', { resource: 'service', operation: 'get', service_id: id('2001') }, [{ service_id: '8', price: '8.27758979797363' }]],
	['invoice => get', { resource: 'invoice', operation: 'get', invoice_id: '5001' }, [{ id: '6829', figures_total_withvat: '31215.6' }]],
	[
		'invoice => getEmailHistory',
		{ resource: 'invoice', operation: 'getEmailHistory', invoice_id: '5001' },
		[{ id: '77', email_subject: 'my subject' }, { id: '88', email_subject: 'my subject2' }],
	],
	['expense => get', { resource: 'expense', operation: 'get', expense_id: '9001' }, [{ expense_id: '25245', amount: '3.66' }]],
	['estimate => get', { resource: 'estimate', operation: 'get', estimate_id: '7001' }, [{ id: '19709', estimate_number: '50' }]],
];

describe.each(READS)('%s', (_name, parameters, expected) => {
	it('should read the documentation\'s example answer', async () => {
		const output = await runNode(env.creds, parameters);
		expect(output.map((item) => item.json)).toEqual(expected.map((fields) => expect.objectContaining(fields)));
	});
});

describe('invoice => getAll', () => {
	it('should read the documentation\'s example page of four late invoices and stop at its total', async () => {
		const output = await runNode(env.creds, { resource: 'invoice', operation: 'getAll', invoice_status: 'later', returnAll: true });
		// §19's page holds rows 50 to 53 of 54: nothing is left after it.
		expect(output.map((item) => item.json.id)).toEqual(['154735', '154718', '154714', '154251']);
		expect(env.emu.calls.map((call) => call.params.page_index)).toEqual(['0']);
	});
});
