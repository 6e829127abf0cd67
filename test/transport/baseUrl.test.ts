import { NodeApiError } from 'n8n-workflow';

import {
	callFactomosApi,
	factomosApiRequest,
	FactomosFailure,
	getDocumentBaseUrl,
	normalizeBaseUrl,
} from '../../nodes/Factomos/transport';
import { FactomosEmulator } from '../emulator';
import { executeContext } from '../helpers/n8n';
import { expectNoCredentials, failureOf, type HttpSend, realHttp } from './support';

describe('transport => normalizeBaseUrl', () => {
	it.each([
		['https://app.factomos.com', 'https://app.factomos.com'],
		['https://app.factomos.com/', 'https://app.factomos.com'],
		['https://app.factomos.com///', 'https://app.factomos.com'],
		['https://app.factomos.com/api/api.php', 'https://app.factomos.com'],
		['https://app.factomos.com/api/api.php/', 'https://app.factomos.com'],
		['https://dev.factomos.com/API/Api.php', 'https://dev.factomos.com'],
		['  https://dev.factomos.com/ \n', 'https://dev.factomos.com'],
		['http://127.0.0.1:8080/', 'http://127.0.0.1:8080'],
		['https://proxy.example.test/factomos/', 'https://proxy.example.test/factomos'],
	])('should normalise %j to %j', (input, expected) => {
		expect(normalizeBaseUrl(input)).toBe(expected);
	});

	it.each(['', '   ', 'app.factomos.com', 'ftp://app.factomos.com', 'https://', 'https:///api/api.php', '/api/api.php'])(
		'should reject %j with a clear message',
		(input) => {
			const run = () => normalizeBaseUrl(input);
			expect(run).toThrow(FactomosFailure);
			expect(run).toThrow('The Base URL of the Factomos credential is not a valid URL');
			try {
				run();
			} catch (error) {
				expect((error as FactomosFailure).description).toMatch(/https:\/\/app\.factomos\.com/);
			}
		},
	);

	it('should reject a missing Base URL', () => {
		expect(() => normalizeBaseUrl(undefined as unknown as string)).toThrow(FactomosFailure);
	});
});

describe('transport => invalid Base URL in a call', () => {
	const emu = new FactomosEmulator({ seed: true });
	const sent: string[] = [];
	let http: HttpSend;

	beforeAll(async () => {
		await emu.start();
		const real = realHttp();
		http = async (request) => {
			sent.push(request.url);
			return await real(request);
		};
	});
	afterAll(() => emu.stop());

	it('should fail before any request with callFactomosApi', async () => {
		const creds = { token: emu.token, secret: emu.secret, baseUrl: 'factomos' };
		const failure = await failureOf<FactomosFailure>(() => callFactomosApi(http, creds, 'createClient', { category: 'client', client_company_name: 'X' }));
		expect(failure).toBeInstanceOf(FactomosFailure);
		expect(failure.message).toBe('The Base URL of the Factomos credential is not a valid URL');
		expectNoCredentials(failure, creds);
		expect(sent).toEqual([]);
		expect(emu.requests).toEqual([]);
	});

	it('should fail with a NodeApiError in an n8n ExecuteContext', async () => {
		const creds = { token: emu.token, secret: emu.secret, baseUrl: 'www.factomos.com/api/api.php' };
		const ctx = executeContext(creds);
		const error = await failureOf<NodeApiError>(() => factomosApiRequest.call(ctx, 'listClient', {}, { itemIndex: 4 }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('The Base URL of the Factomos credential is not a valid URL');
		expect(error.description).toMatch(/https:\/\/app\.factomos\.com/);
		expect(error.context.itemIndex).toBe(4);
		expectNoCredentials(error, creds);
		await expect(getDocumentBaseUrl(ctx)).rejects.toThrow('not a valid URL');
		expect(emu.requests).toEqual([]);
	});
});
