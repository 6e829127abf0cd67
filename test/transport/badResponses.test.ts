import { randomBytes } from 'node:crypto';

import { NodeApiError } from 'n8n-workflow';

import {
	callFactomosApi,
	factomosApiRequest,
	FactomosFailure,
	type FactomosCredentials,
} from '../../nodes/Factomos/transport';
import { FACTOMOS_ACTIONS, isIdempotent } from '../../nodes/Factomos/transport/errors';
import type { FaultType, ResponseMode } from '../emulator';
import { executeContext } from '../helpers/n8n';
import { http, timersPromises } from '../host';
import {
	closedPort,
	expectNoCredentials,
	failureOf,
	quoted,
	realHttp,
	SEED,
	useTransportEmulator,
	VALID_PARAMS,
} from './support';

const MODES: ResponseMode[] = ['urlencoded', 'base64', 'plain'];
const NOT_RETRIED = /not retried/i;
const WRONG_SECRET = /Secret .*probably wrong/;
const CUT_OFF = /cut off/i;

/** Every check a bad answer must pass: a FactomosFailure that quotes at most 200 characters and no credentials. */
function expectClearFailure(error: unknown, credentials: FactomosCredentials): FactomosFailure {
	expect(error).toBeInstanceOf(FactomosFailure);
	const failure = error as FactomosFailure;
	expect(failure.code).toBeUndefined();
	expect(quoted(failure.description).length).toBeLessThanOrEqual(200);
	expectNoCredentials(failure, credentials);
	return failure;
}

describe('transport => bad response bodies', () => {
	const { emu, creds, http } = useTransportEmulator();

	async function faulted(type: FaultType, mode: ResponseMode, action = 'listClient') {
		emu.setResponseMode(mode);
		emu.setFault({ type, times: 1 });
		const error = await failureOf(() => callFactomosApi(http, creds, action, VALID_PARAMS[action as 'listClient']));
		expect(emu.calls).toHaveLength(1);
		expect(emu.calls[0].fault).toBe(type);
		return expectClearFailure(error, creds);
	}

	it.each(MODES)('should name a failing server for an HTML 500 page (%s mode)', async (mode) => {
		const failure = await faulted('http500', mode);
		expect(failure.message).toBe('Factomos returned an unexpected response (HTTP 500)');
		expect(failure.httpCode).toBe(500);
		expect(failure.description).toMatch(/server may be failing/);
		expect(quoted(failure.description)).toContain('500 Internal Server Error');
	});

	it.each(MODES)('should name a failing server for an HTML 502 page (%s mode)', async (mode) => {
		const failure = await faulted('http502', mode);
		expect(failure.message).toBe('Factomos returned an unexpected response (HTTP 502)');
		expect(failure.description).toMatch(/server may be failing/);
		expect(quoted(failure.description)).toContain('502 Bad Gateway');
	});

	it.each(MODES)('should report an empty body (%s mode)', async (mode) => {
		const failure = await faulted('empty', mode);
		expect(failure.message).toBe('Factomos returned an empty response');
		expect(failure.description).toMatch(/down or overloaded|wrong server/);
	});

	it.each(MODES)('should say a truncated response was cut off, not that the secret is wrong (%s mode)', async (mode) => {
		const failure = await faulted('truncated', mode);
		expect(failure.message).toMatch(/^Factomos returned (an incomplete encrypted response|incomplete JSON|a damaged encrypted response)$/);
		expect(failure.description).toMatch(CUT_OFF);
		expect(failure.description).not.toMatch(WRONG_SECRET);
	});

	it.each(MODES)('should blame the secret for a response encrypted under another secret (%s mode)', async (mode) => {
		const failure = await faulted('wrongSecret', mode);
		expect(failure.message).toBe("Factomos' response could not be decrypted");
		expect(failure.description).toMatch(WRONG_SECRET);
	});

	it.each(MODES)('should report valid ciphertext of invalid JSON as an incomplete answer (%s mode)', async (mode) => {
		const failure = await faulted('invalidJson', mode);
		expect(failure.message).toBe(mode === 'plain' ? 'Factomos returned incomplete JSON' : 'Factomos returned an incomplete encrypted response');
		expect(failure.description).toMatch(CUT_OFF);
		expect(failure.description).not.toMatch(WRONG_SECRET);
		expect(quoted(failure.description)).toBe('{"error":');
	});

	it('should point to the Base URL when it leads to a page that is not the API', async () => {
		const wrongPath = { ...creds, baseUrl: `${creds.baseUrl}/factomos` };
		const failure = expectClearFailure(await failureOf(() => callFactomosApi(http, wrongPath, 'listClient', {})), creds);
		expect(failure.message).toBe('Factomos returned an unexpected response (HTTP 404)');
		expect(failure.description).toMatch(/Base URL may be wrong/);
		expect(emu.requests.at(-1)?.path).toBe('/factomos/api/api.php');
		expect(emu.calls).toHaveLength(0);
	});

	it('should turn a bad body into a NodeApiError in an n8n ExecuteContext', async () => {
		emu.setFault({ type: 'http502', times: 1 });
		const error = await failureOf<NodeApiError>(() => factomosApiRequest.call(executeContext(creds), 'getClient', { client_id: SEED.world }, { itemIndex: 2 }));
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Factomos returned an unexpected response (HTTP 502)');
		expect(error.description).toMatch(/server may be failing/);
		expect(error.httpCode).toBe('502');
		expect(error.context.itemIndex).toBe(2);
		expectNoCredentials(error, creds);
	});
});

describe('transport => long or leaking bodies', () => {
	let server: http.Server;
	let baseUrl = '';
	let body = '';
	let status = 200;
	const keys = { token: `tok-${randomBytes(6).toString('hex')}`, secret: `sec-${randomBytes(6).toString('hex')}` };
	const creds = (): FactomosCredentials => ({ ...keys, baseUrl });

	beforeAll(async () => {
		// A misconfigured proxy that echoes what it got: the excerpt must not leak it.
		server = http.createServer((_req, res) => {
			res.writeHead(status, { 'Content-Type': 'text/html' });
			res.end(body);
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const address = server.address();
		baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
	});
	afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
	beforeEach(() => {
		status = 200;
	});

	it('should quote at most 200 characters of a long page, with the credentials masked', async () => {
		const { token, secret } = creds();
		body = `<html><body><pre>token=${token} secret=${secret}</pre>${'<p>Maintenance en cours</p>'.repeat(300)}</body></html>`;
		const failure = expectClearFailure(await failureOf(() => callFactomosApi(realHttp(), creds(), 'listClient', {})), creds());
		expect(failure.message).toBe('Factomos returned an unexpected response');
		expect(quoted(failure.description)).toHaveLength(200);
		expect(failure.description).toMatch(/…"$/);
		expect(failure.description).toContain('token=*** secret=***');
	});

	it('should mask the credentials in incomplete plain JSON', async () => {
		const { token, secret } = creds();
		body = `{"debug":"${token}/${secret}","error":{"code":0,`;
		const failure = expectClearFailure(await failureOf(() => callFactomosApi(realHttp(), creds(), 'listClient', {})), creds());
		expect(failure.message).toBe('Factomos returned incomplete JSON');
		expect(quoted(failure.description)).toContain('***/***');
	});

	it('should call a ciphertext cut inside a %XX escape damaged, not a wrong secret', async () => {
		body = 'r7jw%2Fb8SGULxaP%2FelSkhh7E%2';
		const failure = expectClearFailure(await failureOf(() => callFactomosApi(realHttp(), creds(), 'listClient', {})), creds());
		expect(failure.message).toBe('Factomos returned a damaged encrypted response');
		expect(failure.description).toMatch(CUT_OFF);
		expect(failure.description).not.toMatch(WRONG_SECRET);
	});

	it.each([
		[503, 'ServiceUnavailable'],
		[503, 'Service Unavailable'],
		[403, 'Forbidden'],
	])('should not blame the secret for an HTTP %i plain-text body "%s"', async (code, text) => {
		status = code;
		body = text;
		const failure = expectClearFailure(await failureOf(() => callFactomosApi(realHttp(), creds(), 'listClient', {})), creds());
		expect(failure.message).toBe(`Factomos returned an unexpected response (HTTP ${code})`);
		expect(failure.httpCode).toBe(code);
		expect(failure.description).not.toMatch(WRONG_SECRET);
		expect(quoted(failure.description)).toBe(text);
	});
});

describe('transport => network failures', () => {
	const { emu, creds, http } = useTransportEmulator();

	const writes = FACTOMOS_ACTIONS.filter((action) => !isIdempotent(action));
	const reads = FACTOMOS_ACTIONS.filter((action) => isIdempotent(action));

	it('should treat exactly the get/list actions as safe to repeat', () => {
		expect(reads.every((action) => /^(get|list)/.test(action))).toBe(true);
		expect(writes).toEqual(
			expect.arrayContaining(['createInvoice', 'editInvoice', 'sendInvoice', 'transformEstimate', 'deleteAllPayments', 'createPayment', 'editPayment', 'deleteAccount', 'updateAccount']),
		);
	});

	it.each(writes)('should not retry %s after a connection reset', async (action) => {
		emu.setFault({ type: 'reset', action, times: 1 });
		const failure = expectClearFailure(await failureOf(() => callFactomosApi(http, creds, action, VALID_PARAMS[action])), creds);
		expect(failure.message).toBe(`The connection to Factomos was reset (${action})`);
		expect(failure.description).toMatch(NOT_RETRIED);
		expect(failure.description).toMatch(/duplicate/);
		expect(emu.calls).toHaveLength(1);
		expect(emu.calls[0].fault).toBe('reset');
	});

	it.each(writes)('should not retry %s after a timeout', async (action) => {
		emu.setFault({ type: 'timeout', action, times: 1 });
		const failure = expectClearFailure(await failureOf(() => callFactomosApi(http, creds, action, VALID_PARAMS[action], 150)), creds);
		expect(failure.message).toBe(`Factomos did not answer within 150 ms (${action})`);
		expect(failure.description).toMatch(NOT_RETRIED);
		expect(emu.calls).toHaveLength(1);
	});

	it.each(reads)('should say %s is safe to run again after a connection reset', async (action) => {
		emu.setFault({ type: 'reset', action, times: 1 });
		const failure = expectClearFailure(await failureOf(() => callFactomosApi(http, creds, action, VALID_PARAMS[action])), creds);
		expect(failure.description).toMatch(/safe to run again/);
		expect(emu.calls).toHaveLength(1);
	});

	it('should create exactly one invoice when the answer comes after the timeout', async () => {
		const before = emu.store.invoices.size;
		emu.setFault({ type: 'slow', action: 'createInvoice', delayMs: 400, times: 1 });
		const failure = expectClearFailure(
			await failureOf(() => callFactomosApi(http, creds, 'createInvoice', VALID_PARAMS.createInvoice, 100)),
			creds,
		);
		expect(failure.message).toBe('Factomos did not answer within 100 ms (createInvoice)');
		expect(failure.description).toMatch(NOT_RETRIED);
		expect(failure.description).toMatch(/Check Factomos before running again/);
		// Let the slow server finish the request the client gave up on.
		await timersPromises.setTimeout(600);
		expect(emu.calls).toHaveLength(1);
		expect(emu.calls[0].responseCode).toBe(0);
		expect(emu.store.invoices.size).toBe(before + 1);
		expect(emu.violations).toEqual([]);
	});

	it('should report a refused connection on a closed port as never sent, so safe to run again', async () => {
		const closed = { ...creds, baseUrl: `http://127.0.0.1:${await closedPort()}` };
		const failure = expectClearFailure(await failureOf(() => callFactomosApi(http, closed, 'createClient', VALID_PARAMS.createClient)), closed);
		expect(failure.message).toBe('Could not connect to Factomos (createClient)');
		expect(failure.description).toMatch(/Base URL/);
		expect(failure.description).toMatch(/ECONNREFUSED/);
		expect(failure.description).toMatch(/never reached Factomos, so nothing was changed: it is safe to run again/);
		expect(failure.requestSent).toBe(false);
	});

	it.each(writes)('should say an HTML 502 answer to %s may follow a request Factomos carried out', async (action) => {
		emu.setFault({ type: 'http502', action, times: 1 });
		const failure = expectClearFailure(await failureOf(() => callFactomosApi(http, creds, action, VALID_PARAMS[action])), creds);
		expect(failure.message).toBe('Factomos returned an unexpected response (HTTP 502)');
		expect(failure.description).toMatch(NOT_RETRIED);
		expect(failure.description).toMatch(/may have reached Factomos/);
		expect(failure.requestSent).toBeUndefined();
	});

	it.each(reads)('should not warn of duplicates after an HTML 502 answer to %s', async (action) => {
		emu.setFault({ type: 'http502', action, times: 1 });
		const failure = expectClearFailure(await failureOf(() => callFactomosApi(http, creds, action, VALID_PARAMS[action])), creds);
		expect(failure.description).not.toMatch(/may have reached Factomos/);
	});

	it('should report network failures as NodeApiError in an n8n ExecuteContext, without retrying', async () => {
		const ctx = executeContext(creds);
		emu.setFault({ type: 'reset', times: 1 });
		const reset = await failureOf<NodeApiError>(() => factomosApiRequest.call(ctx, 'createClient', VALID_PARAMS.createClient, { itemIndex: 1 }));
		expect(reset).toBeInstanceOf(NodeApiError);
		expect(reset.message).toBe('The connection to Factomos was reset (createClient)');
		expect(reset.description).toMatch(NOT_RETRIED);
		expect(reset.context.itemIndex).toBe(1);
		expectNoCredentials(reset, creds);

		emu.setFault({ type: 'timeout', times: 1 });
		const timeout = await failureOf<NodeApiError>(() => factomosApiRequest.call(ctx, 'sendInvoice', VALID_PARAMS.sendInvoice, { timeout: 150 }));
		expect(timeout).toBeInstanceOf(NodeApiError);
		expect(timeout.message).toBe('Factomos did not answer within 150 ms (sendInvoice)');
		expect(timeout.description).toMatch(NOT_RETRIED);
		expectNoCredentials(timeout, creds);
		expect(emu.calls).toHaveLength(2);
		expect(emu.store.mails.size).toBe(1);

		const closed = executeContext({ ...creds, baseUrl: `http://127.0.0.1:${await closedPort()}` });
		const refused = await failureOf<NodeApiError>(() => factomosApiRequest.call(closed, 'listClient', {}));
		expect(refused).toBeInstanceOf(NodeApiError);
		expect(refused.message).toBe('Could not connect to Factomos (listClient)');
		expect(refused.errorResponse).toMatchObject({ requestSent: false });
		expect(reset.errorResponse?.requestSent).toBeUndefined();
		expectNoCredentials(refused, creds);
	});
});
